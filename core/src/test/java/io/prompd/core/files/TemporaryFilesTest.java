package io.prompd.core.files;

import static io.prompd.core.testing.Listings.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {

    @TempDir
    Path folder;

    private static long thisProcessStarted() {
        return ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    }

    @Test
    void aTemporaryNamesItsTargetAndProcessAndIsNoOrphanWhileItRuns() throws IOException {
        Path temporary = AtomicFiles.temporaryFile(folder.resolve("sub/entry"));
        assertTrue(temporary.getFileName().toString().startsWith(".entry." + ProcessHandle.current().pid() + "-"
                + thisProcessStarted() + "."), temporary.toString());
        assertTrue(TemporaryFiles.isTemporary(temporary));
        assertEquals(List.of(), TemporaryFiles.removeOrphans(folder, 2));
        assertEquals(List.of(), TemporaryFiles.removeOrphansOf(folder.resolve("sub/entry")));
        assertTrue(Files.exists(temporary));
    }

    @Test
    void onlyTheTemporariesOfEndedProcessesAreRemoved() throws Exception {
        long ended = Processes.endedPid();
        Path orphan = Files.writeString(folder.resolve(".entry.%d.123.part".formatted(ended)), "half");
        Path orphanFolder =
                Files.createDirectories(folder.resolve("@acme/.greeter@1.0.0.%d.9.part/prompts".formatted(ended)));
        Path notOurs = Files.writeString(folder.resolve(".entry.123.part"), "no process id: not prompd's");
        Path live = AtomicFiles.temporaryFile(folder.resolve("other"));
        Path entry = Files.writeString(folder.resolve("0a1b2c"), "whole");
        Path hidden = Files.writeString(folder.resolve(".keep"), "not a temporary file");

        assertEquals(List.of(orphanFolder.getParent(), orphan).stream().sorted().toList(),
                TemporaryFiles.removeOrphans(folder, 2));

        assertEquals(List.of(folder.resolve("@acme"), notOurs, live, entry, hidden).stream().sorted().toList(),
                entries(folder));
        assertFalse(TemporaryFiles.isTemporary(notOurs));
        assertEquals(List.of(), entries(folder.resolve("@acme")));
    }

    @Test
    void aTemporaryWhoseProcessIdWasTakenAgainByAProcessStartedLaterIsAnOrphan() throws IOException {
        long pid = ProcessHandle.current().pid();
        Path reused = Files.writeString(folder.resolve(".pkg@1.2.0.%d-%d.5.part".formatted(pid,
                thisProcessStarted() - 1)),
                "half");
        // a prompd killed as PID 1 of a container, whose folder the host sees: there, PID 1 is init
        Path ofAContainersInit = Files.createDirectory(folder.resolve(".pkg@1.3.0.1-1.6.part"));
        Path mine = AtomicFiles.temporaryFolder(folder.resolve("pkg@1.4.0"));
        Path ofAnEarlierVersion = Files.writeString(folder.resolve(".pkg@1.5.0.%d.7.part".formatted(pid)),
                "its writer may be running: it has no start to tell");

        assertEquals(List.of(ofAContainersInit, reused).stream().sorted().toList(),
                TemporaryFiles.removeOrphans(folder, 1));
        assertEquals(List.of(mine, ofAnEarlierVersion).stream().sorted().toList(), entries(folder));
        assertEquals(List.of(), TemporaryFiles.removeOrphansOf(folder.resolve("pkg@1.4.0")));
    }

    @Test
    void theDepthLimitKeepsCompleteFoldersUnwalked() throws Exception {
        Path deep = Files.createDirectories(folder.resolve("a/b"))
                .resolve(".entry.%d.1.part".formatted(Processes.endedPid()));
        Files.writeString(deep, "half");
        assertEquals(List.of(), TemporaryFiles.removeOrphans(folder, 2));
        assertEquals(List.of(deep), TemporaryFiles.removeOrphans(folder, 3));
    }

    @Test
    void theOrphansOfOneTargetLeaveEverythingElseBesideIt() throws Exception {
        long ended = Processes.endedPid();
        Path mine = Files.createDirectories(folder.resolve(".greeter.%d.5.part/prompts".formatted(ended))).getParent();
        Path someoneElses = Files.writeString(folder.resolve(".notes.%d.5.part".formatted(ended)), "not prompd's");

        assertEquals(List.of(mine), TemporaryFiles.removeOrphansOf(folder.resolve("greeter")));
        assertEquals(List.of(someoneElses), entries(folder));
    }

    @Test
    void theOrphansOfSeveralTargetsAreTheOnesWhoseTargetsNameIsAccepted() throws Exception {
        long ended = Processes.endedPid();
        Path tarball = Files.writeString(folder.resolve(".pkg-1.2.0.tgz.%d.5.part".formatted(ended)), "half");
        Path lock = Files.writeString(folder.resolve(".prompd.lock.%d.6.part".formatted(ended)), "half");
        Path notAccepted = Files.writeString(folder.resolve(".notes.%d.5.part".formatted(ended)), "not prompd's");
        Path live = AtomicFiles.temporaryFile(folder.resolve("pkg-1.3.0.tgz"));

        assertEquals(List.of(tarball, lock).stream().sorted().toList(), TemporaryFiles.removeOrphansIn(folder,
                name -> name.endsWith(".tgz") || name.equals("prompd.lock")));
        assertEquals(List.of(notAccepted, live).stream().sorted().toList(), entries(folder));
        assertTrue(TemporaryFiles.isTemporaryName(".pkg@1.2.0.1.99.part"));
        assertFalse(TemporaryFiles.isTemporaryName("pkg@1.2.0.1.99.part"), "not hidden");
    }

    @Test
    void aFolderNeverWrittenHasNoOrphans() throws IOException {
        assertEquals(List.of(), TemporaryFiles.removeOrphans(folder.resolve("absent"), 1));
        assertEquals(List.of(), TemporaryFiles.removeOrphansOf(folder.resolve("absent/target")));
    }

    /**
     * A folder {@code prompd init} is given may be named as long as the system takes, which leaves no room for the
     * rest of its temporary's name: the target's name is cut there, at a character's start, and is still its own.
     */
    @Test
    void aTargetNamedTooLongForTheRestOfItsTemporarysNameIsCutThereAndItsOrphansAreStillItsOwn() throws Exception {
        String name = "a" + "é".repeat(120);
        Path target = folder.resolve(name);
        // 190 bytes held: 'a' and 94 two-byte é, as the 95th would end one byte beyond
        String held = "a" + "é".repeat(94);
        long ended = Processes.endedPid();
        Path orphan = Files.createDirectory(folder.resolve(".%s.%d.1.part".formatted(held, ended)));
        Path ofAnotherTarget = Files.createDirectory(folder.resolve(".%s.%d.2.part".formatted("b" + held, ended)));

        Path temporary = AtomicFiles.temporaryFolder(target);
        AtomicFiles.moveIntoFreePlace(temporary, target);

        String temporaryName = temporary.getFileName().toString();
        assertTrue(temporaryName.startsWith("." + held + "." + ProcessHandle.current().pid() + "-"), temporaryName);
        assertTrue(temporaryName.getBytes(StandardCharsets.UTF_8).length <= LongNames.MAX_NAME_BYTES, temporaryName);
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(orphan), TemporaryFiles.removeOrphansOf(target));
        assertEquals(List.of(ofAnotherTarget, target).stream().sorted().toList(), entries(folder));
    }

    /** The longest temporary name read as one: 18-digit process id and start, the largest random number. */
    @Test
    void theLongestTemporaryNameAddsMostAddedBytesToItsTarget() throws IOException {
        String longest = "." + "entry" + "." + "9".repeat(18) + "-" + "9".repeat(18) + "." + Long.toUnsignedString(-1L)
                + ".part";

        assertTrue(TemporaryFiles.isTemporaryName(longest));
        assertEquals("entry".length() + TemporaryFiles.MOST_ADDED_BYTES, longest.length());
        assertTrue(AtomicFiles.temporaryFile(folder.resolve("entry")).getFileName().toString().length()
                <= "entry".length() + TemporaryFiles.MOST_ADDED_BYTES);
    }
}
