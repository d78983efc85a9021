package io.prompd.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedValuesTest {

    @Test
    void aShortTextIsParsedOnceAndALongOneEachTime() {
        AtomicInteger parses = new AtomicInteger();
        ParsedValues<StringBuilder> values = new ParsedValues<>(text -> {
            parses.incrementAndGet();
            return new StringBuilder(text);
        });
        String longestKept = "1".repeat(ParsedValues.LONGEST_KEPT);
        String longText = longestKept + "1";

        assertSame(values.parse("^1.2.3"), values.parse("^1.2.3"));
        assertSame(values.parse(longestKept), values.parse(longestKept));
        assertNotSame(values.parse(longText), values.parse(longText), "kept, it would hold memory for good");
        assertEquals(4, parses.get());
    }
}
