package io.prompd.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class GateTest {

    /**
     * As a fetch blocked in a read that no interrupt ends: it outlasts the stop's patience, wakes after the run has
     * given its last word, and would warn of trying again after it.
     */
    @Test
    void aThreadStoppedThatWakesAfterTheRunsLastWordSaysNothing() throws InterruptedException {
        Gate gate = new Gate();
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        Semaphore readEnds = new Semaphore(0);
        CountDownLatch ended = new CountDownLatch(1);
        ExecutorService workers = Executors.newSingleThreadExecutor();
        workers.execute(() -> {
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park();
            }
            // a read's timeout, which the interrupt did not end and which leaves the thread interrupted
            readEnds.acquireUninterruptibly();
            gate.pass(() -> said.add("warning: trying again"));
            ended.countDown();
        });
        started.await();

        assertFalse(Futures.stop(workers, Duration.ZERO), "the read blocks on");
        gate.drain();
        said.add("error: the run's own");
        readEnds.release();
        ended.await();

        assertEquals(List.of("error: the run's own"), said);
        assertTrue(Futures.stop(workers, Futures.STOP_PATIENCE), "ended");
    }

    @Test
    void aThreadNotStoppedSaysWhatItSays() {
        Gate gate = new Gate();
        List<String> said = new CopyOnWriteArrayList<>();

        gate.pass(() -> said.add("warning: trying again"));
        gate.drain();
        gate.pass(() -> said.add("waiting for the lock"));

        assertEquals(List.of("warning: trying again", "waiting for the lock"), said);
    }
}
