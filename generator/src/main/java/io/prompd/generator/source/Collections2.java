package io.prompd.generator.source;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Immutable sorted copies, since the JDK offers unmodifiable views but no sorted {@code copyOf}. */
final class Collections2 {

    private Collections2() {
    }

    static <T extends Comparable<? super T>> SortedSet<T> sortedSet(Collection<T> items) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(items));
    }

    /**
     * GitHub logins, which GitHub compares ignoring case: a maintainer may write {@code Alice} where
     * the pull request's actor is {@code alice}. Kept as written, sorted and compared ignoring case.
     */
    static SortedSet<String> logins(Collection<String> logins) {
        SortedSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sorted.addAll(logins);
        return Collections.unmodifiableSortedSet(sorted);
    }

    static <K extends Comparable<? super K>, V> SortedMap<K, V> sortedMap(Map<K, V> entries) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }
}
