package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

/**
 * A prompd.lock a Git merge left with conflict markers, in a real repository: install, update and uninstall merge
 * both sides' locks and take the merge as any lock, as npm does, whatever state Git has the file in; the commands that
 * only read the lock, and --frozen, refuse it.
 */
class ConflictedLockTest extends InstallCommandsFixture {

    private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.test");

    /**
     * The repositories here are JGit's as no one configured it: a developer's ~/.gitconfig with {@code [merge] ff =
     * only} made a merge abort, and core.autocrlf changed the files checked out. The pom gives the tests a home of
     * their own in the build folder and no system config.
     */
    @Test
    void jgitReadsNoGitConfigOfTheRealHomeOrOfTheSystem() throws Exception {
        Path userConfig = ((FileBasedConfig) SystemReader.getInstance().getUserConfig()).getFile().toPath();
        assertTrue(userConfig.startsWith(Path.of("target").toAbsolutePath()), userConfig.toString());
        assertNull(((FileBasedConfig) SystemReader.getInstance().getSystemConfig()).getFile());
    }

    @Test
    void installMergesBothSidesOfAConflictedLockKeepingTheOtherBranchsUpdateStagedOrNot() throws Exception {
        registry.publish("@acme/a", "1.0.0").publish("@acme/b", "1.0.0");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            Files.writeString(project.resolve(".gitignore"), ".prompd/\n");
            assertEquals(0, prompd("install", "@acme/a").exitCode());
            commit(git, "add @acme/a");
            git.checkout().setCreateBranch(true).setName("bump-a").call();
            registry.publish("@acme/a", "1.0.1");
            assertEquals(0, prompd("update", "@acme/a").exitCode());
            commit(git, "update @acme/a");
            git.checkout().setName("main").call();
            assertEquals(0, prompd("install", "@acme/b").exitCode());
            commit(git, "add @acme/b");
            // a true merge, whatever merge.ff a Git config says
            MergeResult merge = git.merge().include(git.getRepository().findRef("bump-a"))
                    .setFastForward(MergeCommand.FastForwardMode.FF).call();
            assertEquals(MergeResult.MergeStatus.CONFLICTING, merge.getMergeStatus());
            assertTrue(merge.getConflicts().containsKey("prompd.lock"), merge.getConflicts().toString());

            CliRun list = prompd("list");
            assertEquals(1, list.exitCode(), list.err());
            assertTrue(list.err().endsWith("\nhint: run 'prompd install', which merges both sides' locks (a package"
                    + " they lock at different versions at the higher) and installs the result as any lock, then this"
                    + " again\n"), list.err());
            CliRun frozen = prompd("install", "--frozen", "--json");
            assertEquals(4, frozen.exitCode(), frozen.err());
            assertEquals("lockOutOfDate", Json.reader().readTree(frozen.out()).get("error").get("kind").asText());
            assertTrue(Files.readString(project.resolve("prompd.lock")).contains("<<<<<<< HEAD\n"), "left as it was");

            // as 'git add -A' after resolving prompd.json leaves it, where 'git checkout --ours' no longer does a thing
            git.add().addFilepattern(".").call();
            CliRun install = prompd("install", "--json");

            assertEquals(0, install.exitCode(), install.err());
            JsonNode result = Json.reader().readTree(install.out());
            assertTrue(result.get("lockChanged").asBoolean());
            JsonNode note = result.get("warnings").get(0);
            assertEquals("lockConflictMerged", note.get("kind").asText());
            assertEquals("HEAD", note.get("ours").asText());
            assertEquals("refs/heads/bump-a", note.get("theirs").asText(), "as JGit's markers name it");
            assertEquals("[{\"kept\":\"1.0.1\",\"name\":\"@acme/a\",\"ours\":\"1.0.0\",\"theirs\":\"1.0.1\"}]",
                    Json.writeString(note.get("differing")).replaceAll("\\s", ""));
            assertEquals("prompd.lock held Git conflict markers, so the locks of both sides were merged; of the"
                    + " versions they lock differently the higher was kept, where the resolution started: @acme/a 1.0.1"
                    + " from"
                    + " refs/heads/bump-a, not 1.0.0 from HEAD (commit the prompd.lock written)", note.get("message").asText());
            JsonNode lock = Json.reader().readTree(Files.readString(project.resolve("prompd.lock")));
            assertEquals("1.0.1", lock.get("packages").get("@acme/a").get("version").asText(), "bump-a's update kept");
            assertEquals("1.0.0", lock.get("packages").get("@acme/b").get("version").asText(), "main's package kept");
            CliRun again = prompd("install", "--frozen");
            assertEquals(0, again.exitCode(), again.err());
            assertEquals("", again.err(), "the lock written needs nothing more");
        }
    }

    @Test
    void aConflictCommittedWithItsMarkersIsMergedByInstallAsOneStagedIs() throws IOException, GitAPIException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\":\"@me/app\",\"version\":\"1.0.0\","
                + "\"dependencies\":{}}\n");
        Files.writeString(project.resolve("prompd.lock"), "{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n"
                + "<<<<<<< HEAD\n=======\n>>>>>>> other\n  }\n}\n");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            Files.writeString(project.resolve(".gitignore"), ".prompd/\n");
            commit(git, "wip");

            CliRun install = prompd("install");

            assertEquals(0, install.exitCode(), install.err());
            assertEquals("warning: prompd.lock held Git conflict markers, so the locks of both sides were merged"
                    + " (commit the prompd.lock written)\n", install.err());
            assertEquals("{\n  \"lockfileVersion\": 1,\n  \"packages\": {}\n}\n",
                    Files.readString(project.resolve("prompd.lock")));
            assertFalse(git.status().call().isClean(), "the lock is to commit");
        }
    }

    @Test
    void aMergeOfTwoSidesThatContradictEachOtherIsResolvedAgainNotTrusted() throws IOException {
        registry.publish("@acme/y", "1.0.0").publish("@acme/y", "2.0.0")
                .publish("@acme/x", "1.0.0")
                .publish("@acme/x", "2.0.0", "@acme/y", "^1.0.0");
        editDependencies("\"@acme/x\": \"2.0.0\", \"@acme/y\": \">=1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        String ours = Files.readString(project.resolve("prompd.lock"));
        editDependencies("\"@acme/x\": \"1.0.0\", \"@acme/y\": \"2.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        String theirs = Files.readString(project.resolve("prompd.lock"));
        editDependencies("\"@acme/x\": \">=1.0.0\", \"@acme/y\": \">=1.0.0\"");
        // the whole file in conflict: the higher of each, @acme/x 2.0.0 and @acme/y 2.0.0, cannot go together
        Files.writeString(project.resolve("prompd.lock"), "<<<<<<< ours\n" + ours + "||||||| base\n{}\n=======\n"
                + theirs + ">>>>>>> theirs\n");

        CliRun install = prompd("install", "--json");

        assertEquals(0, install.exitCode(), install.err());
        JsonNode result = Json.reader().readTree(install.out());
        assertTrue(result.get("resolved").asBoolean(), "the merge is resolved again");
        assertEquals(2, result.get("warnings").get(0).get("differing").size());
        JsonNode lock = Json.reader().readTree(Files.readString(project.resolve("prompd.lock"))).get("packages");
        String x = lock.get("@acme/x").get("version").asText();
        String y = lock.get("@acme/y").get("version").asText();
        assertTrue(x.equals("2.0.0") && y.equals("1.0.0") || x.equals("1.0.0") && y.equals("2.0.0"), x + ", " + y);
        CliRun check = prompd("install", "--frozen");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals(0, prompd("list").exitCode());
    }

    /** The merge keeps the higher version for the resolution to start from, which prompd.json's range may refuse. */
    @Test
    void aMergedVersionTheResolutionMovesIsToldMovedInTheMergesWarning() throws IOException {
        registry.publish("@acme/s", "2.1.0").publish("@acme/s", "2.2.0");
        editDependencies("\"@acme/s\": \"~2.1.0\"");
        assertEquals(0, prompd("install").exitCode());
        String pinned = Files.readString(project.resolve("prompd.lock"));
        editDependencies("\"@acme/s\": \"^2.1.0\"");
        assertEquals(0, prompd("update").exitCode());
        String updated = Files.readString(project.resolve("prompd.lock"));
        editDependencies("\"@acme/s\": \"~2.1.0\"");
        Files.writeString(project.resolve("prompd.lock"), "<<<<<<< HEAD\n" + updated + "=======\n" + pinned
                + ">>>>>>> z7\n");

        CliRun install = prompd("install", "--json");

        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("the higher was kept, where the resolution started: @acme/s 2.2.0 from"
                + " HEAD, not 2.1.0 from z7, which the resolution then moved to 2.1.0 (commit"), install.err());
        JsonNode differing = Json.reader().readTree(install.out()).get("warnings").get(0).get("differing").get(0);
        assertEquals("2.1.0", differing.get("movedTo").asText(), differing.toString());
    }

    @Test
    void updateAndUninstallMergeAConflictedLockTooAndOutdatedRefusesIt() throws IOException {
        registry.publish("@acme/a", "1.0.0").publish("@acme/b", "1.0.0");
        assertEquals(0, prompd("install", "@acme/a", "@acme/b").exitCode());
        String ours = Files.readString(project.resolve("prompd.lock"));
        registry.publish("@acme/a", "1.0.1");
        assertEquals(0, prompd("update").exitCode());
        String theirs = Files.readString(project.resolve("prompd.lock"));
        String conflicted = "<<<<<<< HEAD\n" + ours + "=======\n" + theirs + ">>>>>>> bump\n";
        Path lock = project.resolve("prompd.lock");
        Files.writeString(lock, conflicted);

        CliRun outdated = prompd("outdated");
        assertEquals(1, outdated.exitCode(), outdated.err());
        assertTrue(outdated.err().startsWith("error: prompd.lock cannot be read: line 1: a Git merge left conflict"
                + " markers here"), outdated.err());
        JsonNode problems = Json.reader().readTree(prompd("list", "--json").out()).at("/error/problems");
        assertEquals(1, problems.size(), "a script reads where the conflict is");
        assertEquals(1, problems.get(0).get("line").asInt());

        CliRun uninstall = prompd("uninstall", "@acme/b");
        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertTrue(uninstall.err().contains("@acme/a 1.0.1 from bump, not 1.0.0 from HEAD"), uninstall.err());
        assertTrue(Files.readString(lock).contains("a-1.0.1.tgz"), Files.readString(lock));

        Files.writeString(lock, conflicted);
        CliRun update = prompd("update", "@acme/b");
        assertEquals(0, update.exitCode(), update.err());
        assertTrue(Files.readString(lock).contains("a-1.0.1.tgz"), "a package not named stays at the merge's version");
    }

    /** A conflict anywhere in the file is no way around the integrity an entry both sides agree on pins. */
    @Test
    void anEntryBothSidesAgreeOnKeepsItsIntegrityThroughTheMerge() throws IOException {
        registry.publish("@acme/a", "1.0.0").publish("@acme/b", "1.0.0");
        assertEquals(0, prompd("install", "@acme/a", "@acme/b").exitCode());
        String ours = Files.readString(project.resolve("prompd.lock"));
        registry.publish("@acme/b", "1.0.1");
        assertEquals(0, prompd("update", "@acme/b").exitCode());
        String theirs = Files.readString(project.resolve("prompd.lock"));
        String pinned = Integrity.of(Files.readAllBytes(registry.tarball("@acme/a", "1.0.0"))).toString();
        String other = Integrity.of("another tarball".getBytes(StandardCharsets.UTF_8)).toString();
        Files.writeString(project.resolve("prompd.lock"), "<<<<<<< HEAD\n" + ours.replace(pinned, other)
                + "=======\n" + theirs.replace(pinned, other) + ">>>>>>> bump\n");
        assertEquals(0, prompd("uninstall", "--global", "@acme/a@1.0.0").exitCode());

        CliRun install = prompd("install");

        assertEquals(6, install.exitCode(), install.err());
        assertTrue(install.err().contains("error: integrity check failed for @acme/a@1.0.0: prompd.lock records "
                + other), install.err());
        assertTrue(Files.readString(project.resolve("prompd.lock")).contains("<<<<<<< HEAD"), "left as it was");
    }

    /** One branch installed from a mirror: the versions agree, the tarballs do not, and the merge says whose it kept. */
    @Test
    void anEntryTheSidesLockAtOneVersionFromOtherTarballsIsToldWithOursKept() throws IOException {
        registry.publish("@acme/a", "1.0.0");
        assertEquals(0, prompd("install", "@acme/a").exitCode());
        String ours = Files.readString(project.resolve("prompd.lock"));
        String url = Json.reader().readTree(ours).get("packages").get("@acme/a").get("resolved").asText();
        String mirrored = "https://mirror.test/packages/@acme/a/-/a-1.0.0.tgz";
        Files.writeString(project.resolve("prompd.lock"), "<<<<<<< HEAD\n" + ours + "=======\n"
                + ours.replace(url, mirrored) + ">>>>>>> mirror\n");

        CliRun install = prompd("install", "--json");

        assertEquals(0, install.exitCode(), install.err());
        JsonNode note = Json.reader().readTree(install.out()).get("warnings").get(0);
        assertEquals("prompd.lock held Git conflict markers, so the locks of both sides were merged; of the packages"
                + " they lock at one version but from other tarballs, HEAD's entry was kept: @acme/a 1.0.0 from " + url
                + ", not " + mirrored + " (commit the prompd.lock written)", note.get("message").asText());
        assertEquals("{\"ours\":\"" + url + "\",\"theirs\":\"" + mirrored + "\"}",
                Json.writeString(note.get("differing").get(0).get("resolved")).replaceAll("\\s", ""));
        assertFalse(note.get("differing").get(0).has("integrity"), "the same bytes");
        assertEquals(ours, Files.readString(project.resolve("prompd.lock")), "ours' entry, as it was");
    }

    /** Git's markers are where the file has them: a side's error names the line of the file, not of the side. */
    @Test
    void aSideThatIsNoLockIsToldAtTheLineOfTheFileAndLongerMarkersAreMarkers() throws IOException {
        Files.writeString(project.resolve("prompd.lock"), "{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n"
                + "<<<<<<<<<< HEAD\n==========\n    \"@acme/a\": 1,\n>>>>>>>>>> other\n  }\n}\n");

        CliRun install = prompd("install");

        assertEquals(1, install.exitCode(), install.err());
        assertTrue(install.err().contains("line 6"), "the entry is on the file's line 6: " + install.err());
        assertFalse(install.err().contains("not valid JSON"), "ten-character markers are Git's: " + install.err());
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(TESTER).setCommitter(TESTER).setSign(false).call();
    }
}
