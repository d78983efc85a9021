package io.prompd.core.files;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A lock that one run at a time holds, in a file of its own: the client's on a home's store and on
 * a project's files, the generator's on a build's output folder. An operating system file lock, so
 * it excludes other processes, and polled rather than awaited, because within one JVM a second
 * {@link FileChannel#lock()} on the same file throws instead of waiting. The operating system
 * releases it when a process dies, so a killed run never leaves it taken.
 */
public final class RunLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock held in {@code file}, waiting up to {@code patience} for another run to finish.
     *
     * @param onWait called once if the lock is held elsewhere, so the user knows why nothing happens
     * @throws PrompdException CONFLICT when the other run holds it longer than {@code patience}
     */
    public static RunLock acquire(Path file, Duration patience, Runnable onWait) throws IOException {
        Folders.create(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            long giveUp = System.nanoTime() + patience.toNanos();
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new RunLock(channel, lock);
                }
                if (!told) {
                    onWait.run();
                    told = true;
                }
                if (System.nanoTime() - giveUp > 0) {
                    throw new PrompdException(ExitCode.CONFLICT, "another run has held " + file + " for more than "
                            + patience.toSeconds() + " seconds", "wait for it to finish, then run this again");
                }
                Thread.sleep(POLL.toMillis());
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

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
