package io.prompd.client.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path work;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aMissingFolderIsCreatedForItsOwnerOnlyWithItsParentsAsUsual() throws IOException {
        Path folder = work.resolve("home/cache/tarballs");

        OwnerOnly.folder(folder);

        assertEquals("rwx------", permissions(folder));
        assertEquals(permissions(Files.createDirectory(work.resolve("plain"))), permissions(folder.getParent()));
    }

    @Test
    void aFolderOthersCouldReadIsClosedToThem() throws IOException {
        Path folder = Files.createDirectory(work.resolve("packages"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.folder(folder);

        assertEquals("rwx------", permissions(folder));
    }

    @Test
    void aFileMadeWithItsAttributesIsForItsOwnerOnly() throws IOException {
        Path file = Files.createFile(work.resolve("config.json"), OwnerOnly.fileIn(work));

        assertEquals("rw-------", permissions(file));
    }
}
