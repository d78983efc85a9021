package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dependencies of a new version: existence, ranges, yanks, resolution, cycles and package references. */
class DependencyRulesTest extends PullRequestScenarioTest {

    private static final String MANIFEST = "packages/@common/base/1.0.0/prompd.json";
    private static final String PROMPT = "packages/@common/base/1.0.0/prompts/x.prmd";

    @Test
    void missingDependencyIsNamedAtItsField() {
        repo.publish("@common/base", "1.0.0", "@common/utils@^1.0.0");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), MANIFEST,
                "@common/utils is not a package of this registry");

        assertEquals("/dependencies/@common~1utils", problem.pointer());
        assertTrue(problem.line() > 0);
        assertTrue(problem.hint().contains("@common/util"), problem.hint());
    }

    @Test
    void aDependencyPublishedOnTheBaseBranchSinceBranchingIsToldToBeMergedInAndTheDependentIsNoSuggestion() {
        dependOnWhatMainPublishesMeanwhile("@common/bass@^1.0.0", "@common/bass", "1.0.0");

        Problem problem = assertError(check(repo, "alice"), MANIFEST, "@common/bass was published on the base branch"
                + " after this pull request branched off, so its branch does not have it yet");
        assertEquals("merge the base branch into this pull request, so that the check sees the versions the registry"
                + " has now", problem.hint());
        assertErrorCount(check(repo, "alice"), 1);

        repo.merge("main", "update", "alice");
        assertPassed(check(repo, "alice"));
    }

    @Test
    void aVersionPublishedOnTheBaseBranchSinceBranchingIsToldToBeMergedIn() {
        dependOnWhatMainPublishesMeanwhile("@common/util@^2.0.0", "@common/util", "2.0.0");

        Problem problem = assertError(check(repo, "alice"), MANIFEST, "no version of @common/util satisfies"
                + " \"^2.0.0\" (published: 1.0.0) on this pull request's branch; 2.0.0 was published on the base branch"
                + " after it branched off");
        assertTrue(problem.hint().startsWith("merge the base branch into this pull request"), problem.hint());
    }

    /** Publishes @common/base 1.0.0 with the dependency on pr, then the version of the package on main. */
    private void dependOnWhatMainPublishesMeanwhile(String dependency, String name, String version) {
        repo.publish("@common/base", "1.0.0", dependency);
        repo.commit("publish");
        PullRequestScenario.mergedMeanwhile(repo, "alice", main -> main.publish(name, version));
    }

    @Test
    void aMissingDependencyNeverSuggestsThePackageThatDependsOnIt() {
        repo.publish("@common/base", "1.0.0", "@common/bass@^1.0.0");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), MANIFEST, "@common/bass is not a package of this registry");
        assertEquals("publish it first (or in this pull request), or correct the name", problem.hint());
    }

    @Test
    void dependencyAddedInTheSamePullRequestCounts() {
        repo.publish("@common/base", "1.0.0", "@common/format@^1.0.0");
        repo.publish("@common/format", "1.0.0");
        repo.commit("publish both");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void unsatisfiableRangeListsThePublishedVersions() {
        repo.publish("@common/base", "1.0.0", "@common/util@^2.0.0");
        repo.commit("publish");

        assertError(check(repo, "alice"), MANIFEST, "no version of @common/util satisfies \"^2.0.0\"",
                "published: 1.0.0");
    }

    @Test
    void aRangeMissingTheVersionsThisPullRequestAddsNamesThemAsAddedNotAsPublished() {
        repo.publish("@common/base", "1.0.0", "@common/format@0.1.6");
        repo.publish("@common/format", "0.1.7");
        repo.publish("@common/util", "1.1.0");
        repo.publish("@common/notes", "1.0.0", "@common/util@^2.0.0");
        repo.commit("publish them together");

        CheckReport report = check(repo, "alice");

        Problem onlyAdded = assertError(report, MANIFEST, "no version of @common/format satisfies \"0.1.6\""
                + " (added by this pull request: 0.1.7)");
        assertEquals("allow a version this pull request adds, or publish one the range allows first", onlyAdded.hint());
        Problem both = assertError(report, "packages/@common/notes/1.0.0/prompd.json", "no version of @common/util"
                + " satisfies \"^2.0.0\" (published: 1.0.0; added by this pull request: 1.1.0)");
        assertEquals("allow a published version, or publish one the range allows first", both.hint());
    }

    @Test
    void aResolutionFailingOverVersionsThisPullRequestAddsDoesNotCallThemPublished() {
        repo.publish("@common/base", "1.0.0", "@common/mid@^1.0.0");
        repo.publish("@common/mid", "1.0.0", "@common/util@^2.0.0");
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish them together");

        assertError(check(repo, "alice"), MANIFEST, "the dependencies cannot be resolved together",
                "no version of @common/util matches ^2.0.0 (published or added by this pull request: 1.0.0, 1.1.0)");
    }

    @Test
    void aRangeOnlyVersionsTakenDownMetNamesThemBesideThePublishedOnes() {
        mergeTakedownOfUtil("2.0.0");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.commit("publish");

        assertError(check(repo, "alice"), MANIFEST, "no version of @common/util satisfies \"^1.0.0\""
                + " (published: 2.0.0; 1.0.0 is taken down: a key)");
    }

    @Test
    void aPackageWithNoVersionLeftIsSaidToHaveEveryVersionTakenDownNotToBeMissing() {
        mergeTakedownOfUtil();
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), MANIFEST, "every version of @common/util is taken down"
                + " (1.0.0: a key)");

        assertEquals("depend on another package, or publish a new version of it first", problem.hint());
    }

    /** On main, publishes these versions of @common/util and takes down its 1.0.0; then merges main into pr. */
    private void mergeTakedownOfUtil(String... published) {
        repo.checkout("main");
        for (String version : published) {
            repo.publish("@common/util", version);
        }
        repo.delete(PullRequestScenario.UTIL).meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}}");
        repo.commit("take down util 1.0.0", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
    }

    @Test
    void rangeWithOnlyYankedVersionsIsRefused() {
        repo.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken output\"}}");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), MANIFEST, "every version of @common/util", "is yanked");

        assertTrue(problem.hint().contains("broken output"), problem.hint());
    }

    @Test
    void aDependencyYankedOnTheBaseBranchSinceBranchingIsRefusedAsOnABranchThatHasTheYank() {
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.commit("publish");
        PullRequestScenario.mergedMeanwhile(repo, "alice",
                main -> main.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"broken output\"}}"));

        Problem stale = assertError(check(repo, "alice"), MANIFEST, "every version of @common/util that \"^1.0.0\""
                + " allows is yanked (1.0.0)");

        assertEquals("allow a version that is not yanked; 1.0.0 was yanked because: broken output", stale.hint());
        assertErrorCount(check(repo, "alice"), 1);
        repo.merge("main", "update", "alice");
        assertEquals(List.of(stale), check(repo, "alice").problems());
    }

    @Test
    void aDependencyTakenDownOnTheBaseBranchSinceBranchingIsRefusedAsOnABranchThatHasTheTakedown() {
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.commit("publish");
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main
                .delete(PullRequestScenario.UTIL).meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}}"));

        Problem stale = assertError(check(repo, "alice"), MANIFEST, "every version of @common/util is taken down"
                + " (1.0.0: a key)");

        assertErrorCount(check(repo, "alice"), 1);
        repo.merge("main", "update", "alice");
        assertEquals(List.of(stale), check(repo, "alice").problems());
    }

    @Test
    void conflictDeeperInTheGraphIsExplainedByTheResolver() {
        newVersionOverFormatDependingOn("@common/util@^2.0.0");

        assertError(check(repo, "alice"), MANIFEST, "cannot be resolved together", "@common/util");
    }

    @Test
    void aMisspeltPackageDeeperInTheGraphIsGivenTheNamesItMayMean() {
        newVersionOverFormatDependingOn("@common/utill@^1.0.0");

        assertError(check(repo, "alice"), MANIFEST, "cannot be resolved together", "no package @common/utill exists",
                "\nInstead of @common/utill, did you mean @common/util?");
    }

    /**
     * On main, {@code @common/format 1.0.0} with the dependency, which no version can meet; on pr, a new version
     * needing {@code @common/format}, whose range on it is fine on its own.
     */
    private void newVersionOverFormatDependingOn(String dependency) {
        repo.checkout("main");
        repo.publish("@common/format", "1.0.0", dependency);
        repo.commit("publish a version that depends on " + dependency);
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
        repo.publish("@common/base", "1.0.0", "@common/format@^1.0.0");
        repo.commit("publish");
    }

    @Test
    void aConflictOnVersionsTakenDownNamesTheTakedownsWithTheirReasons() {
        newVersionOverATakedown("@common/util", "2.0.0");

        assertError(check(repo, "alice"), MANIFEST, "cannot be resolved together", "no version of @common/util matches"
                + " ^2.0.0 (2.0.0 is taken down: a key)");
    }

    @Test
    void aDependencyDeeperInTheGraphWithNoVersionLeftIsSaidToHaveEveryVersionTakenDown() {
        newVersionOverATakedown("@common/gone", "1.0.0");

        assertError(check(repo, "alice"), MANIFEST, "cannot be resolved together", "every version of @common/gone is"
                + " taken down (1.0.0: a key)");
    }

    /**
     * On main, {@code @common/format 1.0.0} needing {@code ^<version>} of the target, whose version is then taken
     * down; on pr, a new version needing {@code @common/format}, whose range on it is fine on its own.
     */
    private void newVersionOverATakedown(String target, String version) {
        repo.checkout("main");
        repo.publish(target, version);
        repo.publish("@common/format", "1.0.0", target + "@^" + version);
        repo.commit("publish a version that needs " + target);
        repo.delete("packages/" + target + "/" + version).meta(target, "{\"takenDown\": {\"" + version
                + "\": \"a key\"}}");
        repo.commit("take down " + target + " " + version, TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
        repo.publish("@common/base", "1.0.0", "@common/format@^1.0.0");
        repo.commit("publish");
    }

    @Test
    void newVersionClosingACycleIsRefusedNamingIt() {
        repo.checkout("main");
        repo.publish("@common/loop", "2.0.0", "@common/base@^1.0.0");
        repo.commit("older data that waits for a cycle");
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
        repo.publish("@common/base", "1.0.0", "@common/loop@^2.0.0");
        repo.commit("close the cycle");

        var report = check(repo, "alice");

        assertError(report, MANIFEST, "close a cycle: @common/base 1.0.0 → @common/loop 2.0.0 → @common/base");
        assertErrorCount(report, 1);
    }

    /** The manifest's error on the dependency tells how to fix it; the cycle it closes is the same line again. */
    @Test
    void aPackageDependingOnItselfIsToldSoOnceNotAlsoAsACycle() {
        repo.publish("@common/base", "1.0.0", "@common/base@1.0.0");
        repo.commit("depend on itself");

        var report = check(repo, "alice");

        assertEquals("remove this dependency", assertError(report, MANIFEST, "the package depends on itself").hint());
        assertErrorCount(report, 1);
    }

    /**
     * A folder named otherwise than the manifest's name, as a package copied in under the name it had elsewhere: the
     * dependency on the manifest's own name is on the package the pull request adds, which no maintainer's setting
     * of external scopes is about.
     */
    @Test
    void aPackageDependingOnItselfInAFolderOfAnotherNameIsNotToldItsNameIsAnotherRegistrys() {
        repo.publish("@common/base", "1.0.0");
        repo.write(MANIFEST, """
                {
                  "name": "@internal/base",
                  "version": "1.0.0",
                  "description": "Test package @internal/base",
                  "license": "MIT",
                  "main": "prompts/x.prmd",
                  "dependencies": {"@internal/base": "1.0.0"}
                }
                """);
        repo.commit("copy a package in under its old name");

        var report = check(repo, "alice");

        assertError(report, MANIFEST, "the manifest names the package @internal/base, but the folder is that of"
                + " @common/base");
        assertError(report, MANIFEST, "the package depends on itself");
        assertErrorCount(report, 2);
    }

    @Test
    void aCycleBackOnTheNewVersionsPackageWithARangeItMissesIsExplainedAsACycleBesideThePublishedVersions() {
        PullRequestScenario.mergedMeanwhile(repo, "alice", main -> {
            List.of("1.0.0", "2.0.0", "2.1.0").forEach(version -> main.publish("@common/base", version));
            main.publish("@common/loop", "1.0.0", "@common/base@^2.0.0");
        });
        repo.merge("main", "update", "alice");
        repo.publish("@common/base", "3.0.0", "@common/loop@^1.0.0");
        repo.commit("close the cycle with a version the loop does not allow");

        var report = check(repo, "alice");

        Problem problem = assertError(report, "packages/@common/base/3.0.0/prompd.json", "the dependencies cannot be"
                + " resolved together: Because every version of @common/loop depends on @common/base"
                + " ^2.0.0 and the graph"
                + " must use @common/base 3.0.0, the version being checked, which ^2.0.0 does not allow"
                + " (published: 1.0.0,"
                + " 2.0.0, 2.1.0), @common/loop cannot be used.\nSo, because @common/base 3.0.0 depends on @common/loop"
                + " ^1.0.0, version solving failed.\nThe dependencies close a cycle: @common/base → @common/loop →"
                + " @common/base, and a graph holds one version of a package.");
        assertEquals("packages must not depend on each other in a circle; move what they share into a package both"
                + " depend on", problem.hint());
        assertErrorCount(report, 1);
    }

    @Test
    void aChainOfNewPackagesEachNeedingTheNextIsCheckedVersionByVersionAsEachResolvesAlone() {
        // the last ten close a cycle, which each of them is refused for and those needing them are not
        int links = 30;
        for (int link = 0; link < links; link++) {
            repo.publish("@common/c" + link, "1.0.0", "@common/c" + (link + 1 < links ? link + 1 : 20) + "@^1.0.0");
        }
        repo.commit("a chain");

        var report = check(repo, "alice");

        for (int link = 20; link < links; link++) {
            assertError(report, "packages/@common/c" + link + "/1.0.0/prompd.json", "close a cycle: @common/c" + link
                    + " 1.0.0 → @common/c" + (link + 1 < links ? link + 1 : 20) + " 1.0.0 → ");
        }
        assertErrorCount(report, 10);
    }

    @Test
    void olderCyclesThatDoNotPassThroughTheNewVersionAreLeftAlone() {
        repo.checkout("main");
        repo.publish("@common/a", "1.0.0", "@common/b@^1.0.0");
        repo.publish("@common/b", "1.0.0", "@common/a@^1.0.0");
        repo.commit("an old cycle");
        repo.checkout("pr");
        repo.merge("main", "update", "alice");
        repo.publish("@common/base", "1.0.0", "@common/a@^1.0.0");
        repo.commit("depend on the cycle");

        assertPassed(check(repo, "alice"));
    }

    @Test
    void referenceToAFileMissingInTheResolvedVersionIsRefused() {
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptInheriting("@common/util@^1.0.0/prompts/missing.prmd");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), PROMPT, "'@common/util@^1.0.0/prompts/missing.prmd'",
                "@common/util 1.0.0");

        assertEquals("/inherits", problem.pointer());
        assertEquals(6, problem.line());
        assertEquals("@common/util 1.0.0 has prompts/x.prmd; correct the path, or require a version of @common/util"
                + " that has the file", problem.hint());
    }

    @Test
    void aFileTheBodyIncludesFromAPackageMustBeInTheResolvedVersion() {
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptWithBody("{% include \"@common/util@^1.0.0/prompts/missing.prmd\" %}\n");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), PROMPT, "'@common/util@^1.0.0/prompts/missing.prmd'",
                "@common/util 1.0.0");

        assertEquals("", problem.pointer());
        assertEquals(7, problem.line());
    }

    /**
     * A file of a dependency that none of its own prompts loads passed its own check unread; included, it renders in
     * the new version's prompt, which it would break for good, and reads the prompt's variables.
     */
    @Test
    void aFileTheBodyIncludesFromAPackageIsCheckedAsATemplateInTheResolvedVersion() {
        repo.publish("@common/util", "1.1.0");
        repo.write("packages/@common/util/1.1.0/parts/broken.md", "{% if urgent %}URGENT\n");
        repo.write("packages/@common/util/1.1.0/parts/macros.md", "{% macro numbered(items) %}{% endmacro %}\n");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.1.0");
        writePromptWithBody("""
                {% include "@common/util@^1.1.0/parts/broken.md" %}
                {% from "@common/util@^1.1.0/parts/macros.md" import numbred %}
                """);
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertErrorCount(report, 2);
        Problem broken = assertError(report, PROMPT, "@common/util 1.1.0's parts/broken.md, which this includes, at"
                + " its line 1: the template does not render: {% if %} is never closed");
        assertEquals(7, broken.line());
        assertEquals("include another file or another version of @common/util, or ask its owners to fix it in a new"
                + " version (add {% endif %} where the block ends)", broken.hint());
        assertEquals(8, assertError(report, PROMPT, "'numbred' is imported from '@common/util@^1.1.0/parts/macros.md',"
                + " which does not define it in @common/util 1.1.0 (it defines 'numbered')").line());
        assertEquals(List.of("@common/util 1.1.0's parts/broken.md, at its line 1: the variable 'urgent' is used but"
                + " not declared as a parameter of prompts/x.prmd, which includes this file"),
                report.problems().stream().filter(problem -> problem.file().equals(PROMPT) && !problem.isError())
                        .map(Problem::message).toList());
    }

    @Test
    void yankedVersionsAreNotResolvedTo() {
        repo.publish("@common/util", "1.1.0");
        repo.write("packages/@common/util/1.1.0/prompts/extra.prmd", "---\nid: extra\n---\n# User\n\nMore.\n");
        repo.meta("@common/util", "{\"yanked\": {\"1.1.0\": \"leaks the system prompt\"}}");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptInheriting("@common/util@^1.0.0/prompts/extra.prmd");
        repo.commit("publish");

        assertError(check(repo, "alice"), PROMPT, "which @common/util 1.0.0 (the version the dependencies resolve to)");
    }

    @Test
    void deprecatedVersionsAreResolvedToOnlyWhenTheRangeAllowsNoOther() {
        repo.publish("@common/util", "1.1.0");
        repo.write("packages/@common/util/1.1.0/prompts/extra.prmd", "---\nid: extra\n---\n# User\n\nMore.\n");
        repo.meta("@common/util", "{\"deprecated\": {\"1.1.0\": \"use 1.0.0\"}}");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptInheriting("@common/util@^1.0.0/prompts/extra.prmd");
        repo.commit("publish");

        assertError(check(repo, "alice"), PROMPT, "which @common/util 1.0.0 (the version the dependencies resolve to)");

        repo.publish("@common/base", "1.0.0", "@common/util@~1.1.0");
        writePromptInheriting("@common/util@~1.1.0/prompts/extra.prmd");
        repo.commit("require the deprecated version");
        assertPassed(check(repo, "alice"));
    }

    @Test
    void allowedVersionWithoutTheReferencedFileIsAWarning() {
        repo.publish("@common/util", "1.1.0");
        repo.write("packages/@common/util/1.1.0/prompts/extra.prmd", "---\nid: extra\n---\n# User\n\nMore.\n");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptInheriting("@common/util@^1.0.0/prompts/extra.prmd");
        repo.commit("publish");

        var report = check(repo, "alice");

        assertPassed(report);
        Problem warning = report.problems().stream().filter(problem -> problem.file().equals(PROMPT)).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("@common/util 1.0.0 (allowed by \"^1.0.0\") does not have"),
                warning.message());

        repo.publish("@common/util", "1.0.1");
        repo.commit("publish another without the file");
        assertTrue(check(repo, "alice").problems().stream().anyMatch(problem -> problem.message()
                .contains("@common/util 1.0.0, 1.0.1 (allowed by \"^1.0.0\") do not have")), "several versions do");
    }

    @Test
    void theLatestTagMovedBackIsResolvedToAsClientsInstallIt() {
        repo.publish("@common/util", "1.1.0");
        repo.write("packages/@common/util/1.1.0/prompts/extra.prmd", "---\nid: extra\n---\n# User\n\nMore.\n");
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
        repo.commit("move latest back");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptInheriting("@common/util@^1.0.0/prompts/extra.prmd");
        repo.commit("publish");

        assertError(check(repo, "alice"), PROMPT, "which @common/util 1.0.0 (the version the dependencies resolve to)");
    }

    @Test
    void aFileMissingFromEveryAllowedVersionIsTheErrorAloneWithNoWarningRepeatingIt() {
        repo.publish("@common/util", "1.1.0");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        writePromptInheriting("@common/util@^1.0.0/prompts/missing.prmd");
        repo.commit("publish");

        var report = check(repo, "alice");

        assertEquals(1, report.problems().size(), report.problems()::toString);
        assertError(report, PROMPT, "which @common/util 1.1.0 (the version the dependencies resolve to)");
    }

    /** A context written as a file of a dependency is checked as one without an extension too, and '..' refused. */
    @Test
    void contextsOfADependencyWithoutAnExtensionAreLookedForAndDotSegmentsRefused() {
        repo.publish("@common/util", "1.1.0");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.write(PROMPT, """
                ---
                id: x
                name: X
                version: 1.0.0
                description: A test prompt
                contexts:
                  - "@common/util@^1.0.0/LICENSE"
                  - "@common/util@^1.0.0/prompts/nothere"
                  - "@common/util@^1.0.0/prompts/../README.md"
                ---
                # User

                Say hello.
                """);
        repo.commit("publish");

        var report = check(repo, "alice");

        assertErrorCount(report, 2);
        assertEquals(8, assertError(report, PROMPT, "'@common/util@^1.0.0/prompts/nothere' points to prompts/nothere,"
                + " which @common/util 1.1.0 (the version the dependencies resolve to) does not have").line());
        assertEquals("write '@common/util@^1.0.0/README.md'", assertError(report, PROMPT,
                "'@common/util@^1.0.0/prompts/../README.md' has '..' in its path, which is not allowed").hint());
    }

    @Test
    void referencesThroughAnAliasToExistingFilesPass() {
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.write(PROMPT, """
                ---
                id: x
                name: X
                version: 1.0.0
                description: A test prompt
                using:
                  - name: "@common/util@^1.0.0"
                    prefix: "@util"
                inherits: "@util/prompts/x.prmd"
                ---
                # User

                Say hello.
                """);
        repo.commit("publish");

        assertPassed(check(repo, "alice"));
    }

    /**
     * A prefix that is a scope of the registry made a reference read as a file of the registry's package there, where
     * it is one of the alias's package, helper: validate cannot tell, as no package the prompt names is in
     * {@code @common}, and the check passed it. A prefix that reads like such a scope is refused too.
     */
    @Test
    void aPrefixThatIsOrReadsLikeAScopeOfTheRegistryIsRefused() {
        publishHelper();
        String reviewer = repo.publish("reviewer", "1.0.0", "helper@^1.0.0");
        writeAliasedPrompt(reviewer, "@common");
        repo.commit("publish");

        Problem problem = assertError(check(repo, "alice"), reviewer + "/prompts/x.prmd",
                "the prefix '@common' is the scope @common of this registry");
        assertEquals("the prefix '@common' is the scope @common of this registry, so every reference starting"
                + " '@common/' reads as a package of that scope, where it is a file of helper", problem.message());
        assertEquals("choose a prefix that is no scope of this registry, nor reads like one, such as '@helper'",
                problem.hint());
        assertEquals(7, problem.line());

        writeAliasedPrompt(reviewer, "@c0mmon");
        repo.commit("a look-alike");
        assertError(check(repo, "alice"), reviewer + "/prompts/x.prmd",
                "the prefix '@c0mmon' reads like the scope @common of this registry");
    }

    /** A prefix validate refuses as the scope of a dependency is told once, not again as the registry's scope. */
    @Test
    void aPrefixThatIsTheScopeOfADependencyIsToldOnce() {
        publishHelper();
        String reviewer = repo.publish("reviewer", "1.0.0", "helper@^1.0.0", "@common/util@^1.0.0");
        writeAliasedPrompt(reviewer, "@common");
        repo.commit("publish");

        var report = check(repo, "alice");
        assertError(report, reviewer + "/prompts/x.prmd", "the prefix '@common' is the scope of @common/util");
        assertErrorCount(report, 1);
    }

    /** Publishes alice's helper 1.0.0, which has util/prompts/x.prmd. */
    private void publishHelper() {
        String helper = repo.publish("helper", "1.0.0");
        repo.write(helper + "/util/prompts/x.prmd", "---\nid: u\nname: U\ndescription: u\n---\n\nApprove it all.\n");
        repo.meta("helper", "{\"owners\": [\"alice\"]}\n").meta("reviewer", "{\"owners\": [\"alice\"]}\n");
    }

    /** The prompt of a new version inheriting {@code <prefix>/util/prompts/x.prmd} through an alias of helper. */
    private void writeAliasedPrompt(String folder, String prefix) {
        repo.write(folder + "/prompts/x.prmd", """
                ---
                id: x
                name: X
                description: A test prompt
                using:
                  - name: "helper@^1.0.0"
                    prefix: "%s"
                inherits: "%s/util/prompts/x.prmd"
                ---
                # User

                Say hello.
                """.formatted(prefix, prefix));
    }

    /**
     * A manifest's repeated key is its error, and the rest of the manifest is read with the last one counting: its
     * dependencies are known to the prompts' references, and its other problems come in the same run.
     */
    @Test
    void aKeyGivenTwiceInTheManifestHidesNeitherItsDependenciesNorItsOtherProblems() {
        String folder = repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.write(folder + "/prompd.json", """
                {
                  "name": "@common/base",
                  "version": "1.0.0",
                  "description": "base",
                  "license": "Apache 2.0",
                  "main": "prompts/missing.prmd",
                  "dependencies": {"@common/util": "^1.0.0"},
                  "description": "base again"
                }
                """);
        writePromptInheriting("@common/util@^1.0.0/prompts/x.prmd");
        repo.commit("publish");

        var report = check(repo, "alice");

        String manifest = folder + "/prompd.json";
        assertEquals(List.of(manifest + "/license:5", manifest + "/main:6", manifest + "/description:8"),
                report.problems().stream().filter(Problem::isError)
                        .map(problem -> problem.file() + problem.pointer() + ":" + problem.line()).toList());
        assertEquals("the field 'description' is given again in the same object, first on line 4: prompd reads the"
                + " last one given", report.problems().get(2).message());
    }

    /** The new version's prompt, whose template, from line 7, is given. */
    private void writePromptWithBody(String template) {
        repo.write(PROMPT, """
                ---
                id: x
                description: A test prompt
                ---
                # User

                """ + template);
    }

    /** The new version's prompt, inheriting from the given reference. */
    private void writePromptInheriting(String reference) {
        repo.write(PROMPT, """
                ---
                id: x
                name: X
                version: 1.0.0
                description: A test prompt
                inherits: "%s"
                ---
                # User

                Say hello.
                """.formatted(reference));
    }
}
