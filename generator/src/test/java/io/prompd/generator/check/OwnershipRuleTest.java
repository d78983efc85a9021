package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.UTIL;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnershipRuleTest extends PullRequestScenarioTest {

    /** What the check says of a registry.json that does not read on the base branch, whatever else it holds. */
    static final String UNKNOWN_SETTINGS = "who may make these changes cannot be told, nor whether they keep to the"
            + " registry's policy (its reserved names, and its limits on files and sizes where lower than prompd's):"
            + " registry.json on the base branch does not read, so its maintainers and its policy are unknown";

    private static final String NEW_SCOPES = """
            {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}, "@fresh": {"owners": ["alice"]}},
             "teams": {"core": ["bob"]}}
            """;

    @Test
    void scopeOwnerMayPublish() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void ownerThroughATeamMayPublish() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish", "bob");

        assertPassed(check(repo, "bob"));
    }

    @Test
    void loginsAreComparedIgnoringCaseAsGitHubComparesThem() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish", "bob");

        assertPassed(check(repo, "BOB"));
        assertPassed(check(repo, "Alice"));
        assertError(check(repo, "mallory"), "packages/@common/base", "mallory is not an owner of the scope @common");
    }


    @Test
    void aMaintainerWrittenInAnotherCaseIsStillAMaintainer() {
        repo.write("scopes.json", NEW_SCOPES);
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("new scope", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void nonOwnerMayNotPublishInTheScope() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish", "mallory");

        Problem problem = assertError(check(repo, "mallory"), "packages/@common/base",
                "mallory is not an owner of the scope @common");

        assertEquals("ask one of them to publish it, or open an issue asking a maintainer to add you to the owners of"
                + " @common (or to one of its teams) in scopes.json, as CONTRIBUTING.md says", problem.hint(),
                "only maintainers may change scopes.json");
    }

    /**
     * The refusal names who may publish in the scope, as scopes.json writes their logins, so that the author knows
     * whom to ask: owners and each team with its members, in order, however they are ordered in the file.
     */
    @Test
    void aNonOwnersRefusalNamesTheScopesOwnersAndTeamsAsScopesJsonWritesThem() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["zoe", "Alice"], "teams": ["web", "core"]},
                            "@teamonly": {"teams": ["core"]}},
                 "teams": {"core": ["carol", "Bob"], "web": []}}
                """));
        repo.publish("@common/base", "1.0.0");
        repo.publish("@teamonly/x", "1.0.0");
        repo.commit("publish", "mallory");

        var report = check(repo, "mallory");

        Problem common = assertError(report, "packages/@common/base", "mallory is not an owner of the scope @common");
        assertEquals("mallory is not an owner of the scope @common, directly or through a team, in scopes.json on the"
                + " base branch, so may not change @common/base; scopes.json lists as its owners Alice and zoe, and"
                + " as its teams core (Bob, carol) and web (no members)", common.message());
        assertEquals("ask one of them to publish it, or open an issue asking a maintainer to add you to the owners of"
                + " @common (or to one of its teams) in scopes.json, as CONTRIBUTING.md says", common.hint());
        Problem teamOnly = assertError(report, "packages/@teamonly/x",
                "mallory is not an owner of the scope @teamonly");
        assertTrue(teamOnly.message().endsWith("; scopes.json lists as its team core (Bob, carol)"),
                teamOnly.message());
    }

    /** A pull request adding many packages of a scope whose owners the author is not among is refused once. */
    @Test
    void aNonOwnerChangingManyPackagesOfAScopeIsOneErrorNamingThem() {
        for (int n = 1; n <= 11; n++) {
            repo.publish("@common/p%02d".formatted(n), "1.0.0");
        }
        repo.meta("@common/util", "{\"deprecated\": {\"1.0.0\": \"old\"}}");
        repo.commit("publish a dozen", "mallory");

        var report = check(repo, "mallory");

        Problem refused = assertError(report, "packages/@common/p01", "mallory is not an owner of the scope @common");
        assertErrorCount(report, 1);
        assertEquals("mallory is not an owner of the scope @common, directly or through a team, in scopes.json on the"
                + " base branch, so may not change 12 packages of it: @common/p01, @common/p02, @common/p03,"
                + " @common/p04, @common/p05, @common/p06, @common/p07, @common/p08, @common/p09 and 3 more;"
                + " scopes.json lists as its owner alice, and as its team core (bob)",
                refused.message());
    }

    @Test
    void withoutActorOneErrorAsksForIt() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish");

        var report = check(repo, null);

        assertErrorCount(report, 1);
        // a word for the placeholder, as every hint's: <login> pasted is a redirection
        assertEquals("run the check with --actor LOGIN, the GitHub login of the pull request's author",
                assertError(report, "", "author is unknown").hint());
    }

    @Test
    void newScopeByNonMaintainerIsRefusedTwice() {
        repo.write("scopes.json", NEW_SCOPES);
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("my own scope");

        var report = check(repo, "alice");

        assertError(report, "scopes.json", "only registry maintainers may change scopes.json");
        assertError(report, "packages/@fresh/pkg", "the scope @fresh does not exist yet");
        assertErrorCount(report, 2);
    }

    @Test
    void maintainerMayAddAScopeWithItsFirstPackage() {
        repo.write("scopes.json", NEW_SCOPES);
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("new scope", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertTrue(report.otherChanges().contains("scopes.json"));
    }

    @Test
    void maintainersNewScopeMustBeDeclaredInScopesJson() {
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("new scope, forgotten in scopes.json", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "packages/@fresh/pkg",
                "the scope @fresh is not declared in scopes.json");

        repo.publish("@fresh/other", "1.0.0");
        repo.commit("another of it", TestRegistryRepo.MAINTAINER);
        var report = check(repo, TestRegistryRepo.MAINTAINER);
        assertError(report, "packages/@fresh/other", "the scope @fresh is not declared in scopes.json");
        assertErrorCount(report, 1);
    }

    @Test
    void registrySettingsAndRepositoryFilesAreForMaintainers() {
        repo.write("registry.json", """
                {"name": "Mine now", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["alice"]}
                """);
        repo.write(".github/workflows/check.yml", "on: push\n");
        repo.commit("take over");

        var report = check(repo, "alice");

        assertError(report, "registry.json", "only registry maintainers");
        assertError(report, ".github/workflows/check.yml", "only registry maintainers");
    }

    @Test
    void aSettingsOrRepositoryFileIsRefusedAtItsFirstChangedLineWhateverKindOfFileItIs() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("README.md", "# Registry\n\nRead me.\n")
                .write("CONTRIBUTING.md", "# Contributing\n"));
        repo.merge("main", "update", "alice");
        repo.write("registry.json", """
                {
                  "name": "Test registry",
                  "baseUrl": "https://registry.example.test/",
                  "git": "https://git.example.test/registry.git",
                  "maintainers": ["maintainer", "alice"]
                }
                """);
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}}, "teams": {"core": ["bob", "mallory"]}}
                """);
        repo.write("README.md", "# Registry\n\nRead me, and me.\n");
        repo.delete("CONTRIBUTING.md");
        repo.commit("take over");

        var report = check(repo, "alice");

        assertEquals(5, assertError(report, "registry.json", "only registry maintainers").line(), "not the top");
        assertEquals(1, assertError(report, "scopes.json", "only registry maintainers").line());
        assertEquals(3, assertError(report, "README.md", "only registry maintainers").line(), "as a JSON file");
        assertEquals(0, assertError(report, "CONTRIBUTING.md", "only registry maintainers").line(), "deleted");
    }

    @Test
    void anyoneMayClaimAFreeUnscopedNameListingThemselvesAsOwner() {
        repo.publish("free-name", "1.0.0");
        repo.meta("free-name", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");

        assertPassed(check(repo, "carol"));
        assertPassed(check(repo, "Carol"));
    }

    /**
     * A new package's meta.json that lists owners without its author: the error was at the folder, with the hint to
     * add {"owners": [...]} to a file that has them; it is at the file's owners, telling to add the author to them.
     */
    @Test
    void aNewUnscopedPackageWhoseOwnersLackItsAuthorIsRefusedAtThoseOwners() {
        repo.publish("free-name", "1.0.0");
        repo.meta("free-name", "{\n  \"owners\": [\"someoneelse\"]\n}\n");
        repo.commit("claim for someone else", "uma");

        var report = check(repo, "uma");

        Problem problem = assertError(report, "packages/free-name/meta.json", "uma");
        assertEquals("/owners", problem.pointer());
        assertEquals(2, problem.line());
        assertEquals("a new unscoped package is claimed by the author of the pull request that adds it, listed among"
                + " its owners, and packages/free-name/meta.json lists as its owners someoneelse, without uma",
                problem.message());
        assertEquals("add \"uma\" to \"owners\" in packages/free-name/meta.json, or have one of the owners it lists"
                + " open this pull request", problem.hint());
        assertErrorCount(report, 1);
    }

    /** A new package's meta.json without owners is told at that file, to be given them, not to be added. */
    @Test
    void aNewUnscopedPackageWhoseMetaHasNoOwnersIsRefusedAtIt() {
        repo.publish("free-name", "1.0.0");
        repo.meta("free-name", "{\"deprecated\": {\"1.0.0\": \"old\"}}");
        repo.commit("claim without owners", "uma");

        Problem problem = assertError(check(repo, "uma"), "packages/free-name/meta.json", "listing its owners");

        assertEquals("give it \"owners\" listing uma: {\"owners\": [\"uma\"]}", problem.hint());
    }

    @Test
    void newUnscopedNameWithoutOwnersIsRefused() {
        repo.publish("free-name", "1.0.0");
        repo.commit("claim", "carol");

        Problem problem = assertError(check(repo, "carol"), "packages/free-name", "needs packages/free-name/meta.json");

        assertTrue(problem.hint().contains("{\"owners\": [\"carol\"]}"), problem.hint());
    }

    /** A meta.json the pull request adds that does not read is not one without owners: its own errors say why. */
    @ParameterizedTest
    @ValueSource(strings = {"carol", TestRegistryRepo.MAINTAINER})
    void theOwnersOfANewUnscopedPackageWhoseMetaDoesNotReadAreUnknownNotNone(String login) {
        repo.publish("free-name", "1.0.0");
        repo.meta("free-name", "{\"owners\": [\"" + login + "\"], \"owners\": [\"" + login + "\"]}");
        repo.commit("claim", login);

        var report = check(repo, login);

        Problem unknown = assertError(report, "packages/free-name", "who owns the new package free-name cannot be"
                + " told: packages/free-name/meta.json does not read as this pull request leaves it");
        assertEquals("correct the errors of packages/free-name/meta.json in this pull request", unknown.hint());
        assertError(report, "packages/free-name/meta.json", "the field 'owners' is given twice");
        assertErrorCount(report, 2);
    }

    /** A maintainer's new scope in a scopes.json that does not read is not one left undeclared. */
    @Test
    void whetherAMaintainersNewScopeIsDeclaredInAScopesJsonThatDoesNotReadIsUnknown() {
        repo.write("scopes.json", "{\"scopes\": {\"@fresh\": {\"owners\": [\"alice\"]}}");
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("new scope", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, "packages/@fresh/pkg",
                "whether the scope @fresh is declared cannot be told: scopes.json does"
                + " not read as this pull request leaves it");
        assertError(report, "scopes.json", "not valid JSON");
        assertErrorCount(report, 2);
    }

    @Test
    void aMaintainersNewUnscopedPackageNeedsOwnersToo() {
        repo.publish("free-name", "1.0.0");
        repo.commit("publish without owners", TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), "packages/free-name",
                "the new unscoped package free-name has no owners");
        assertTrue(problem.hint().contains("packages/free-name/meta.json with \"owners\""), problem.hint());

        repo.meta("free-name", "{\"owners\": [\"carol\"]}");
        repo.commit("give it an owner", TestRegistryRepo.MAINTAINER);
        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    @Test
    void unscopedPackageBelongsToTheOwnersOnTheBaseBranchNotToThoseThePullRequestAdds() {
        carolsTakenMergedIntoThePullRequest();
        repo.publish("taken", "1.1.0");
        repo.meta("taken", "{\"owners\": [\"carol\", \"mallory\"]}");
        repo.commit("add myself as owner", "mallory");

        assertError(check(repo, "mallory"), "packages/taken", "mallory is not an owner of taken", "carol");
    }

    @Test
    void aTeamMemberRemovedOnTheBaseBranchSinceBranchingMayNotPublish() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish", "bob");
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}}, "teams": {"core": ["xavier"]}}
                """));

        var report = check(repo, "bob");

        Problem refused = assertError(report, "packages/@common/base", "bob is not an owner of the scope @common",
                "in scopes.json on the base branch");
        assertErrorCount(report, 1);
        assertTrue(refused.hint().contains("open an issue asking a maintainer to add you to the owners of @common"),
                refused.hint());
    }

    @Test
    void anOwnerReplacedOnTheBaseBranchSinceBranchingMayNotPublish() {
        carolsTakenMergedIntoThePullRequest();
        repo.publish("taken", "1.1.0");
        repo.commit("publish", "carol");
        mergedMeanwhile(repo, "carol", main -> main.meta("taken", "{\"owners\": [\"dave\"]}"));

        assertError(check(repo, "carol"), "packages/taken",
                "carol is not an owner of taken (its meta.json on the base branch lists dave)");
    }

    /**
     * A scopes.json that does not read on the base branch says so, where and why, rather than that no scope is
     * declared.
     */
    @ParameterizedTest
    @ValueSource(strings = {"carol", "alice"})
    void ownersOfAScopeWhoseScopesJsonDoesNotReadOnTheBaseBranchAreUnknownNotNone(String login) {
        repo.publish("@common/cc", "1.0.0");
        repo.commit("publish", login);
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", "{\"scopes\": {\n"));

        var report = check(repo, login);

        Problem refused = assertError(report, "packages/@common/cc", "the owners of the scope @common are unknown:"
                + " scopes.json on the base branch does not read, so only maintainers may change @common/cc");
        Problem why = assertError(report, "scopes.json", "on the base branch: not valid JSON");
        assertEquals(2, why.line());
        assertEquals("ask a maintainer to repair scopes.json on the base branch, then merge the base branch into this"
                + " pull request", refused.hint());
        assertEquals(refused.hint(), why.hint());
        assertErrorCount(report, 2);
    }

    @Test
    void anOwnerOfAScopeWhoseEntryReadsMayPublishThoughAnotherEntryDoesNot() {
        repo.publish("@common/cc", "1.0.0");
        repo.commit("publish");
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"]}, "@other": {"owners": ["@bob"]}}}
                """));

        assertPassed(check(repo, "alice"));
        assertError(check(repo, "carol"), "packages/@common/cc", "carol is not an owner of the scope @common");
    }

    /** Without the maintainers nobody's rights can be told: one error says why, and no verdict rests on none. */
    @ParameterizedTest
    @ValueSource(strings = {"carol", TestRegistryRepo.MAINTAINER})
    void withARegistryJsonThatDoesNotReadOnTheBaseBranchWhoMayChangeWhatIsUnknown(String login) {
        repo.write("scopes.json", NEW_SCOPES);
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("new scope", login);
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", "{\"name\": \"x\"}"));

        var report = check(repo, login);

        Problem unknown = assertError(report, "", UNKNOWN_SETTINGS);
        assertEquals("ask a maintainer to repair registry.json on the base branch, then merge the base branch into this"
                + " pull request", unknown.hint());
        assertTrue(report.problems().stream().anyMatch(problem -> problem.file().equals("registry.json")
                && problem.message().startsWith("on the base branch: the field 'baseUrl' is required")),
                () -> report.problems().toString());
        assertTrue(report.problems().stream().noneMatch(problem -> problem.message().contains("only registry"
                + " maintainers may change")), () -> report.problems().toString());
    }

    /** The author unknown too, the registry.json of the base is still what the check cannot go without. */
    @Test
    void withARegistryJsonThatDoesNotReadOnTheBaseBranchAndNoActorThatIsSaid() {
        repo.publish("@common/cc", "1.0.0");
        repo.commit("publish");
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", "{\"name\": \"x\"}"));

        var report = check(repo, null);

        assertError(report, "", UNKNOWN_SETTINGS);
    }

    @Test
    void ownersOfAMetaThatDoesNotReadOnTheBaseBranchAreUnknownNotNone() {
        carolsTakenMergedIntoThePullRequest();
        repo.publish("taken", "1.1.0");
        repo.commit("publish", "carol");
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.meta("taken", "{\"owners\": [\"dave\"],}"));

        Problem refused = assertError(check(repo, "carol"), "packages/taken",
                "the owners of taken are unknown: its meta.json on the base branch does not read");
        assertEquals("ask a maintainer to repair packages/taken/meta.json on the base branch, then merge"
                + " the base branch"
                + " into this pull request", refused.hint());
    }

    /** The unscoped package taken 1.0.0, owned by carol, published on main and merged into pr. */
    private void carolsTakenMergedIntoThePullRequest() {
        repo.checkout("main");
        repo.publish("taken", "1.0.0");
        repo.meta("taken", "{\"owners\": [\"carol\"]}");
        repo.commit("claim", "carol");
        repo.checkout("pr");
        repo.merge("main", "update", "carol");
    }

    @Test
    void aMaintainerRemovedOnTheBaseBranchSinceBranchingIsNoneAnyMore() {
        repo.write("scopes.json", NEW_SCOPES);
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("new scope", TestRegistryRepo.MAINTAINER);
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["alice"]}
                """));

        var formerMaintainers = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(formerMaintainers, "scopes.json", "only registry maintainers may change scopes.json, and"
                + " maintainer is not one");
        assertError(formerMaintainers, "packages/@fresh/pkg", "the scope @fresh does not exist yet");
        assertErrorCount(formerMaintainers, 2);
    }

    @Test
    void aRightGrantedOnTheBaseBranchSinceBranchingCounts() {
        repo.publish("@common/base", "1.0.0");
        repo.commit("publish", "mallory");
        mergedMeanwhile(repo, "alice", main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice", "mallory"], "teams": ["core"]}}, "teams": {"core": ["bob"]}}
                """));

        assertPassed(check(repo, "mallory"));
    }

    @Test
    void removingEveryOwnerOfAnUnscopedPackageIsRefused() {
        repo.checkout("main");
        repo.publish("taken", "1.0.0");
        repo.meta("taken", "{\n  \"owners\": [\"carol\"]\n}");
        repo.commit("claim", "carol");
        repo.checkout("pr");
        repo.merge("main", "update", "carol");
        repo.meta("taken", "{\n  \"owners\": []\n}");
        repo.commit("give it up", "carol");

        Problem emptied = assertError(check(repo, "carol"), "packages/taken/meta.json", "removes every owner of taken");
        assertEquals(2, emptied.line());

        repo.delete("packages/taken/meta.json");
        repo.commit("delete meta.json", "carol");
        assertError(check(repo, "carol"), "packages/taken/meta.json", "deletes the meta.json of taken");
    }

    /** Its takedown records keep the name taken for good (TakedownRecordRule), so its owners are needed for good. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"owners\": [], \"takenDown\": {\"1.0.0\": \"leaked a key\"}}",
            "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}"})
    void removingEveryOwnerOfAnUnscopedPackageWhoseEveryVersionWasTakenDownIsRefused(String ownerless) {
        carolsTakenWithEveryVersionTakenDownMergedIntoThePullRequest("carol");
        repo.meta("taken", ownerless);
        repo.commit("give it up", "carol");

        var report = check(repo, "carol");

        Problem emptied = assertError(report, "packages/taken/meta.json", "the pull request removes every owner of"
                + " taken, whose every version was taken down, so only maintainers could publish it again");
        assertEquals("keep at least one owner's login in \"owners\": the takedown records in its meta.json keep the"
                + " name taken for good, and so its owners", emptied.hint());
        assertErrorCount(report, 1);
    }

    @Test
    void deletingTheMetaOfAnUnscopedPackageWhoseEveryVersionWasTakenDownIsRefusedForItsOwnersToo() {
        carolsTakenWithEveryVersionTakenDownMergedIntoThePullRequest(TestRegistryRepo.MAINTAINER);
        repo.delete("packages/taken/meta.json");
        repo.commit("forget it", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, "packages/taken/meta.json", "the pull request deletes the meta.json of taken, whose every"
                + " version was taken down, so only maintainers could publish it again");
        assertError(report, "packages/taken/meta.json", "the takedown record of 1.0.0 is removed");
        assertErrorCount(report, 2);
    }

    private void carolsTakenWithEveryVersionTakenDownMergedIntoThePullRequest(String mergedBy) {
        carolsTakenMergedIntoThePullRequest();
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.delete("packages/taken/1.0.0")
                .meta("taken", "{\"owners\": [\"carol\"], \"takenDown\": {\"1.0.0\": \"leaked a key\"}}"));
        repo.merge("main", "update", mergedBy);
    }

    @Test
    void takingTheLastVersionDownAndEveryOwnerOffInOnePullRequestIsRefused() {
        carolsTakenMergedIntoThePullRequest();
        repo.delete("packages/taken/1.0.0");
        repo.meta("taken", "{\"owners\": [], \"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        repo.commit("take it down", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, "packages/taken/meta.json", "removes every owner of taken, whose every version was taken"
                + " down");
        assertErrorCount(report, 1);
    }

    @Test
    void ownersOfAMetaThatDoesNotReadAreUnknownNotRemovedSoOnlyWhyItDoesNotReadIsAnError() {
        carolsTakenMergedIntoThePullRequest();
        for (String unreadable : List.of("{\"owners\": [\"carol\"], \"deprecated\": {\"1.0.0\": \"old\"},}",
                "{\"owners\": [\"carol\"], \"owners\": [\"carol\"]}", "{\"owners\": [\"carol\"]} trailing")) {
            repo.meta("taken", unreadable);
            repo.commit("break it", "carol");

            List<Problem> problems = check(repo, "carol").problems();
            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).line() > 0 && !problems.get(0).message().contains("removes every owner"),
                    problems::toString);
        }
    }

    /** A change to meta.json alone publishes nothing: the hint asked the owners "to publish it". */
    @Test
    void metaChangeByNonOwnerIsRefusedAskingAnOwnerToMakeIt() {
        repo.meta("@common/util", "{\"deprecated\": {\"1.0.0\": \"old\"}}");
        repo.commit("deprecate", "mallory");

        Problem problem = assertError(check(repo, "mallory"), "packages/@common/util", "mallory is not an owner");

        assertEquals("ask one of them to make this change to meta.json, or open an issue asking a maintainer to add"
                + " you to the owners of @common (or to one of its teams) in scopes.json, as CONTRIBUTING.md says",
                problem.hint());
    }

    @Test
    void metaChangesToManyPackagesByNonOwnerAreRefusedAskingAnOwnerToMakeThem() {
        mergedMeanwhile(repo, "alice", main -> main.publish("@common/other", "1.0.0"));
        repo.merge("main", "catch up", "mallory");
        repo.meta("@common/util", "{\"deprecated\": {\"1.0.0\": \"old\"}}");
        repo.meta("@common/other", "{\"deprecated\": {\"1.0.0\": \"old\"}}");
        repo.commit("deprecate", "mallory");

        Problem problem = assertError(check(repo, "mallory"), "packages/@common/other", "mallory is not an owner");

        assertTrue(problem.hint().startsWith("ask one of them to make these changes to their meta.json files, or"),
                problem.hint());
    }

    @Test
    void aModeChangeByNonOwnerIsRefusedSayingWhatChangedAndHowToTakeItBack() {
        repo.executable(UTIL + "/LICENSE");
        repo.commit("chmod +x, as a checkout on a file system without modes commits it", "mallory");

        Problem refused = assertError(check(repo, "mallory"), "packages/@common/util", "mallory is not an owner");

        assertEquals("mallory is not an owner of the scope @common, directly or through a team, in scopes.json on the"
                + " base branch, so may not change @common/util; scopes.json lists as its owner alice, and as its team"
                + " core (bob); the pull request changes nothing of it but file"
                + " modes: " + UTIL + "/LICENSE changed from a regular file to an executable file", refused.message());
        assertEquals("take the change back (git update-index --chmod=-x " + UTIL + "/LICENSE): a tarball holds no file"
                + " mode, so it changes nothing served; or ask one of them to publish it, or open an issue asking a"
                + " maintainer to add you to the owners of @common (or to one of its teams) in scopes.json, as"
                + " CONTRIBUTING.md says",
                refused.hint());
    }

    @Test
    void metaChangeByOwnerPasses() {
        repo.meta("@common/util", "{\"deprecated\": {\"1.0.0\": \"old\"}}");
        repo.commit("deprecate");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void removingAScopeOrAllItsOwnersWhilePackagesRemainIsRefused() {
        repo.write("scopes.json", """
                {"scopes": {"@other": {"owners": ["alice"]}}}
                """);
        repo.commit("retire @common", TestRegistryRepo.MAINTAINER);

        Problem removed = assertError(check(repo, TestRegistryRepo.MAINTAINER), "scopes.json",
                "removes the scope @common, which still has packages (@common/util)");

        assertEquals("keep @common with its owners; its packages cannot leave it but by a takedown, whose records"
                + " keep the scope for good; only a registry not live yet may drop seed packages and their scope, in a"
                + " commit on its branch before protecting it (step 3 of \"Set up your registry\" in the registry's"
                + " README)", removed.hint(), "removing the packages in a pull request would keep the scope all the"
                + " same");
        assertEquals(1, removed.line());
    }

    @Test
    void aPackageWhoseEveryVersionWasTakenDownKeepsItsScope() {
        repo.delete(UTIL);
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"seed removed\"}}");
        repo.write("scopes.json", "{\"scopes\": {}}\n");
        repo.commit("retire @common", TestRegistryRepo.MAINTAINER);

        Problem removed = assertError(check(repo, TestRegistryRepo.MAINTAINER), "scopes.json",
                "removes the scope @common, which still has packages (@common/util with only its meta.json left)");

        assertEquals("keep @common with its owners; the takedown records in the meta.json of @common/util stay for"
                + " good, and so does the scope", removed.hint());
    }

    @Test
    void removingEveryOwnerOfAScopeWithPackagesIsRefused() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": []}}}
                """);
        repo.commit("clear @common", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "scopes.json", "leaves @common without a login who may"
                + " publish in it (no owners and no teams), which has packages (@common/util)");
    }

    @Test
    void emptyingEveryTeamOfAScopeWithoutOwnersIsRefused() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": [], "teams": ["core", "ops"]},
                            "@fresh": {"owners": [], "teams": ["ops"]},
                            "@unused": {"owners": [], "teams": ["ops"]}},
                 "teams": {"core": [], "ops": []}}
                """);
        repo.publish("@fresh/pkg", "1.0.0");
        repo.commit("empty the teams", TestRegistryRepo.MAINTAINER);

        var report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem common = assertError(report, "scopes.json", "leaves @common without a login who may publish in it (no"
                + " owners, and no member in its teams core, ops), which has packages (@common/util)");
        assertTrue(common.hint().startsWith("list at least one login in \"owners\" of @common or in one of its teams"),
                common.hint());
        assertError(report, "scopes.json", "leaves @fresh without a login", "(@fresh/pkg)");
        assertErrorCount(report, 2);
    }

    /**
     * A scope left with no owners and no teams, which has packages, was two errors of one cause at one line: the file's
     * own ("the scope @common has no owners and no teams") and the one naming its packages. It is the latter alone.
     */
    @Test
    void aScopeLeftWithNoOwnersAndNoTeamsIsOneError() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": [], "teams": []}}, "teams": {"core": ["bob"]}}
                """);
        repo.commit("empty @common", TestRegistryRepo.MAINTAINER);

        assertEquals(List.of("/scopes/@common the pull request leaves @common without a login who may publish in it (no"
                + " owners and no teams), which has packages (@common/util), so only maintainers could publish, tag or"
                + " yank them"), check(repo, TestRegistryRepo.MAINTAINER).problems().stream()
                .map(problem -> problem.pointer() + " " + problem.message()).toList());
    }

    @Test
    void aScopeTheBaseAlreadyLeftWithoutALoginIsNotThePullRequestsDoing() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("scopes.json", """
                {"scopes": {"@common": {"owners": [], "teams": ["core"]}}, "teams": {"core": []}}
                """));
        repo.merge("main", "up to date", TestRegistryRepo.MAINTAINER);
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": [], "teams": ["core"]}, "@new": {"owners": ["alice"]}},
                 "teams": {"core": []}}
                """);
        repo.commit("add a scope", TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(), check(repo, TestRegistryRepo.MAINTAINER).problems());
    }

    /** Whether or not the package has a version left: taken down, it keeps its meta.json, and is still a package. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aScopeWithPackagesButNoEntryIsNotCalledNew(boolean everyVersionTakenDown) {
        repo.checkout("main");
        if (everyVersionTakenDown) {
            repo.delete(UTIL);
            repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
        }
        repo.write("scopes.json", "{\"scopes\": {}}\n");
        repo.commit("drop @common", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish");

        assertError(check(repo, "alice"), "packages/@common/util",
                "the scope @common has packages but no entry in scopes.json, so it has no owners");
    }
}
