package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.UTIL;
import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.generator.cli.CheckReportView;
import io.prompd.generator.testing.TestRegistryRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmutabilityRuleTest {

    @TempDir
    Path folder;

    private TestRegistryRepo repo;
    private String publishingCommit;
    private ObjectId publishedCommit;

    @BeforeEach
    void registry() {
        repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/util", "1.0.0");
        publishedCommit = repo.commit("publish @common/util 1.0.0");
        publishingCommit = publishedCommit.abbreviate(7).name();
        repo.write("README.md", "# Registry\n");
        repo.commit("registry readme", TestRegistryRepo.MAINTAINER);
        repo.branch("pr").checkout("pr");
    }

    @Test
    void changedPublishedFileNamesThePublishingCommitAndItsDate() {
        repo.write(UTIL + "/README.md", "# Better words\n");
        repo.commit("edit published readme");

        Problem problem = assertError(check(repo, "alice"), UTIL + "/README.md", "changed", "@common/util 1.0.0");

        assertTrue(problem.message().contains("published in commit " + publishingCommit + " (2026-01-01)"),
                problem.message());
        assertEquals("published versions never change; revert this change and publish the correction as a new"
                + " version (a patch version for a typo); if this one misleads, deprecate it in"
                + " packages/@common/util/meta.json, or yank it there if it is broken", problem.hint());
    }

    /**
     * After a maintainer's {@code git pull} merged main into a branch lacking its latest version and a push
     * fast-forwarded main onto it, main's first-parent line no longer holds the commit that published the version:
     * the error names that commit still, not the merge.
     */
    @Test
    void aChangedPublishedFileNamesTheCommitThatFirstPublishedItThoughMainWasFastForwardedOntoAMergeOfIt() {
        repo.checkout("main").branch("feat");
        repo.publish("@common/util", "1.1.0");
        ObjectId published = repo.commit("publish @common/util 1.1.0");
        repo.checkout("feat");
        repo.write("CONTRIBUTING.md", "How to publish.\n");
        repo.commit("docs", TestRegistryRepo.MAINTAINER);
        repo.merge("main", "merge main into feat", TestRegistryRepo.MAINTAINER);
        repo.checkout("main").fastForward("feat");
        repo.checkout("pr").merge("main", "up to date", "alice");
        repo.write("packages/@common/util/1.1.0/README.md", "# Better words\n");
        repo.commit("edit published readme");

        Problem problem = assertError(check(repo, "alice"), "packages/@common/util/1.1.0/README.md", "changed",
                "@common/util 1.1.0");

        assertTrue(problem.message().contains("published in commit " + published.abbreviate(7).name()),
                problem.message());
    }

    @Test
    void aChangedPublishedFileIsReportedAtItsFirstChangedLineWhateverKindOfFileItIs() throws Exception {
        Path manifest = repo.root().resolve(UTIL + "/prompd.json");
        Files.writeString(manifest, Files.readString(manifest).replace("Test package", "A test package"));
        repo.write(UTIL + "/README.md", "# @common/util\n\nA test package.\nOne more line.\n");
        repo.write(UTIL + "/prompts/x.prmd", "---\nid: x\n---\n");
        repo.write(UTIL + "/prompts/y.prmd", "---\nid: y\n---\n# User\n\nHi.\n");
        repo.delete(UTIL + "/LICENSE");
        repo.commit("edit every kind of published file");

        CheckReport report = check(repo, "alice");

        assertEquals(4, assertError(report, UTIL + "/prompd.json", "changed").line(), "a JSON file, not its top");
        assertEquals(4, assertError(report, UTIL + "/README.md", "changed").line(), "the first line added");
        assertEquals(3, assertError(report, UTIL + "/prompts/x.prmd", "changed").line(), "the last line left");
        assertEquals(1, assertError(report, UTIL + "/prompts/y.prmd", "added").line());
        assertEquals(0, assertError(report, UTIL + "/LICENSE", "deleted").line(), "a deleted file has no line");
    }

    /**
     * An editor on Windows or unix2dos rewrites a file's line endings, Notepad adds a byte order mark: restoring the
     * file is the fix, not a new version.
     */
    @Test
    void aPublishedFileRewrittenOnlyInLineEndingsOrAByteOrderMarkIsToBeRestored() throws Exception {
        String base = repo.head().abbreviate(7).name();
        Path readme = repo.root().resolve(UTIL + "/README.md");
        Files.writeString(readme, Files.readString(readme).replace("\n", "\r\n"));
        Path manifest = repo.root().resolve(UTIL + "/prompd.json");
        Files.writeString(manifest, "\uFEFF" + Files.readString(manifest));
        Path prompt = repo.root().resolve(UTIL + "/prompts/x.prmd");
        Files.writeString(prompt, "\uFEFF" + Files.readString(prompt).replace("\n", "\r\n"));
        repo.commit("touched on Windows");

        CheckReport report = check(repo, "alice");

        Problem endings = assertError(report, UTIL + "/README.md", "@common/util 1.0.0, a published version,"
                + " differs from the published file only in line endings (CRLF where the published file has LF)");
        assertTrue(endings.message().contains("published in commit " + publishingCommit), endings.message());
        assertTrue(endings.hint().contains("restore the published files with 'git checkout " + base
                + " -- packages/@common/util/1.0.0' and commit"), endings.hint());
        assertTrue(endings.hint().contains("core.autocrlf false"), endings.hint());
        assertFalse(endings.hint().contains("publish a new one"), endings.hint());
        assertError(report, UTIL + "/prompd.json", "only in a byte order mark (BOM) added at its start,");
        assertError(report, UTIL + "/prompts/x.prmd", "only in line endings (CRLF where the published file has LF)"
                + " and a byte order mark (BOM) added at its start");
    }

    @Test
    void aPublishedFileMadeExecutableOrNotChangesNoContentAndPasses() {
        repo.executable(UTIL + "/LICENSE");
        repo.commit("chmod +x, as a checkout on a file system without modes commits it");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertTrue(report.problems().isEmpty(), () -> ProblemReport.text(report.problems()));
    }

    @Test
    void aPublishedFileTurnedIntoASymbolicLinkOrASubmoduleIsChangedEvenWithTheSameObject() {
        repo.restage(UTIL + "/LICENSE", FileMode.SYMLINK).restage(UTIL + "/README.md", FileMode.GITLINK);
        repo.commitStaged("a link whose target is the file's text, and a submodule in place of a file");

        CheckReport report = check(repo, "alice");

        assertError(report, UTIL + "/LICENSE", "changed", "a published version");
        assertError(report, UTIL + "/README.md", "changed", "a published version");
    }

    @Test
    void anExecutableBitBesideAChangedFileIsNotReportedItself() {
        repo.executable(UTIL + "/LICENSE").write(UTIL + "/README.md", "# Better words\n");
        repo.commit("edit and chmod");

        CheckReport report = check(repo, "alice");

        assertError(report, UTIL + "/README.md", "changed", "a published version");
        assertEquals(List.of(UTIL + "/README.md"), report.problems().stream().map(Problem::file).toList());
    }

    @Test
    void deletedPublishedFileIsRefused() {
        repo.delete(UTIL + "/LICENSE");
        repo.commit("delete license");

        assertError(check(repo, "alice"), UTIL + "/LICENSE", "deleted", publishingCommit);
    }

    @Test
    void fileAddedToAPublishedVersionIsRefused() {
        repo.write(UTIL + "/prompts/y.prmd", "---\nid: y\n---\n# User\n\nHi.\n");
        repo.commit("add a prompt to a published version");

        assertError(check(repo, "alice"), UTIL + "/prompts/y.prmd", "added", publishingCommit);
    }

    @Test
    void aDeletedOrRenamedVersionIsOneProblemAtItsFolderNotOnePerFile() {
        repo.move(UTIL, "packages/@common/util/1.0.1");
        repo.commit("rename the version");

        var report = check(repo, "alice");

        Problem problem = assertError(report, UTIL, "the published version @common/util 1.0.0 is deleted",
                publishingCommit);
        assertTrue(problem.hint().contains("restore the folder"), problem.hint());
        assertTrue(problem.hint().contains("yank it in packages/@common/util/meta.json"), problem.hint());
        assertTrue(report.problems().stream().noneMatch(other -> other.file().startsWith(UTIL + "/")),
                () -> ProblemReport.text(report.problems()));
    }

    /**
     * A version yanked already is withdrawn already: the hint told to yank it; it says so, and that a takedown is a
     * maintainer's, as the hint of a version not yanked does.
     */
    @Test
    void aDeletedVersionYankedAlreadyIsToldItIsYankedAndHowATakedownIsAskedFor() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.meta("@common/util",
                "{\"yanked\": {\"1.0.0\": \"broken\"}}"));
        repo.merge("main", "catch up", "alice");
        repo.delete(UTIL);
        repo.commit("delete the yanked version", "alice");

        Problem problem = assertError(check(repo, "alice"), UTIL, "the published version @common/util 1.0.0 is"
                + " deleted");

        assertEquals("published versions stay; restore the folder: the version is yanked already in"
                + " packages/@common/util/meta.json, so new installs do not get it; for a leaked secret or illegal"
                + " content, ask a maintainer to take it down (see \"Take a version down\" in the registry's README)",
                problem.hint());
    }

    @Test
    void publishedVersionsMayBeChangedByNobodyNotEvenMaintainers() {
        repo.write(UTIL + "/README.md", "# Fixed by a maintainer\n");
        repo.commit("maintainer edit", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), UTIL + "/README.md", "published version");
    }

    @Test
    void aMaintainerTakesAWholeVersionDownAndTheSummaryNamesItsPublishingCommit() {
        repo.delete(UTIL).meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down a leaked key", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of("@common/util@1.0.0"),
                report.takenDown().stream().map(takedown -> takedown.version().toString()).toList());
        String text = CheckReportView.text(report);
        assertTrue(text.contains("\n  takes down @common/util version 1.0.0, published in commit " + publishingCommit
                + " (2026-01-01): leaked a key\n"), text);
        String markdown = PullRequestScenario.markdown(report);
        assertTrue(markdown.contains("version `1.0.0`, published in commit `" + publishingCommit + "` (2026-01-01)"),
                "the date is no part of the commit's code span:\n" + markdown);
        assertFalse(text.substring(0, text.indexOf("\n\n")).contains("meta.json"),
                "the record is told on the takedown's line:\n" + text);
        assertTrue(CheckReportView.json(report).contains("\"publishedIn\": \"" + publishedCommit.name()),
                CheckReportView.json(report));
    }

    @Test
    void nobodyElseMayTakeAVersionDownAndNothingIsListedAsTakenDown() {
        repo.delete(UTIL);
        repo.commit("delete my version");

        CheckReport report = check(repo, "alice");

        Problem problem = assertError(report, UTIL, "is deleted", "only a maintainer may delete a published version");
        assertTrue(problem.hint().contains("Take a version down"), problem.hint());
        assertTrue(report.takenDown().isEmpty(), report.takenDown()::toString);
    }

    @Test
    void aMaintainerMayNotChangeOrPartlyDeleteAVersion() {
        repo.delete(UTIL + "/prompts");
        repo.commit("delete only the prompts", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, UTIL + "/prompts/x.prmd", "deleted", "a published version");
        assertTrue(report.takenDown().isEmpty(), report.takenDown()::toString);
    }

    @Test
    void aTakedownMustFixTheMetaEntriesOfTheVersionInTheSamePullRequest() {
        CheckReport stale = deleteUtilTaggedYankedAndDeprecated(TestRegistryRepo.MAINTAINER);

        String meta = "packages/@common/util/meta.json";
        Problem tag = assertError(stale, meta,
                "the dist-tag 'latest' points to 1.0.0, which this pull request deletes");
        assertEquals("remove the entry in the same pull request, or point it at a version that stays", tag.hint());
        // a yank or a deprecation cannot be pointed elsewhere: it goes with its version
        assertEquals("remove the entry in the same pull request",
                assertError(stale, meta, "yanks 1.0.0, which this pull request deletes").hint());
        assertEquals("remove the entry in the same pull request",
                assertError(stale, meta, "deprecates 1.0.0, which this pull request deletes").hint());

        repo.meta("@common/util",
                "{\"distTags\": {\"latest\": \"1.1.0\"}, \"takenDown\": {\"1.0.0\": \"leaked a key\"}}\n");
        repo.commit("and its meta entries", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    /** Removing the entries, as a takedown must, would un-yank a version withdrawn for a reason. */
    @Test
    void theMetaEntriesOfAPublishedVersionDeletedByAnyoneButAMaintainerAreNoProblemOfTheirOwn() {
        CheckReport report = deleteUtilTaggedYankedAndDeprecated("alice");

        assertTrue(assertError(report, UTIL, "is deleted").hint().contains("restore the folder"),
                () -> ProblemReport.text(report.problems()));
        assertTrue(report.problems().stream().noneMatch(problem -> problem.file().endsWith("meta.json")),
                () -> ProblemReport.text(report.problems()));
    }

    /**
     * The check of a pull request of the author deleting @common/util 1.0.0, which latest, a yank and a deprecation
     * name.
     */
    private CheckReport deleteUtilTaggedYankedAndDeprecated(String author) {
        mergedMeanwhile(repo, "alice", main -> main.meta("@common/util", """
                {"distTags": {"latest": "1.0.0"}, "yanked": {"1.0.0": "leaked a key"}, "deprecated": {"1.0.0": "old"}}
                """).publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL);
        repo.commit("delete 1.0.0", author);
        return check(repo, author);
    }

    @Test
    void aPackageWhoseEveryVersionIsTakenDownKeepsItsMetaAndOwners() {
        mergedMeanwhile(repo, "carol", main -> main.meta("tool", "{\"owners\": [\"carol\"]}").publish("tool", "1.0.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL).delete("packages/tool/1.0.0");
        repo.meta("tool", "{\"owners\": [\"carol\", \"dave\"], \"takenDown\": {\"1.0.0\": \"illegal content\"}}");
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down both", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    @Test
    void deletingOneOfTwoFoldersOfTheSameVersionSaysAMaintainerMay() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/util", "1.0.0+b"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL + "+b");
        repo.commit("delete the later one");

        Problem problem = assertError(check(repo, "alice"), UTIL + "+b", "1.0.0 is published too",
                "build metadata does not make another version", "only a maintainer may delete a published version");
        assertTrue(problem.hint().contains("ask a maintainer to delete the one published later"), problem.hint());

        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0+b\": \"1.0.0 is published\"}}");
        repo.commit("record the takedown");
        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }
}
