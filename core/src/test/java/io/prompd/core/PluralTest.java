package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void countsTakeAnSExceptForOne() {
        assertEquals("0 files", Plural.count(0, "file"));
        assertEquals("1 file", Plural.count(1, "file"));
        assertEquals("2 files", Plural.count(2, "file"));
    }

    @Test
    void oneThingIsItAndAnyOtherNumberThem() {
        assertEquals("it", Plural.itOrThem(1));
        assertEquals("them", Plural.itOrThem(0));
        assertEquals("them", Plural.itOrThem(2));
        assertEquals("it", Plural.itIfOne(true));
        assertEquals("them", Plural.itIfOne(false));
    }

    @Test
    void aSeriesPutsItsConjunctionBeforeTheLastPart() {
        assertEquals("a", Plural.series(List.of("a"), "or"));
        assertEquals("a and b", Plural.series(List.of("a", "b"), "and"));
        assertEquals("a, b or c", Plural.series(List.of("a", "b", "c"), "or"));
    }
}
