package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.problem.Severity;
import io.prompd.generator.cli.CheckReportView;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** What every check shares: the merge base, what counts as the pull request's own, the summary. */
class PullRequestCheckerTest extends PullRequestScenarioTest {

    private static final String UTIL_META = "packages/@common/util/meta.json";

    @Test
    void headIsComparedWithTheMergeBaseNotWithTheMovedBaseBranch() {
        ObjectId branchPoint = repo.head();
        repo.checkout("main");
        repo.publish("@common/util", "1.1.0");
        repo.commit("main moves on");
        repo.checkout("pr");
        repo.publish("@common/base", "1.0.0");
        ObjectId head = repo.commit("publish base");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(branchPoint.name(), report.mergeBase());
        assertEquals(head.name(), report.head());
        assertEquals(List.of("@common/base@1.0.0"), report.added().stream().map(Object::toString).toList());
    }

    @Test
    void problemsOfFilesThePullRequestDoesNotTouchAreNotItsOwn() {
        repo.checkout("main");
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"not a version\"}}");
        repo.commit("an older mistake");
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish base");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void brokenSettingsFileChangedByThePullRequestIsReported() {
        repo.write("scopes.json", "{\"scopes\": {\"@common\": {\"owners\": [\"alice\"], \"teams\": [\"ghosts\"]}}}\n");
        repo.commit("scopes", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "scopes.json", "the team 'ghosts' is not declared");
    }

    @Test
    void aMisspelledSettingsFieldIsAWarningThatSuggestsTheFieldMeant() {
        repo.write("scopes.json", "{\"scopes\": {\"@common\": {\"owner\": [\"alice\"], \"teams\": []}}}\n");
        repo.commit("scopes", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem misspelled = report.problems().stream()
                .filter(problem -> problem.pointer().equals("/scopes/@common/owner"))
                .findFirst().orElseThrow(() -> new AssertionError(ProblemReport.text(report.problems())));
        assertEquals(Severity.WARNING, misspelled.severity());
        assertEquals("unknown field 'owner', which has no effect", misspelled.message());
        assertEquals("did you mean 'owners'?", misspelled.hint());
        assertError(report, "scopes.json", "leaves @common without a login who may publish in it (no owners and no"
                + " teams)");
    }

    @Test
    void theLastMaintainerCannotBeRemoved() {
        repo.write("registry.json", """
                {"name": "Nobody's", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": []}
                """);
        repo.commit("leave", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "registry.json", "removes the last maintainer");
    }

    @Test
    void pullRequestWithoutChangesPasses() {
        repo.commit("nothing");

        CheckReport report = check(repo, null);

        assertPassed(report);
        assertTrue(report.added().isEmpty() && report.otherChanges().isEmpty() && report.problems().isEmpty());
    }

    @Test
    void otherChangesListEveryPathOutsideVersionFolders() {
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
        repo.write("README.md", "# Registry\n");
        repo.commit("docs and tags", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(List.of("README.md", "packages/@common/util/meta.json"), report.otherChanges());
        assertEquals(List.of(new MetaChange(PackageName.parse("@common/util"), MetaChange.Action.TAGS, "1.0.0",
                "latest")),
                report.metaChanges(), "what the meta.json change does, read from the two commits");
    }

    @Test
    void aMetaJsonThePullRequestCreatesIsSummedUpAsAddedNotChanged() throws Exception {
        repo.meta("@common/util", "{}\n");
        repo.write("README.md", "# Registry\n");
        repo.commit("first meta.json, and a readme", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(Set.of("README.md", "packages/@common/util/meta.json"), report.newPaths());
        assertTrue(CheckReportView.text(report).contains("\n  adds packages/@common/util/meta.json\n"),
                CheckReportView.text(report));
        assertTrue(PullRequestScenario.markdown(report).contains("\n- adds `packages/@common/util/meta.json`\n"),
                PullRequestScenario.markdown(report));
        assertEquals("packages/@common/util/meta.json",
                Json.reader().readTree(CheckReportView.json(report)).at("/newPaths/1").asText());
    }

    /**
     * A reviewer of a merge queue, where who merges is not who wrote the pull request, reads what it was judged as:
     * what a maintainer may do passes for nobody else.
     */
    @Test
    void theReportSaysWhoThePullRequestWasCheckedAsAndWhetherAMaintainer() throws Exception {
        repo.write("README.md", "# Notes\n");
        repo.commit("notes", "alice");

        CheckReport asMaintainer = check(repo, TestRegistryRepo.MAINTAINER);
        CheckReport asAlice = check(repo, "alice");

        String head = asAlice.head().substring(0, 7);
        String mergeBase = asAlice.mergeBase().substring(0, 7);
        assertTrue(CheckReportView.text(asMaintainer).startsWith("PASSED: registry check of " + head + " against "
                + mergeBase + ", as maintainer, a maintainer\n"), CheckReportView.text(asMaintainer));
        assertTrue(PullRequestScenario.markdown(asAlice).contains("Checked `" + head + "` against the merge base `"
                + mergeBase + "`, as `alice`.\n"), PullRequestScenario.markdown(asAlice));
        assertTrue(PullRequestScenario.markdown(asMaintainer).contains("`, as `maintainer`, a maintainer.\n"),
                PullRequestScenario.markdown(asMaintainer));
        assertEquals("{\"login\":\"alice\",\"maintainer\":false}",
                Json.reader().readTree(CheckReportView.json(asAlice)).get("actor").toString());
        assertEquals("{\"login\":\"maintainer\",\"maintainer\":true}",
                Json.reader().readTree(CheckReportView.json(asMaintainer)).get("actor").toString());
        assertFalse(Json.reader().readTree(CheckReportView.json(check(repo, null))).has("actor"));
    }

    /** Refused, it is still what the pull request does, which a reviewer reads in the summary first. */
    @Test
    void aPublishedVersionDeletedByAnyoneButAMaintainerIsSummedUpAsWhatThePullRequestDoes() throws Exception {
        repo.delete(PullRequestScenario.UTIL);
        repo.commit("delete", "alice");

        CheckReport report = check(repo, "alice");

        assertEquals("""
                FAILED: registry check of %s against %s, as alice
                  deletes @common/util version 1.0.0, a published version, which the check refuses
                """.formatted(report.head().substring(0, 7), report.mergeBase().substring(0, 7)),
                CheckReportView.text(report).substring(0, CheckReportView.text(report).indexOf("\n\n") + 1));
        assertTrue(PullRequestScenario.markdown(report).contains("**This pull request**\n\n- deletes `@common/util`"
                + " version `1.0.0`, a published version, which the check refuses\n"),
                PullRequestScenario.markdown(report));
        var json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("[{\"name\":\"@common/util\",\"version\":\"1.0.0\"}]", json.get("deletedVersions").toString());
        assertEquals("[]", json.get("takenDown").toString());
    }

    /** A maintainer's deletion is a takedown, told as one; any other change to a published version is refused. */
    @Test
    void aPublishedVersionAMaintainerChangesIsSummedUpBesideATakedown() throws Exception {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER,
                main -> main.publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", TestRegistryRepo.MAINTAINER);
        repo.delete(PullRequestScenario.UTIL);
        repo.write("packages/@common/util/1.1.0/README.md", "# Better\n");
        repo.commit("take down and tidy up", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        String text = CheckReportView.text(report);
        assertTrue(text.contains("\n  takes down @common/util version 1.0.0, published in commit ")
                && text.contains("\n  changes files of @common/util version 1.1.0, a published version, which the check"
                + " refuses\n"), text);
        var json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("[{\"name\":\"@common/util\",\"version\":\"1.1.0\"}]", json.get("changedVersions").toString());
        assertEquals("[]", json.get("deletedVersions").toString());
    }

    /** It passes, since no tarball holds a mode, but the diff shows it, so the summary tells what it is. */
    @Test
    void aPublishedFileMadeExecutableIsSummedUpAsAModeChangeThatIsNotPacked() throws Exception {
        repo.executable(PullRequestScenario.UTIL + "/LICENSE");
        repo.commit("chmod +x", "alice");

        CheckReport report = check(repo, "alice");

        assertTrue(report.passed(), () -> CheckReportView.text(report));
        assertEquals("""
                PASSED: registry check of %s against %s, as alice
                  changes the mode of packages/@common/util/1.0.0/LICENSE from 100644 to 100755 (not packed: files\
                 are packed as 0644)
                """.formatted(report.head().substring(0, 7), report.mergeBase().substring(0, 7)),
                CheckReportView.text(report).substring(0, CheckReportView.text(report).indexOf("\n\n") + 1));
        assertTrue(PullRequestScenario.markdown(report).contains("**This pull request**\n\n- changes the mode of"
                + " `packages/@common/util/1.0.0/LICENSE` from 100644 to 100755 (not packed: files are packed as"
                + " 0644)\n"), PullRequestScenario.markdown(report));
        var json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("[{\"from\":\"100644\",\"path\":\"packages/@common/util/1.0.0/LICENSE\",\"to\":\"100755\"}]",
                json.get("modeChanges").toString());
        assertEquals("[]", json.get("changedVersions").toString());
    }

    /** As the build reads it: committed from WSL's /mnt/c, a meta.json is executable by accident. */
    @Test
    void anExecutableMetaJsonIsValidatedAndToldAsARegularOneIs() {
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"9.9.9\"}}").executable(UTIL_META);
        repo.commit("tag", "alice");

        CheckReport report = check(repo, "alice");

        assertError(report, UTIL_META, "the dist-tag 'latest' points to 9.9.9");
        assertTrue(CheckReportView.text(report).contains("  points the dist-tag latest of @common/util at 9.9.9"),
                CheckReportView.text(report));
    }

    /** Its tags stay as they were, so the summary tells only the mode, as it does a published file's. */
    @Test
    void aMetaJsonMadeExecutableIsSummedUpAsAModeChangeThatChangesNothingRead() throws Exception {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER,
                main -> main.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}"));
        repo.merge("main", "up to date", "alice");
        repo.executable(UTIL_META);
        repo.commit("chmod +x", "alice");

        CheckReport report = check(repo, "alice");

        assertTrue(report.passed(), () -> CheckReportView.text(report));
        assertEquals("""
                PASSED: registry check of %s against %s, as alice
                  changes the mode of packages/@common/util/meta.json from 100644 to 100755 (read as before: a file's\
                 mode makes no difference)
                """.formatted(report.head().substring(0, 7), report.mergeBase().substring(0, 7)),
                CheckReportView.text(report).substring(0, CheckReportView.text(report).indexOf("\n\n") + 1));
        var json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("[{\"from\":\"100644\",\"path\":\"packages/@common/util/meta.json\",\"to\":\"100755\"}]",
                json.get("modeChanges").toString());
        assertEquals("[]", json.get("metaChanges").toString());
    }

    @Test
    void aPathOutsideVersionFoldersIsSummedUpAsAddedChangedOrDeletedAsTheCommitsHaveItFoldersThatDoNotFitToo()
            throws Exception {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("README.md", "# R\n")
                .write("tools/a.sh", "#!/bin/sh\n").write("old/notes.txt", "x\n"));
        repo.merge("main", "up to date", TestRegistryRepo.MAINTAINER);
        repo.write("random-folder/x", "x\n").write("packages/@common/util/v2/prompd.json", "{}\n")
                .write("packages/foo.txt", "x\n").write("tools/b.sh", "#!/bin/sh\n").delete("old").delete("README.md");
        repo.commit("misfits", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertTrue(CheckReportView.text(report).contains("""
                  deletes README.md
                  deletes old
                  adds packages/@common/util/v2
                  adds packages/foo.txt
                  adds random-folder
                  changes tools
                """), CheckReportView.text(report));
        assertTrue(PullRequestScenario.markdown(report).contains("\n- adds `random-folder`\n- changes `tools`\n"),
                PullRequestScenario.markdown(report));
        var json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("[\"packages/@common/util/v2\",\"packages/foo.txt\",\"random-folder\"]",
                json.get("newPaths").toString());
        assertEquals("[\"README.md\",\"old\"]", json.get("deletedPaths").toString());
    }
}
