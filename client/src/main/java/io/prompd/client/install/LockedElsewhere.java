package io.prompd.client.install;

import io.prompd.client.http.AccessRefused;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.registry.RouteChange;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Urls;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * What to say of a locked version that the registry its name routes to now does not have, as the lock pins it, while
 * the lock's URL for it lies in another registry: the route changed since it was locked (a scope routed elsewhere, a
 * registry removed, a one-off {@code --registry}), or the registry is a mirror that is behind. The current registry's
 * versions of that name may then be another's package (dependency confusion), so the way off is to route the name
 * back, never to update to them.
 */
final class LockedElsewhere {

    /** The failures of a download that a route change explains: the tarball's absence, a refusal, other bytes. */
    private static final Set<ExitCode> EXPLAINED = Set.of(ExitCode.NOT_FOUND, ExitCode.NETWORK, ExitCode.INTEGRITY);

    private LockedElsewhere() {
    }

    /**
     * The route change behind a locked version the name's registry now lacks or lists with other bytes; empty when it
     * has it, when the lock's URL lies in it, or when its index cannot be read to tell.
     */
    static Optional<RouteChange> of(PackageName name, LockedPackage locked, RegistryIndex index) {
        return index.routeChange(name, locked.version(), locked.resolved())
                .filter(change -> listing(name, locked, index).filter(listed -> listed != Listing.AS_LOCKED).isPresent());
    }

    /** The warning of {@code outdated} for such a version, instead of its newer versions: they may be another's. */
    static String warning(RouteChange change) {
        return notThere(change) + "; its versions there may be another's package, so none is offered ("
                + waysBack(change) + ")";
    }

    /**
     * A download of such a version that failed, as the failure of the lock's route rather than of the registry
     * serving the name now, which a refusal or a missing tarball would otherwise blame, or, for other bytes than the
     * lock pins, of an edit of the lock; empty for a failure the route does not explain.
     */
    static Optional<PrompdException> downloadFailure(PackageName name, LockedPackage locked, RegistryIndex index,
                                                     PrompdException failed) {
        if (!EXPLAINED.contains(failed.exitCode())) {
            return Optional.empty();
        }
        Optional<RouteChange> moved = of(name, locked, index);
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        RouteChange change = moved.get();
        if (failed.exitCode() == ExitCode.INTEGRITY) {
            // bytes not from the current registry came from the lock's own URL, which the route does not explain
            return listing(name, locked, index).filter(Listing.OTHER_BYTES::equals).map(other -> new PrompdException(
                    ExitCode.INTEGRITY, "integrity check failed for " + name + "@" + locked.version() + ": "
                    + LockFile.FILE_NAME + " has it from " + change.recordedRegistry() + ", while " + route(change)
                    + ", whose copy has other bytes", "do not lock the copy of registry " + change.current().describe()
                    + ": it may be another's package; " + change.routeBack(), failed));
        }
        boolean refusedByItsRegistry = failed.getCause() instanceof AccessRefused && change.recordedIn().isPresent();
        // with no configured registry holding the URL, the refusal would name the registry of the current route
        String why = failed.getCause() instanceof AccessRefused refused && change.recordedIn().isEmpty()
                ? "its URL there refused access (HTTP " + refused.status() + "): "
                        + Urls.displayAnswered(refused.url(), refused.answeredBy())
                : failed.getMessage();
        return Optional.of(new PrompdException(failed.exitCode(), notThere(change) + ", and " + why,
                (refusedByItsRegistry ? failed.hint() + "; " : "") + waysBack(change), failed));
    }

    /** How the registry serving the name lists the locked version. */
    private enum Listing { AS_LOCKED, OTHER_BYTES, NOT_LISTED }

    /** Empty when the registry's index cannot be read. */
    private static Optional<Listing> listing(PackageName name, LockedPackage locked, RegistryIndex index) {
        try {
            return Optional.of(index.find(name).flatMap(published -> published.version(locked.version()))
                    .map(known -> known.dist().integrity().equals(locked.integrity()) ? Listing.AS_LOCKED
                            : Listing.OTHER_BYTES)
                    .orElse(Listing.NOT_LISTED));
        } catch (PrompdException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    private static String notThere(RouteChange change) {
        return change.name() + "@" + change.version() + " is locked in " + LockFile.FILE_NAME + " from "
                + change.recordedRegistry() + ", and " + route(change) + ", which does not have it";
    }

    /** {@code @company now resolves in registry public (https://…)}. */
    private static String route(RouteChange change) {
        return change.routed() + " now resolves in registry " + change.current().describe();
    }

    private static String waysBack(RouteChange change) {
        return change.routeBack() + "; if registry " + change.current().describe() + " mirrors that one, update the"
                + " mirror (pull and build it)";
    }
}
