package io.prompd.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FuturesTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theResultComesBack() throws IOException {
        assertEquals("read", Futures.join(Futures.supplyAsync(() -> "read", executor)));
        assertEquals(42, Futures.get(executor.submit(() -> 42)));
    }

    @Test
    void backgroundWorkRunsInADaemonThreadOfItsOwnName() throws IOException {
        Thread worker = Futures.join(Futures.inBackground("registry-snapshot", Thread::currentThread));

        assertEquals("registry-snapshot", worker.getName());
        assertTrue(worker.isDaemon());
    }

    @Test
    void anIoFailureComesBackAsTheSameIoException() {
        NoSuchFileException missing = new NoSuchFileException("registry.json");
        CompletableFuture<String> pending = Futures.supplyAsync(() -> {
            throw missing;
        }, executor);
        assertSame(missing, assertThrows(NoSuchFileException.class, () -> Futures.join(pending)));

        Future<String> submitted = executor.submit(() -> {
            throw missing;
        });
        assertSame(missing, assertThrows(NoSuchFileException.class, () -> Futures.get(submitted)));
    }

    @Test
    void uncheckedFailuresAndErrorsComeBackUnwrapped() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class,
                () -> Futures.join(Futures.supplyAsync(() -> {
                    throw bug;
                }, executor))));
        OutOfMemoryError full = new OutOfMemoryError("full");
        assertSame(full, assertThrows(OutOfMemoryError.class, () -> Futures.get(executor.submit(() -> {
            throw full;
        }))));
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptStatus() {
        Future<String> never = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> Futures.get(never));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
