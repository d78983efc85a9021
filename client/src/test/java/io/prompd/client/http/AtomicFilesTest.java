package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void aTemporaryFileNamesItsProcessAndIsNoOrphanWhileItRuns() throws IOException {
        Path temporary = AtomicFiles.temporaryBeside(folder.resolve("sub/entry"));
        assertTrue(temporary.getFileName().toString().startsWith(".entry." + ProcessHandle.current().pid() + "."),
                temporary.toString());
        assertEquals(List.of(), AtomicFiles.removeOrphans(folder.resolve("sub")));
        assertTrue(Files.exists(temporary));
    }

    @Test
    void onlyTheTemporaryFilesOfEndedProcessesAreRemoved() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path orphan = Files.writeString(folder.resolve(".entry.%d.123.part".formatted(ended.pid())), "half");
        Path withoutProcess = Files.writeString(folder.resolve(".entry.123.part"), "half, from an older prompd");
        Path entry = Files.writeString(folder.resolve("0a1b2c"), "whole");
        Path hidden = Files.writeString(folder.resolve(".keep"), "not a temporary file");

        assertEquals(List.of(withoutProcess, orphan).stream().sorted().toList(), AtomicFiles.removeOrphans(folder));

        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(entry, hidden).stream().sorted().toList(), left.sorted().toList());
        }
    }

    @Test
    void aFolderNeverWrittenHasNoOrphans() throws IOException {
        assertEquals(List.of(), AtomicFiles.removeOrphans(folder.resolve("absent")));
    }
}
