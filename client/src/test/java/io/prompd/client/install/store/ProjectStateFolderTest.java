package io.prompd.client.install.store;

import static io.prompd.core.testing.Listings.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.prompd.client.install.Project;
import io.prompd.core.testing.Processes;
import java.io.IOException;
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
