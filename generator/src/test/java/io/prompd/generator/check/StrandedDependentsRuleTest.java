package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Yanks that leave published versions of other packages with a dependency no version satisfies. */
class StrandedDependentsRuleTest extends PullRequestScenarioTest {

    private static final String META = "packages/@common/util/meta.json";
    private static final String YANK_EVERY_1X = "{\"yanked\": {\"1.0.0\": \"leaks\", \"1.1.0\": \"leaks\"}}";

    /**
     * util 1.0.0 and 1.1.0; base 1.0.0 and 1.1.0 and hints 1.0.0 need ^1.0.0 of it, tool 1.0.0 needs ^1.1.0, and
     * tool 0.9.0, yanked, ^1.0.0.
     */
    @BeforeEach
    void dependents() {
        mergedMeanwhile(repo, "alice", main -> {
            main.publish("@common/util", "1.1.0");
            main.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
            main.publish("@common/base", "1.1.0", "@common/util@^1.0.0");
            main.publish("@common/hints", "1.0.0", "@common/util@^1.0.0");
            main.publish("@common/tool", "0.9.0", "@common/util@^1.0.0");
            main.publish("@common/tool", "1.0.0", "@common/util@^1.1.0");
            main.meta("@common/tool", "{\"yanked\": {\"0.9.0\": \"broken\"}}");
        });
        repo.merge("main", "up to date", "alice");
    }

    @Test
    void aYankLeavingRangesWithoutAVersionWarnsOncePerRangeNamingEveryVersionThatDeclaresIt() {
        repo.meta("@common/util", "{\n  \"yanked\": {\n    \"1.0.0\": \"leaks the prompt\",\n"
                + "    \"1.1.0\": \"leaks the prompt\"\n  }\n}\n");
        repo.commit("yank every 1.x");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        List<Problem> warnings = strandingWarnings(report);
        assertEquals(List.of(Severity.WARNING, Severity.WARNING), warnings.stream().map(Problem::severity).toList());
        Problem all = warnings.get(0);
        assertEquals("/yanked/1.1.0", all.pointer());
        assertEquals(4, all.line());
        assertEquals("no version of @common/util that \"^1.0.0\" allows is left unyanked once this pull request yanks"
                + " 1.0.0 and 1.1.0, so no new install can use the versions that depend on it with that range:"
                + " @common/base@1.0.0, @common/base@1.1.0, @common/hints@1.0.0", all.message(),
                "the yanked tool 0.9.0 is installed anew by nobody");
        assertEquals("the yank is allowed, and lock files that pin those versions still install; to keep them"
                + " installable, publish a version of @common/util that \"^1.0.0\" allows, publish new versions of the"
                + " dependents with a range that allows a version that is not yanked or take back the yank of 1.1.0",
                all.hint());
        assertEquals("no version of @common/util that \"^1.1.0\" allows is left unyanked once this pull request yanks"
                + " 1.1.0, so no new install can use the versions that depend on it with that range:"
                + " @common/tool@1.0.0",
                warnings.get(1).message());
    }

