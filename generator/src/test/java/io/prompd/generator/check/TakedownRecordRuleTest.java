package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.UTIL;
import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import io.prompd.generator.cli.CheckReportView;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The records of versions taken down, in meta.json's "takenDown". */
class TakedownRecordRuleTest extends PullRequestScenarioTest {

    private static final String META = "packages/@common/util/meta.json";

    @Test
    void aTakedownWithoutARecordIsRefusedWithTheJsonToAdd() {
        repo.delete(UTIL);
        repo.commit("take down a leaked key", TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), META,
                "@common/util 1.0.0 is taken down without a record in \"takenDown\"");
        assertEquals("add packages/@common/util/meta.json holding {\"takenDown\": {\"1.0.0\": \"<why it was taken"
                + " down>\"}} in this pull request", problem.hint());

        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \" \"}}");
        repo.commit("record it", TestRegistryRepo.MAINTAINER);
        CheckReport noReason = check(repo, TestRegistryRepo.MAINTAINER);
        assertError(noReason, META, "the takedown record of 1.0.0 gives no reason");
        assertEquals(List.of("the takedown record of 1.0.0 gives no reason"),
                noReason.problems().stream().map(Problem::message).filter(message -> message.contains("reason"))
                        .toList(), "said once, not again as a warning");

        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("say why", TestRegistryRepo.MAINTAINER);
        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    @Test
    void theHintAddsToTheRecordsAMetaJsonHasAlready() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.meta("@common/util", "{\"takenDown\":"
                + " {\"0.9.0\": \"leaked a key\"}}"));
        repo.merge("main", "up to date", TestRegistryRepo.MAINTAINER);
        repo.delete(UTIL);
        repo.commit("take down", TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), META, "is taken down without a record");
        assertEquals("add \"1.0.0\": \"<why it was taken down>\" to \"takenDown\" in packages/@common/util/meta.json"
                + " in this pull request", problem.hint());
    }

    /**
     * A folder deleted before records existed left none, and no meta.json: the record a maintainer adds for its
     * number, as the registry's README asks, is the package's only file, which is no claim on a name never published.
     */
    @Test
    void aMaintainerRecordsATakedownOfAPackageWhoseEveryFolderWasDeletedWithoutOne() {
        recordAfterTheFolderWasDeletedMeanwhile("{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);
        assertPassed(report);
        assertEquals(List.of(), warnings(report), "the base branch published 1.0.0 before deleting it");
        assertError(check(repo, "alice"), META, "only a maintainer may record a takedown, and alice is not one");
    }

    /** A record is for good: one of a number never published, a typo, would keep it taken all the same. */
    @Test
    void aRecordOfANumberTheBaseBranchNeverPublishedIsWarnedOf() {
        recordAfterTheFolderWasDeletedMeanwhile(
                "{\"takenDown\": {\"1.0.0\": \"leaked a key\", \"9.9.9\": \"a typo\"}}");

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of("/takenDown/9.9.9: records the takedown of 9.9.9, which the base branch's history never"
                + " published (no commit of it adds packages/@common/util/9.9.9): once merged, the record keeps the"
                + " number taken for good; check the number against the folder deleted (git log --diff-filter=D"
                + " --name-only -- packages/@common/util), and correct or remove the entry before merging"),
                warnings(report));
    }

    /**
     * A record of a number whose folder the branch never deleted, beside a folder of the same version to clients,
     * would keep that folder from being published: the build refuses it, so the check refuses the record.
     */
    @Test
    void aRecordKeepingAFolderThatStaysFromBeingPublishedIsRefused() {
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0+x\": \"a typo\"}}");
        repo.commit("record a takedown", TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), META,
                "records the takedown of 1.0.0+x, which keeps 1.0.0 from being published though its folder stays:"
                        + " build metadata does not make another version, and the branch never deleted a folder of"
                        + " 1.0.0+x");
        assertEquals("/takenDown/1.0.0+x", problem.pointer());
        assertEquals("take 1.0.0 down as well in this pull request (delete " + UTIL + "/ and record it), or remove"
                + " the entry", problem.hint());
    }

    /** Deletes 1.0.0 on main without a record, then records in the pull request what the meta.json given says. */
    private void recordAfterTheFolderWasDeletedMeanwhile(String meta) {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.delete(UTIL));
        repo.merge("main", "up to date", TestRegistryRepo.MAINTAINER);
        repo.meta("@common/util", meta);
        repo.commit("record the takedown", TestRegistryRepo.MAINTAINER);
    }

    private static List<String> warnings(CheckReport report) {
        return report.problems().stream().filter(problem -> !problem.isError())
                .map(problem -> problem.pointer() + ": " + problem.message() + "; " + problem.hint()).toList();
    }

    @Test
    void onlyAMaintainerRecordsATakedown() {
        repo.meta("@common/util", "{\"takenDown\": {\"0.9.0\": \"never mind\"}}");
        repo.commit("reserve a number");

        Problem problem = assertError(check(repo, "alice"), META,
                "only a maintainer may record a takedown, and alice is not one");
        assertEquals("/takenDown/0.9.0", problem.pointer());
    }

    /**
     * With the maintainers unknown, the author of a takedown is said to be no maintainer neither by this rule nor by
     * the rule on published versions: the one error says why who may take a version down cannot be told.
     */
    @ParameterizedTest
    @ValueSource(strings = {"alice", TestRegistryRepo.MAINTAINER})
    void withARegistryJsonThatDoesNotReadOnTheBaseBranchATakedownsAuthorIsNotJudged(String login) {
        repo.delete(UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down a leaked key", login);
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", "{\"name\": \"x\"}"));

        CheckReport report = check(repo, login);

        assertError(report, "", OwnershipRuleTest.UNKNOWN_SETTINGS);
        assertEquals(List.of(), report.problems().stream().filter(Problem::isError)
                .filter(problem -> !problem.file().equals("registry.json") && !problem.file().isEmpty())
                .map(Problem::message).toList());
    }

    /**
     * Without the author, a takedown is told as one and held to its rules, and the one error is the unknown author's,
     * as for any other change only a maintainer may make: no second one saying that the author is no maintainer.
     */
    @Test
    void withoutActorATakedownIsToldAsOneBesideTheOneErrorAskingForTheAuthor() {
        repo.delete(UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down a leaked key", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, null);

        assertErrorCount(report, 1);
        assertError(report, "", "the pull request's author is unknown");
        assertEquals(List.of(new PackageVersion(PackageName.parse("@common/util"), Version.parse("1.0.0"))),
                report.takenDown().stream().map(Takedown::version).toList());
        assertEquals(List.of(), report.deletedVersions());
        assertTrue(CheckReportView.text(report).contains("takes down @common/util version 1.0.0"),
                CheckReportView.text(report));
        assertEquals(List.of("if @common/util is meant to stay installable, publish a new version of it, in this pull"
                        + " request or a later one"), report.problems().stream().filter(problem -> !problem.isError())
                .map(Problem::hint).toList(), "allowed for a maintainer only, whom the check cannot tell yet");
    }

    @Test
    void aRecordNamesAVersionWithoutAFolder() {
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("record without deleting", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), META,
                "records the takedown of 1.0.0, which still has its folder");
    }

    @Test
    void aSecondRecordOfTheSameVersionToClientsOrOnMacOsAndWindowsIsRefused() {
        repo.delete(UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"0.9.0-RC.1\": \"leaked a key\", \"0.9.0-rc.1\": \"again\","
                + " \"1.0.0+b\": \"dup\", \"1.0.0\": \"illegal content\"}}");
        repo.commit("take down 1.0.0", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(List.of("/takenDown/0.9.0-rc.1: records the takedown of 0.9.0-rc.1, which the record of 0.9.0-RC.1"
                        + " already keeps taken: versions that differ only in letter case would be one folder on macOS"
                        + " and Windows",
                "/takenDown/1.0.0+b: records the takedown of 1.0.0+b, which the record of 1.0.0 already keeps taken:"
                        + " build metadata does not make another version"),
                report.problems().stream().filter(Problem::isError)
                        .map(problem -> problem.pointer() + ": " + problem.message()).toList());
    }

    /**
     * A meta.json that does not read in full is told only from the parts that read: records it still holds, but that
     * did not read, are not said to be removed, and the error that says why they did not read is the only one.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\n  \"distTags\": {\"latest\": \"1.0.0\"},\n  \"takenDown\": {\"0.7.0\": \"illegal content\","
                + " \"0.8.0\": \"leaked a key\", \"0.9.0\": \"held personal data\"},\n}",
        "{distTags: {\"latest\": \"1.0.0\"}, \"takenDown\": {\"0.7.0\": \"illegal content\","
                + " \"0.8.0\": \"leaked a key\", \"0.9.0\": \"held personal data\"}}",
        "{\"distTags\": {\"latest\": \"1.0.0\"}, \"takenDown\": {\"0.7.0\": \"illegal content\","
                + " \"0.8.0\": 5, \"0.9.0\": \"held personal data\"}}"})
    void recordsInAMetaJsonThatDoesNotReadAreNotSaidToBeRemoved(String broken) {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.meta("@common/util", "{\"distTags\":"
                + " {\"latest\": \"1.0.0\"}, \"takenDown\": {\"0.7.0\": \"illegal content\","
                + " \"0.8.0\": \"leaked a key\", \"0.9.0\": \"held personal data\"}}"));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", broken);
        repo.commit("a slip", "alice");

        CheckReport report = check(repo, "alice");

        assertErrorCount(report, 1);
        assertTrue(report.problems().stream().noneMatch(problem -> problem.message().contains("is removed")),
                () -> report.problems().toString());
    }

    @Test
    void aTakedownWhoseRecordIsInAMetaJsonThatDoesNotParseIsNotSaidToLackOne() {
        repo.delete(UTIL);
        repo.meta("@common/util", "{\n  \"takenDown\": {\n    \"1.0.0\": \"leaked a key\",\n  }\n}");
        repo.commit("take down a leaked key", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, META, "a comma after the last entry");
        assertErrorCount(report, 1);
    }

    @Test
    void nobodyRemovesOrChangesARecordNotEvenAMaintainer() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.meta("@common/util", "{\"takenDown\":"
                + " {\"0.8.0\": \"illegal content\", \"0.9.0\": \"leaked a key\"}}"));
        repo.merge("main", "up to date", TestRegistryRepo.MAINTAINER);
        repo.meta("@common/util", "{\"takenDown\": {\"0.9.0\": \"a typo\"}}");
        repo.commit("free 0.8.0, reword 0.9.0", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem removed = assertError(report, META, "the takedown record of 0.8.0 is removed");
        assertEquals("restore \"0.8.0\": \"illegal content\" in \"takenDown\": a number taken down stays taken,"
                + " since lock files pin its old content", removed.hint());
        assertError(report, META, "the reason the takedown record of 0.9.0 gives is changed; it was \"leaked a key\"");
        assertErrorCount(report, 2);

        repo.delete(META);
        repo.commit("delete the records", TestRegistryRepo.MAINTAINER);
        assertErrorCount(check(repo, TestRegistryRepo.MAINTAINER), 2);
    }
}
