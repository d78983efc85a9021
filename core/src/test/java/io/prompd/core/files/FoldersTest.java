package io.prompd.core.files;

import static io.prompd.core.testing.Listings.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir
    Path home;

    @Test
    void missingFoldersAreCreatedAndExistingOnesKept() throws IOException {
        Path tarballs = home.resolve("cache/tarballs");
        assertEquals(tarballs, Folders.create(tarballs));
        assertEquals(tarballs, Folders.create(tarballs));
        assertTrue(Files.isDirectory(tarballs));
    }

    @Test
    void aFileWhereTheFolderGoesIsNamedAsTheFileInTheWay() throws IOException {
        Path packages = Files.writeString(home.resolve("packages"), "notes");

        NotDirectoryException inTheWay = assertThrows(NotDirectoryException.class, () -> Folders.create(packages));

        assertEquals(packages.toString(), inTheWay.getFile());
        assertTrue(inTheWay.getCause() instanceof FileAlreadyExistsException, "the JDK's own failure is kept");
    }

    @Test
    void aFileWhereAFolderAboveGoesIsNamedRatherThanTheFolderBelowIt() throws IOException {
        Path cache = Files.writeString(home.resolve("cache"), "notes");
        Path link = Files.createSymbolicLink(home.resolve("linked"), cache);

        assertEquals(cache.toString(), assertThrows(NotDirectoryException.class,
                () -> Folders.create(cache.resolve("tarballs/sha512"))).getFile());
        assertEquals(link.toString(), assertThrows(NotDirectoryException.class,
                () -> Folders.create(link.resolve("tarballs"))).getFile());
        assertEquals(Optional.empty(), Folders.fileInTheWay(home.resolve("free/below")));
    }

    @Test
    void theRealPathOfAPathStillToBeCreatedFollowsTheLinksAboveIt() throws IOException {
        Path contexts = Files.createDirectories(home.resolve("pkg/contexts"));
        Path link = Files.createSymbolicLink(home.resolve("out"), Path.of("pkg/contexts"));

        assertEquals(contexts.resolve("new/x.tgz"), Folders.real(link.resolve("new/x.tgz")));
        assertEquals(contexts, Folders.real(link));
        assertEquals(home.toRealPath().resolve("free/below"), Folders.real(home.resolve("free/../free/below")));
    }

    @Test
    void anyOtherFailureIsTheSystemsOwn() {
        // the kernel's /proc answers "no such file" to any new name: no file is in the way
        FileSystemException refused = assertThrows(FileSystemException.class,
                () -> Folders.create(Path.of("/proc/prompd-test/packages")));
        assertTrue(!(refused instanceof NotDirectoryException), refused.toString());
    }

    @Test
    void deletingRecursivelyRemovesLinksNotWhatTheyPointTo() throws IOException {
        Path kept = Files.writeString(home.resolve("kept"), "outside");
        Path tree = Files.createDirectories(home.resolve("tree/sub"));
        Files.createSymbolicLink(tree.resolve("link"), kept);
        Files.createSymbolicLink(home.resolve("tree/folder-link"), home);

        Folders.deleteRecursively(home.resolve("tree"));
        Folders.deleteRecursively(home.resolve("absent"));

        assertFalse(Files.exists(home.resolve("tree")));
        assertEquals(List.of(kept), entries(home));
    }

    @Test
    void deletingAFoldersContentsKeepsTheFolderAndWhatItsLinksPointTo() throws IOException {
        Path kept = Files.writeString(home.resolve("kept"), "outside");
        Path target = Files.createDirectories(home.resolve("target"));
        Files.writeString(Files.createDirectories(target.resolve("prompts/sub")).resolve("a.prmd"), "a");
        Files.createSymbolicLink(target.resolve("link"), kept);
        Files.createSymbolicLink(target.resolve("folder-link"), home);

        Folders.deleteContents(target);

        assertEquals(List.of(), entries(target));
        assertEquals(List.of(kept, target), entries(home));
    }
}
