package io.prompd.client.install;

import io.prompd.client.http.AccessRefused;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.registry.RouteChange;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Urls;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.ForwardingPackageIndex;
import io.prompd.core.resolve.PackageIndex;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A locked version that the registry its name routes to now does not list, or lists with other bytes than the lock
 * pins, while the lock's URL for it is none of that registry's tarballs of the package ({@link
 * io.prompd.client.install.registry.RegistryEndpoint#isOwnTarball}): the route changed since it was locked (a scope
 * routed elsewhere, a registry removed, a one-off {@code --registry}), or the registry is a mirror that is behind or
 * took the version down. The current registry's versions of that name may then be another's package (dependency
 * confusion), so the way off is to route the name back, never to update to them.
 *
 * @param change  where the version was locked from, and where its name resolves now
 * @param listing how the registry the name resolves in now lists the version: not (whatever takedown of it that
 *                registry records), or with other bytes
 * @param commands how the ways off spell the prompd commands they suggest
 */
record LockedElsewhere(RouteChange change, Listing listing, SuggestedCommands commands) {

    /** The failures of a download that a route change explains: the tarball's absence, a refusal, other bytes. */
    private static final Set<ExitCode> EXPLAINED = Set.of(ExitCode.NOT_FOUND, ExitCode.NETWORK, ExitCode.INTEGRITY);

    LockedElsewhere {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(commands, "commands");
        if (!listing.elsewhere()) {
            throw new IllegalArgumentException("a version its registry lists as locked is not locked elsewhere");
        }
    }

    /**
     * The route change behind a locked version the name's registry now lacks or lists with other bytes; empty when it
     * has it, when the lock's URL is one of its tarballs, or when its index cannot be read to tell.
     */
    static Optional<LockedElsewhere> of(PackageName name, LockedPackage locked, RegistryIndex index) {
        return of(index.routeChange(name, locked), locked, index);
    }

    /** As {@link #of(PackageName, LockedPackage, RegistryIndex)}, of the entry's route change, read already. */
    static Optional<LockedElsewhere> of(Optional<RouteChange> change, LockedPackage locked, RegistryIndex index) {
        return change.flatMap(route -> listing(route.name(), locked, index).filter(Listing::elsewhere)
                .map(listed -> new LockedElsewhere(route, listed, index.commands())));
    }

    /**
     * The warning of {@code outdated} for such a version, instead of its newer versions, and of a resolution keeping it
     * as locked: the versions of its name there may be another's.
     */
    InstallNote.RouteChanged note() {
        return new InstallNote.RouteChanged(change.name(), change.version(), change.lockedFrom(), change.routed(),
                change.current().mention(), listing == Listing.OTHER_BYTES, waysBack());
    }

    /**
     * The resolver's view of the registry with each package {@code lock} has from another registry offered at its
     * locked version alone, as the lock records it: the versions of its name there may be another's package, which no
     * resolution (an update, an install adding another package) may swap in unasked, as cargo keeps a locked package's
     * source; deleting its entry from the lock is the way to take them knowingly.
     */
    static PackageIndex keepingLocked(LockFile lock, RegistryIndex index) {
        return new KeptIndex(lock, index);
    }

    /**
     * A resolution's failure, followed by what {@code outdated} says of each package that it names and that
     * {@code lock} has from another registry, whose versions there it was not offered.
     */
    static String explaining(String failure, LockFile lock, RegistryIndex index) {
        List<String> notes = lock.packages().entrySet().stream()
                .filter(entry -> StatusNotes.names(failure, entry.getKey()))
                .flatMap(entry -> of(entry.getKey(), entry.getValue(), index).stream())
                .map(elsewhere -> StatusNotes.lockedElsewhere(elsewhere.note()) + ".").toList();
        return notes.isEmpty() ? failure : failure.strip() + " " + String.join(" ", notes);
    }

    /**
     * A download of this version that failed, as the failure of the lock's route rather than of the registry
     * serving the name now, which a refusal, a missing tarball or other bytes at the lock's URL would otherwise
     * blame, after what that registry lacks or has other bytes for, or, when the current registry's index lists other
     * bytes than the lock pins and the lock's URL is one it may not read, of that listing; empty for a failure the
     * route does not explain.
     */
    Optional<PrompdException> downloadFailure(PrompdException failed) {
        if (!EXPLAINED.contains(failed.exitCode())) {
            return Optional.empty();
        }
        // the lock's URL is read in place of the current registry, which is not asked for the tarball, unless it is a
        // file: URL the registry may not send
        boolean recordedRead = change.current().mayRead(change.recorded());
        if (listing == Listing.OTHER_BYTES && !recordedRead) {
            // nothing was downloaded, so no check failed: the current registry's index lists other bytes, and the
            // file: URL never tried is said, as it is on this machine
            return Optional.of(new PrompdException(ExitCode.INTEGRITY, "cannot install " + change.name() + "@"
                    + change.version() + " as locked: " + LockFile.FILE_NAME + " has it from "
                    + change.recordedRegistry() + ", while " + StatusNotes.route(note()) + ", whose index"
                    + " lists other bytes for it than " + LockFile.FILE_NAME + " pins, and the locked tarball is not"
                    + " read from " + Urls.display(change.recorded()) + " instead: "
                    + change.current().fileUrlRefused(), "do not lock the copy of registry "
                    + change.current().describe() + ": it may be another's package; "
                    + change.routeBack(commands), failed));
        }
        boolean refusedByItsRegistry = failed.getCause() instanceof AccessRefused && change.recordedIn().isPresent();
        // with no configured registry holding the URL, the refusal would name the registry of the current route
        String why = failed.getCause() instanceof AccessRefused refused && change.recordedIn().isEmpty()
                ? "its URL there refused access (HTTP " + refused.status() + "): "
                        + Urls.displayAnswered(refused.url(), refused.answeredBy())
                : failed.getMessage();
        // other bytes at the registry's URL the lock records, too: routing the name back there reads the same bytes
        String waysOff = failed.exitCode() == ExitCode.INTEGRITY && recordedRead && change.fromARegistry()
                ? "the lock's URL gives other bytes than " + LockFile.FILE_NAME + " pins too, so routing "
                        + change.routed() + " back to " + change.recordedRegistry() + " would not give the locked"
                        + " version either: try again later, and tell that registry's maintainers if it persists"
                        + takeInstead()
                : waysBack();
        return Optional.of(new PrompdException(failed.exitCode(), StatusNotes.notThere(note()) + ", and "
                + why, (refusedByItsRegistry ? failed.hint() + "; " : "") + waysOff, failed));
    }

    /**
     * How the registry serving the name lists the locked version. A takedown it records is no listing of it, whatever
     * tarball the record names: only the registry the lock has the version from speaks for its package. Any registry
     * writes its own index, and the integrity a record names proves nothing, as every {@code prompd.lock} pinning the
     * version holds it: a registry the scope is not routed to (the default one of a CI home without the route) could
     * copy it into a takedown of its own and have {@code update} swap in its same-named package. A mirror of the lock's
     * registry, or that registry at a new URL, that took the version down is told as one that never had it: routed back
     * to the lock's registry, the name gets that one's takedown, or the entry deleted from the lock takes the new
     * registry's versions knowingly.
     */
    enum Listing {
        AS_LOCKED, OTHER_BYTES, NOT_LISTED;

        /** Whether the registry's versions of the name may be another's package: it does not have the locked bytes. */
        boolean elsewhere() {
            return this != AS_LOCKED;
        }
    }

    /** Empty when the registry's index cannot be read. */
    private static Optional<Listing> listing(PackageName name, LockedPackage locked, RegistryIndex index) {
        try {
            return Optional.of(index.find(name).flatMap(found -> found.version(locked.version()))
                    .map(known -> known.dist().integrity().equals(locked.integrity()) ? Listing.AS_LOCKED
                            : Listing.OTHER_BYTES)
                    .orElse(Listing.NOT_LISTED));
        } catch (PrompdException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    private String waysBack() {
        String mirror = change.fromARegistry() ? "; if registry " + change.current().describe() + " mirrors that one,"
                + " update the mirror (pull and build it)" : "";
        return change.routeBack(commands) + mirror + takeInstead();
    }

    /** The last way off: taking the current registry's package of the name knowingly. */
    private String takeInstead() {
        return "; to take " + change.name() + " from registry " + change.current().describe() + " instead, knowing it"
                + " may be another's package, delete its entry from " + LockFile.FILE_NAME + " and run "
                + commands.quoted("install");
    }

    /** See {@link #keepingLocked}. */
    private static final class KeptIndex extends ForwardingPackageIndex {

        private final LockFile lock;
        private final RegistryIndex index;

        KeptIndex(LockFile lock, RegistryIndex index) {
            super(index);
            this.lock = lock;
            this.index = index;
        }

        private Optional<LockedPackage> keptAsLocked(PackageName name) {
            return lock.get(name).filter(locked -> of(name, locked, index).isPresent());
        }

        @Override
        public List<Candidate> versions(PackageName name) {
            return keptAsLocked(name)
                    .map(locked -> List.of(Candidate.of(name, locked.version(), locked.dependencies())))
                    .orElseGet(() -> super.versions(name));
        }

        @Override
        public Optional<Version> latest(PackageName name) {
            return keptAsLocked(name).isPresent() ? Optional.empty() : super.latest(name);
        }

        /** The takedowns of another's package of the name are none of the locked one's. */
        @Override
        public Takedowns takedowns(PackageName name) {
            return keptAsLocked(name).isPresent() ? Takedowns.NONE : super.takedowns(name);
        }
    }
}
