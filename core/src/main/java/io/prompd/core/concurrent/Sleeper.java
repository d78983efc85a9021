package io.prompd.core.concurrent;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the delays and returns at once. */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, with {@link Thread#sleep(long)}. */
    Sleeper THREAD = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
}
