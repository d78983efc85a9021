package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** New package names: look-alikes of existing or other new names, and reserved names. */
class NameRulesTest {

    @TempDir
    Path folder;

    private TestRegistryRepo repo;

    @BeforeEach
    void registry() {
        repo = TestRegistryRepo.initRegistry(folder);
        repo.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                 "policy": {"reservedNames": ["admin", "prompd"]}}
                """);
        repo.commit("reserve names", TestRegistryRepo.MAINTAINER);
        repo.publish("@common/util", "1.0.0");
        repo.commit("publish util");
        repo.branch("pr").checkout("pr");
    }

    @Test
    void lookalikeOfAnExistingNameIsATyposquat() {
        repo.publish("@common/ut1l", "1.0.0");
        repo.commit("publish");

        assertError(check(repo, "alice"), "packages/@common/ut1l", "reads like the existing package @common/util");
    }

    @Test
    void lookalikesAddedTogetherAreRefused() {
        repo.publish("@common/my-tool", "1.0.0");
        repo.publish("@common/my_tool", "1.0.0");
        repo.commit("publish both");

        var report = check(repo, "alice");

        assertError(report, "packages/@common/my-tool", "reads like @common/my_tool");
        assertError(report, "packages/@common/my_tool", "reads like @common/my-tool");
    }

    @Test
    void newVersionOfAnExistingPackageIsNoTyposquat() {
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void aNameWhoseEveryVersionWasTakenDownKeepsItsLookalikesOut() {
        everyVersionTakenDownOnMain();
        repo.publish("sql_explainer", "1.0.0");
        repo.meta("sql_explainer", "{\"owners\": [\"mallory\"]}");
        repo.publish("@common/g0ne", "1.0.0");
        repo.commit("squat", "mallory");

        var squat = check(repo, "mallory");

        assertError(squat, "packages/sql_explainer", "reads like the existing package sql-explainer");
        assertError(squat, "packages/@common/g0ne", "reads like the existing package @common/gone");
    }

    @Test
    void theOwnersOfANameWhoseEveryVersionWasTakenDownPublishThereAgain() {
        everyVersionTakenDownOnMain();
        repo.publish("sql-explainer", "2.0.0");
        repo.commit("publish again", "ivan");

        var report = check(repo, "ivan");

        assertPassed(report);
        assertTrue(report.newPackages().isEmpty(), report.newPackages()::toString);
    }

    /** sql-explainer (owned by ivan) and @common/gone, each published and taken down whole on main, merged into pr. */
    private void everyVersionTakenDownOnMain() {
        repo.checkout("main");
        repo.publish("sql-explainer", "1.0.0");
        repo.meta("sql-explainer", "{\"owners\": [\"ivan\"]}");
        repo.publish("@common/gone", "1.0.0");
        repo.commit("publish", "ivan");
        repo.delete("packages/sql-explainer/1.0.0");
        repo.meta("sql-explainer", "{\"owners\": [\"ivan\"], \"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.delete("packages/@common/gone/1.0.0");
        repo.meta("@common/gone", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take down", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "update", "ivan");
    }

    @Test
    void reservedNameIsRefused() {
        repo.publish("admin", "1.0.0");
        repo.meta("admin", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        assertError(check(repo, "carol"), "packages/admin", "'admin' is reserved");
    }

    @Test
    void withoutAnAuthorAReservedNameIsNoErrorBesideTheOneAskingForTheAuthor() {
        repo.publish("admin", "1.0.0");
        repo.meta("admin", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        CheckReport report = check(repo, null);

        assertErrorCount(report, 1);
        assertError(report, "", "author is unknown");
    }

    @Test
    void nameReadingLikeAReservedOneIsRefused() {
        repo.publish("pr0mpd", "1.0.0");
        repo.meta("pr0mpd", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        assertError(check(repo, "carol"), "packages/pr0mpd", "'pr0mpd' reads like 'prompd', which the registry"
                + " reserves");
    }

    /** Pairs of letters that render as one read as that one beside a reserved name: 'adrnin' passed as no 'admin'. */
    @ParameterizedTest
    @CsvSource({"adrnin, admin", "adrn1n, admin", "prornpd, prompd"})
    void aNameWhosePairsOfLettersReadLikeAReservedOneIsRefused(String name, String reserved) {
        repo.publish(name, "1.0.0");
        repo.meta(name, "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        assertError(check(repo, "carol"), "packages/" + name, "'" + name + "' reads like '" + reserved + "', which the"
                + " registry reserves");
    }

    /** The pairs are of letters as written: 'acimin' folds its i to l, and 'ci' does not look like the d of 'admin'. */
    @ParameterizedTest
    @CsvSource({"acimin", "ac1min"})
    void aPairOfLettersOnlyTheFoldMakesReadsAsNoOtherLetter(String name) {
        repo.publish(name, "1.0.0");
        repo.meta(name, "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        assertPassed(check(repo, "carol"));
    }

    /**
     * A name the pairs read as one no package may have, as 'corn1' reads as 'com1', a Windows device name, is a name
     * all the same, which the rule judges rather than fail the check.
     */
    @ParameterizedTest
    @ValueSource(strings = {"corn0", "corn1", "corn2", "corn3", "corn4", "corn5", "corn6", "corn7", "corn8", "corn9",
            "corn1-tools"})
    void aNameThePairsReadAsADeviceNameIsJudgedAsAnyOther(String name) {
        repo.publish(name, "1.0.0");
        repo.meta(name, "{\"owners\": [\"mallory\"]}");
        repo.commit("claim", "mallory");

        assertPassed(check(repo, "mallory"));
    }

    /** Between two packages' names the pairs are letters of their own: 'corner' is no look-alike of 'comer'. */
    @Test
    void pairsOfLettersThatReadAsOneMakeNoLookalikeOfAnotherPackage() {
        mergedMeanwhile(repo, "carol", main -> main.publish("comer", "1.0.0"));
        repo.publish("corner", "1.0.0");
        repo.meta("corner", "{\"owners\": [\"dave\"]}");
        repo.commit("publish corner", "dave");

        assertPassed(check(repo, "dave"));
    }

    @Test
    void aNameReservedOnTheBaseBranchSinceBranchingIsReserved() {
        repo.publish("registry", "1.0.0");
        repo.meta("registry", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                 "policy": {"reservedNames": ["admin", "prompd", "registry"]}}
                """));

        assertError(check(repo, "carol"), "packages/registry", "'registry' is reserved");
    }

    /** The maintainer's pull request listing one maintainer twice and reserved names that reserve nothing passes. */
    @Test
    void aMaintainerListedTwiceAndReservedNamesThatReserveNothingAreWarnedOf() {
        repo.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["Maintainer", "maintainer"],
                 "policy": {"reservedNames": ["admin", "prompd", "", "Foo Bar", "@data"]}}
                """);
        repo.commit("reserve more", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of("/maintainers/1@2", "/policy/reservedNames/2@3", "/policy/reservedNames/3@3",
                        "/policy/reservedNames/4@3"),
                report.problems().stream().filter(problem -> problem.severity() == Severity.WARNING)
                        .map(problem -> problem.pointer() + "@" + problem.line()).toList());
    }

    /** Reserved names are unscoped package names: '@data', a scope, reserves nothing, so 'data' stays free. */
    @Test
    void aScopeAmongTheReservedNamesLeavesTheUnscopedNameFree() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                 "policy": {"reservedNames": ["admin", "prompd", "@data"]}}
                """));
        repo.publish("data", "1.0.0");
        repo.meta("data", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        assertPassed(check(repo, "carol"));
    }

    @Test
    void maintainerMayPublishAReservedName() {
        repo.publish("admin", "1.0.0");
        repo.meta("admin", "{\"owners\": [\"maintainer\"]}");
        repo.commit("claim", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    @Test
    void nameOrLookalikePublishedOnTheBaseBranchSinceBranchingIsTaken() {
        repo.publish("@common/foo_bar", "1.0.0");
        repo.publish("tool", "1.0.0");
        repo.meta("tool", "{\"owners\": [\"alice\"]}");
        repo.commit("publish");
        mergedMeanwhile(repo, "dave", main -> {
            main.publish("@common/foo-bar", "1.0.0");
            main.publish("tool", "2.0.0");
            main.meta("tool", "{\"owners\": [\"dave\"]}");
        });

        var report = check(repo, "alice");

        assertError(report, "packages/@common/foo_bar", "reads like the package @common/foo-bar, published on the"
                + " base branch after this pull request branched off");
        assertError(report, "packages/tool", "the name tool is taken");
    }

    @Test
    void scopedPackageAlsoStartedOnTheBaseBranchIsTheScopeOwners() {
        repo.publish("@common/new", "1.1.0");
        repo.commit("publish");
        mergedMeanwhile(repo, "bob", main -> main.publish("@common/new", "1.0.0"));

        assertPassed(check(repo, "alice"));
    }

    @Test
    void aNewScopeReadingLikeAnExistingOneIsRefusedNamingIt() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]},
                            "@c0mmon": {"owners": ["mallory"]}},
                 "teams": {"core": ["bob"]}}
                """);
        repo.commit("new scope", TestRegistryRepo.MAINTAINER);

        var problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), "scopes.json",
                "the scope @c0mmon reads like"
                + " the existing scope @common, so it is refused as a likely typosquat");
        assertTrue(problem.hint().startsWith("choose a scope that differs from @common by more than"), problem.hint());
        assertEquals("/scopes/@c0mmon", problem.pointer());
        assertEquals(2, problem.line());
    }

    /**
     * Look-alike scopes the base branch already declares, such as two from before the rule, are the registry's
     * as they are: a pull request changing one's owners is not refused for them, since no pull request can rename a
     * scope its users install from. A third look-alike is new, and refused naming each.
     */
    @Test
    void lookalikeScopesAlreadyDeclaredAtTheMergeBaseStayButAThirdIsRefusedNamingEach() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"]}, "@c0mmon": {"owners": ["mallory"]}}}
                """));
        repo.merge("main", "merge main", TestRegistryRepo.MAINTAINER);
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"]}, "@c0mmon": {"owners": ["mallory", "trent"]}}}
                """);
        repo.commit("change owners", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));

        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"]}, "@c0mmon": {"owners": ["mallory", "trent"]},
                            "@comm0n": {"owners": ["eve"]}}}
                """);
        repo.commit("third look-alike", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, "scopes.json", "the scope @comm0n reads like the existing scope @c0mmon");
        assertError(report, "scopes.json", "the scope @comm0n reads like the existing scope @common");
        assertEquals(2, report.problems().size(), report.problems().toString());
    }

    @Test
    void newScopesReadingLikeEachOtherOrLikeOneAddedOnTheBaseBranchSinceBranchingAreRefused() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}, "@tools": {"owners": ["dave"]}},
                 "teams": {"core": ["bob"]}}
                """));
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}, "@t00ls": {"owners": ["mallory"]},
                            "@my-org": {"owners": ["carol"]}, "@my_org": {"owners": ["carol"]},
                            "@writing": {"owners": ["erin"]}},
                 "teams": {"core": ["bob"]}}
                """);
        repo.commit("new scopes", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, "scopes.json", "the scope @t00ls reads like the existing scope @tools");
        assertError(report, "scopes.json", "the scope @my-org reads like @my_org, also added in this pull request");
        assertError(report, "scopes.json", "the scope @my_org reads like @my-org, also added in this pull request");
        assertTrue(report.problems().stream().noneMatch(problem -> problem.message().contains("@writing")),
                report.problems().toString());
    }
}
