package io.prompd.core.concurrent;

/**
 * Where the threads of a run say things (a request's "trying again", a progress count): a thread the run has stopped,
 * that is interrupted as {@link Futures#stop} interrupts them, says nothing more. A thread blocked in I/O that no
 * interrupt ends (a connection's connect or read) may outlast the run's patience and wake after it has given its own
 * last word, an error, say: it is still interrupted then, so what it says is dropped, never printed after that word.
 */
public final class Gate {

    /** Says it, unless the calling thread has been stopped. */
    public synchronized void pass(Runnable saying) {
        if (!Thread.currentThread().isInterrupted()) {
            saying.run();
        }
    }

    /**
     * Returns once what a thread is saying has been said: called after stopping threads, so that none of theirs comes
     * after it, as one that had found itself not stopped before the stop may be saying it yet.
     */
    public synchronized void drain() {
        // entering is the wait: a thread inside pass holds the lock until what it says is said
    }
}
