package io.prompd.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path home;

    @Test
    void aLinkWhereTheLockFileGoesIsRefusedAndWhatItLeadsToKeepsItsContent() throws Exception {
        Path precious = Files.writeString(home.resolve("bashrc"), "export PATH=/opt/bin:$PATH\n");
        Path lock = Files.createSymbolicLink(home.resolve("install.lock"), precious);

        PrompdException refused = assertThrows(PrompdException.class,
                () -> RunLock.acquire(lock, Duration.ofSeconds(1), () -> { }));

        assertEquals(ExitCode.CONFLICT, refused.exitCode());
        assertTrue(refused.getMessage().startsWith(lock + " is a symbolic link (to " + precious + ")"),
                refused.getMessage());
        assertEquals("export PATH=/opt/bin:$PATH\n", Files.readString(precious));
    }

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

    @Test
    void theFileNamesItsHolderWhileHeldAndNoOneOnceReleased() throws Exception {
        Path file = home.resolve("install.lock");
        try (RunLock held = RunLock.acquire(file, Duration.ofSeconds(1), () -> { })) {
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), RunLock.holder(file));
        }
        assertEquals(OptionalLong.empty(), RunLock.holder(file));
    }

    @Test
    void onlyARunAfterOneThatNeverReleasedTheLockFollowsAnUnfinishedRun() throws Exception {
        Path file = home.resolve("install.lock");
        try (RunLock first = RunLock.acquire(file, Duration.ofSeconds(1), () -> { })) {
            assertFalse(first.followsUnfinishedRun(), "no run held it before");
        }
        try (RunLock afterARelease = RunLock.acquire(file, Duration.ofSeconds(1), () -> { })) {
            assertFalse(afterARelease.followsUnfinishedRun());
        }
        Processes.killedWhileHolding(file);
        try (RunLock afterAKill = RunLock.acquire(file, Duration.ofSeconds(1), () -> { })) {
            assertTrue(afterAKill.followsUnfinishedRun());
        }
        try (RunLock next = RunLock.acquire(file, Duration.ofSeconds(1), () -> { })) {
            assertFalse(next.followsUnfinishedRun(), "the run after the kill finished");
        }
    }

    @Test
    void aHolderThatHasEndedIsNamedNeverAndBlocksNothing() throws Exception {
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        Path file = home.resolve("install.lock");
        Files.writeString(file, "pid=" + ended.pid() + "\nstarted=\n");
        assertEquals(OptionalLong.empty(), RunLock.holder(file));
        Files.writeString(file, "pid=" + ProcessHandle.current().pid() + "\nstarted=1970-01-01T00:00:00Z\n");
        assertEquals(OptionalLong.empty(), RunLock.holder(file), "a process that took the id of the one named is not it");

        AtomicInteger told = new AtomicInteger();
        try (RunLock taken = RunLock.acquire(file, Duration.ofMillis(200), told::incrementAndGet)) {
            assertEquals(0, told.get(), "taken at once: only the operating system's lock decides");
        }
    }
}
