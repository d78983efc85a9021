package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import io.prompd.generator.testing.TestRegistryRepo;
import org.junit.jupiter.api.Test;

/** Paths Git for Windows could not check out with its defaults, which would fail every clone of the registry there. */
class LongPathRuleTest extends PullRequestScenarioTest {

    private static final String VERSION = "packages/@common/util/1.1.0/";

    private static String deep(int levels) {
        StringBuilder path = new StringBuilder("contexts/");
        for (int level = 1; level <= levels; level++) {
            path.append("section-0").append(level).append('-').append("x".repeat(40)).append('/');
        }
        return path.toString();
    }

    @Test
    void aFolderPastTheLimitIsOneErrorForEveryFileInItWithHowToMendThePackage() {
        repo.publish("@common/util", "1.1.0");
        repo.write(VERSION + deep(5) + "notes-for-the-reviewer-about-this-section.md", "notes\n");
        repo.write(VERSION + deep(5) + "more.md", "more\n");
        repo.write(VERSION + deep(4) + "beside.md", "beside\n");
        repo.commit("publish, deep");

        CheckReport report = check(repo, "alice");

        // packages/@common/util/1.1.0/contexts/ is 37 characters, each section 52 with its '/'
        Problem problem = assertError(report, VERSION + deep(4), "the folder's path has 244 characters, more than the"
                + " 200 a path in the registry's repository may have (policy.maxPathLength in registry.json), so that"
                + " Git for Windows can check it out: without core.longpaths, off by default, it takes no path of more"
                + " than 259 characters counted from the drive, the folder a clone is made in included");
        assertEquals("in the package's own folder, give the folders and files on the path shorter names, or fewer"
                + " levels; then pack again, and replace the version folder's files with the tarball's",
                problem.hint());
        assertErrorCount(report, 1);
    }

    @Test
    void aFileOf201CharactersIsAnErrorAndOneOf200Passes() {
        repo.publish("@common/util", "1.1.0");
        String folder = VERSION + "contexts/";
        repo.write(folder + "f".repeat(200 - folder.length()), "fits\n");
        repo.commit("publish");
        assertPassed(check(repo, "alice"));

        repo.write(folder + "g".repeat(201 - folder.length()), "one too many\n");
        repo.commit("one more");

        CheckReport report = check(repo, "alice");

        assertError(report, folder + "g".repeat(201 - folder.length()), "the path has 201 characters, more than the"
                + " 200");
        assertErrorCount(report, 1);
    }

    /** Maintainers whose every clone is on Linux, or sets core.longpaths, may allow longer paths, or fewer. */
    @Test
    void theBaseBranchsPolicySetsTheLimitEitherWay() {
        repo.publish("@common/util", "1.1.0");
        repo.write(VERSION + deep(5) + "notes.md", "notes\n");
        repo.commit("publish, deep");
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", registryJson(400)));

        assertPassed(check(repo, "alice"));

        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", registryJson(60)));

        CheckReport report = check(repo, "alice");

        assertError(report, VERSION + "contexts/section-01-" + "x".repeat(40) + "/", "the folder's path has 88"
                + " characters, more than the 60 a path in the registry's repository may have");
        assertErrorCount(report, 1);
    }

    /** Outside packages/ the fix is to shorten the path itself: no tarball to pack again. */
    @Test
    void aRepositoryFileAMaintainerAddsIsHeldToTheLimitToo() {
        String workflow = ".github/workflows/" + "w".repeat(190) + ".yml";
        repo.write(workflow, "on: push\n");
        repo.commit("a workflow", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, workflow, "the path has 212 characters, more than the 200");
        assertEquals("give the folders and files on the path shorter names, or fewer levels", problem.hint());
        assertErrorCount(report, 1);
    }

    private static String registryJson(int maxPathLength) {
        return """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                 "policy": {"maxPathLength": %d}}
                """.formatted(maxPathLength);
    }
}
