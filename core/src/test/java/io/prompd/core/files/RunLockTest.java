package io.prompd.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.concurrent.Sleeper;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path home;

    /**
     * Linux's /proc exists and answers "no such file" to every new file, which the lock once took for its folder
     * removed meanwhile and tried again at once, for as long as its patience lasted: a build's is a day.
     */
    @Test
    void aFolderThatMakesNoNewFileFailsAtOnceNamingIt() {
        Path lock = Path.of("/proc/.out.lock");

        PrompdException refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                PrompdException.class, () -> RunLock.acquire(lock, Duration.ofDays(1), () -> { })));

        assertEquals(ExitCode.FAILURE, refused.exitCode());
        assertEquals("could not make the lock file /proc/.out.lock: its folder /proc exists, but its file system makes"
                + " no new file there", refused.getMessage());
    }

    /**
     * One run removing the lock's folder and another making it again between a try's open and its look leave the
     * folder there, even under its old file key (ext4 gives a freed one to the next folder made): the next try takes
     * the lock, where only a folder refusing try after try refuses new files.
     */
    @Test
    void aTryFailedByItsFolderRemovedAndMadeAgainMeanwhileIsTriedAgainAndOnlyTryAfterTryIsARefusal()
            throws Exception {
        Path file = home.resolve("locks/install.lock");
        AtomicInteger tries = new AtomicInteger();
        RunLock.Opener racedOnce = opened -> {
            if (tries.incrementAndGet() == 1) {
                throw new NoSuchFileException(opened.toString());
            }
            return FileChannel.open(opened, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        };

        try (RunLock lock = RunLock.acquire(file, Duration.ofSeconds(30), () -> { }, System::nanoTime,
                Sleeper.THREAD, racedOnce)) {
            assertEquals(2, tries.get());
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), RunLock.holder(file));
        }
        AtomicInteger refusals = new AtomicInteger();
        PrompdException refused = assertThrows(PrompdException.class, () -> RunLock.acquire(file,
                Duration.ofSeconds(30), () -> { }, System::nanoTime, Sleeper.THREAD, opened -> {
                    refusals.incrementAndGet();
                    throw new NoSuchFileException(opened.toString());
                }));
        assertEquals(3, refusals.get());
        assertTrue(refused.getMessage().endsWith("its file system makes no new file there"), refused.getMessage());
    }

    /**
     * Races over a long wait, each failing one try, are no folder refusing new files: a try that opens the file, even
     * one then tried again as another run replaced the file meanwhile, starts the count of refusals anew.
     */
    @Test
    void triesFailedByRacesApartAreNoRefusal() throws Exception {
        Path file = Files.createDirectories(home.resolve("locks")).resolve("install.lock");
        Files.createFile(file);
        AtomicInteger tries = new AtomicInteger();
        RunLock.Opener racedThriceApart = opened -> {
            int tryNumber = tries.incrementAndGet();
            if (tryNumber % 2 == 1 && tryNumber < 6) {
                throw new NoSuchFileException(opened.toString());
            }
            FileChannel channel = FileChannel.open(opened, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (tryNumber < 6) {
                // another run replaces the file between this try's open and its look: the next try opens the new one
                Files.move(Files.createFile(home.resolve("locks/replacement-" + tryNumber)), opened,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return channel;
        };

        try (RunLock lock = RunLock.acquire(file, Duration.ofSeconds(30), () -> { }, System::nanoTime,
                Sleeper.THREAD, racedThriceApart)) {
            assertEquals(6, tries.get());
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), RunLock.holder(file));
        }
    }

    /** The hint's command is pasted into a shell: a path with a space is one word there. */
    @Test
    void theLinksRemovalIsSuggestedShellQuoted() throws Exception {
        Path folder = Files.createDirectory(home.resolve("my project"));
        Path lock = Files.createSymbolicLink(folder.resolve("install.lock"), home.resolve("elsewhere"));

        PrompdException refused = assertThrows(PrompdException.class,
                () -> RunLock.acquire(lock, Duration.ofSeconds(1), () -> { }));

        assertEquals("delete the link (rm '" + lock + "'); the next run makes it again", refused.hint());
    }

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
    void aWaitingRunTellsOfTheWaitOnceTheHolderHasNamedItselfNotInTheMomentBefore() throws Exception {
        Path file = home.resolve("install.lock");
        List<OptionalLong> told = new CopyOnWriteArrayList<>();
        AtomicLong now = new AtomicLong();
        AtomicLong toldAt = new AtomicLong(-1);
        long namedAt = RunLock.NAMING.dividedBy(2).toNanos();
        ProcessHandle self = ProcessHandle.current();
        try (FileChannel holder = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock taken = holder.lock()) {
            // as a run holds it between taking the lock and writing its name, which it writes halfway through NAMING
            Sleeper waitingAndNaming = delay -> {
                if (now.get() < namedAt) {
                    assertEquals(List.of(), told, "not told yet: the holder has had no moment to name itself");
                }
                now.addAndGet(delay.toNanos());
                try {
                    if (now.get() == namedAt) {
                        holder.write(ByteBuffer.wrap(("pid=" + self.pid() + "\nstarted=" + self.info().startInstant()
                                .map(Instant::toString).orElse("") + "\n").getBytes(StandardCharsets.UTF_8)));
                    }
                    if (!told.isEmpty()) {
                        taken.release();
                    }
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            };

            RunLock.acquire(file, Duration.ofSeconds(30), () -> {
                told.add(RunLock.holder(file));
                toldAt.set(now.get());
            }, now::get, waitingAndNaming).close();

            assertEquals(List.of(OptionalLong.of(self.pid())), told, "told once, naming the holder");
            assertEquals(namedAt, toldAt.get(), "told at the first look after the holder named itself");
        }
    }

    @Test
    void aHolderThatNeverNamesItselfIsToldOfWithoutItsNameAfterAMoment() throws Exception {
        Path file = home.resolve("install.lock");
        List<OptionalLong> told = new CopyOnWriteArrayList<>();
        AtomicLong now = new AtomicLong();
        AtomicLong toldAt = new AtomicLong(-1);
        Duration patience = Duration.ofSeconds(2);
        try (FileChannel holder = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock taken = holder.lock()) {

            PrompdException busy = assertThrows(PrompdException.class, () -> RunLock.acquire(file, patience, () -> {
                told.add(RunLock.holder(file));
                toldAt.set(now.get());
            }, now::get, delay -> now.addAndGet(delay.toNanos())));

            assertEquals(ExitCode.CONFLICT, busy.exitCode());
            assertEquals(List.of(OptionalLong.empty()), told);
            assertEquals(RunLock.NAMING.plus(RunLock.POLL).toNanos(), toldAt.get(),
                    "told at the first look after the holder had NAMING to name itself, not before");
            assertEquals(patience.plus(RunLock.POLL).toNanos(), now.get(),
                    "given up at the first look after the patience ran out");
        }
    }

    /**
     * A run refused in a home it found without a lock file deletes the file it holds: a run that waited on that file
     * must not hold a lock of a file no longer there while a third run makes a new one and holds it too.
     */
    @Test
    void aRunWaitingOnALockFileItsHolderDeletesTakesTheLockOfTheNextFileSoThatNoOtherRunHoldsItToo()
            throws Exception {
        Path file = home.resolve("home").resolve("install.lock");
        RunLock first = RunLock.acquire(file, Duration.ofSeconds(1), () -> { });
        CountDownLatch told = new CountDownLatch(1);
        CountDownLatch deleted = new CountDownLatch(1);
        // the second run's next try comes once the first deleted the file, and the home it made
        Sleeper untilDeleted = delay -> deleted.await();
        CompletableFuture<RunLock> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return RunLock.acquire(file, Duration.ofSeconds(30), told::countDown, System::nanoTime, untilDeleted);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
        assertTrue(told.await(10, TimeUnit.SECONDS), "the second run waits on the file");
        first.closeDeleting();
        Files.delete(file.getParent());
        deleted.countDown();

        try (RunLock second = waiting.get(10, TimeUnit.SECONDS)) {
            assertTrue(Files.exists(file), "the second run holds the file at the path, made again with its folder");

            PrompdException third = assertThrows(PrompdException.class,
                    () -> RunLock.acquire(file, Duration.ofMillis(200), () -> { }));

            assertEquals(ExitCode.CONFLICT, third.exitCode(), "the lock is held once");
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), RunLock.holder(file));
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
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        Path file = home.resolve("install.lock");
        Files.writeString(file, "pid=" + ended.pid() + "\nstarted=\n");
        assertEquals(OptionalLong.empty(), RunLock.holder(file));
        Files.writeString(file, "pid=" + ProcessHandle.current().pid() + "\nstarted=1970-01-01T00:00:00Z\n");
        assertEquals(OptionalLong.empty(), RunLock.holder(file),
                "a process that took the id of the one named is not it");

        AtomicInteger told = new AtomicInteger();
        try (RunLock taken = RunLock.acquire(file, Duration.ofMillis(200), told::incrementAndGet)) {
            assertEquals(0, told.get(), "taken at once: only the operating system's lock decides");
        }
    }
}
