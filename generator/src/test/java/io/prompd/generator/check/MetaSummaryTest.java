package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.generator.cli.CheckReportView;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the check's summary says a pull request does to a meta.json, read from the file at both commits. */
class MetaSummaryTest extends PullRequestScenarioTest {

    private static final PackageName UTIL = PackageName.parse("@common/util");
    private static final String META = "packages/@common/util/meta.json";

    /**
     * Checks, with alice as its author, a pull request that changes the meta.json it starts from (on main beside
     * version 1.1.0, and merged into pr) to the other, publishing the versions given beside it.
     */
    private CheckReport checkChange(String atBase, String atHead, String... published) {
        repo.checkout("main");
        repo.publish("@common/util", "1.1.0");
        repo.meta("@common/util", atBase);
        repo.commit("tag, yank and deprecate", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "catch up", "alice");
        for (String version : published) {
            repo.publish("@common/util", version);
        }
        repo.meta("@common/util", atHead);
        repo.commit("change meta.json");
        return check(repo, "alice");
    }

    /** A rollback: latest, without its tag the highest version (1.1.0 of the base branch), is pointed back. */
    @Test
    void latestPointedBackIsToldFromTheVersionItStoodFor() {
        CheckReport report = checkChange("{}", "{\"distTags\": {\"latest\": \"1.0.0\"}}");

        String text = CheckReportView.text(report);
        assertTrue(text.contains("\n  points the dist-tag latest of @common/util at 1.0.0 (it pointed at 1.1.0)\n"),
                text);
    }

    /**
     * Removing latest's tag tells the version latest then stands for, among the head's: 1.2.0, which the pull request
     * adds.
     */
    @Test
    void latestRemovedIsToldTheVersionItThenStandsForAtTheHead() throws Exception {
        CheckReport report = checkChange("{\"distTags\": {\"latest\": \"1.0.0\"}}", "{}", "1.2.0");

        assertTrue(summary(report).contains("removes the dist-tag latest of @common/util (it pointed at 1.0.0),"
                + " so latest is 1.2.0, the highest version that is neither a pre-release nor yanked"),
                summary(report)::toString);
        assertEquals("1.2.0", Json.reader().readTree(CheckReportView.json(report)).at("/metaChanges/0/becomes")
                .asText());
    }

    /**
     * Yanking the versions above latest, without its dist-tag the highest version, moved it back to an older,
     * deprecated one silently: the move is told, in the summary and the JSON, as a dist-tag's is, and a latest left on
     * a deprecated version is warned of at its deprecation.
     */
    @Test
    void aYankMovingLatestWithoutItsTagBackIsToldAndADeprecatedLatestWarnedOf() throws Exception {
        CheckReport report = checkChange("{\"deprecated\": {\"1.0.0\": \"use 1.1\"}}",
                "{\"deprecated\": {\"1.0.0\": \"use 1.1\"}, \"yanked\": {\"1.1.0\": \"broken\"}}");

        assertEquals(List.of("yanks @common/util 1.1.0: broken", "moves latest of @common/util to 1.0.0 (it pointed"
                + " at 1.1.0), the highest version that is neither a pre-release nor yanked, as no dist-tag names it"),
                summary(report));
        assertEquals("{\"action\":\"moves_latest\",\"name\":\"@common/util\",\"target\":\"1.0.0\",\"was\":\"1.1.0\"}",
                Json.reader().readTree(CheckReportView.json(report)).at("/metaChanges/1").toString());
        Problem warning = report.problems().stream().filter(problem -> !problem.isError()).findFirst().orElseThrow();
        assertEquals(META + "/deprecated/1.0.0 latest is 1.0.0, the highest version that is neither a pre-release nor"
                + " yanked, as no dist-tag names it, which is deprecated, so 'prompd install @common/util' installs it"
                + " and warns of its deprecation, while a dependency's range passes it by (publish a version that is"
                + " not deprecated, or point latest at one (\"distTags\": {\"latest\": \"<version>\"}), or take the"
                + " deprecation of 1.0.0 back if it is to stay the default)", warning.file() + warning.pointer() + " "
                + warning.message() + " (" + warning.hint() + ")");
    }

