package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** The deep copy the manifest records need for fields prompd does not know. */
final class Copies {

    private Copies() {
    }

    /** JSON nodes are mutable, so each is copied deeply: a caller's later change cannot reach the record. */
    static SortedMap<String, JsonNode> extra(Map<String, JsonNode> extra) {
        TreeMap<String, JsonNode> copy = new TreeMap<>();
        Objects.requireNonNull(extra).forEach((field, value) -> copy.put(field, value.deepCopy()));
        return Collections.unmodifiableSortedMap(copy);
    }
}
