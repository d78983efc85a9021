package io.prompd.client.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
