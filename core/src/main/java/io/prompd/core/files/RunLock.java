package io.prompd.core.files;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.concurrent.Sleeper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lock that one run at a time holds, in a file of its own: the client's on a home's store and on
 * a project's files, the generator's on a build's output folder. An operating system file lock, so
 * it excludes other processes, and polled rather than awaited, because within one JVM a second
 * {@link FileChannel#lock()} on the same file throws instead of waiting. The operating system
 * releases it when a process dies, so a killed run never leaves it taken.
 *
 * <p>The file names its holder, the process id and the time the process started, written once the
 * lock is held and wiped as it is released, so that a run waiting for it can say whom it waits for
 * ({@link #holder}). That text only informs: the operating system's lock alone decides, and a text
 * that a killed run left names no one, since its process is gone. Its presence tells the next holder
 * that the run before it did not finish ({@link #followsUnfinishedRun}).
 *
 * <p>A holder may delete the file it holds ({@link #closeDeleting}): a run refused in a home it found without one
 * leaves none behind. A run waiting on the file then takes the lock of a file no longer there, so every run checks,
 * once it holds a lock, that its file is still the one at the path (by the file keys the system gives, read without
 * opening the file, which would release the lock), and takes the lock anew otherwise: only the holder of the file at
 * the path deletes it, so two runs never hold the lock at once.
 */
public final class RunLock implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(50);
    /**
     * How long a waiting run gives the holder to name itself before it tells of the wait without the name: a holder
     * writes it right after taking the lock, so a run that finds the lock held in between would otherwise name no one,
     * and only a file never named (its disk full, or its reading barred while locked) waits out the whole delay.
     */
    static final Duration NAMING = Duration.ofSeconds(1);
    /**
     * How many tries in a row may find the lock file's folder there yet refusing the file before it is taken to refuse
     * new files: one run removing the folder and another making it again between a try and its look fails one try.
     */
    private static final int TRIES_BEFORE_REFUSED = 3;
    /** More than a holder's text ever takes: a file grown larger is not one this class wrote, and is not read whole. */
    private static final int HOLDER_BYTES = 256;
    private static final Pattern HOLDER = Pattern.compile("pid=(\\d{1,18})\nstarted=(\\S*)\n");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean followsUnfinishedRun;

    private RunLock(Path file, FileChannel channel, FileLock lock, boolean followsUnfinishedRun) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.followsUnfinishedRun = followsUnfinishedRun;
    }

    /**
     * Takes the lock held in {@code file}, waiting up to {@code patience} for another run to finish.
     *
     * @param onWait called once if the lock is held elsewhere, so the user knows why nothing happens: as soon as the
     *               file names its holder ({@link #holder}), else once the holder had {@link #NAMING} to name itself;
     *               not at all if the lock comes free before
     * @throws PrompdException CONFLICT when the other run holds it longer than {@code patience}
     */
    public static RunLock acquire(Path file, Duration patience, Runnable onWait) throws IOException {
        return acquire(file, patience, onWait, System::nanoTime, Sleeper.THREAD);
    }

    /**
     * {@link #acquire(Path, Duration, Runnable)} with the time it waits by, so that a test can move time itself.
     *
     * @param ticker  nanoseconds, as {@link System#nanoTime()} counts them
     * @param sleeper what waits between two tries of the lock
     */
    static RunLock acquire(Path file, Duration patience, Runnable onWait, LongSupplier ticker, Sleeper sleeper)
            throws IOException {
        return acquire(file, patience, onWait, ticker, sleeper, RunLock::openNotFollowing);
    }

    /** How a lock file is opened, made when missing; a test's may fail as a race with other runs would. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    /** {@link #acquire(Path, Duration, Runnable, LongSupplier, Sleeper)} opening the lock file with {@code opener}. */
    static RunLock acquire(Path file, Duration patience, Runnable onWait, LongSupplier ticker, Sleeper sleeper,
                           Opener opener) throws IOException {
        long start = ticker.getAsLong();
        long giveUp = start + patience.toNanos();
        long unnamedBy = start + NAMING.toNanos();
        boolean told = false;
        int newFilesRefused = 0;
        Path folder = file.toAbsolutePath().getParent();
        while (true) {
            Folders.create(folder);
            Optional<Object> before = fileKey(file);
            FileChannel channel;
            try {
                channel = opener.open(file);
            } catch (NoSuchFileException missing) {
                // A holder refused in a home that did not exist removes the folder, which the next try makes again;
                // a third run may have made it again already, even under the same file key, as ext4 gives a freed
                // one to the next folder made. Only a folder that refuses new files fails try after try, for ever.
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        && ++newFilesRefused == TRIES_BEFORE_REFUSED) {
                    throw refusesNewFiles(file);
                }
                requirePatience(file, patience, ticker, giveUp);
                continue;
            }
            // the file opened: refusals before were races; only refusals try after try say the folder refuses new files
            newFilesRefused = 0;
            // the file opened, if the path named the same one before and after the open (or one only this run made)
            Optional<Object> opened = fileKey(file);
            if (before.isPresent() && !before.equals(opened)) {
                channel.close();
                requirePatience(file, patience, ticker, giveUp);
                continue;
            }
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        boolean holderLeftItsName = channel.size() > 0;
                        if (!fileKey(file).equals(opened)) {
                            // its holder deleted it while this run waited on it: the lock is the next file's
                            channel.close();
                            break;
                        }
                        nameHolder(channel);
                        return new RunLock(file, channel, lock, holderLeftItsName);
                    }
                    if (!told && (holder(file).isPresent() || ticker.getAsLong() - unnamedBy > 0)) {
                        onWait.run();
                        told = true;
                    }
                    requirePatience(file, patience, ticker, giveUp);
                    sleeper.sleep(POLL);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new PrompdException(ExitCode.FAILURE, "interrupted while waiting for " + file, "");
            } catch (IOException | RuntimeException failure) {
                channel.close();
                throw failure;
            }
        }
    }

    /** @throws PrompdException CONFLICT once the run has waited longer than {@code patience} */
    private static void requirePatience(Path file, Duration patience, LongSupplier ticker, long giveUp) {
        if (ticker.getAsLong() - giveUp > 0) {
            throw new PrompdException(ExitCode.CONFLICT, "another run has held " + file + " for more than "
                    + patience.toSeconds() + " seconds", "wait for it to finish, then run this again");
        }
    }

    /**
     * What tells the file at the path from any other while it exists, read without opening it: closing any channel of
     * a file, even one only opened to read it, releases every lock the process holds on it. Empty when there is none,
     * or where the system gives no such key (Windows, where {@link #closeDeleting} leaves the file).
     */
    private static Optional<Object> fileKey(Path file) throws IOException {
        try {
            return Optional.ofNullable(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey());
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /**
     * The lock file, never a link's target: taking the lock writes the holder's name into the file, and a project
     * cloned from elsewhere can hold a link there to any file of the user's, which would be emptied.
     */
    private static FileChannel openNotFollowing(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException refused) {
            // the JDK gives a plain IOException for a link refused by O_NOFOLLOW
            if (Files.isSymbolicLink(file)) {
                throw linkInTheWay(file, "where a lock file goes: the lock is never taken through a link, which would"
                        + " have the run write into the file it leads to");
            }
            throw refused;
        }
    }

    /**
     * A folder that exists yet gives no new file in it, as {@code /proc} does: the file system's "no such file" names
     * the lock file, which the run was making, so the message says which folder refused it.
     */
    private static PrompdException refusesNewFiles(Path file) {
        return new PrompdException(ExitCode.FAILURE, "could not make the lock file " + file + ": its folder "
                + file.toAbsolutePath().getParent() + " exists, but its file system makes no new file there",
                "choose a folder on a file system that takes new files");
    }

    /**
     * The refusal of a symbolic link found where a run keeps its lock, or the folder that holds it: a project cloned
     * from elsewhere can hold one leading anywhere, and the run would write there.
     *
     * @param why where the link is and why it is not followed, as in {@code where a lock file goes: …}
     */
    public static PrompdException linkInTheWay(Path link, String why) throws IOException {
        return new PrompdException(ExitCode.CONFLICT, link + " is a symbolic link (to " + Files.readSymbolicLink(link)
                + "), " + why, "delete the link (rm " + ShellWords.path(link.toString())
                + "); the next run makes it again");
    }

    /**
     * The process that holds the lock in {@code file}, as the file names it, if that process still
     * runs: for a run that waits to say whom for. Empty when the file names no one, names a process
     * that has ended (or another one that took its id since), or cannot be read, as on a system whose
     * file locks bar reading too.
     */
    public static OptionalLong holder(Path file) {
        Matcher named;
        try {
            named = HOLDER.matcher(head(file));
        } catch (IOException unreadable) {
            return OptionalLong.empty();
        }
        if (!named.matches()) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(named.group(1));
        String started = named.group(2);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> started.isEmpty() || process.info().startInstant().map(Instant::toString)
                        .map(started::equals).orElse(true))
                .map(process -> OptionalLong.of(pid)).orElse(OptionalLong.empty());
    }

    /** The first {@link #HOLDER_BYTES} of the file, all a holder's text takes: a longer one is read no further. */
    private static String head(Path file) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(HOLDER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (text.hasRemaining() && channel.read(text) >= 0) {
                // a short file ends the loop
            }
        }
        return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8);
    }

    /**
     * Whether the run that held this lock last ended without releasing it (killed, or its machine
     * went down), so that what it was writing may still lie about: a holder's text is wiped only
     * by a release. A run that finished leaves nothing to clean, so a caller may skip looking.
     */
    public boolean followsUnfinishedRun() {
        return followsUnfinishedRun;
    }

    /** Writes this process as the holder; a file that cannot take it costs a waiting run the name, never the lock. */
    private static void nameHolder(FileChannel channel) {
        ProcessHandle self = ProcessHandle.current();
        String text = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().map(Instant::toString).orElse("")
                + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException unwritten) {
            // the lock is held all the same, and the text only informs
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /**
     * Deletes the lock's file, then releases the lock: for a run that found no file and leaves none, changing nothing.
     * A run waiting on the file takes the lock of the next one instead ({@link #acquire}). A run killed in between
     * leaves the file, as any killed run does, and the next one repairs what it left. Only on a POSIX file system,
     * where a file held open leaves its name at once: Windows keeps the name of a file deleted while another run has it
     * open, refusing to open it until that run lets go, and gives no file key for the check of {@link #acquire}, so
     * there the file stays, as it did before.
     */
    public void closeDeleting() throws IOException {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.deleteIfExists(file);
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            wipeHolder();
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The run that takes the lock next writes itself; until then the file names no one who has gone. */
    private void wipeHolder() {
        try {
            channel.truncate(0);
        } catch (IOException kept) {
            // the text only informs, and a waiting run names its process only while that process runs
        }
    }
}
