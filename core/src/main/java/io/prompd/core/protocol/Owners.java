package io.prompd.core.protocol;

import io.prompd.core.SortedCopies;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;

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
        users = SortedCopies.set(Objects.requireNonNull(users, "users"));
        teams = SortedCopies.set(Objects.requireNonNull(teams, "teams"));
    }
}
