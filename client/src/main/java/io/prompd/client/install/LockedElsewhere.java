package io.prompd.client.install;

import io.prompd.client.http.AccessRefused;
import io.prompd.client.http.FetchFailure;
import io.prompd.client.http.IntegrityMismatch;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.registry.RouteChange;
import io.prompd.core.Causes;
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
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A locked version that the registry its name routes to now does not list, lists with other bytes than the lock
 * pins, or lists with those bytes though it does not {@linkplain #speaksFor speak for} the entry, while the lock's URL
 * for it is none of that registry's tarballs of the package ({@link
 * io.prompd.client.install.registry.RegistryEndpoint#isOwnTarball}) nor the lock's record its index's: the route
 * changed since it was locked (a scope routed elsewhere, a registry removed, a one-off {@code --registry}), or the
 * registry is a mirror that is behind or took the version down, or that no route names. The current registry's
 * versions of that name may then be another's package (dependency confusion), so the way off is to route the name
 * back, never to update to them.
 *
 * @param change  where the version was locked from, and where its name resolves now
 * @param listing how the registry the name resolves in now lists the version: not (whatever takedown of it that
 *                registry records), with other bytes, or with the locked ones while it does not speak for the entry
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

    /**
     * As {@link #of(PackageName, LockedPackage, RegistryIndex)}, of the entry's route change, read already. An entry
     * the lock records the registry's index gave ({@link LockedPackage#registry}) is that registry's, as one of its
     * tarballs is, however it lists the version now.
     */
    static Optional<LockedElsewhere> of(Optional<RouteChange> change, LockedPackage locked, RegistryIndex index) {
        return change.filter(route -> !locked.recordsRegistry(route.current().root()))
                .flatMap(route -> listing(route, locked, index).filter(Listing::elsewhere)
                .map(listed -> new LockedElsewhere(route, listed, index.commands())));
    }

    /**
     * The warning of {@code outdated} for such a version, instead of its newer versions, and of a resolution keeping it
     * as locked: the versions of its name there may be another's.
     */
    InstallNote.RouteChanged note() {
        return new InstallNote.RouteChanged(change.name(), change.version(), change.lockedFrom(), change.routed(),
                change.current().mention(), listing == Listing.OTHER_BYTES, listing == Listing.LOCKED_BYTES,
                waysBack());
    }

    /**
     * Whether the registry the name resolves in lists the locked bytes, which a download may then read from it first
     * as from a mirror, the integrity pinning them, so that a mirror of the lock's registry installs the lock with that
     * registry out of reach; the version is still kept as locked, and none of that registry's versions offered.
     */
    boolean listsLockedBytes() {
        return listing == Listing.LOCKED_BYTES;
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
        // a registry listing the locked bytes is read first, as a mirror: other bytes may be its tarball's, the lock's
        // URL read after it giving none
        boolean copyOtherBytes = otherBytesFrom(failed, change.current().tarball(change.name(), change.version()));
        String waysOff;
        if (otherBytesFrom(failed, change.recorded()) && change.fromARegistry()) {
            // routing the name back to the registry the lock's URL is of reads the same bytes again
            waysOff = "the lock's URL gives other bytes than " + LockFile.FILE_NAME + " pins too, so routing "
                    + change.routed() + " back to " + change.recordedRegistry() + " would not give the locked"
                    + " version either: try again later, and tell that registry's maintainers if it persists"
                    + takeInstead();
        } else if (copyOtherBytes) {
            waysOff = copyOtherBytesWaysOff(failed);
        } else {
            waysOff = waysBack();
        }
        String lead = copyOtherBytes ? StatusNotes.servingOtherBytes(note()) + ": " : StatusNotes.notThere(note())
                + ", and ";
        return Optional.of(new PrompdException(failed.exitCode(), lead + why,
                (refusedByItsRegistry ? failed.hint() + "; " : "") + waysOff, failed));
    }

    /**
     * The ways off other bytes from the tarball of the registry the name resolves in, whose index lists the locked
     * integrity, the lock's URL failing otherwise: never to route the name to that registry, nor to take its package,
     * whose tarball is what failed; routing the name back gives the locked version only where the lock's URL can be
     * reached.
     */
    private String copyOtherBytesWaysOff(PrompdException failed) {
        String copy = "registry " + change.current().describe() + " serves other bytes for " + change.name() + "@"
                + change.version() + " than its index lists: tell its maintainers; ";
        boolean unreached = Arrays.stream(failed.getSuppressed()).anyMatch(LockedElsewhere::unreached);
        return copy + (unreached && change.fromARegistry() ? "the lock's URL could not be reached, so it gave no"
                + " bytes: once its registry can be reached again, " + change.routeBack(commands)
                : change.routeBack(commands));
    }

    /**
     * Whether {@code failed}, or the failure of the other URL the download read, suppressed beside it ({@link
     * io.prompd.client.install.registry.HttpPackageRegistry}'s two failures), is of other bytes from {@code url}.
     */
    private static boolean otherBytesFrom(PrompdException failed, URI url) {
        return Stream.concat(Stream.of(failed), Arrays.stream(failed.getSuppressed())).anyMatch(one ->
                Causes.find(one, IntegrityMismatch.class, mismatch -> mismatch.downloadedFrom(url)).isPresent());
    }

    /** Whether the failure is of a host no connection was made to, however the registry holding its URL words it. */
    private static boolean unreached(Throwable failed) {
        return Causes.find(failed, FetchFailure.class,
                given -> given.kind().equals(Optional.of(FetchFailure.UNREACHABLE))).isPresent();
    }

    /**
     * How the registry serving the name lists the locked version. A takedown it records is no listing of it, whatever
     * tarball the record names: only the registry the lock has the version from speaks for its package. Any registry
     * writes its own index, and the integrity a record names proves nothing, as every {@code prompd.lock} pinning the
     * version holds it: a registry the scope is not routed to (the default one of a CI home without the route) could
     * copy it into a takedown of its own and have {@code update} swap in its same-named package, or into a listing of
     * the version beside a newer one of its own, and its tarball URL too. So the locked bytes are the same package
     * ({@link #AS_LOCKED}) only in a registry that {@linkplain #speaksFor speaks for} the entry; elsewhere ({@link
     * #LOCKED_BYTES}: the default, or a registry chosen for the run) they are a route change as a version not listed
     * is. A mirror of the lock's
     * registry, or that registry at a new URL, that took the version down is told as one that never had it: routed back
     * to the lock's registry, the name gets that one's takedown, or the entry deleted from the lock takes the new
     * registry's versions knowingly.
     */
    enum Listing {
        AS_LOCKED, LOCKED_BYTES, OTHER_BYTES, NOT_LISTED;

        /** Whether the registry's versions of the name may be another's package: it does not have the locked bytes. */
        boolean elsewhere() {
            return this != AS_LOCKED;
        }
    }

    /**
     * Whether the registry the name resolves in, listing the locked bytes, speaks for the entry, whose URL is none of
     * its tarballs (nor, by the lock's record, its index's, as a registry putting its tarballs on a CDN gives them):
     * the configuration routes the name's scope to it, the user's word that it serves the scope, as for a mirror of the
     * lock's registry or that registry at its new URL; the name is unscoped,
     * which no route can send anywhere, so the default registry is its only source (a private package belongs in a
     * scope routed to its registry, as npm advises against dependency confusion); or the entry is {@linkplain
     * #olderEntry an older prompd's} of that registry.
     */
    private static boolean speaksFor(RouteChange change, LockedPackage locked, RegistryIndex index) {
        return change.current().route().isPresent() || !change.name().isScoped() || olderEntry(change, locked, index);
    }

    /**
     * Whether the entry may be one a prompd that recorded no {@link LockedPackage#registry} locked from the index of
     * the registry the name resolves in, on a CDN or a bucket: it records none, its URL names no registry (neither a
     * configured one's tarball nor the layout's tarball path, which names the registry it lies under), and that index
     * gives the version's tarball there. Such an index may have copied the URL, so this is taken on trust once: the
     * next run writing the lock that reads the index records the registry ({@link #olderEntryOf}).
     */
    private static boolean olderEntry(RouteChange change, LockedPackage locked, RegistryIndex index) {
        return locked.registry().isEmpty() && !change.fromARegistry() && index.givesTarballAt(change.name(), locked);
    }

    /**
     * The entry recording the registry the name resolves in, when it is {@linkplain #olderEntry an older prompd's} of
     * that registry listing the locked bytes; else the entry as it is.
     */
    static LockedPackage olderEntryOf(PackageName name, LockedPackage locked, RegistryIndex index) {
        return index.routeChange(name, locked).filter(change -> olderEntry(change, locked, index)
                        && listing(change, locked, index).equals(Optional.of(Listing.AS_LOCKED)))
                .map(change -> locked.givenBy(change.current().root())).orElse(locked);
    }

    /** Empty when the registry's index cannot be read. */
    private static Optional<Listing> listing(RouteChange change, LockedPackage locked, RegistryIndex index) {
        Listing lockedBytes = speaksFor(change, locked, index) ? Listing.AS_LOCKED : Listing.LOCKED_BYTES;
        try {
            return Optional.of(index.find(change.name()).flatMap(found -> found.version(locked.version()))
                    .map(known -> known.dist().integrity().equals(locked.integrity()) ? lockedBytes
                            : Listing.OTHER_BYTES)
                    .orElse(Listing.NOT_LISTED));
        } catch (PrompdException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    private String waysBack() {
        String mirrors = "; if registry " + change.current().describe() + " mirrors that one, ";
        // a mirror listing the locked bytes is up to date: what it lacks is the route that says it serves the scope
        Optional<String> mirror = listing == Listing.LOCKED_BYTES ? change.routeHere(commands).map(mirrors::concat)
                : Optional.of(mirrors + "update the mirror (pull and build it)").filter(way -> change.fromARegistry());
        return change.routeBack(commands) + mirror.orElse("") + takeInstead();
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
