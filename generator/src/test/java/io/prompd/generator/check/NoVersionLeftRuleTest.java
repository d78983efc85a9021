package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.UTIL;
import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Takedowns and yanks that leave a package without a version, or without one that is not yanked. */
class NoVersionLeftRuleTest extends PullRequestScenarioTest {

    @Test
    void takingDownTheLastVersionsOfAPackageIsAWarningAtTheNewestRecord() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL).delete("packages/@common/util/1.1.0");
        repo.meta("@common/util", "{\n  \"takenDown\": {\n    \"1.0.0\": \"leaked a key\",\n"
                + "    \"1.1.0\": \"leaked a key\"\n  }\n}\n");
        repo.commit("take down every version", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        Problem warning = report.problems().get(0);
        assertEquals(List.of(Severity.WARNING), report.problems().stream().map(Problem::severity).toList());
        assertEquals("packages/@common/util/meta.json", warning.file());
        assertEquals("/takenDown/1.1.0", warning.pointer());
        assertEquals(4, warning.line());
        assertEquals("@common/util has no version left once this pull request takes down 1.0.0 and 1.1.0, so"
                + " packages.json no longer lists it and no install finds it; its meta.json keeps the name taken, and"
                + " its index.json lists the takedowns", warning.message());
        assertEquals("the takedown is allowed; if @common/util is meant to stay installable, publish a new version"
                + " of it, in this pull request or a later one", warning.hint());
    }

    @Test
    void theLastVersionsDeletedByAnyoneElseAreWarnedOfTooBesideTheRefusal() {
        repo.delete(UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down the only version", "alice");

        CheckReport report = check(repo, "alice");

        assertError(report, UTIL, "only a maintainer may delete a published version");
        Problem warning = report.problems().stream().filter(problem -> problem.severity() == Severity.WARNING)
                .findFirst().orElseThrow();
        assertEquals("@common/util has no version left once this pull request deletes 1.0.0, so packages.json no"
                + " longer lists it and no install finds it; its meta.json keeps the name taken, and its index.json"
                + " lists the takedowns", warning.message());
        assertEquals("if @common/util is meant to stay installable, publish a new version of it, in this pull request"
                + " or a later one", warning.hint(), "the takedown is not allowed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "       | packages/@common/util           | it has no meta.json to keep the name taken or to tell clients"
                + " why it is gone",
        "{}     | packages/@common/util/meta.json | its meta.json keeps the name taken, but records no takedown, so"
                + " nothing tells clients why it is gone"})
    void theLastVersionsDeletedWithoutAMetaJsonOrWithoutTakedownRecordsAreWarnedOfAsSuch(String meta, String file,
                                                                                         String left) {
        repo.delete(UTIL);
        if (meta != null) {
            repo.meta("@common/util", meta);
        }
        repo.commit("delete the only version", "alice");

        Problem warning = check(repo, "alice").problems().stream()
                .filter(problem -> problem.severity() == Severity.WARNING).findFirst().orElseThrow();

        assertEquals(file, warning.file());
        assertEquals("@common/util has no version left once this pull request deletes 1.0.0, so packages.json no"
                + " longer lists it and no install finds it; " + left, warning.message());
    }

    @Test
    void anUnscopedPackageKeepsItsOwnersAndTheWarningSaysSo() {
        mergedMeanwhile(repo, "carol", main -> main.meta("tool", "{\"owners\": [\"carol\"]}").publish("tool", "1.0.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete("packages/tool/1.0.0");
        repo.meta("tool", "{\"owners\": [\"carol\"], \"takenDown\": {\"1.0.0\": \"illegal content\"}}");
        repo.commit("take down", TestRegistryRepo.MAINTAINER);

        assertEquals(List.of("tool has no version left once this pull request takes down 1.0.0, so packages.json no"
                        + " longer lists it and no install finds it; its meta.json keeps the name taken and its owners,"
                        + " and its index.json lists the takedowns"),
                check(repo, TestRegistryRepo.MAINTAINER).problems().stream().map(Problem::message).toList());
    }

    @Test
    void takingDownTheLastVersionNotYankedIsAWarningThatOnlyYankedVersionsAreLeft() {
        mergedMeanwhile(repo, "alice", main -> main
                .meta("@common/util", "{\"yanked\": {\"1.1.0\": \"broken\"}}").publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL);
        repo.meta("@common/util",
                "{\"yanked\": {\"1.1.0\": \"broken\"}, \"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down the only version not yanked", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of(Severity.WARNING), report.problems().stream().map(Problem::severity).toList());
        Problem warning = report.problems().get(0);
        assertEquals("packages/@common/util/meta.json", warning.file());
        assertEquals("/takenDown/1.0.0", warning.pointer());
        assertEquals("@common/util has only yanked versions left (1.1.0) once this pull request takes down 1.0.0, so no"
                + " new install finds a version of it; only lock files that pin a yanked one still install it",
                warning.message());
        assertEquals("the takedown is allowed; if @common/util is meant to stay installable, publish a new version"
                + " of it or take back the yank of 1.1.0, in this pull request or a later one", warning.hint());
    }

    @Test
    void yankingTheOnlyVersionIsAWarningThatNoNewInstallFindsOneWithTheWaysOnNotTheWayBack() {
        repo.meta("@common/util", "{\n  \"yanked\": {\n    \"1.0.0\": \"prompt injection hole; no fix yet\"\n  }\n}\n");
        repo.commit("yank the only version", "alice");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(Severity.WARNING), report.problems().stream().map(Problem::severity).toList());
        Problem warning = report.problems().get(0);
        assertEquals("packages/@common/util/meta.json", warning.file());
        assertEquals("/yanked/1.0.0", warning.pointer());
        assertEquals(3, warning.line());
        assertEquals("@common/util has only yanked versions left (1.0.0) once this pull request yanks 1.0.0, so no new"
                + " install finds a version of it; only lock files that pin a yanked one still install it",
                warning.message());
        assertEquals("the yank is allowed; if @common/util is meant to stay installable, publish a fixed version of"
                + " it, in this pull request or a later one; if what it yanks must not be downloaded at all, not even"
                + " by the lock files that pin it, a maintainer takes it down instead (see \"Take a version down\" in"
                + " the registry's README)", warning.hint());
    }

    @Test
    void yankingTheLastVersionNotYankedBesideOnesYankedBeforeNamesThemAllAtTheNewestYank() {
        mergedMeanwhile(repo, "alice", main -> {
            main.publish("@common/util", "1.1.0");
            main.publish("@common/util", "1.2.0");
            main.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken\"}}");
        });
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken\", \"1.1.0\": \"leaks\", \"1.2.0\": \"leaks\"}}");
        repo.commit("yank the rest", "alice");

        Problem warning = check(repo, "alice").problems().get(0);

        assertEquals("/yanked/1.2.0", warning.pointer());
        assertEquals("@common/util has only yanked versions left (1.0.0, 1.1.0 and 1.2.0) once this pull request yanks"
                + " 1.1.0 and 1.2.0, so no new install finds a version of it; only lock files that pin a yanked one"
                + " still install it", warning.message());
    }

    @Test
    void aTakedownBesideTheYankOfTheLastVersionNotYankedIsOneWarningTellingBoth() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL);
        repo.meta("@common/util",
                "{\"yanked\": {\"1.1.0\": \"broken\"}, \"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down 1.0.0 and yank 1.1.0", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(1, report.problems().size(), () -> report.problems().toString());
        Problem warning = report.problems().get(0);
        assertEquals("/yanked/1.1.0", warning.pointer(), "the newest version withdrawn");
        assertEquals("@common/util has only yanked versions left (1.1.0) once this pull request yanks 1.1.0 and takes"
                + " down 1.0.0, so no new install finds a version of it; only lock files that pin a yanked one still"
                + " install it", warning.message());
        assertEquals("the takedown is allowed; if @common/util is meant to stay installable, publish a new version"
                + " of it or take back the yank of 1.1.0, in this pull request or a later one", warning.hint());
    }

    @Test
    void aYankThatLeavesAVersionNotYankedOrPublishesOneSaysNothing() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken\"}}");
        repo.commit("yank 1.0.0", "alice");

        assertEquals(List.of(), check(repo, "alice").problems());

        repo.publish("@common/util", "1.1.1");
        repo.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken\", \"1.1.0\": \"broken\"}}");
        repo.commit("yank 1.1.0 and publish its fix", "alice");

        assertEquals(List.of(), check(repo, "alice").problems());
    }

    @Test
    void takingDownAVersionYankedAlreadyBesideOthersYankedSaysNothing() {
        mergedMeanwhile(repo, "alice", main -> main
                .meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken\", \"1.1.0\": \"broken\"}}")
                .publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL);
        repo.meta("@common/util",
                "{\"yanked\": {\"1.1.0\": \"broken\"}, \"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down a yanked version", TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(), check(repo, TestRegistryRepo.MAINTAINER).problems(),
                "nothing of the package installed anew before the takedown either");
    }

    @Test
    void aTakedownThatLeavesAVersionOrPublishesOneSaysNothing() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/util", "1.1.0"));
        repo.merge("main", "up to date", "alice");
        repo.delete(UTIL).meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down 1.0.0", TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(), check(repo, TestRegistryRepo.MAINTAINER).problems());

        repo.delete("packages/@common/util/1.1.0").publish("@common/util", "2.0.0");
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\", \"1.1.0\": \"leaked a key\"}}");
        repo.commit("take down 1.1.0 and publish 2.0.0", TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(), check(repo, TestRegistryRepo.MAINTAINER).problems());
    }
}
