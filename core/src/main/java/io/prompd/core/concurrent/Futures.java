package io.prompd.core.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs I/O work on other threads and gives its failure back to the waiting thread as that work
 * threw it: an {@link IOException} stays one (exit codes and messages depend on it), and a
 * {@link RuntimeException} or {@link Error} is rethrown as it is, not inside a
 * {@link CompletionException} or {@link ExecutionException}.
 */
public final class Futures {

    private Futures() {
    }

    /** Starts the work on the executor. */
    public static <T> CompletableFuture<T> supplyAsync(IoSupplier<T> work, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }, executor);
    }

    /**
     * Starts blocking I/O work in a thread of its own, named {@code name}: on the common pool it
     * would hold one of the few threads that parallel streams need.
     */
    public static <T> CompletableFuture<T> inBackground(String name, IoSupplier<T> work) {
        return supplyAsync(work, task -> daemonThreads(name).newThread(task).start());
    }

    /**
     * Threads named {@code name} for I/O work, daemons so that a run that fails, or finds nothing to
     * do, does not wait for work it no longer needs.
     */
    public static ThreadFactory daemonThreads(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * How long a run that stops its threads waits for them: a thread blocked in I/O is not woken by an interrupt, and
     * ends when its connect or read times out.
     */
    public static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    /**
     * Cancels the work not started and waits, at most {@code patience}, for the work running, interrupted, to end: once
     * a run has failed, or is done, none of its threads may go on writing files or saying things after it returned.
     */
    public static void stop(ExecutorService workers, Duration patience) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result, waiting for it; the work's own failure when it failed. */
    public static <T> T join(CompletableFuture<T> pending) throws IOException {
        try {
            return pending.join();
        } catch (CompletionException failed) {
            throw rethrown(failed.getCause());
        }
    }

    /**
     * The result, waiting for it; the work's own failure when it failed. An interrupted wait keeps
     * the thread's interrupt status and ends in an {@link InterruptedIOException}.
     */
    public static <T> T get(Future<T> pending) throws IOException {
        try {
            return pending.get();
        } catch (ExecutionException failed) {
            throw rethrown(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            InterruptedIOException stopped = new InterruptedIOException("interrupted while waiting for other threads");
            stopped.initCause(interrupted);
            throw stopped;
        }
    }

    /** The exception to throw for a failure of the work, or the failure itself when it is unchecked. */
    private static IOException rethrown(Throwable cause) {
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException("background work failed: " + cause, cause);
    }
}
