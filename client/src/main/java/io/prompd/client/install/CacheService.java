package io.prompd.client.install;

import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Maintenance of {@code <home>/cache}. Both operations hold the home lock, so no install is
 * downloading into the cache meanwhile. The store of installed packages is never touched.
 */
public final class CacheService {

    private final Path home;
    private final Path cacheFolder;

    public CacheService(Path home, Path cacheFolder) {
        this.home = home;
        this.cacheFolder = cacheFolder;
    }

    /**
     * Hashes every cached tarball again; corrupt ones are deleted, to be downloaded again when needed.
     *
     * @param onWait told the lock's file once if another run holds the home lock, which may last minutes
     */
    public TarballCache.CacheCheck verify(Consumer<Path> onWait) throws IOException {
        try (RunLock ignored = RunLocks.home(home, onWait)) {
            TarballCache tarballs = new TarballCache(cacheFolder);
            // verify first: a folder in an entry's place is damage to report, which removeLeftovers would clear unsaid
            TarballCache.CacheCheck check = tarballs.verify();
            tarballs.removeLeftovers();
            return check;
        }
    }

    /**
     * Deletes everything cached: tarballs and registry documents.
     *
     * @param onWait told the lock's file once if another run holds the home lock, which may last minutes
     * @return the number of files deleted
     */
    public long clean(Consumer<Path> onWait) throws IOException {
        try (RunLock ignored = RunLocks.home(home, onWait)) {
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
                AtomicFiles.deleteRecursively(child);
            }
            return files;
        }
    }
}
