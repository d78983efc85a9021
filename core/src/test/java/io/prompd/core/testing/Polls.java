package io.prompd.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.prompd.core.concurrent.IoSupplier;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits for what another thread or process does, and fails with what it last saw once a deadline passes: a wait
 * without one hangs the build when the awaited thing never comes, and one of a fixed length either wastes time or
 * races a slow machine. The deadline is a hang guard, generous, never what a test asserts.
 */
public final class Polls {

    /** Long enough for a busy CI machine, short enough that a hang fails the build rather than stalls it. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration EVERY = Duration.ofMillis(20);

    private Polls() {
    }

    /**
     * What {@code look} sees once it passes {@code until}, looked at again every few milliseconds.
     *
     * @param awaited what the test waits for, as the failure names it: {@code the JVM's handler of SIGQUIT}
     */
    public static <T> T until(String awaited, IoSupplier<T> look, Predicate<? super T> until)
            throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T seen = look.get();
            if (until.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - giveUp > 0) {
                return fail("waited " + PATIENCE.toSeconds() + " s for " + awaited + " in vain; last seen: " + seen);
            }
            Thread.sleep(EVERY.toMillis());
        }
    }
}