    /** A takedown of the highest version moves latest without its tag back as a yank does. */
    @Test
    void aTakedownMovingLatestWithoutItsTagBackIsTold() {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.publish("@common/util",
                "1.1.0"));
        repo.merge("main", "catch up", TestRegistryRepo.MAINTAINER);
        repo.delete("packages/@common/util/1.1.0");
        repo.meta("@common/util", "{\"takenDown\": {\"1.1.0\": \"leaked a key\"}}");
        repo.commit("take 1.1.0 down", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertTrue(summary(report).contains("moves latest of @common/util to 1.0.0 (it pointed at 1.1.0), the"
                + " highest version that is neither a pre-release nor yanked, as no dist-tag names it"),
                summary(report)::toString);
    }

    /** Yanking every version leaves latest none, which is told too, in a line that stands on its own. */
    @Test
    void aYankLeavingNoLatestIsTold() {
        assertTrue(summary(checkChange("{}", "{\"yanked\": {\"1.0.0\": \"x\", \"1.1.0\": \"y\"}}")).contains(
                "leaves @common/util without latest (it pointed at 1.1.0): no version is left that is neither a"
                        + " pre-release nor yanked"));
    }

    /**
     * Taking down every version leaves latest none: the line says what leaves it so, where it was a fragment
     * ("so latest of … goes away") following lines of other changes.
     */
    @Test
    void aTakedownOfEveryVersionLeavingNoLatestIsAWholeLine() {
        repo.delete(PullRequestScenario.UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take every version down", TestRegistryRepo.MAINTAINER);

        List<String> summary = summary(check(repo, TestRegistryRepo.MAINTAINER));

        assertTrue(summary.contains("leaves @common/util without latest (it pointed at 1.0.0): no version is left that"
                + " is neither a pre-release nor yanked"), summary::toString);
        assertTrue(summary.stream().noneMatch(line -> line.startsWith("so ")), summary::toString);
    }

    /**
     * The yank and deprecation of a version taken down go with it, as its takedown asks: the summary said the pull
     * request "takes back the yank" of it, which reads as an un-yank, making the version installable again.
     */
    @Test
    void theYankAndDeprecationOfAVersionTakenDownAreSaidToGoWithIt() {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> {
            main.publish("@common/util", "1.1.0");
            main.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken\"},"
                    + " \"deprecated\": {\"1.0.0\": \"old\"}}");
        });
        repo.merge("main", "catch up", TestRegistryRepo.MAINTAINER);
        repo.delete(PullRequestScenario.UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take 1.0.0 down", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        List<String> summary = summary(report);
        assertTrue(summary.contains("removes the yank of @common/util 1.0.0 along with the version, which it takes"
                + " down"), summary::toString);
        assertTrue(summary.contains("removes the deprecation of @common/util 1.0.0 along with the version, which it"
                + " takes down"), summary::toString);
        assertTrue(summary.stream().noneMatch(line -> line.contains("takes back")), summary::toString);
        assertTrue(PullRequestScenario.markdown(report).contains("\n- removes the yank of `@common/util` `1.0.0` along"
                + " with the version, which it takes down\n"), PullRequestScenario.markdown(report));
    }

    /** A yank below latest moves nothing, and latest the base branch left on a deprecated version is not warned of. */
    @Test
    void aYankBelowLatestMovesNothing() {
        CheckReport report = checkChange("{\"deprecated\": {\"1.1.0\": \"old\"}}",
                "{\"deprecated\": {\"1.1.0\": \"old\"}, \"yanked\": {\"1.0.0\": \"x\"}}");

        assertEquals(List.of("yanks @common/util 1.0.0: x"), summary(report));
        assertEquals(List.of(), report.problems());
    }

