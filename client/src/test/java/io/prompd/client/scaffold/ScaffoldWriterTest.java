package io.prompd.client.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldWriterTest {

    @TempDir
    Path folder;

    @Test
    void aFileThatCannotBeWrittenIsNamedAsItWouldStandInThePackage() throws IOException {
        Path staging = Files.createDirectories(folder.resolve(".init.1.2.part"));
        // /dev/full fails every write with ENOSPC, as a full disk does
        Files.createSymbolicLink(staging.resolve("README.md"), Path.of("/dev/full"));

        FileSystemException full = assertThrows(FileSystemException.class, () -> ScaffoldWriter.writeFiles(staging,
                folder, Map.of("README.md", "# Notes\n".getBytes(StandardCharsets.UTF_8))));

        assertEquals(folder.resolve("README.md").toString(), full.getFile());
        assertEquals("No space left on device", full.getReason());
    }

    @Test
    void aFileThatCannotBeUndoneIsAddedToTheFailureThatStoppedInitAndTheOthersStillGo() throws IOException {
        // a folder holding a file is what deleteIfExists refuses even to root
        Path stuck = Files.createDirectories(folder.resolve("README.md"));
        Files.writeString(stuck.resolve("inside"), "x\n");
        Path license = Files.writeString(folder.resolve("LICENSE"), "MIT\n");
        IOException diskFull = new IOException("No space left on device");

        ScaffoldWriter.deleteMoved(List.of(stuck, license), diskFull);

        assertEquals(List.of(DirectoryNotEmptyException.class),
                Arrays.stream(diskFull.getSuppressed()).map(Object::getClass).toList());
        assertEquals(stuck.toString(), ((DirectoryNotEmptyException) diskFull.getSuppressed()[0]).getFile());
        assertFalse(Files.exists(license));
    }
}
