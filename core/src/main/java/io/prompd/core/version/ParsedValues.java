package io.prompd.core.version;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Memo of a pure parser of immutable values, by text: a registry build parses the same few
 * hundred version and range texts tens of thousands of times. The bound keeps memory flat
 * whatever the input; texts beyond it are parsed each time. Failures are never remembered.
 */
final class ParsedValues<T> {

    private static final int CAPACITY = 4096;

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
        if (parsed.size() < CAPACITY) {
            parsed.putIfAbsent(text, value);
        }
        return value;
    }
}
