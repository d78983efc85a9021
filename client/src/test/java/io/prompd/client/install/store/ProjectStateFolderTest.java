package io.prompd.client.install.store;

import static io.prompd.core.testing.Listings.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.client.install.Project;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStateFolderTest {

    @TempDir
    Path project;

    @Test
    void aNewFolderKeepsItselfOutOfGit() throws IOException {
        Path folder = ProjectStateFolder.created(project);

        assertEquals(project.resolve(".prompd"), folder);
        assertEquals("*\n", Files.readString(folder.resolve(".gitignore")));
        assertEquals(List.of(folder), entries(project), "no temporary is left");
    }

    @Test
    void aGitIgnoreThatCannotBeWrittenIsNamedAsItWouldStandInTheProject() throws IOException {
        Path staged = Files.createDirectories(project.resolve(".prompd.1.2.part"));
        // /dev/full fails every write with ENOSPC, as a full disk does
        Path ignoreFile = Files.createSymbolicLink(staged.resolve(".gitignore"), Path.of("/dev/full"));
        Path named = project.resolve(".prompd/.gitignore");

        FileSystemException full = assertThrows(FileSystemException.class,
                () -> ProjectStateFolder.writeIgnoreAll(ignoreFile, named));

        assertEquals(named.toString(), full.getFile());
        assertEquals("No space left on device", full.getReason());
    }

    @Test
    void aFolderAnEarlierPromptLeftGetsItsGitIgnoreAndKeepsTheRest() throws IOException {
        Path folder = Files.createDirectories(project.resolve(".prompd"));
        Files.writeString(folder.resolve("install.lock"), "");

        ProjectStateFolder.created(project);

        assertEquals(List.of(folder.resolve(".gitignore"), folder.resolve("install.lock")), entries(folder),
                "no temporary is left");
        assertEquals("*\n", Files.readString(folder.resolve(".gitignore")));
    }

    @Test
    void aGitIgnoreOfTheUsersIsLeftAsItIs() throws IOException {
        Path folder = Files.createDirectories(project.resolve(".prompd"));
        Files.writeString(folder.resolve(".gitignore"), "install.lock\n");

        ProjectStateFolder.created(project);

        assertEquals("install.lock\n", Files.readString(folder.resolve(".gitignore")));
        assertEquals(List.of(folder.resolve(".gitignore")), entries(folder));
    }

    @Test
    void theFolderARunKilledWhileMakingItLeftIsCleaned() throws Exception {
        Path staged = Files.createDirectories(project.resolve("..prompd.%d.6.part".formatted(Processes.endedPid())));
        Files.writeString(staged.resolve(".gitignore"), "*\n");

        assertEquals(List.of(staged), Project.removeLeftovers(project));
        assertFalse(Files.exists(staged));
    }
}
