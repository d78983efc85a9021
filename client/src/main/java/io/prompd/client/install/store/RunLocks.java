package io.prompd.client.install.store;

import io.prompd.client.config.Settings;
import io.prompd.client.files.ReadOnlyDisks;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.files.PermissionRefusals;
import io.prompd.core.files.RunLock;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The client's {@link RunLock}s: one on a home's store and cache,
 * one on a project's files, which runs with different homes may share. Runs take the home's lock
 * before a project's, so two runs never wait for each other.
 */
public final class RunLocks {

    /** In the home folder. */
    private static final String HOME_FILE = "install.lock";
    /** In a project's {@link ProjectStateFolder}. */
    private static final String PROJECT_FILE = "install.lock";

    /**
     * How long a run waits for another one to finish before giving up: an install of a large graph on a slow network.
     */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private RunLocks() {
    }

    /**
     * Takes the lock of a home's store and cache; {@code onWait} is told its file once if another run
     * holds it, for a user to tell which run, or which stale lock of a network file system, to look at.
     * After a run killed while holding it, what that run left in the store and the cache is removed
     * first; only such a run leaves anything there, and looking through them costs the more the
     * more was ever installed.
     */
    public static HomeLock home(Path home, PackageStore store, TarballCache cache, Consumer<Path> onWait)
            throws IOException {
        return home(home, store, cache, onWait, false).orElseThrow();
    }

    /**
     * As {@link #home}, for a run that may have nothing to write: empty, with nothing taken or made, where the home
     * refuses this user's writes (a disk mounted read-only, a home of another user's), so that the run can read it
     * without the lock, as pip reads a cache it cannot write.
     */
    public static Optional<HomeLock> homeUnlessUnwritable(Path home, PackageStore store, TarballCache cache,
                                                          Consumer<Path> onWait) throws IOException {
        return home(home, store, cache, onWait, true);
    }

    private static Optional<HomeLock> home(Path home, PackageStore store, TarballCache cache, Consumer<Path> onWait,
                                           boolean unlessUnwritable) throws IOException {
        Path cacheFolder = cache.root().getParent();
        HomeLock.Parts parts = new HomeLock.Parts(home, home.resolve(HOME_FILE), store.root(), cacheFolder,
                cache.root(), cacheFolder.resolve(RegistryFetcher.CACHE_FOLDER));
        // found missing before the lock is taken, as taking it makes them
        Set<Path> missing = new HashSet<>(HomeLock.Parts.missing(parts.home(), parts.lockFile()));
        RunLock lock;
        try {
            lock = acquire(parts.lockFile(), onWait);
        } catch (FileSystemException refused) {
            if (unlessUnwritable && (ReadOnlyDisks.isReadOnly(refused) || PermissionRefusals.refused(refused))) {
                return Optional.empty();
            }
            Settings.requireWritableHome(refused, home);
            throw refused;
        }
        try {
            // looked at with the lock held, as only runs holding it make them (but the documents' folder)
            missing.addAll(HomeLock.Parts.missing(parts.store(), parts.cache(), parts.tarballs(), parts.documents()));
            if (!lock.followsUnfinishedRun()) {
                return Optional.of(new HomeLock(lock, List.of(), parts, missing));
            }
            List<Path> repaired = new ArrayList<>(store.removeLeftovers());
            repaired.addAll(cache.removeLeftovers());
            return Optional.of(new HomeLock(lock, repaired, parts, missing));
        } catch (IOException | RuntimeException failure) {
            lock.close();
            throw failure;
        }
    }

    /** A lock a run holds until it closes it. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Takes the lock of a project's files, after the home's, which this run holds: only once, where the project's
     * {@code .prompd} folder is the home, as {@code cd ~} in a project at the user's home folder or a CI caching its
     * home in the checkout as {@code PROMPD_HOME=.prompd} has it. Their names never meet there but in the lock's file,
     * which both keep for the same end, so the home's lock already holds the project too; taking it again would wait
     * for this run itself.
     *
     * @param home     the home whose lock this run holds
     * @param commands how the hint for a read-only project spells the command that checks it
     * @throws PrompdException CONFLICT when a file stands where the project's {@code .prompd} folder goes
     */
    public static Held project(Path projectFolder, Path home, Consumer<Path> onWait, SuggestedCommands commands)
            throws IOException {
        Path lock = ProjectStateFolder.in(projectFolder).resolve(PROJECT_FILE);
        try {
            ProjectStateFolder.created(projectFolder);
            // the home's own file, not a link to it, which taking the lock refuses as it refuses a link to any file
            if (Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)
                    && Files.isSameFile(lock, home.resolve(HOME_FILE))) {
                return () -> { };
            }
            return acquire(lock, onWait)::close;
        } catch (NotDirectoryException notAFolder) {
            throw new PrompdException(ExitCode.CONFLICT, lock.getParent() + " is a file, but it must be a folder:"
                    + " prompd keeps the project's install lock in it",
                    "move or rename that file, then run this again");
        } catch (FileSystemException refused) {
            // list and tree take no lock and write nothing, and exit 1 wherever install would change something; a
            // frozen install takes none of the project's either, and installs its lock as it is
            String hint = commands.quoted("install --frozen") + " installs a read-only project's prompd.lock as it"
                    + " is, writing nothing to the project; to change it, run this in a writable copy or mount of it;"
                    + " " + commands.quoted("list") + " exits 1 when install would change it";
            ReadOnlyDisks.requireWritable(refused, "the project " + projectFolder, hint);
            if (refused instanceof AccessDeniedException) {
                throw new PrompdException(ExitCode.FAILURE, "permission denied: " + refused.getFile() + ", where"
                        + " prompd takes the project's lock, which every run that may change it takes", "this user may"
                        + " not write to the project " + projectFolder + " (ls -ld " + ShellWords.path(
                        projectFolder.toString()) + "): " + hint, refused);
            }
            throw refused;
        }
    }

    private static RunLock acquire(Path lock, Consumer<Path> onWait) throws IOException {
        return RunLock.acquire(lock, PATIENCE, () -> onWait.accept(lock));
    }
}
