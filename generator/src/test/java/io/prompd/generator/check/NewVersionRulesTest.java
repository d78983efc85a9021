package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on the folder of a new version: its place, its validity, its exact content, its number. */
class NewVersionRulesTest extends PullRequestScenarioTest {

    private static final String BASE = "packages/@common/base/1.0.0";

    @Test
    void validNewVersionPassesAndIsSummarised() {
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish");

        var report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of("@common/base@1.0.0", "@common/util@1.1.0"),
                report.added().stream().map(Object::toString).toList());
        assertEquals(List.of(PackageName.parse("@common/base")), List.copyOf(report.newPackages()));
        assertTrue(report.problems().isEmpty(), report.problems()::toString);
    }

    /**
     * A package the base branch published after the pull request branched off is no new package when the pull request
     * adds a version of it, nor is one whose every version the base branch deleted when it adds one back: the summary
     * called both new.
     */
    @Test
    void aPackageTheBaseBranchHasOrHadIsNoNewPackage() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/base", "1.0.0"));
        repo.checkout("main").publish("@common/gone", "1.0.0");
        repo.commit("publish gone", "alice");
        repo.delete("packages/@common/gone");
        repo.commit("revert gone", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.publish("@common/base", "1.1.0");
        repo.publish("@common/gone", "1.0.0");
        repo.publish("@common/fresh", "1.0.0");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(PackageName.parse("@common/fresh")), List.copyOf(report.newPackages()));
        assertEquals(List.of("@common/gone@1.0.0 true"), report.readded().stream()
                .map(again -> again.version() + " " + again.sameFiles()).toList());
    }

    @Test
    void aVersionFolderWithoutManifestIsAnErrorNotACrash() {
        repo.write("packages/@common/base/1.0.0/README.md", "# Base\n");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertError(report, "packages/@common/base/1.0.0/prompd.json", "the package has no prompd.json");
    }

    @Test
    void aTarballUnpackedWithItsPackageFolderIsExplained() {
        repo.publish("@common/base", "1.0.0");
        for (String file : List.of("prompd.json", "README.md", "LICENSE", "prompts")) {
            repo.move(BASE + "/" + file, BASE + "/package/" + file);
        }
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), BASE + "/prompd.json",
                "package/prompd.json is below it", "a tarball was unpacked with its package/ folder");

        assertTrue(problem.hint().contains("--strip-components=1"), problem.hint());
        assertTrue(problem.hint().contains("move the files of package/ up one level"), problem.hint());
    }

    @Test
    void manifestNameMustMatchTheFolder() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/prompd.json", """
                {"name": "@common/other", "version": "1.0.0", "description": "x", "license": "MIT",
                 "main": "prompts/x.prmd"}
                """);
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), BASE + "/prompd.json", "names the package @common/other");

        assertEquals("/name", problem.pointer());
        assertEquals(1, problem.line());
    }

    @Test
    void manifestVersionMustMatchTheFolder() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/prompd.json", """
                {"name": "@common/base",
                 "version": "1.0.1", "description": "x", "license": "MIT", "main": "prompts/x.prmd"}
                """);
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), BASE + "/prompd.json", "declares version 1.0.1");

        assertEquals(2, problem.line());
    }

    @Test
    void packageProblemsAreReportedAtRepositoryPaths() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/prompd.json", """
                {"name": "@common/base", "version": "1.0.0", "description": "x", "license": "MIT",
                 "main": "prompts/missing.prmd"}
                """);
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), BASE + "/prompd.json", "prompts/missing.prmd");

        assertEquals("/main", problem.pointer());
    }

    @Test
    void aDescriptionAndALicenseAreRequiredToPublishThoughValidateOnlyWarns() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/prompd.json", """
                {"name": "@common/base", "version": "1.0.0",
                 "main": "prompts/x.prmd"}
                """);
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        Problem description = assertError(report, BASE + "/prompd.json", "no description", "requires to publish");
        Problem license = assertError(report, BASE + "/prompd.json", "no license", "requires to publish");
        assertEquals("the manifest has no description, which a registry requires to publish the package",
                description.message(), "validate's warning said so already");
        assertEquals("/description", description.pointer());
        assertEquals("/license", license.pointer());
        assertEquals(1, license.line());
    }

    /** The rule is validate's, from core: a warning in the registry's check too, never a reason to refuse. */
    @Test
    void aLicenseWithoutAFileOfItsTermsIsWarnedOfNotRefused() {
        repo.publish("@common/base", "1.0.0");
        repo.delete(BASE + "/LICENSE");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(Severity.WARNING + " /license: the license is 'MIT', but the package has no LICENSE file"
                + " (nor LICENCE or COPYING) holding its terms"), report.problems().stream()
                .map(problem -> problem.severity() + " " + problem.pointer() + ": " + problem.message()).toList());
    }

    @Test
    void fileThatPackWouldLeaveOutIsAnError() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/prompd.json", """
                {"name": "@common/base", "version": "1.0.0", "description": "x", "license": "MIT",
                 "main": "prompts/x.prmd", "ignore": ["drafts/"]}
                """);
        repo.write(BASE + "/drafts/idea.md", "not ready\n");
        repo.commit("publish");

        assertError(check(repo, "alice"), BASE + "/drafts/idea.md", "\"ignore\"", "exactly what prompd pack packs");
    }

    /** A "!" entry matching a file that no entry named is not what leaves it out: taking it out would not pack it. */
    @Test
    void aFileThatFilesNeverNamedIsLeftOutByFilesNotByABangEntryMatchingIt() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/prompd.json", """
                {"name": "@common/base", "version": "1.0.0", "description": "x", "license": "MIT",
                 "main": "prompts/x.prmd", "files": ["prompts/x.prmd", "!drafts/idea.md"]}
                """);
        repo.write(BASE + "/drafts/idea.md", "not ready\n");
        repo.commit("publish");

        assertError(check(repo, "alice"), BASE + "/drafts/idea.md", "\"files\" in prompd.json does not name this file");
    }

    @Test
    void aGitRuleFileInAVersionFolderIsAnErrorSayingGitMayHaveDroppedFiles() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/.gitignore", "*.csv\n");
        repo.commit("publish");

        Problem error = assertError(check(repo, "alice"), BASE + "/.gitignore", "Git obeys them");
        assertTrue(error.hint().contains("git add --force"), error.hint());
    }

    @Test
    void dotEnvFileIsAnErrorNotAWarning() {
        repo.publish("@common/base", "1.0.0");
        repo.write(BASE + "/.env", "DEBUG=1\n");
        repo.commit("publish");

        var report = check(repo, "alice");

        assertError(report, BASE + "/.env", "looks like secrets");
        assertEquals(1, report.problems().stream().filter(problem -> problem.file().equals(BASE + "/.env")).count());
    }

    /** A tester's version held these under contexts/, and the check passed it with exit 0. */
    @Test
    void filesHoldingCredentialsByTheirVeryNameAreErrorsAsDotEnvIs() {
        repo.publish("@common/base", "1.0.0");
        List<String> files = List.of("contexts/prod.env", "contexts/.aws/credentials", "contexts/.docker/config.json",
                "contexts/.pgpass", "contexts/.htpasswd");
        files.forEach(file -> repo.write(BASE + "/" + file, "x\n"));
        repo.commit("publish");

        var report = check(repo, "alice");

        files.forEach(file -> assertError(report, BASE + "/" + file, "looks like secrets"));
    }

    @Test
    void twoNewVersionsDifferingOnlyInBuildMetadataAreRefused() {
        repo.publish("@common/base", "1.0.0+a");
        repo.publish("@common/base", "1.0.0+b");
        repo.commit("publish twice");

        var report = check(repo, "alice");

        assertError(report, "packages/@common/base/1.0.0+a", "also added as 1.0.0+b");
        assertError(report, "packages/@common/base/1.0.0+b", "also added as 1.0.0+a");
    }

    @Test
    void versionsDifferingOnlyInLetterCaseAreRefusedPublishedOrNew() {
        repo.publish("@common/util", "2.0.0-RC.1");
        repo.publish("@common/util", "2.0.0-rc.1");
        repo.commit("publish a release candidate twice");

        var report = check(repo, "alice");

        assertError(report, "packages/@common/util/2.0.0-RC.1", "also added as 2.0.0-rc.1",
                "differ only in letter case");
        assertError(report, "packages/@common/util/2.0.0-rc.1", "also added as 2.0.0-RC.1",
                "differ only in letter case");
    }

    @Test
    void versionDifferingOnlyInBuildMetadataIsTaken() {
        repo.publish("@common/util", "1.0.0+rebuild");
        repo.commit("publish");

        assertError(check(repo, "alice"), "packages/@common/util/1.0.0+rebuild", "version 1.0.0+rebuild is taken",
                "1.0.0 is published");
    }

    @Test
    void versionPublishedOnTheBaseBranchSinceBranchingIsTakenToo() {
        List.of("2.0.0+dup", "3.0.0").forEach(version -> repo.publish("@common/util", version));
        repo.commit("publish 2.0.0 again, and 3.0.0");
        mergedMeanwhile(repo, "bob",
                main -> List.of("2.0.0", "3.0.0").forEach(version -> main.publish("@common/util", version)));

        var report = check(repo, "alice");

        assertError(report, "packages/@common/util/2.0.0+dup", "version 2.0.0+dup is taken",
                "2.0.0 was published on the base branch after this pull request branched off", "build metadata");
        assertError(report, "packages/@common/util/3.0.0", "version 3.0.0 is taken",
                "it was published on the base branch after this pull request branched off");
    }

    @Test
    void aVersionNumberTakenDownStaysTakenNamingTheReason() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/util", "2.0.0"));
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.delete("packages/@common/util/2.0.0")
                .meta("@common/util", "{\"takenDown\": {\"2.0.0\": \"leaked a key\"}}"));
        repo.merge("main", "up to date", "alice");
        repo.publish("@common/util", "2.0.0");
        repo.commit("publish 2.0.0 again, with other content");

        Problem problem = assertError(check(repo, "alice"), "packages/@common/util/2.0.0", "version 2.0.0 is taken",
                "it was taken down (\"leaked a key\", packages/@common/util/meta.json)");
        assertTrue(problem.hint().startsWith("publish a new version number"), problem.hint());
    }

    /**
     * A number the base branch published and deleted (a revert), added back with other files, which lock files pinning
     * the first ones would refuse; with the very same files, as a maintainer restoring it does, it passes.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aNumberPublishedAndDeletedOnTheBaseBranchIsRefusedWithOtherFilesOnly(boolean otherFiles) {
        Revert revert = publishedAndRevertedOnMain("@common/util", "2.0.0");
        repo.publish("@common/util", "2.0.0");
        if (otherFiles) {
            repo.write("packages/@common/util/2.0.0/README.md", "other files under the number\n");
        }
        repo.commit("publish 2.0.0 again");

        CheckReport report = check(repo, "alice");

        if (otherFiles) {
            Problem problem = assertError(report, "packages/@common/util/2.0.0", "version 2.0.0 was published in"
                    + " commit " + revert.published(), "and deleted in commit " + revert.deleted() + ", and the folder"
                    + " holds other files: a number once published is never reused, since lock files pin the tarball"
                    + " its files made");
            assertTrue(problem.hint().startsWith("publish a new version number; to restore the version itself, put"
                    + " back exactly the files published (git rm -r -q packages/@common/util/2.0.0 && git checkout "
                    + revert.deleted() + "~1 -- packages/@common/util/2.0.0)"), problem.hint());
            assertErrorCount(report, 1);
        } else {
            assertPassed(report);
        }
    }

    /**
     * A version merged from a branch whose first commit added it and a later one fixed its files counts from the first
     * commit, whose files were never served: the restore command checks the folder out from before its deletion, so
     * that running it puts back the files served, and the check then passes.
     */
    @Test
    void theRestoreCommandOfAReusedNumberPutsBackTheFilesServedNotThoseOfItsPublishingCommit() {
        String folder = "packages/@common/util/1.3.0";
        repo.checkout("main").branch("pr1").checkout("pr1");
        repo.publish("@common/util", "1.3.0");
        repo.write(folder + "/README.md", "typo teh\n");
        repo.commit("publish 1.3.0", "alice");
        repo.write(folder + "/README.md", "typo the\n");
        repo.commit("fix the typo", "alice");
        repo.checkout("main").merge("pr1", "merge pr1", TestRegistryRepo.MAINTAINER);
        repo.delete(folder);
        String deleted = repo.commit("revert pr1", TestRegistryRepo.MAINTAINER).name().substring(0, 7);
        repo.checkout("pr").merge("main", "up to date", "alice");
        repo.publish("@common/util", "1.3.0");
        repo.commit("publish 1.3.0 again");
        Problem problem = assertError(check(repo, "alice"), folder, "the folder holds other files");
        String restore = "git rm -r -q " + folder + " && git checkout " + deleted + "~1 -- " + folder;
        assertTrue(problem.hint().contains("(" + restore + ")"), problem.hint());

        repo.delete(folder).checkoutPath(deleted + "~1", folder);
        repo.commit("restore 1.3.0 as the hint says");

        assertPassed(check(repo, "alice"));
    }

    /**
     * A number the base branch published and deleted, added back under other build metadata, which clients take for the
     * same version: the check took 1.0.0+x for a new number, and the summary for a new package. It is the number
     * reused, and the restore command puts back the folder published, under its own name.
     */
    @Test
    void aNumberPublishedAndDeletedIsReusedUnderOtherBuildMetadataToo() {
        Revert revert = publishedAndRevertedOnMain("@common/gone", "1.0.0");
        repo.publish("@common/gone", "1.0.0+x");
        repo.commit("gone again, with build metadata");

        CheckReport report = check(repo, "alice");

        Problem problem = assertError(report, "packages/@common/gone/1.0.0+x", "version 1.0.0 was published in commit "
                + revert.published(), "and deleted in commit " + revert.deleted() + ", and the folder 1.0.0+x, the same"
                + " version since build metadata does not make another, holds other files");
        String restore = "git rm -r -q packages/@common/gone/1.0.0+x && git checkout " + revert.deleted()
                + "~1 -- packages/@common/gone/1.0.0";
        assertTrue(problem.hint().contains("(" + restore + ")"), problem.hint());
        assertErrorCount(report, 1);
        assertEquals(List.of("@common/gone@1.0.0+x"), report.readded().stream()
                .map(again -> again.version().toString()).toList());
        assertTrue(report.newPackages().isEmpty(), report.newPackages()::toString);

        repo.delete("packages/@common/gone/1.0.0+x")
                .checkoutPath(revert.deleted() + "~1", "packages/@common/gone/1.0.0");
        repo.commit("restore 1.0.0 as the hint says");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void aVersionTakenDownOnTheBaseBranchTakesTheNumbersThatClashWithItToo() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main
                .meta("@common/util", "{\"takenDown\": {\"2.0.0-RC.1\": \"illegal content\"}}"));
        repo.publish("@common/util", "2.0.0-rc.1");
        repo.commit("publish the release candidate in lower case");

        assertError(check(repo, "alice"), "packages/@common/util/2.0.0-rc.1", "version 2.0.0-rc.1 is taken",
                "2.0.0-RC.1 was taken down (\"illegal content\"", "differ only in letter case");
    }

    /** The short ids of the commits of main that published a version and deleted it, which the pull request merges. */
    private record Revert(String published, String deleted) {
    }

    private Revert publishedAndRevertedOnMain(String name, String version) {
        repo.checkout("main").publish(name, version);
        String published = repo.commit("publish " + version, "alice").name().substring(0, 7);
        repo.delete("packages/" + name + "/" + version);
        String deleted = repo.commit("revert publish " + version, TestRegistryRepo.MAINTAINER).name().substring(0, 7);
        repo.checkout("pr").merge("main", "up to date", "alice");
        return new Revert(published, deleted);
    }
}
