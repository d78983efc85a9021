package io.prompd.generator.source;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Sets of GitHub logins, kept as written and compared as GitHub compares logins. */
final class Logins {

    private Logins() {
    }

    /**
     * GitHub logins, which GitHub compares ignoring case: a maintainer may write {@code Alice} where
     * the pull request's actor is {@code alice}. Kept as written, sorted and compared ignoring case.
     */
    static SortedSet<String> of(Collection<String> logins) {
        SortedSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sorted.addAll(logins);
        return Collections.unmodifiableSortedSet(sorted);
    }
}
