package io.prompd.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondRunWaitsAndGivesUpAfterItsPatience() throws Exception {
        AtomicInteger told = new AtomicInteger();
        try (RunLock first = RunLock.acquire(home.resolve("install.lock"), Duration.ofSeconds(1), () -> { })) {
            PrompdException busy = assertThrows(PrompdException.class,
                    () -> RunLock.acquire(home.resolve("install.lock"), Duration.ofMillis(200), told::incrementAndGet));
            assertEquals(ExitCode.CONFLICT, busy.exitCode());
        }
        assertEquals(1, told.get(), "the user is told once that the run waits");
        try (RunLock again = RunLock.acquire(home.resolve("install.lock"), Duration.ofMillis(200), () -> { })) {
            // released by the first: taken at once
        }
    }
}
