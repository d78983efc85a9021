package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SortedCopiesTest {

    @Test
    void aMapIsCopiedSortedAndUnmodifiable() {
        Map<String, Integer> entries = new HashMap<>(Map.of("b", 2, "a", 1));
        SortedMap<String, Integer> copy = SortedCopies.map(entries);
        entries.put("c", 3);

        assertEquals(List.of("a", "b"), List.copyOf(copy.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> copy.put("c", 3));
    }

    @Test
    void aNullKeyOrValueIsRefusedAsMapCopyOfRefusesIt() {
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("registry", null);
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);

        assertEquals("no value for the key registry",
                assertThrows(NullPointerException.class, () -> SortedCopies.map(nullValue)).getMessage());
        assertThrows(NullPointerException.class, () -> SortedCopies.map(nullKey));
        assertThrows(NullPointerException.class, () -> SortedCopies.map(null));
    }
}