    @Test
    void aMetaJsonThatDoesNotParseIsSaidNotToReadInsteadOfToBeEmptied() throws Exception {
        CheckReport report = checkChange("{\"distTags\": {\"next\": \"1.1.0\"}, \"yanked\": {\"1.0.0\": \"broken\"}}",
                "{\"distTags\": {\"next\": \"1.1.0\"}, \"yanked\": {\"1.0.0\": \"broken\"},}");

        assertError(report, META, "");
        assertEquals(List.of(), report.metaChanges(), "nothing of the file reads, so nothing is told of it");
        assertEquals(Set.of(META), report.unreadable());
        assertEquals(META, Json.reader().readTree(CheckReportView.json(report)).at("/unreadable/0").asText());
        String text = CheckReportView.text(report);
        assertTrue(text.contains("\n  changes " + META + ", which does not read in full (the errors below say why)\n"),
                text);
        assertTrue(PullRequestScenario.markdown(report).contains("\n- changes `" + META + "`, which does not read in"
                + " full (the errors below say why)\n"), PullRequestScenario.markdown(report));
    }

    @Test
    void entriesOfTheWrongShapeAreLeftOutOfTheComparisonAndTheRestIsTold() {
        CheckReport report = checkChange("{\"distTags\": {\"latest\": \"1.0.0\"}, \"yanked\": {\"1.0.0\": \"broken\"},"
                + " \"deprecated\": {\"1.1.0\": \"use 1.2\"}}", "{\"distTags\": {\"latest\": \"1.0.0\", \"beta\":"
                + " \"1.1.0\"}, \"yanked\": {\"1.0.0\": 5}, \"deprecated\": [\"1.1.0\"]}");

        assertError(report, META, "must be a string");
        assertError(report, META, "must be an object of version to message");
        assertEquals(List.of(new MetaChange(UTIL, MetaChange.Action.TAGS, "1.1.0", "beta")), report.metaChanges(),
                "neither the yank nor the deprecation is taken back: their entries do not read");
        assertEquals(List.of(
                        "points the dist-tag beta of @common/util at 1.1.0",
                        "changes " + META + ", which has errors (below)"),
                summary(report));
    }

    @Test
    void aReasonGivenWhereItWasEmptyIsAChangeOfTheReasonNotANewYank() throws Exception {
        CheckReport report = checkChange("{\"yanked\": {\"1.0.0\": \"\"}, \"deprecated\": {\"1.1.0\": \"\"}}",
                "{\"yanked\": {\"1.0.0\": \"broken\"}, \"deprecated\": {\"1.1.0\": \"use 1.2\"}}");

        assertEquals(List.of(
                        "changes the reason for the yank of @common/util 1.0.0: broken",
                        "changes the deprecation message of @common/util 1.1.0: use 1.2"),
                summary(report));
        String markdown = PullRequestScenario.markdown(report);
        assertTrue(markdown.contains("\n- changes the reason for the yank of `@common/util` `1.0.0`: broken\n"),
                markdown);
        JsonNode changes = Json.reader().readTree(CheckReportView.json(report)).at("/metaChanges");
        assertEquals(List.of("", ""), changes.findValuesAsText("was"), changes.toString());
    }

    @Test
    void ownersOfAScopedPackageAreNoOwnerChangeSinceTheyHaveNoEffect() {
        repo.meta("@common/util", "{\"owners\": [\"dave\"], \"distTags\": {\"latest\": \"1.0.0\"}}");
        repo.commit("owners, which a scope ignores");

        CheckReport report = check(repo, "alice");

        assertTrue(report.problems().stream()
                .anyMatch(problem -> problem.message().contains("count only for unscoped")),
                () -> report.problems().toString());
        assertEquals(List.of(new MetaChange(UTIL, MetaChange.Action.TAGS, "1.0.0", "latest")), report.metaChanges());
    }

    private static List<String> summary(CheckReport report) {
        String text = CheckReportView.text(report);
        return text.lines().skip(1).takeWhile(line -> !line.isEmpty()).map(String::strip).toList();
    }
}
