package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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

    @Test
    void aMapOfMapsIsCopiedSortedAndUnmodifiableAtBothLevels() {
        Map<String, Integer> versions = new HashMap<>(Map.of("2", 2, "1", 1));
        Map<String, Map<String, Integer>> entries = new HashMap<>(Map.of("b", versions, "a", Map.of()));
        SortedMap<String, SortedMap<String, Integer>> copy = SortedCopies.nested(entries);
        versions.put("3", 3);
        entries.put("c", Map.of());

        assertEquals(List.of("a", "b"), List.copyOf(copy.keySet()));
        assertEquals(List.of("1", "2"), List.copyOf(copy.get("b").keySet()));
        assertThrows(UnsupportedOperationException.class, () -> copy.put("c", new TreeMap<>()));
        assertThrows(UnsupportedOperationException.class, () -> copy.get("b").put("3", 3));
    }

    /** As {@link SortedCopies#map}: a map of maps not read is no empty one. */
    @Test
    void aNullMapOfMapsOrInnerMapIsRefused() {
        Map<String, Map<String, Integer>> nullInner = new HashMap<>();
        nullInner.put("a", null);

        assertEquals("no value for the key a",
                assertThrows(NullPointerException.class, () -> SortedCopies.nested(nullInner)).getMessage());
        assertThrows(NullPointerException.class, () -> SortedCopies.nested(null));
    }
}
