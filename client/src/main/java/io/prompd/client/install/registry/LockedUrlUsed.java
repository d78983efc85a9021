package io.prompd.client.install.registry;

import java.util.Objects;

/**
 * A locked version's tarball that came from the URL the lock records, outside the registry its name resolves in now,
 * because that registry failed to give it: it could not be reached, failed or refused, lacked the tarball, or sent
 * other bytes. The lock's integrity pinned the bytes all the same.
 *
 * @param route   where the lock has the version from, and the registry its name resolves in now
 * @param problem how that registry failed, in the words of the fetch, which do not name the registry
 */
public record LockedUrlUsed(RouteChange route, String problem) {

    public LockedUrlUsed {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(problem, "problem");
    }
}
