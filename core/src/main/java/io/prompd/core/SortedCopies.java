package io.prompd.core;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Immutable sorted copies, for the compact constructors of records: the JDK has {@code Map.copyOf}
 * and {@code Set.copyOf}, which forget the order that keeps every output deterministic, and
 * unmodifiable sorted views, which a caller's later change would still reach.
 */
public final class SortedCopies {

    private SortedCopies() {
    }

    /** Refuses a null key or value as {@code Map.copyOf} does: read later, it would fail far from its cause. */
    public static <K, V> SortedMap<K, V> map(Map<K, V> entries) {
        SortedMap<K, V> copy = new TreeMap<>(entries);
        copy.forEach((key, value) -> Objects.requireNonNull(value, () -> "no value for the key " + key));
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * A map of maps, such as each package's versions, copied at both levels as {@link #map} copies one: a copy of the
     * outer map alone would share the inner ones, which a caller's later change would still reach.
     */
    public static <K, L, V> SortedMap<K, SortedMap<L, V>> nested(Map<K, ? extends Map<L, V>> entries) {
        SortedMap<K, SortedMap<L, V>> copy = new TreeMap<>();
        entries.forEach((key, inner) -> copy.put(key,
                map(Objects.requireNonNull(inner, () -> "no value for the key " + key))));
        return Collections.unmodifiableSortedMap(copy);
    }

    public static <T> SortedSet<T> set(Collection<T> items) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(items));
    }
}
