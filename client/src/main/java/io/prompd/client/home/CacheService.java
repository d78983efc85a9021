package io.prompd.client.home;

import io.prompd.client.http.DocumentCheck;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.StoreCheck;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Maintenance of {@code <home>/cache}. Both operations hold the home lock, so no install is
 * downloading into the cache, or unpacking into the store, meanwhile. The store of installed packages is touched only
 * by {@link #verify}, which checks its copies against the cached tarballs, and to remove what a killed run left
 * there, as every run taking the lock does ({@link RunLocks#home}).
 */
public final class CacheService {

    private final Path home;
    private final PackageStore store;
    private final TarballCache tarballs;
    private final Path cacheFolder;

    /** @param tarballs the tarball cache within {@code cacheFolder} */
    public CacheService(Path home, PackageStore store, TarballCache tarballs, Path cacheFolder) {
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
     * {@code --offline} run would call damaged ({@link RegistryFetcher#verifyCache}).
     *
     * @param onWait told the lock's file once if another run holds the home lock, which may last minutes
     */
    public Verification verify(Consumer<Path> onWait) throws IOException {
        try (HomeLock ignored = RunLocks.home(home, store, tarballs, onWait)) {
            // the tarballs first, so that no copy is compared with a corrupt one
            TarballCache.CacheCheck cached = tarballs.verify();
            return new Verification(cached, store.verify(tarballs, cached.corrupt()),
                    RegistryFetcher.verifyCache(cacheFolder));
        }
    }

    /**
     * What {@link #verify} found.
     *
     * @param tarballs  the tarball cache's check
     * @param installed the store's check against the tarballs
     * @param documents the registry documents' check
     */
    public record Verification(TarballCache.CacheCheck tarballs, StoreCheck installed, DocumentCheck documents) {

        public Verification {
            Objects.requireNonNull(tarballs, "tarballs");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(documents, "documents");
        }
    }

    /**
     * Deletes everything cached: tarballs and registry documents.
     *
     * @param onWait told the lock's file once if another run holds the home lock, which may last minutes
     * @return the number of files deleted
     */
    public long clean(Consumer<Path> onWait) throws IOException {
        try (HomeLock ignored = RunLocks.home(home, store, tarballs, onWait)) {
            if (!Files.isDirectory(cacheFolder)) {
                return 0;
            }
            long files;
            try (Stream<Path> walk = Files.walk(cacheFolder)) {
                files = walk.filter(Files::isRegularFile).count();
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(cacheFolder)) {
                children = list.toList();
            }
            for (Path child : children) {
                Folders.deleteRecursively(child);
            }
            return files;
        }
    }
}
