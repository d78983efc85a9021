package io.prompd.client.home;

import io.prompd.client.http.DocumentCheck;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.install.InstallNote;
import io.prompd.client.install.LastCopyPlace;
import io.prompd.client.install.Redownload;
import io.prompd.client.install.Redownloads;
import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.StoreCheck;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.files.Folders;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maintenance of {@code <home>/cache}. Both operations hold the home lock, so no install is
 * downloading into the cache, or unpacking into the store, meanwhile. The store of installed packages is changed only
 * by {@link #verify}, which checks its copies against the cached tarballs, and to remove what a killed run left
 * there, as every run taking the lock does ({@link RunLocks#home}); {@link #clean} only reads it, when there is one,
 * to tell which tarballs are the only copies of their versions, unpacking those it looks into in the cache's own
 * folder.
 */
public final class CacheService {

    private final Path home;
    private final PackageStore store;
    private final TarballCache tarballs;
    private final Path cacheFolder;
    private final SuggestedCommands commands;

    /**
     * @param tarballs the tarball cache within {@code cacheFolder}
     * @param commands how the hints spell the prompd commands they suggest
     */
    public CacheService(Path home, PackageStore store, TarballCache tarballs, Path cacheFolder,
                        SuggestedCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.home = home;
        this.store = store;
        this.tarballs = tarballs;
        this.cacheFolder = cacheFolder;
    }

    /**
     * Hashes every cached tarball again; corrupt ones are deleted, to be downloaded again when needed.
     * Any other file in the tarballs' folder goes too, the temporary files of downloads whichever run left them.
     * Then compares every installed version with its cached tarball, removing a damaged copy for the next install to
     * put back ({@link PackageStore#verify}), and reads every cached registry document, deleting those an
     * {@code --offline} run would call damaged ({@link RegistryFetcher#verifyCache}). Last, with the home's lock
     * released, it asks the registries whether the versions left unverifiable can be downloaded again, as the way to
     * have one checked is to remove it for an install to put back, which loses one that cannot be, and whether an
     * install could ask any registry to put back what was removed: the registries are asked only then, so that a
     * cache found whole is checked with no request, and as far as they can be
     * ({@link Redownloads#asFarAsKnown}), so that a failure to ask never hides what was repaired.
     *
     * @param redownloads where whether a version can be downloaded again is read
     * @param onWait      told the lock's file once if another run holds the home lock, which may last minutes
     */
    public Verification verify(Redownloads redownloads, Consumer<Path> onWait) throws IOException {
        TarballCache.CacheCheck cached;
        StoreCheck installed;
        DocumentCheck documents;
        try (HomeLock ignored = RunLocks.home(home, store, tarballs, onWait)) {
            // the tarballs first, so that no copy is compared with a corrupt one
            cached = tarballs.verify();
            installed = store.verify(tarballs, cached.corrupt());
            documents = RegistryFetcher.verifyCache(cacheFolder);
        }
        SortedMap<PackageName, SortedSet<Version>> unverifiable = new TreeMap<>();
        installed.unverifiable().forEach(copy -> unverifiable.computeIfAbsent(copy.name(), name -> new TreeSet<>())
                .add(copy.version()));
        // an install is what puts back a version or tarball removed, so whether one could ask a registry is asked too
        boolean anyRemoved = !cached.corrupt().isEmpty() || !installed.damaged().isEmpty();
        return new Verification(cached, installed, documents, unverifiable.isEmpty() && !anyRemoved
                ? Redownloads.Known.NOTHING_ASKED : redownloads.asFarAsKnown(unverifiable));
    }

    /**
     * What {@link #verify} found.
     *
     * @param tarballs    the tarball cache's check
     * @param installed   the store's check against the tarballs
     * @param documents   the registry documents' check
     * @param known       whether each of {@code installed}'s unverifiable versions can be downloaded again, and why no
     *                    install could ask a registry, when none could: asked when anything is unverifiable or was
     *                    removed, as an install is what puts such a version or tarball back
     */
    public record Verification(TarballCache.CacheCheck tarballs, StoreCheck installed, DocumentCheck documents,
                               Redownloads.Known known) {

        public Verification {
            Objects.requireNonNull(tarballs, "tarballs");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(documents, "documents");
            Objects.requireNonNull(known, "known");
        }

        /** What its registry says of downloading the copy's version again. */
        public Redownload redownload(StoreCheck.Copy copy) {
            return known.redownloads().stream().filter(one -> one.isOf(copy.name(), copy.version())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not unverifiable: " + copy));
        }
    }

    /**
     * Deletes everything cached, tarballs and registry documents, but the tarballs that are the last copies here of
     * versions no install can download again, the store holding none: a project whose lock pins such a version installs
     * it from that tarball alone, so they are kept unless forced, as {@code uninstall --global} keeps the store's
     * ({@link LastCopies}), and so are those that may be, of versions no configured registry serves, which none can
     * tell of, or whose registry could not be read ({@link LastCopies#keptInCache}).
     *
     * @param redownloads where whether a version can be downloaded again is read, with the home locked, so that no
     *                    install changes the store between that look and the deletion
     * @param force       whether to delete the last copies too
     * @param onWait      told the lock's file once if another run holds the home lock, which may last minutes
     */
    public Cleaning clean(Redownloads redownloads, boolean force, Consumer<Path> onWait) throws IOException {
        return RunLocks.home(home, store, tarballs, onWait).runThenClose(() -> {
            if (!Files.isDirectory(cacheFolder)) {
                return new Cleaning(0, List.of(), Optional.empty());
            }
            List<PackageStore.CachedOnly> onlyCopies = store.onlyInCache(tarballs);
            SortedMap<PackageName, SortedSet<Version>> versions = new TreeMap<>();
            onlyCopies.forEach(copy -> versions.computeIfAbsent(copy.name(), name -> new TreeSet<>())
                    .add(copy.version()));
            List<Redownload> found = redownloads.of(versions);
            List<Redownload> kept = force ? List.of() : LastCopies.keptInCache(found);
            Set<Path> keptTarballs = onlyCopies.stream()
                    .filter(copy -> kept.stream().anyMatch(one -> one.isOf(copy.name(), copy.version())))
                    .map(PackageStore.CachedOnly::tarball).collect(Collectors.toSet());
            long deleted = deleteAllBut(cacheFolder.toAbsolutePath().normalize(), keptTarballs);
            return new Cleaning(deleted, LastCopies.warnings(found.stream().filter(one -> !kept.contains(one))
                    .toList(), LastCopyPlace.CACHE), kept.isEmpty() ? Optional.empty()
                    : Optional.of(LastCopies.kept(kept, commands)));
        });
    }

    /**
     * Deletes everything in {@code folder} but the files {@code kept} and the folders holding them.
     *
     * @return the number of files deleted
     */
    private static long deleteAllBut(Path folder, Set<Path> kept) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.toList();
        }
        long deleted = 0;
        for (Path child : children) {
            if (kept.stream().anyMatch(file -> file.startsWith(child))) {
                if (!kept.contains(child)) {
                    deleted += deleteAllBut(child, kept);
                }
                continue;
            }
            try (Stream<Path> walk = Files.walk(child)) {
                deleted += walk.filter(Files::isRegularFile).count();
            }
            Folders.deleteRecursively(child);
        }
        return deleted;
    }

    /**
     * What {@link #clean} did.
     *
     * @param deleted  the number of files deleted
     * @param warnings each tarball deleted that was the last copy of its version, or not known not to be, in name and
     *                 version order
     * @param kept     CONFLICT naming the tarballs kept as the last copies of their versions, and why, for the command
     *                 to fail with once it has said what was deleted; empty when none was
     */
    public record Cleaning(long deleted, List<InstallNote> warnings, Optional<PrompdException> kept) {

        public Cleaning {
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(kept, "kept");
        }
    }
}
