package io.prompd.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedWritesTest {

    @TempDir
    Path folder;

    @Test
    void aFullDiskNamesTheFileBeingWritten() {
        Path tarball = folder.resolve("acme-greeter-1.0.0.tgz");

        // /dev/full fails every write with ENOSPC, as a full disk does
        FileSystemException full = assertThrows(FileSystemException.class, () -> {
            try (OutputStream out = NamedWrites.naming(new FileOutputStream("/dev/full"), tarball)) {
                out.write(new byte[] {1, 2, 3});
                out.flush();
            }
        });

        assertEquals(tarball.toString(), full.getFile());
        assertEquals("No space left on device", full.getReason());
    }

    @Test
    void aFailureThatNamesAFileAlreadyKeepsIt() {
        FileSystemException own = new FileSystemException("/elsewhere", null, "Read-only file system");

        assertEquals(own, NamedWrites.naming(own, folder.resolve("x")));
        assertEquals(folder.resolve("x").toString(),
                ((FileSystemException) NamedWrites.naming(new IOException("Input/output error"), folder.resolve("x")))
                        .getFile());
    }
}
