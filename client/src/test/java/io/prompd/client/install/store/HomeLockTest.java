package io.prompd.client.install.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondRunWaitsAndGivesUpAfterItsPatience() throws Exception {
        AtomicInteger told = new AtomicInteger();
        try (HomeLock first = HomeLock.acquire(home, Duration.ofSeconds(1), () -> { })) {
            PrompdException busy = assertThrows(PrompdException.class,
                    () -> HomeLock.acquire(home, Duration.ofMillis(200), told::incrementAndGet));
            assertEquals(ExitCode.CONFLICT, busy.exitCode());
        }
        assertEquals(1, told.get(), "the user is told once that the run waits");
        try (HomeLock again = HomeLock.acquire(home, Duration.ofMillis(200), () -> { })) {
            // released by the first: taken at once
        }
    }
}
