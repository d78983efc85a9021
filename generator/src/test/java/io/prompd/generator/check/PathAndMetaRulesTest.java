package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import org.junit.jupiter.api.Test;

/** Files outside version folders: which may change, and what a changed meta.json must say. */
class PathAndMetaRulesTest extends PullRequestScenarioTest {

    private static final String META = "packages/@common/util/meta.json";

    @Test
    void strayFileInAPackageFolderIsRefused() {
        repo.write("packages/@common/util/notes.txt", "todo\n");
        repo.commit("notes");

        assertError(check(repo, "alice"), "packages/@common/util/notes.txt", "only version folders and meta.json");
    }

    @Test
    void fileOutsideTheRegistryLayoutIsRefused() {
        repo.write("tools/publish.sh", "#!/bin/sh\n");
        repo.commit("a script");

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "tools/publish.sh", "not part of a registry");
    }

    @Test
    void folderThatIsNoVersionIsRefused() {
        repo.write("packages/@common/util/v2/prompd.json", "{}\n");
        repo.commit("bad folder");

        assertError(check(repo, "alice"), "packages/@common/util/v2/prompd.json", "'v2' of @common/util is not a version");
    }

    @Test
    void invalidPackageNameFolderIsRefused() {
        repo.write("packages/@common/Util/1.0.0/prompd.json", "{}\n");
        repo.commit("bad name");

        assertError(check(repo, "alice"), "packages/@common/Util/1.0.0/prompd.json", "not a valid package name");
    }

    @Test
    void distTagToAMissingVersionIsRefused() {
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\", \"next\": \"2.0.0\"}}");
        repo.commit("tag");

        Problem problem = assertError(check(repo, "alice"), META, "'next' points to 2.0.0");

        assertEquals("/distTags/next", problem.pointer());
    }

    @Test
    void yankAndDeprecationOfMissingVersionsAreRefused() {
        repo.meta("@common/util", "{\"yanked\": {\"0.9.0\": \"x\"}, \"deprecated\": {\"0.8.0\": \"y\"}}");
        repo.commit("yank");

        var report = check(repo, "alice");

        assertEquals("/yanked/0.9.0", assertError(report, META, "yanks 0.9.0").pointer());
        assertEquals("/deprecated/0.8.0", assertError(report, META, "deprecates 0.8.0").pointer());
    }

    @Test
    void metaThatDoesNotParseIsReportedWithItsLine() {
        repo.meta("@common/util", "{\n  \"distTags\": {\"latest\": 1}\n}\n");
        repo.commit("tag");

        Problem problem = assertError(check(repo, "alice"), META, "must be a version string");

        assertEquals(2, problem.line());
    }

    @Test
    void metaWithoutAnyVersionIsRefused() {
        repo.meta("squatted", "{\"owners\": [\"carol\"]}");
        repo.commit("claim a name without publishing", "carol");

        assertError(check(repo, "carol"), "packages/squatted/meta.json", "has no version folder");
    }

    @Test
    void ownersInAScopedMetaAreOnlyAWarning() {
        repo.meta("@common/util", "{\"owners\": [\"alice\"]}");
        repo.commit("owners");

        var report = check(repo, "alice");

        assertPassed(report);
        assertEquals(Severity.WARNING, report.problems().get(0).severity());
    }

    @Test
    void repositoryDocumentationMayBeChangedByMaintainers() {
        repo.write("README.md", "# Our registry\n");
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
        repo.commit("docs", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }
}
