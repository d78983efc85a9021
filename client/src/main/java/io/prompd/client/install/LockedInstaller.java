package io.prompd.client.install;

import io.prompd.client.http.NotCached;
import io.prompd.client.http.NotFound;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.Downloaded;
import io.prompd.client.install.registry.ListedButMissing;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.registry.RouteChange;
import io.prompd.client.install.registry.UrlSource;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.TarballCache;
import io.prompd.client.install.store.TarballOfAnother;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.concurrent.Futures;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Puts every package of a lock in the store, from the cache when it can and the registry when it
 * must, checking each tarball's integrity before anything of it is unpacked.
 */
final class LockedInstaller {

    private final PackageStore store;
    private final TarballCache cache;
    private final PackageRegistry registry;
    private final boolean offline;
    private final InstallListener listener;

    LockedInstaller(PackageStore store, TarballCache cache, PackageRegistry registry, boolean offline,
                    InstallListener listener) {
        this.store = store;
        this.cache = cache;
        this.registry = registry;
        this.offline = offline;
        this.listener = listener;
    }

    /**
     * The locked packages not in the store yet, with the record that binds a copy to the integrity the lock pins
     * ({@link PackageStore#containsRecorded}): a copy without one is put back from those bytes.
     */
    List<PackageName> missing(LockFile lock) {
        return lock.packages().entrySet().stream()
                .filter(entry -> !store.containsRecorded(entry.getKey(), entry.getValue().version()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Installs what is missing but {@code leftOut}: {@link #stage} then {@link Staged#place}, so that a failure leaves
     * the store as it was.
     *
     * @throws PrompdException as {@link #stage}
     */
    Installed install(ProjectGraph project, LockFile before, RegistryIndex index, Set<PackageName> leftOut)
            throws IOException {
        try (Staged staged = stage(project, before, index, leftOut)) {
            return staged.place();
        }
    }

    /**
     * Gets and checks every version missing but {@code leftOut}, which stay in the lock uninstalled (the versions of
     * {@link #outOfReach} that an uninstall keeps locked, as it must not fail on what it was not asked to change), and
     * unpacks each beside the store, none in it yet. Offline, it first checks that the cache or a registry folder holds
     * every tarball needed and otherwise fails naming all those it lacks, before getting anything.
     *
     * <p>Nothing goes in place before every tarball passed its checks (integrity, a safe archive, a manifest that is
     * the version's and declares what its record lists): as npm and cargo, a refused install changes nothing the user
     * sees. The tarballs downloaded meanwhile are cached only when {@link Staged} finds them wanted.
     *
     * @param project the graph the install leaves: the lock to install, and the ranges that decide the way off a
     *                version taken down
     * @param before  what was locked before this run, to tell a version taken down since from one
     *                the registry lists without its tarball
     * @param index   the run's view of the registry, whose {@code index.json} of a package to download says
     *                whether the version was taken down
     * @throws PrompdException {@link NotCached} offline with tarballs missing; INTEGRITY when a tarball does not
     *                         match the lock, and then no version is installed
     */
    Staged stage(ProjectGraph project, LockFile before, RegistryIndex index, Set<PackageName> leftOut)
            throws IOException {
        return stage(List.of(project), before, index, leftOut);
    }

    /**
     * As {@link #stage(ProjectGraph, LockFile, RegistryIndex, Set)}, for the graphs of a global install's packages,
     * each resolved on its own: a version two of them lock is got, checked and unpacked once, under one progress, and
     * every graph is checked (offline at hand, none taken down or changed in the registry) before any download.
     */
    Staged stage(List<ProjectGraph> projects, LockFile before, RegistryIndex index, Set<PackageName> leftOut)
            throws IOException {
        SortedMap<NamedVersion, Wanted> wanted = new TreeMap<>();
        for (ProjectGraph project : projects) {
            LockFile lock = project.lock().without(leftOut);
            if (offline) {
                requireAtHand(lock);
            }
            requireNoneTakenDown(project, toDownload(lock), index);
            requireNoneChangedInRegistry(lock, toDownload(lock), index);
            // resolved from the same index.json, a version two graphs lock is locked alike in both
            lock.packages().forEach((name, locked) -> wanted.putIfAbsent(new NamedVersion(name, locked.version()),
                    new Wanted(name, locked, project)));
        }
        // as many as the registry takes requests at once: more would only queue there
        ExecutorService workers = Executors.newFixedThreadPool(registry.maxConcurrent(),
                Futures.daemonThreads("prompd-install"));
        // Each package is got on its own (download to a temporary name, verify, unpack into a staging folder), so
        // they can go in parallel, into one Staged, for a failure to drop them all.
        Staged staged = new Staged(projects, wanted);
        try (InstallProgress progress = listener.installing(wanted.size())) {
            List<Future<?>> pending = new ArrayList<>();
            wanted.values().forEach(one -> pending.add(workers.submit(() -> {
                staged.got(fetchOne(one.name(), one.locked(), one.project(), before, index, progress, staged));
                progress.installed(one.name(), one.locked().version());
                return null;
            })));
            for (Future<?> one : pending) {
                Futures.get(one);
            }
            staged.warnings().forEach(listener::warned);
            return staged;
        } catch (IOException | RuntimeException failed) {
            // no worker may still add to what was got once it is dropped
            Futures.stop(workers, Futures.STOP_PATIENCE);
            // told once the workers are done, in the order of the versions, not of their downloads, which differs from
            // run to run: as the report of a run that succeeds gives them
            staged.warnings().forEach(listener::warned);
            staged.closeAfter(failed);
            throw failed;
        } finally {
            Futures.stop(workers, Futures.STOP_PATIENCE);
        }
    }

    /** A version of a package: what the store holds once, however many graphs lock it. */
    private record NamedVersion(PackageName name, Version version) implements Comparable<NamedVersion> {

        private static final Comparator<NamedVersion> ORDER = Comparator.comparing(NamedVersion::name)
                .thenComparing(NamedVersion::version);

        NamedVersion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public int compareTo(NamedVersion other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * A version to install, as locked, with the first graph locking it, whose roots and ranges its refusals speak of.
     */
    private record Wanted(PackageName name, LockedPackage locked, ProjectGraph project) {
        Wanted {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(locked, "locked");
            Objects.requireNonNull(project, "project");
        }
    }

    /**
     * What an offline install of the lock needs: every version installed, its tarball cached, or in a registry folder.
     *
     * @throws NotCached naming every version that is not, and which of them the store holds a copy of without its
     *                   record
     */
    void requireAtHand(LockFile lock) {
        List<String> notCached = missing(lock).stream()
                .filter(name -> cache.find(lock.packages().get(name).integrity()).isEmpty()
                        && !registry.isAtHand(name))
                .map(name -> {
                    Version version = lock.packages().get(name).version();
                    return name + "@" + version + (store.isUnrecorded(name, version) ? " (installed with "
                            + store.lackedRecord(name, version) + " of the tarball it was unpacked from)" : "");
                }).toList();
        if (!notCached.isEmpty()) {
            throw new NotCached("offline, and neither installed nor cached: " + String.join(", ", notCached),
                    "run once without --offline to download " + Plural.itOrThem(notCached.size()) + " into the cache");
        }
    }

    /**
     * The locked versions neither installed nor cached that their registry took down, or no longer lists without
     * saying so: none can be got.
     */
    List<PackageName> outOfReach(LockFile lock, RegistryIndex index) {
        List<PackageName> toDownload = toDownload(lock);
        index.prefetch(toDownload);
        return toDownload.stream()
                .filter(name -> takenDown(name, lock.packages().get(name), index).isPresent()).toList();
    }

    private List<PackageName> toDownload(LockFile lock) {
        return lock.packages().entrySet().stream().filter(entry -> !isAtHand(entry.getKey(), entry.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** Installed with its record or its tarball cached: what an install of it needs no registry for. */
    boolean isAtHand(PackageName name, LockedPackage locked) {
        return store.containsRecorded(name, locked.version()) || cache.find(locked.integrity()).isPresent();
    }

    private Fetched fetchOne(PackageName name, LockedPackage locked, ProjectGraph project, LockFile before,
                             RegistryIndex index, InstallProgress progress, Staged staged) throws IOException {
        if (store.containsRecorded(name, locked.version())) {
            return new Fetched(installed(name, locked, InstalledPackage.Origin.ALREADY_INSTALLED), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        PackageStore.Pin pin = pinnedBy(name, locked, before);
        Optional<Path> cached = cache.find(locked.integrity());
        if (cached.isPresent()) {
            try {
                return new Fetched(installed(name, locked, InstalledPackage.Origin.CACHE),
                        Optional.of(unpack(name, locked, pin, cached.get())), Optional.empty(), Optional.empty());
            } catch (PrompdException damaged) {
                if (damaged.exitCode() != ExitCode.INTEGRITY || damaged instanceof TarballOfAnother) {
                    throw damaged;
                }
                // The cached copy no longer matches its integrity (a disk error, a hand edit), and unpack dropped it.
                // A registry folder still has the tarball offline. Online, the run would download it and go on: what
                // fails is the offline run, missing a tarball as when none was cached.
                if (offline && !registry.isAtHand(name)) {
                    throw new NotCached(damaged.getMessage() + "; it was the cached copy, now deleted, and offline it"
                            + " cannot be downloaded again", "run once without --offline to download it into the cache",
                            damaged);
                }
            }
        }
        // The lock's URL may lie outside the registry (a mirror, an old host still serving the tarball):
        // a takedown must stop the download from there too, as for a damaged cached copy.
        requireNoneTakenDown(project, List.of(name), index);
        Path target = cache.downloadTarget(locked.integrity());
        try {
            return downloaded(name, locked, project, before, index, progress, pin, target, staged);
        } catch (IOException | RuntimeException failed) {
            // a tarball refused is never cached; one whose bytes passed their integrity check may be (a name too long
            // for this file system is no fault of the tarball's), if it is wanted
            if (failed instanceof PrompdException refusal && refusal.exitCode() == ExitCode.INTEGRITY) {
                staged.forgetDownload(new NamedVersion(name, locked.version()));
            }
            if (!staged.holdsDownload(new NamedVersion(name, locked.version()))) {
                AtomicFiles.deleteAfter(failed, List.of(target));
            }
            throw failed;
        }
    }

    /**
     * The version got from a registry into {@code target}, a temporary of the cache, which {@code staged} holds once
     * its bytes passed their integrity check, and unpacked from it.
     */
    private Fetched downloaded(PackageName name, LockedPackage locked, ProjectGraph project, LockFile before,
                               RegistryIndex index, InstallProgress progress, PackageStore.Pin pin, Path target,
                               Staged staged) throws IOException {
        boolean indexed = index.givesTarballAt(name, locked);
        Optional<RouteChange> change = index.routeChange(name, locked, indexed);
        // a registry that answered with no index, or with one lacking the version or listing other bytes for it, has
        // no tarball that is the locked one, whatever answers at its tarball path: the lock's URL alone is asked
        Optional<PrompdException> unreadable = change.flatMap(route -> index.answeredWithNone(name));
        UrlSource source = recordedBefore(name, locked, before) ? UrlSource.LOCK : UrlSource.INDEX;
        // a version this run took from the registry's index is that registry's, wherever the index puts its tarball
        Optional<LockedElsewhere> moved = source == UrlSource.LOCK ? LockedElsewhere.of(change, locked, index)
                : Optional.empty();
        boolean recordedReadable = change.filter(route -> route.current().mayRead(route.recorded())).isPresent();
        Optional<InstallNote> warning;
        URI asked = withQuery(name, locked, index);
        URI downloadedFrom = asked;
        try {
            // nor is a file: URL the registry may not send read then: the tarball is not found
            if (unreadable.isPresent() || moved.filter(elsewhere -> !elsewhere.listsLockedBytes()).isPresent()) {
                registry.downloadRecorded(name, locked.version(), asked, unreadable, target,
                        locked.integrity(), OptionalLong.empty(), progress.downloading(name, locked.version()));
                warning = Optional.of(moved.<InstallNote>map(LockedElsewhere::note).orElseGet(() ->
                        fromLockedUrl(name, locked, asked, change.orElseThrow(),
                                unreadable.orElseThrow().getMessage())));
            } else {
                Downloaded downloaded = registry.download(name, locked.version(), asked, indexed, source, target,
                        locked.integrity(), recordedSize(name, locked, index),
                        progress.downloading(name, locked.version()));
                downloadedFrom = downloaded.url();
                // only a URL outside the registry the name resolves in, a route change's, is read in its place; the
                // route change of a registry listing the locked bytes is told wherever the pinned bytes came from
                warning = moved.<InstallNote>map(LockedElsewhere::note).or(() -> downloaded.problem()
                        .map(problem -> source == UrlSource.LOCK
                                ? fromLockedUrl(name, locked, downloaded.url(), change.orElseThrow(), problem)
                                : new InstallNote.FromIndexUrl(name, locked.version(), downloaded.url(),
                                        change.orElseThrow().current().mention(), problem)));
            }
        } catch (PrompdException failed) {
            if (moved.isPresent()) {
                throw moved.get().downloadFailure(failed).orElse(failed);
            }
            // the registry the name resolves in failed first, then the lock's URL: the failure says both, and where
            // the registry lists the version and the lock's URL is another registry's, as a mirror's lock may be, that
            // the registry is incomplete, as a mirror not fully built is
            if (unreadable.isPresent() || recordedReadable) {
                throw source == UrlSource.LOCK && unreadable.isEmpty() && failed.exitCode() == ExitCode.NOT_FOUND
                        && listed(name, locked.version(), index) && !indexed
                        ? ListedButMissing.tarball(name, locked.version(), failed) : failed;
            }
            // the lock's URL gave other bytes only where it was read: a file: URL a registry on the network may not
            // send is not, and the registry's own tarball is what failed
            if (failed.exitCode() == ExitCode.INTEGRITY && change.isEmpty()) {
                throw lockDisagreeing(name, locked, index).orElse(failed);
            }
            if (failed.exitCode() != ExitCode.NOT_FOUND) {
                throw failed;
            }
            throw noTarball(name, locked, project, before, index, failed);
        }
        staged.downloaded(new NamedVersion(name, locked.version()), target);
        // An entry the lock had keeps its URL, which names the registry it was locked from (a mirror's copy of the
        // version is the same bytes); one the registry's index named in this run records where its bytes came from.
        Optional<URI> elsewhere = Optional.of(downloadedFrom)
                .filter(url -> source == UrlSource.INDEX && !url.equals(asked));
        return new Fetched(installed(name, locked, InstalledPackage.Origin.DOWNLOADED),
                Optional.of(unpack(name, locked, pin, target)), warning, elsewhere);
    }

    /**
     * The URL to download the locked tarball from: the one the registry's index gives for the version as locked, when
     * the lock's URL stands for it ({@link #indexedUrl}), as a pre-signed URL is read only with its signature; else the
     * lock's.
     */
    private static URI withQuery(PackageName name, LockedPackage locked, RegistryIndex index) {
        return indexedUrl(name, locked, index).orElse(locked.resolved());
    }

    /**
     * The tarball URL the registry's index gives for the version as locked, with the integrity locked, when the lock's
     * URL stands for it ({@link LockedPackage#standsFor}): without its signature, or without its whole query as an
     * older prompd wrote it.
     */
    private static Optional<URI> indexedUrl(PackageName name, LockedPackage locked, RegistryIndex index) {
        return index.findIfReadable(name).flatMap(published -> published.version(locked.version())
                        .filter(listed -> listed.dist().integrity().equals(locked.integrity()))
                        .map(published::tarballUrl))
                .filter(indexed -> locked.standsFor(locked.version(), indexed));
    }

    /**
     * The lock with each entry of {@code names} an older prompd wrote in this one's form: its URL the index's without
     * the query ({@link LockedPackage#standsFor}) recorded as this one does, and the registry whose index gives it
     * outside that registry recorded ({@link LockedElsewhere#olderEntryOf}): for a run writing the lock, which reads
     * the index of those names anyway.
     */
    static LockFile inCurrentForm(LockFile lock, List<PackageName> names, RegistryIndex index) {
        index.prefetch(names);
        SortedMap<PackageName, LockedPackage> entries = new TreeMap<>(lock.packages());
        names.forEach(name -> entries.computeIfPresent(name, (same, locked) -> LockedElsewhere.olderEntryOf(name,
                locked, index).withResolved(indexedUrl(name, locked, index).orElse(locked.resolved()))));
        return new LockFile(entries);
    }

    /**
     * The warning of a version the lock's URL gave as the registry its name resolves in failed to, as it failed: the
     * URL read, {@code read}, the lock's with the signature the index gives it.
     */
    private static InstallNote fromLockedUrl(PackageName name, LockedPackage locked, URI read, RouteChange change,
                                             String problem) {
        return new InstallNote.FromLockedUrl(name, locked.version(), change.lockedFrom(), read,
                change.current().mention(), problem);
    }

    /**
     * A version got and checked for an install, not in place yet, with what its download warned of, if anything.
     *
     * @param installed           the version as it is once in place
     * @param unpacked            its tarball unpacked and checked beside the store; empty when it is installed already
     * @param downloadedElsewhere the URL its tarball came from, when the registry's index named another for it in this
     *                            run: the registry's own tarball path, read first when that one lies outside it
     */
    private record Fetched(InstalledPackage installed, Optional<Checked> unpacked,
                           Optional<InstallNote> warning, Optional<URI> downloadedElsewhere) {
        Fetched {
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(unpacked, "unpacked");
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(downloadedElsewhere, "downloadedElsewhere");
        }

        NamedVersion version() {
            return new NamedVersion(installed.name(), installed.version());
        }
    }

    /**
     * The versions of a lock (or of the locks of a global install) got and checked by the threads of an install, none
     * in place yet, and their tarballs downloaded, none in the cache yet: {@link #place} puts them all in place, and
     * closing it drops what was not. Dropped unplaced, as after a failure, it keeps in the cache only the downloads
     * {@linkplain #vouchedFor vouched for}: a version a lock has only because the registry's record of one that was
     * refused, or never got, says that one needs it may be the lie's own (a dependency a tampered index.json adds),
     * and is left nowhere, as nothing that failed a check is.
     */
    final class Staged implements AutoCloseable {

        private final List<ProjectGraph> projects;
        /** The versions to get, each once, as locked. */
        private final SortedMap<NamedVersion, Wanted> wanted;
        /** By name and version, as the locks order them. */
        private final SortedMap<NamedVersion, Fetched> got = new TreeMap<>();
        private final SortedMap<NamedVersion, Fetched> unplaced = new TreeMap<>();
        /** Temporaries of the cache whose bytes passed their integrity check, by the version. */
        private final SortedMap<NamedVersion, Path> downloads = new TreeMap<>();

        private Staged(List<ProjectGraph> projects, SortedMap<NamedVersion, Wanted> wanted) {
            this.projects = List.copyOf(projects);
            this.wanted = wanted;
        }

        private synchronized void got(Fetched one) {
            got.put(one.version(), one);
            unplaced.put(one.version(), one);
        }

        private synchronized void downloaded(NamedVersion version, Path tarball) {
            downloads.put(version, tarball);
        }

        /** Forgets the download of a version whose tarball was refused, for its thread to delete it. */
        private synchronized void forgetDownload(NamedVersion version) {
            downloads.remove(version);
        }

        private synchronized boolean holdsDownload(NamedVersion version) {
            return downloads.containsKey(version);
        }

        /**
         * Puts every version in place, each in one rename, and its download in the cache.
         *
         * @return what is now in place, with what the downloads warned of
         */
        synchronized Installed place() throws IOException {
            while (!unplaced.isEmpty()) {
                Fetched one = unplaced.get(unplaced.firstKey());
                if (one.unpacked().isPresent()) {
                    store.place(one.unpacked().get().unpacked());
                }
                unplaced.remove(one.version());
            }
            while (!downloads.isEmpty()) {
                keep(downloads.firstKey());
            }
            // by name: a project's lock, the one lock that records them, has one version of each
            SortedMap<PackageName, URI> downloadedElsewhere = new TreeMap<>();
            SortedMap<PackageName, List<PromptFile>> unpackedPrompts = new TreeMap<>();
            for (Fetched one : got.values()) {
                one.downloadedElsewhere().ifPresent(url -> downloadedElsewhere.put(one.installed().name(), url));
                one.unpacked().ifPresent(checked -> unpackedPrompts.put(one.installed().name(), checked.prompts()));
            }
            return new Installed(got.values().stream().map(Fetched::installed).toList(), warnings(),
                    downloadedElsewhere, unpackedPrompts);
        }

        /** What the versions got so far warned of, in their order. */
        synchronized List<InstallNote> warnings() {
            return got.values().stream().flatMap(one -> one.warning().stream()).toList();
        }

        private void keep(NamedVersion version) throws IOException {
            cache.keep(downloads.get(version), wanted.get(version).locked().integrity());
            downloads.remove(version);
        }

        /** Drops the versions not placed, keeping the downloads of those vouched for in the cache. */
        @Override
        public synchronized void close() throws IOException {
            while (!unplaced.isEmpty()) {
                Optional<Checked> unpacked = unplaced.remove(unplaced.firstKey()).unpacked();
                if (unpacked.isPresent()) {
                    store.drop(unpacked.get().unpacked());
                }
            }
            Set<NamedVersion> vouched = new HashSet<>();
            for (ProjectGraph project : projects) {
                vouchedFor(project, name -> got.containsKey(new NamedVersion(name,
                        project.lock().packages().get(name).version()))).packages()
                        .forEach((name, locked) -> vouched.add(new NamedVersion(name, locked.version())));
            }
            while (!downloads.isEmpty()) {
                NamedVersion version = downloads.firstKey();
                if (vouched.contains(version)) {
                    keep(version);
                } else {
                    Files.deleteIfExists(downloads.remove(version));
                }
            }
        }

        /** Closes it after {@code failed}, adding what closing met to that failure. */
        private void closeAfter(Exception failed) {
            try {
                close();
            } catch (IOException | RuntimeException leftBehind) {
                failed.addSuppressed(leftBehind);
            }
        }
    }

    /**
     * The versions of the lock the project's dependencies reach through versions {@code got}, whose own manifests
     * confirmed what their records say they need: the lock's record of a version refused, or never got, vouches for
     * nothing.
     */
    private static LockFile vouchedFor(ProjectGraph project, Predicate<PackageName> got) {
        return project.lock().reachableFrom(project.roots().keySet(), got);
    }

    /**
     * The versions an install put in place, and what their downloads warned of: a registry that failed to give a
     * version the lock's URL gave.
     *
     * @param downloadedElsewhere the versions new to the lock whose tarball came from another URL than the registry's
     *                            index named, by name, with that URL
     * @param unpackedPrompts     the prompts of the versions unpacked in this run, by name, as parsed to check them
     */
    record Installed(List<InstalledPackage> packages, List<InstallNote> warnings,
                     SortedMap<PackageName, URI> downloadedElsewhere,
                     SortedMap<PackageName, List<PromptFile>> unpackedPrompts) {
        Installed {
            packages = List.copyOf(packages);
            warnings = List.copyOf(warnings);
            downloadedElsewhere = SortedCopies.map(downloadedElsewhere);
            unpackedPrompts = SortedCopies.map(unpackedPrompts);
        }

        /**
         * The lock to write: each entry records the URL its tarball was downloaded from, as npm's {@code resolved}
         * does, so that no later run takes an entry this one wrote for a hand edit, or for one locked from another
         * registry, over a URL the bytes never came from.
         */
        LockFile recording(LockFile lock) {
            SortedMap<PackageName, LockedPackage> entries = new TreeMap<>(lock.packages());
            downloadedElsewhere.forEach((name, url) -> entries.computeIfPresent(name,
                    (same, locked) -> locked.withResolved(url)));
            return new LockFile(entries);
        }
    }

    /**
     * The size the registry's index records for the locked version's tarball, when it records the lock's integrity and
     * URL: a lock naming another tarball is told apart by the integrity check, not taken for a transfer cut short.
     */
    private static OptionalLong recordedSize(PackageName name, LockedPackage locked, RegistryIndex index) {
        return index.findIfReadable(name).flatMap(published -> published.version(locked.version())
                        .filter(listed -> listed.dist().integrity().equals(locked.integrity())
                                && otherTarball(locked, published, listed).isEmpty()))
                .map(listed -> OptionalLong.of(listed.dist().size())).orElse(OptionalLong.empty());
    }

    /**
     * Whether the lock this run began with recorded the entry's URL for its version: else the registry's index named it
     * in this run's resolution.
     */
    private static boolean recordedBefore(PackageName name, LockedPackage locked, LockFile before) {
        // an entry an older prompd wrote, which this run records as it records the index's URL, recorded it too
        return before.get(name).filter(earlier -> earlier.version().equals(locked.version())
                && earlier.standsFor(locked.version(), locked.resolved())).isPresent();
    }

    /**
     * Where the entry's integrity and dependencies came from: the lock this run began with when it held the version
     * with those dependencies, compared as the resolver reads them, else the registry's index.json, which a resolution
     * takes them from (a version kept at its number keeps its integrity, or the run fails before, but takes the
     * dependencies the index lists), so that a tarball declaring others blames the index rather than a lock entry that
     * agrees with the tarball.
     */
    private static PackageStore.Pin pinnedBy(PackageName name, LockedPackage locked, LockFile before) {
        return before.get(name).filter(earlier -> earlier.version().equals(locked.version())
                && VersionRange.desugarAlike(earlier.dependencies(), locked.dependencies())).isPresent()
                ? PackageStore.Pin.LOCK : PackageStore.Pin.REGISTRY_INDEX;
    }

    /** Whether the lock this run began with held the version, which is then installed as that lock pinned it. */
    private static boolean lockedBefore(PackageName name, LockedPackage locked, LockFile before) {
        LockedPackage earlier = before.packages().get(name);
        return earlier != null && earlier.version().equals(locked.version());
    }

    /**
     * A download not matching the lock's integrity, told apart from a tarball damaged on the way when the registry's
     * index.json records another integrity for the version, or another tarball URL (the lock's, from an edit, named
     * another tarball of the registry): then either the lock was edited (by hand, by a merge) or, for the integrity,
     * the registry changed a published version, and downloading again cannot help.
     */
    private static Optional<PrompdException> lockDisagreeing(PackageName name, LockedPackage locked,
                                                             RegistryIndex index) {
        Optional<PublishedPackage> published = index.findIfReadable(name);
        Optional<VersionSummary> listed = published.flatMap(found -> found.version(locked.version()));
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Optional<PrompdException> changed = changedInRegistry(name, locked, listed.get(), index);
        if (changed.isPresent()) {
            return changed;
        }
        return otherTarball(locked, published.get(), listed.get()).map(registrys -> new PrompdException(
                ExitCode.INTEGRITY, "integrity check failed for " + name + "@" + locked.version() + ": "
                        + LockFile.FILE_NAME + "'s resolved URL " + LockedPackage.display(locked.resolved())
                        + " is not the registry's tarball of that version, " + LockedPackage.display(registrys),
                LockAudit.ifEdited(List.of(name), index.commands())));
    }

    /**
     * Refuses, before any download, a locked version to download that its registry lists with other bytes than the lock
     * pins, unless the lock has it from another registry ({@link LockedElsewhere}, read from the lock's URL): its
     * download would fail the integrity check only once the others were in the store.
     *
     * @throws PrompdException INTEGRITY as {@link LockAudit#changedInRegistry}
     */
    private static void requireNoneChangedInRegistry(LockFile lock, List<PackageName> names, RegistryIndex index) {
        for (PackageName name : names) {
            LockedPackage locked = lock.packages().get(name);
            Optional<PrompdException> changed = index.findIfReadable(name)
                    .flatMap(published -> published.version(locked.version()))
                    .flatMap(listed -> changedInRegistry(name, locked, listed, index))
                    .filter(refusal -> LockedElsewhere.of(name, locked, index).isEmpty());
            if (changed.isPresent()) {
                throw changed.get();
            }
        }
    }

    /** The refusal of a locked version its registry lists with other bytes; not installed, as it is to download. */
    private static Optional<PrompdException> changedInRegistry(PackageName name, LockedPackage locked,
                                                               VersionSummary listed, RegistryIndex index) {
        return Optional.of(listed.dist().integrity()).filter(integrity -> !integrity.equals(locked.integrity()))
                .map(integrity -> LockAudit.changedInRegistry(name, locked, integrity, false, index.commands()));
    }

    /**
     * The registry's tarball URL of the locked version, when the lock's resolved URL (edited) is none the registry gives
     * it at.
     */
    private static Optional<URI> otherTarball(LockedPackage locked, PublishedPackage published, VersionSummary listed) {
        return Optional.of(published.tarballUrl(listed))
                .filter(registrys -> !published.givesTarballAt(listed, locked));
    }

    /**
     * Refuses the locked versions to download that their registry took down, or no longer lists without saying so,
     * all of them in one failure before any download: named one at a time, each 'prompd update' the hint gave would
     * stop at the next.
     *
     * @throws PrompdException NOT_FOUND with the reasons and the ways off
     */
    private void requireNoneTakenDown(ProjectGraph project, List<PackageName> names, RegistryIndex index) {
        index.prefetch(names);
        List<PublishedPackage> recorded = takenDownAmong(project, names, index);
        if (recorded.isEmpty()) {
            return;
        }
        requireNoneRenumbered(project.lock(), recorded, index.commands());
        List<InstallNote.TakenDownVersion> versions = takenDown(project, recorded);
        InstallNote.TakenDownVersion first = versions.get(0);
        String waysOff = StatusNotes.waysOff(project, index::findIfReadable, recorded, index.commands());
        if (versions.size() > 1) {
            throw new PrompdException(ExitCode.NOT_FOUND, Plural.count(versions.size(), "version") + " locked in "
                    + LockFile.FILE_NAME + " are taken down (" + Takedowns.withReasons(
                            InstallNote.TakenDownVersion.reasons(versions)) + ")", waysOff);
        }
        String locked = first.name() + "@" + first.version() + " is locked in " + LockFile.FILE_NAME + ", but its"
                + " registry ";
        // a registry records the takedown of each version it takes down: with none recorded, the version may never
        // have been published, the lock's entry edited, so the way off an edit comes first
        throw first.reason().map(reason -> new PrompdException(ExitCode.NOT_FOUND, locked
                        + TerminalText.labelled("took it down", reason), waysOff))
                .orElseGet(() -> new PrompdException(ExitCode.NOT_FOUND, locked + "neither lists it nor records a"
                        + " takedown of it", LockAudit.ifEdited(List.of(first.name()), index.commands()) + "; if not, "
                        + waysOff));
    }

    /**
     * Refuses the locked versions their registry neither lists nor records a takedown of whose entry names the tarball
     * of a version it lists, by its URL or its integrity: the version was never published under that number, and an
     * edit of the lock (by hand, by a merge) changed the number alone.
     *
     * @throws PrompdException NOT_FOUND naming the version each entry's tarball is, with the way off the edit
     */
    private static void requireNoneRenumbered(LockFile lock, List<PublishedPackage> unlisted,
                                              SuggestedCommands commands) {
        List<String> renumbered = new ArrayList<>();
        List<PackageName> names = new ArrayList<>();
        for (PublishedPackage published : unlisted) {
            PackageName name = published.packument().name();
            LockedPackage locked = lock.packages().get(name);
            if (published.packument().takenDown().containsKey(locked.version())) {
                continue;
            }
            for (VersionSummary listed : published.packument().versions().values()) {
                List<String> alike = new ArrayList<>();
                if (published.givesTarballAt(listed, locked)) {
                    alike.add("resolved URL");
                }
                if (listed.dist().integrity().equals(locked.integrity())) {
                    alike.add("integrity");
                }
                if (!alike.isEmpty()) {
                    names.add(name);
                    renumbered.add(name + "@" + locked.version() + " is locked in " + LockFile.FILE_NAME + " with the "
                            + String.join(" and ", alike) + " of its registry's " + listed.version() + ", and the"
                            + " registry neither lists " + locked.version() + " nor records a takedown of it");
                    break;
                }
            }
        }
        if (!renumbered.isEmpty()) {
            throw new PrompdException(ExitCode.NOT_FOUND, String.join("; ", renumbered),
                    LockAudit.ifEdited(names, commands));
        }
    }

    /**
     * The warning of an uninstall that leaves {@link #outOfReach} versions locked but not installed, with the ways
     * off them all at once, as an install's failure on them gives.
     */
    InstallNote.LeftOut leftOutWarning(ProjectGraph project, List<PackageName> leftOut, RegistryIndex index) {
        List<PublishedPackage> recorded = takenDownAmong(project, leftOut, index);
        return new InstallNote.LeftOut(takenDown(project, recorded),
                StatusNotes.waysOff(project, index::findIfReadable, recorded, index.commands()));
    }

    /** The registry's index of each of {@code names} whose locked version it took down or no longer lists. */
    private List<PublishedPackage> takenDownAmong(ProjectGraph project, List<PackageName> names, RegistryIndex index) {
        return names.stream().flatMap(name -> takenDown(name, project.lock().packages().get(name), index).stream())
                .toList();
    }

    /** Each locked version taken down, with its registry's reason, none when it no longer lists it without one. */
    private static List<InstallNote.TakenDownVersion> takenDown(ProjectGraph project, List<PublishedPackage> recorded) {
        return recorded.stream().map(published -> {
            PackageName name = published.packument().name();
            Version version = project.lock().packages().get(name).version();
            return new InstallNote.TakenDownVersion(name, version,
                    Optional.ofNullable(published.packument().takenDown().get(version)));
        }).toList();
    }

    /**
     * The failure of a download the registry answered with not found. A version its index no longer lists was
     * reported before the download was tried, from the same index (online), so here the version is merely gone: when
     * that index could not be read, it may have been taken down, and an update moves off it; one the index still lists
     * the update would choose again, so the registry is what is broken. A package the registry no longer has at all
     * no update resolves: it must leave the project.
     */
    private static PrompdException noTarball(PackageName name, LockedPackage locked, ProjectGraph project,
                                             LockFile before, RegistryIndex index, PrompdException missing) {
        if (lockedBefore(name, locked, before) && index.lacks(name)) {
            return new PrompdException(ExitCode.NOT_FOUND, StatusNotes.vanished(name, locked.version(),
                    index.describe(name)) + " (" + missing.getMessage() + ")",
                    StatusNotes.vanishedWayOff(project, name, index.commands()));
        }
        if (lockedBefore(name, locked, before) && !listed(name, locked.version(), index)) {
            return new PrompdException(ExitCode.NOT_FOUND, name + "@" + locked.version() + " is locked in "
                    + LockFile.FILE_NAME + ", but the registry no longer has its tarball (" + missing.getMessage()
                    + ")", "the version may have been taken down: " + index.commands().quoted("update " + name)
                    + " locks another version its range allows");
        }
        // not found at the lock's own URL, edited, while the registry's index names another: not the registry's to mend
        Optional<URI> registrys = index.findIfReadable(name).filter(found -> missing instanceof NotFound)
                .flatMap(found -> found.version(locked.version())
                        .flatMap(listed -> otherTarball(locked, found, listed)));
        if (registrys.isPresent()) {
            return new PrompdException(ExitCode.NOT_FOUND, LockFile.FILE_NAME + "'s resolved URL of " + name + "@"
                    + locked.version() + " has no tarball (" + missing.getMessage() + "), and it is not the registry's"
                    + " tarball of that version, " + LockedPackage.display(registrys.get()),
                    LockAudit.ifEdited(List.of(name), index.commands()));
        }
        return ListedButMissing.tarball(name, locked.version(), missing);
    }

    private static boolean listed(PackageName name, Version version, RegistryIndex index) {
        return index.findIfReadable(name).flatMap(published -> published.version(version)).isPresent();
    }

    /**
     * The registry's index of the package when it took the locked version down, with or without a record of it
     * (with the reason): read for a version to download before the download, and to warn of one at hand. Offline only
     * a takedown the index records counts: a version missing from an index cached then may just be newer than that
     * copy. Nor does a version locked from another registry than the one its name now resolves in, which {@link
     * LockedElsewhere} explains, whatever takedown of it that registry records: only the lock's registry speaks for it.
     */
    Optional<PublishedPackage> takenDown(PackageName name, LockedPackage locked, RegistryIndex index) {
        return index.findIfReadable(name).filter(published -> (published.packument().takenDown()
                .containsKey(locked.version()) || (!offline && published.version(locked.version()).isEmpty()))
                && LockedElsewhere.of(name, locked, index).isEmpty());
    }

    /**
     * Whether the registry answered that it no longer has the locked package at all, none of its versions listed, as
     * {@link #takenDown} tells of one version: not a name locked from another registry than the one it resolves in
     * now, which {@link LockedElsewhere} explains.
     */
    static boolean goneFromRegistry(PackageName name, LockedPackage locked, RegistryIndex index) {
        return index.lacks(name) && LockedElsewhere.of(name, locked, index).isEmpty();
    }

    /** The version as it is once in place. */
    private InstalledPackage installed(PackageName name, LockedPackage locked, InstalledPackage.Origin origin) {
        return new InstalledPackage(name, locked.version(), store.folderOf(name, locked.version()), origin);
    }

    /** A version unpacked beside the store and checked, with its prompts as the check parsed them. */
    private record Checked(PackageStore.Unpacked unpacked, List<PromptFile> prompts) {
        Checked {
            Objects.requireNonNull(unpacked, "unpacked");
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * The version unpacked beside the store, its prompts kept inside their packages ({@link PromptsInside}).
     *
     * @throws PrompdException INTEGRITY as {@link PackageStore#unpack} or {@link PromptsInside} refuses the tarball,
     *                         nothing of it left unpacked nor cached
     */
    private Checked unpack(PackageName name, LockedPackage locked, PackageStore.Pin pin, Path tarball)
            throws IOException {
        try {
            PackageStore.Unpacked unpacked = store.unpack(name, locked.version(), tarball, locked.integrity(),
                    locked.dependencies(), pin);
            try {
                return new Checked(unpacked, PromptsInside.require(unpacked));
            } catch (IOException | RuntimeException refused) {
                dropAfter(refused, unpacked);
                throw refused;
            }
        } catch (PrompdException refused) {
            if (refused.exitCode() == ExitCode.INTEGRITY && !(refused instanceof TarballOfAnother)) {
                // Kept, the tarball would fail every run the same way, offline too, and 'cache verify' would keep one
                // whose bytes match its name but whose content the unpacker refuses.
                cache.evict(locked.integrity());
            }
            throw refused;
        }
    }

    /** Drops a version unpacked that {@code failed} refused, adding to that failure what dropping it met. */
    private void dropAfter(Exception failed, PackageStore.Unpacked unpacked) {
        try {
            store.drop(unpacked);
        } catch (IOException | RuntimeException notDropped) {
            failed.addSuppressed(notDropped);
        }
    }
}