    @Test
    void aTakedownLeavingARangeWithoutAVersionWarnsAtItsEntryWithoutPromisingLockFiles() {
        repo.delete("packages/@common/util/1.1.0")
                .meta("@common/util", "{\"yanked\": {\"1.0.0\": \"leaks\"}, \"takenDown\": {\"1.1.0\": \"a key\"}}");
        repo.commit("take down 1.1.0, yank 1.0.0", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        List<Problem> warnings = strandingWarnings(report);
        assertEquals(List.of("/takenDown/1.1.0", "/takenDown/1.1.0"), warnings.stream().map(Problem::pointer).toList());
        assertEquals("no version of @common/util that \"^1.0.0\" allows is left unyanked once this pull request yanks"
                + " 1.0.0 and takes down 1.1.0, so no new install can use the versions that depend on it with that"
                + " range: @common/base@1.0.0, @common/base@1.1.0, @common/hints@1.0.0", warnings.get(0).message());
        assertEquals("the takedown is allowed; to keep those versions installable, publish a version of @common/util"
                + " that \"^1.0.0\" allows or publish new versions of the dependents with a range that allows a version"
                + " that is not yanked", warnings.get(0).hint());
        assertEquals("no version of @common/util that \"^1.1.0\" allows is left unyanked once this pull request takes"
                + " down 1.1.0, so no new install can use the versions that depend on it with that range:"
                + " @common/tool@1.0.0", warnings.get(1).message());
    }

    @Test
    void theMarkdownReportSetsEveryDependentAsCodeScopedOrNot() {
        mergedMeanwhile(repo, "carol", main -> main.meta("helper", "{\"owners\": [\"carol\"]}")
                .publish("helper", "1.0.0", "@common/util@^1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"yanked\": {\"1.1.0\": \"leaks\"}}");
        repo.commit("yank 1.1.0");

        String markdown = PullRequestScenario.markdown(check(repo, "alice"));

        assertTrue(markdown.contains("with that range: `@common/tool@1.0.0`, `helper@1.0.0`<br>"), markdown);
    }

    @Test
    void manyDependentsAreNamedUpToTenThenCounted() {
        mergedMeanwhile(repo, "carol", main -> {
            main.meta("helper", "{\"owners\": [\"carol\"]}");
            for (int patch = 0; patch <= 10; patch++) {
                main.publish("helper", "1.0." + patch, "@common/util@^1.1.0");
            }
        });
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"yanked\": {\"1.1.0\": \"leaks\"}}");
        repo.commit("yank 1.1.0");

        CheckReport report = check(repo, "alice");

        assertEquals(List.of("@common/tool@1.0.0, helper@1.0.0, helper@1.0.1, helper@1.0.2, helper@1.0.3, helper@1.0.4,"
                        + " helper@1.0.5, helper@1.0.6, helper@1.0.7 and 3 more"),
                report.problems().stream().filter(problem -> problem.file().equals(META))
                        .map(problem -> problem.message().substring(problem.message().indexOf("range: ") + 7))
                        .toList());
    }

    @Test
    void aTakedownThatLeavesAVersionInEveryRangeSaysNothing() {
        repo.delete("packages/@common/util/1.0.0").meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}}");
        repo.commit("take down 1.0.0", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of(), stranded(report));
    }

    @Test
    void aYankThatLeavesAVersionInEveryRangeSaysNothing() {
        repo.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"leaks the prompt\"}}");
        repo.commit("yank 1.0.0 only");

        assertEquals(List.of(), check(repo, "alice").problems());
    }

    @Test
    void aVersionPublishedWithTheYankKeepsTheRangesSatisfied() {
        repo.publish("@common/util", "1.2.0");
        repo.meta("@common/util", YANK_EVERY_1X);
        repo.commit("yank and replace");

        assertEquals(List.of(), check(repo, "alice").problems());
    }

    @Test
    void aRangeAlreadyWithoutAVersionIsNotThisPullRequestsDoing() {
        mergedMeanwhile(repo, "alice", main -> main.meta("@common/util", "{\"yanked\": {\"1.1.0\": \"leaks\"}}"));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", YANK_EVERY_1X);
        repo.commit("yank 1.0.0 too");

        assertEquals(List.of("@common/base@1.0.0, @common/base@1.1.0, @common/hints@1.0.0"),
                stranded(check(repo, "alice")),
                "tool's ^1.1.0 had no version left before");
    }

    @Test
    void aNewDependentIsLeftToTheDependencyRule() {
        repo.meta("@common/util", YANK_EVERY_1X);
        repo.publish("@common/extra", "1.0.0", "@common/util@^1.1.0");
        repo.commit("yank, and depend on what is yanked");

        CheckReport report = check(repo, "alice");

        assertError(report, "packages/@common/extra/1.0.0/prompd.json", "every version of @common/util");
        assertEquals(List.of("@common/base@1.0.0, @common/base@1.1.0, @common/hints@1.0.0", "@common/tool@1.0.0"),
                stranded(report));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@common\\/util", "\\u0040common/util"})
    void aDependentWritingTheNameWithAJsonEscapeIsFoundToo(String escaped) {
        mergedMeanwhile(repo, "alice", main -> {
            Path manifest = main.root().resolve(main.publish("@common/escaped", "1.0.0", "@common/util@^1.1.0"))
                    .resolve("prompd.json");
            try {
                Files.writeString(manifest, Files.readString(manifest)
                        .replace("\"@common/util\"", "\"" + escaped + "\""));
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"yanked\": {\"1.1.0\": \"leaks\"}}");
        repo.commit("yank 1.1.0");

        assertEquals(List.of("@common/escaped@1.0.0, @common/tool@1.0.0"), stranded(check(repo, "alice")));
    }

    /** The dependent versions each warning at the yanks names, in its words. */
    private static List<String> stranded(CheckReport report) {
        return strandingWarnings(report).stream()
                .map(problem -> problem.message().replaceAll(".*with that range: ", "")).toList();
    }

    /** This rule's warnings at util's meta.json, NoVersionLeftRule's (only yanked versions left) aside. */
    private static List<Problem> strandingWarnings(CheckReport report) {
        return report.problems().stream()
                .filter(problem -> problem.file().equals(META) && problem.message().startsWith("no version of"))
                .toList();
    }
}
