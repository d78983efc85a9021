package io.prompd.client.install.store;

import io.prompd.core.files.Folders;
import io.prompd.core.files.RunLock;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The home's {@link RunLock}, held, once what a run killed while holding it left in the store and
 * the cache is gone ({@link RunLocks#home}). Taking the lock wipes the killed run's record, the
 * only sign of its leftovers, so every command taking it cleans them first.
 *
 * @param repaired what was removed, the store's and then the cache's; empty unless the last holder was killed
 * @param parts    where the home's parts are
 * @param missing  those of {@code parts} the run found missing, for a refused run to remove again
 *                 ({@link #closeRefused}): the home and the lock's file before the lock was taken, the folders once
 *                 it was
 */
public record HomeLock(RunLock lock, List<Path> repaired, Parts parts, Set<Path> missing) implements AutoCloseable {

    public HomeLock {
        Objects.requireNonNull(lock, "lock");
        repaired = List.copyOf(repaired);
        Objects.requireNonNull(parts, "parts");
        missing = Set.copyOf(missing);
    }

    /**
     * Where the parts of a home are that a command taking its lock may make.
     *
     * @param documents the registry documents' folder in the cache
     */
    public record Parts(Path home, Path lockFile, Path store, Path cache, Path tarballs, Path documents) {

        public Parts {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(lockFile, "lockFile");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(cache, "cache");
            Objects.requireNonNull(tarballs, "tarballs");
            Objects.requireNonNull(documents, "documents");
        }

        /** Those of {@code paths} missing now. */
        static Set<Path> missing(Path... paths) {
            return Stream.of(paths).filter(path -> !Files.exists(path, LinkOption.NOFOLLOW_LINKS))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }

    /** Work done holding the home's lock. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Does the work, then releases the lock: as it is, or, when the work fails, as {@link #closeRefused} does, so that
     * every command refused under the home's lock leaves the home as it found it.
     */
    public <T> T runThenClose(Work<T> work) throws IOException {
        T result;
        try {
            result = work.run();
        } catch (IOException | RuntimeException refused) {
            try {
                closeRefused();
            } catch (IOException | RuntimeException unreleased) {
                refused.addSuppressed(unreleased);
            }
            throw refused;
        }
        close();
        return result;
    }

    /**
     * Releases the lock of a run that was refused, removing first what of the home it made, so that a first install
     * that fails leaves no home behind, as with npm and cargo: the store's and the cache's folders if they hold no
     * file, the documents read to plan unless the run kept a tarball (an {@code --offline} run needs them to install
     * it), and the lock's file, which {@link RunLock#closeDeleting} removes safely for runs waiting on it. The home, if
     * the run made it, goes last, once empty: a run about to take the lock in it makes it again.
     */
    public void closeRefused() throws IOException {
        try {
            if (missing.contains(parts.tarballs())) {
                removeIfNoFile(parts.tarballs());
                if (missing.contains(parts.documents()) && !Files.exists(parts.tarballs())) {
                    // read without the lock by info and outdated too: one of theirs removed costs only a download
                    removeWhole(parts.documents());
                }
            }
            if (missing.contains(parts.cache())) {
                removeIfEmpty(parts.cache());
            }
            if (missing.contains(parts.store())) {
                removeIfNoFile(parts.store());
            }
        } finally {
            if (missing.contains(parts.lockFile())) {
                lock.closeDeleting();
            } else {
                lock.close();
            }
        }
        if (missing.contains(parts.home())) {
            removeIfEmpty(parts.home());
        }
    }

    /** Removes a folder holding folders alone: one of the home's, where a refused run made no file. */
    private static void removeIfNoFile(Path folder) {
        try (Stream<Path> inside = Files.walk(folder)) {
            if (inside.allMatch(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
                Folders.deleteRecursively(folder);
            }
        } catch (IOException | RuntimeException kept) {
            // the run was refused all the same: an empty folder left only costs a look
        }
    }

    private static void removeWhole(Path folder) {
        try {
            Folders.deleteRecursively(folder);
        } catch (IOException kept) {
            // as for an empty folder left
        }
    }

    /** Removes a folder if it is empty: another run may have put something in it meanwhile, which stays. */
    private static void removeIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException | NoSuchFileException another) {
            // another run's, or the user's
        } catch (IOException kept) {
            // as for an empty folder left
        }
    }
}
