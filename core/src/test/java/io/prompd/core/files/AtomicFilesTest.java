package io.prompd.core.files;

import static io.prompd.core.testing.Listings.entries;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.PrompdException;
import io.prompd.core.testing.DeepPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void temporariesGetTheDefaultPermissionsNotTheOwnerOnlyOnesOfCreateTempFile() throws IOException {
        Path file = AtomicFiles.temporaryFile(folder.resolve("prompd.json"));
        Path subfolder = AtomicFiles.temporaryFolder(folder.resolve("package"));
        Path plain = Files.createFile(folder.resolve("plain"));
        Path plainFolder = Files.createDirectory(folder.resolve("plain-folder"));

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        assertEquals(Files.getPosixFilePermissions(plainFolder), Files.getPosixFilePermissions(subfolder));
        Path secret = AtomicFiles.temporaryFile(folder.resolve("config.json"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    }

    @Test
    void aFolderThatRefusesTheTemporaryNameIsReportedAsRefusingTheTarget() {
        // the kernel's /sys refuses new entries even to root, as a read-only or foreign folder would
        Path target = Path.of("/sys/prompd-test.tgz");
        FileSystemException file = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(target, new byte[1]));
        FileSystemException folder = assertThrows(FileSystemException.class, () -> AtomicFiles.temporaryFolder(target));

        assertEquals(target.toString(), file.getFile());
        assertEquals(target.toString(), folder.getFile());
        assertTrue(file.getCause().getMessage().contains(".prompd-test.tgz."),
                "the temporary's failure is kept as the cause");
    }

    /**
     * A temporary's name is longer than its target's: where only the temporary's whole path is too long, naming the
     * target would show a path that fits, and hide that the folder lies too deep.
     */
    @Test
    void aTemporaryWhosePathAloneIsTooLongAsAWholeIsNamedAsItIs() throws IOException {
        // the target's path 5 bytes short of the most, its name of 100 bytes: any temporary's is longer by 10 or more
        Path deep = Files.createDirectories(DeepPaths.ofLength(folder, LongNames.maxPathBytes() - 5 - 101));
        Path target = deep.resolve("x".repeat(100));
        assertEquals(LongNames.maxPathBytes() - 5, LongNames.bytes(target.toString()), "the target's path fits");

        FileSystemException tooLong = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(target, new byte[1]));

        Path temporary = Path.of(tooLong.getFile());
        assertEquals(deep, temporary.getParent());
        assertTrue(temporary.getFileName().toString().endsWith(".part"), tooLong.getFile());
        assertTrue(LongNames.wholePathTooLong(temporary), tooLong.getFile());
        assertFalse(Files.exists(target));
        Path longer = deep.resolve("x".repeat(120));
        assertEquals(longer.toString(), assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(longer, new byte[1])).getFile(), "a target too long itself is named");
    }

    @Test
    void aFolderWhereNoFileCanBeCreatedIsReportedForTheTarget() {
        // the kernel's /proc answers "no such file" to any new name
        Path target = Path.of("/proc/prompd-test.tgz");
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(target, new byte[1]));

        assertEquals(target.toString(), missing.getFile());
    }

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporary() throws IOException {
        Path target = Files.writeString(folder.resolve("prompd.lock"), "old");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals(List.of(target), entries(folder));
    }

    @Test
    void aLinkStaysALinkAndTheFileItPointsToIsRewrittenBesideItself() throws IOException {
        Path dotfiles = Files.createDirectories(folder.resolve("dotfiles"));
        Path manifest = Files.writeString(dotfiles.resolve("prompd.json"), "old");
        Path lock = Files.writeString(dotfiles.resolve("prompd.lock"), "old");
        Path tarball = Files.writeString(dotfiles.resolve("pkg.tgz"), "old");
        Path project = Files.createDirectories(folder.resolve("project"));
        for (Path target : List.of(manifest, lock, tarball)) {
            Files.createSymbolicLink(project.resolve(target.getFileName()),
                    Path.of("../dotfiles").resolve(target.getFileName()));
        }
        // a chain of links ends at the file
        Files.createSymbolicLink(project.resolve("chained.json"), Path.of("prompd.json"));

        AtomicFiles.write(project.resolve("chained.json"), "new".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(Map.of(project.resolve("prompd.lock"), "new".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeStream(project.resolve("pkg.tgz"), out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            return null;
        });

        for (Path target : List.of(manifest, lock, tarball)) {
            assertTrue(Files.isSymbolicLink(project.resolve(target.getFileName())), target.toString());
            assertEquals("new", Files.readString(target), target.toString());
        }
        assertEquals(List.of(lock, manifest, tarball).stream().sorted().toList(), entries(dotfiles),
                "no temporary left");
    }

    @Test
    void aLinkThatLeadsToItselfIsSaidToWithWhatToDo() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("prompd.json"), Path.of("prompd.json"));

        PrompdException failure = assertThrows(PrompdException.class, () -> AtomicFiles.write(link, new byte[1]));

        assertEquals(link + " is a link that leads to itself", failure.getMessage());
        assertEquals("make " + link + " a file, or a link to one", failure.hint());
    }

    @Test
    void aLinkIntoAFolderThatDoesNotExistIsRefusedBeforeAnyFileChangesAndTheFolderIsNotCreated() throws IOException {
        Path project = Files.createDirectories(folder.resolve("project"));
        Path manifest = Files.writeString(project.resolve("prompd.json"), "old");
        Path lock = Files.createSymbolicLink(project.resolve("prompd.lock"), Path.of("../nowhere/a/b/prompd.lock"));
        Path config = Files.createSymbolicLink(project.resolve("config.json"), folder.resolve("absent/config.json"));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(manifest, "new".getBytes(StandardCharsets.UTF_8));
        files.put(lock, "new".getBytes(StandardCharsets.UTF_8));

        PrompdException failure = assertThrows(PrompdException.class, () -> AtomicFiles.writeAll(files));

        Path missing = folder.resolve("nowhere/a/b");
        assertEquals(lock + " is a link to " + missing.resolve("prompd.lock") + ", in a folder that does not exist: "
                + missing, failure.getMessage());
        assertEquals("create that folder, or make " + lock
                + " a file or a link to one in a folder that exists, then run"
                + " this again", failure.hint());
        assertEquals("old", Files.readString(manifest));
        assertEquals(List.of(config, manifest, lock), entries(project), "no temporary left");
        assertThrows(PrompdException.class, () -> AtomicFiles.write(config, new byte[1]), "a link to an absolute path");
        assertThrows(PrompdException.class, () -> AtomicFiles.writeStream(lock, out -> null));
        assertEquals(List.of(project), entries(folder), "no folder made");
    }

    @Test
    void aLinkToAFileNotThereYetInAFolderThatExistsGetsTheFileThere() throws IOException {
        Path dotfiles = Files.createDirectories(folder.resolve("dotfiles"));
        Path lock = Files.createSymbolicLink(folder.resolve("prompd.lock"), Path.of("dotfiles/prompd.lock"));

        AtomicFiles.write(lock, "new".getBytes(StandardCharsets.UTF_8));

        assertTrue(Files.isSymbolicLink(lock));
        assertEquals("new", Files.readString(dotfiles.resolve("prompd.lock")));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsThoseTheUmaskWouldTakeAwayToo() throws IOException {
        Path manifest = Files.writeString(folder.resolve("prompd.json"), "old");
        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-------"));
        Path lock = Files.writeString(folder.resolve("prompd.lock"), "old");
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-rw----"));
        Path tarball = Files.writeString(folder.resolve("pkg.tgz"), "old");
        Files.setPosixFilePermissions(tarball, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(manifest, "new".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(Map.of(lock, "new".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeStream(tarball, out -> null);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(tarball)));
    }

    /** By the mode, not by a failed write: root, whom no mode stops, is refused too, and so is this test as root. */
    @Test
    void aFileItsOwnerMayNotWriteIsRefusedByNameAndLeftAsItWasWithNoTemporary() throws IOException {
        Path manifest = Files.writeString(folder.resolve("prompd.json"), "old");
        Path lock = Files.writeString(folder.resolve("prompd.lock"), "old");
        Path config = Files.writeString(folder.resolve("config.json"), "old");
        for (Path file : List.of(manifest, lock, config)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--rw-rw-"));
        }
        Map<Path, byte[]> both = new LinkedHashMap<>();
        both.put(manifest, "new".getBytes(StandardCharsets.UTF_8));
        both.put(lock, "new".getBytes(StandardCharsets.UTF_8));

        ReadOnlyFileException pair = assertThrows(ReadOnlyFileException.class, () -> AtomicFiles.writeAll(both));
        ReadOnlyFileException secret = assertThrows(ReadOnlyFileException.class, () -> AtomicFiles.write(config,
                "new".getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        ReadOnlyFileException streamed = assertThrows(ReadOnlyFileException.class,
                () -> AtomicFiles.writeStream(lock, out -> null));

        assertEquals(List.of(manifest.toString(), config.toString(), lock.toString()),
                List.of(pair.getFile(), secret.getFile(), streamed.getFile()));
        for (Path file : List.of(manifest, lock, config)) {
            assertEquals("old", Files.readString(file));
            assertEquals("r--rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(List.of(config, manifest, lock), entries(folder));
    }

    @Test
    void permissionsGivenForTheNewFileWinOverThoseOfTheFileItReplaces() throws IOException {
        Path config = Files.writeString(folder.resolve("config.json"), "old");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.write(config, "secret".getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void writeAllChangesNoFileWhenAnyOfThemCannotBeWritten() throws IOException {
        Path manifest = Files.writeString(folder.resolve("prompd.json"), "old");
        Files.writeString(folder.resolve("blocked"), "a file where the lock's folder goes");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(manifest, "new".getBytes(StandardCharsets.UTF_8));
        files.put(folder.resolve("blocked/prompd.lock"), "new".getBytes(StandardCharsets.UTF_8));

        assertThrows(NotDirectoryException.class, () -> AtomicFiles.writeAll(files));

        assertEquals("old", Files.readString(manifest));
        assertEquals(List.of(folder.resolve("blocked"), manifest), entries(folder));
    }

    @Test
    void writeAllRenamesInTheMapsOrder() throws IOException {
        Path lock = Files.createDirectories(folder.resolve("prompd.lock/inside")).getParent();
        Path manifest = Files.writeString(folder.resolve("prompd.json"), "old");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(lock, "new".getBytes(StandardCharsets.UTF_8));
        files.put(manifest, "new".getBytes(StandardCharsets.UTF_8));

        assertThrows(FileSystemException.class, () -> AtomicFiles.writeAll(files));

        assertEquals("old", Files.readString(manifest), "the first rename failed, so the second was not made");
        assertEquals(List.of(manifest, lock), entries(folder));
    }

    @Test
    void aWriteThatFailsIsReportedForItsOwnReasonWhenWhatItLeftCannotBeDeleted() throws IOException {
        Path target = folder.resolve("pkg.tgz");

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.writeStream(target, out -> {
            // the temporary becomes a folder with a file in it, which deleting it cannot remove
            Path temporary = entries(folder).get(0);
            Files.delete(temporary);
            Files.createDirectories(temporary.resolve("inside"));
            throw new IOException("the download broke off");
        }));

        assertEquals("the download broke off", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length, List.of(failure.getSuppressed())::toString);
        assertTrue(failure.getSuppressed()[0] instanceof DirectoryNotEmptyException,
                failure.getSuppressed()[0]::toString);
    }

    @Test
    void aFileThatCannotBeDeletedAfterAFailureIsAddedToItAndTheOthersStillGo() throws IOException {
        // a folder holding a file is what deleteIfExists refuses even to root
        Path stuck = Files.createDirectories(folder.resolve("README.md"));
        Files.writeString(stuck.resolve("inside"), "x\n");
        Path license = Files.writeString(folder.resolve("LICENSE"), "MIT\n");
        IOException diskFull = new IOException("No space left on device");

        AtomicFiles.deleteAfter(diskFull, List.of(stuck, license));

        assertEquals(List.of(DirectoryNotEmptyException.class),
                Arrays.stream(diskFull.getSuppressed()).map(Object::getClass).toList());
        assertEquals(stuck.toString(), ((DirectoryNotEmptyException) diskFull.getSuppressed()[0]).getFile());
        assertFalse(Files.exists(license));
    }

    @Test
    void aFreePlaceIsNeverTakenOverNotEvenAnEmptyFolder() throws IOException {
        Path target = Files.createDirectory(folder.resolve("greeter@1.0.0"));
        Path staged = AtomicFiles.temporaryFolder(target);
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.moveIntoFreePlace(staged, target));
        assertTrue(Files.isDirectory(staged));
        Path other = folder.resolve("greeter@1.1.0");
        AtomicFiles.moveIntoFreePlace(staged, other);
        assertTrue(Files.isDirectory(other));

        Path readme = Files.writeString(folder.resolve("README.md"), "mine");
        Path stagedFile = Files.writeString(AtomicFiles.temporaryFile(readme), "generated");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.moveIntoFreePlace(stagedFile, readme));
        assertEquals("mine", Files.readString(readme));
    }

    @Test
    void twoRunsRacingForOnePlaceLeaveTheLoserAFileAlreadyExistsException() throws Exception {
        // the JDK looks for the target before rename(2), which fails with ENOTEMPTY when another run's folder came
        // between them: callers tell "another run was first" by the exception's type alone
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                Path target = folder.resolve("round-" + round);
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Boolean> move = () -> {
                    Path staged = AtomicFiles.temporaryFolder(target);
                    Files.writeString(staged.resolve(".gitignore"), "*");
                    start.await();
                    try {
                        AtomicFiles.moveIntoFreePlace(staged, target);
                        return true;
                    } catch (FileAlreadyExistsException second) {
                        return false;
                    }
                };
                List<Boolean> won = new ArrayList<>();
                for (Future<Boolean> run : runs.invokeAll(List.of(move, move))) {
                    won.add(run.get());
                }
                assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), "round " + round);
            }
        } finally {
            runs.shutdownNow();
        }
    }
}
