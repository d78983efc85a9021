package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.UTIL;
import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.generator.testing.TestRegistryRepo;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmutabilityRuleTest {

    @TempDir
    Path folder;

    private TestRegistryRepo repo;
    private String publishingCommit;

    @BeforeEach
    void registry() {
        repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/util", "1.0.0");
        ObjectId published = repo.commit("publish @common/util 1.0.0");
        publishingCommit = published.abbreviate(7).name();
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
        assertTrue(problem.hint().contains("packages/@common/util/meta.json"), problem.hint());
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

    @Test
    void publishedVersionsMayBeChangedByNobodyNotEvenMaintainers() {
        repo.write(UTIL + "/README.md", "# Fixed by a maintainer\n");
        repo.commit("maintainer edit", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), UTIL + "/README.md", "published version");
    }
}
