package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable copies for the compact constructors of the manifest records. */
final class Copies {

    private Copies() {
    }

    static <K extends Comparable<K>, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(map)));
    }

    /** JSON nodes are mutable, so each is copied deeply: a caller's later change cannot reach the record. */
    static SortedMap<String, JsonNode> extra(Map<String, JsonNode> extra) {
        TreeMap<String, JsonNode> copy = new TreeMap<>();
        Objects.requireNonNull(extra).forEach((field, value) -> copy.put(field, value.deepCopy()));
        return Collections.unmodifiableSortedMap(copy);
    }
}
