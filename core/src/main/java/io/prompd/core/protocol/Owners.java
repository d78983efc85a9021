package io.prompd.core.protocol;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who may publish a package: the owners and teams of its scope, or for an unscoped package the
 * owners its meta.json lists.
 *
 * @param users GitHub logins
 * @param teams team names of the registry's scopes.json
 */
public record Owners(SortedSet<String> users, SortedSet<String> teams) {

    public static final Owners NONE = new Owners(Collections.emptySortedSet(), Collections.emptySortedSet());

    public Owners {
        users = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(users, "users")));
        teams = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(teams, "teams")));
    }
}
