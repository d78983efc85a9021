package io.prompd.core.version;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Memo of a pure parser of immutable values, by text: a registry build parses the same few
 * hundred version and range texts tens of thousands of times. The bounds, on the count and on each text's length,
 * keep memory flat whatever the input (a range can be as long as a manifest holds); texts beyond them are parsed
 * each time. Failures are never remembered.
 */
final class ParsedValues<T> {

    private static final int CAPACITY = 4096;
    /** Far above any version or range a person writes. */
    static final int LONGEST_KEPT = 256;

    private final Map<String, T> parsed = new ConcurrentHashMap<>();
    private final Function<String, T> parser;

    ParsedValues(Function<String, T> parser) {
        this.parser = parser;
    }

    T parse(String text) {
        T known = parsed.get(text);
        if (known != null) {
            return known;
        }
        T value = parser.apply(text);
        if (parsed.size() < CAPACITY && text.length() <= LONGEST_KEPT) {
            parsed.putIfAbsent(text, value);
        }
        return value;
    }
}
