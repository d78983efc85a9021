package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scopes registry.json's {@code policy.externalScopes} names, whose packages live in another registry: a
 * dependency on one is not looked up here, and no package of this registry is in one.
 */
class ExternalScopesTest extends PullRequestScenarioTest {

    private static final String MANIFEST = "packages/@common/app/1.0.0/prompd.json";
    private static final String PROMPT = "packages/@common/app/1.0.0/prompts/x.prmd";

    /** The registry.json of {@link TestRegistryRepo#initRegistry} with the policy's external scopes. */
    static String registryJson(String externalScopes) {
        return """
                {
                  "name": "Test registry",
                  "baseUrl": "https://registry.example.test/",
                  "git": "https://git.example.test/registry.git",
                  "maintainers": ["maintainer"],
                  "policy": {"externalScopes": %s}
                }
                """.formatted(externalScopes);
    }

    /** The base branch makes the scopes external after the pull request branched off, as a maintainer's merge would. */
    private void externalOnTheBaseBranch(String externalScopes) {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER,
                main -> main.write("registry.json", registryJson(externalScopes)));
    }

    @Test
    void aDependencyOnAnExternalScopeIsAcceptedAndNotedAsUnverified() {
        externalOnTheBaseBranch("[\"@prompd\", \"@ext\"]");
        repo.publish("@common/app", "1.0.0", "@ext/base-prompts@^2.0.0", "@common/util@^1.0.0");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(new ExternalDependency(new PackageVersion(PackageName.parse("@common/app"),
                Version.parse("1.0.0")), PackageName.parse("@ext/base-prompts"), "^2.0.0", 0)),
                report.externalDependencies());
    }

    @Test
    void withoutTheSettingTheDependencyOnAnUnknownScopeIsRefusedWithAHintNamingIt() {
        repo.publish("@common/app", "1.0.0", "@ext/base-prompts@^2.0.0", "@common/zzz@^1.0.0");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertEquals("if @ext's packages live in another registry, a maintainer names @ext in policy.externalScopes"
                + " of registry.json, and the check leaves them to it; otherwise publish it first (or in this pull"
                + " request), or correct the name", assertError(report, MANIFEST,
                "@ext/base-prompts is not a package of this registry").hint());
        assertEquals("publish it first (or in this pull request), or correct the name",
                assertError(report, MANIFEST, "@common/zzz is not a package of this registry").hint(),
                "@common is this registry's scope");
        assertTrue(report.externalDependencies().isEmpty());
    }

    /** The setting is a maintainer's, counting once merged as every setting does: not in the pull request adding it. */
    @Test
    void aPullRequestThatMakesTheScopeExternalDoesNotYetAcceptItsOwnDependencyOnIt() {
        repo.write("registry.json", registryJson("[\"@ext\"]"));
        repo.publish("@common/app", "1.0.0", "@ext/base-prompts@^2.0.0");
        repo.commit("publish", TestRegistryRepo.MAINTAINER);

        assertError(check(repo, TestRegistryRepo.MAINTAINER), MANIFEST,
                "@ext/base-prompts is not a package of this registry");
    }

    /** A published version's own dependency on an external scope is outside the graph too, not followed there. */
    @Test
    void theResolutionLeavesOutThePackagesOfExternalScopesAndWhatTheyDependOn() {
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> {
            main.write("registry.json", registryJson("[\"@ext\"]"));
            main.publish("@common/mid", "1.0.0", "@ext/base-prompts@^2.0.0");
        });
        repo.merge("main", "update", "alice");
        repo.publish("@common/app", "1.0.0", "@common/mid@^1.0.0", "@ext/other@1.x");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of("@ext/other"), report.externalDependencies().stream()
                .map(dependency -> dependency.dependency().toString()).toList());
    }

    /** The files a prompt takes from a package of another registry cannot be read: they are counted in the note. */
    @Test
    void aPromptsReferencesToAnExternalPackageAreNotCheckedButCounted() {
        externalOnTheBaseBranch("[\"@ext\"]");
        repo.publish("@common/app", "1.0.0", "@ext/base-prompts@^2.0.0");
        repo.write(PROMPT, """
                ---
                id: x
                name: X
                version: 1.0.0
                description: A test prompt
                inherits: "@ext/base-prompts@^2.0.0/prompts/base.prmd"
                context: "@ext/base-prompts@^2.0.0/contexts/style.md"
                ---
                # User

                Say hello.
                """);
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(2, report.externalDependencies().get(0).fileReferences());
    }

    @Test
    void aPackageOfThisRegistryStillHasToBeThere() {
        externalOnTheBaseBranch("[\"@ext\"]");
        repo.publish("@common/app", "1.0.0", "@ext/base-prompts@^2.0.0", "@common/utils@^1.0.0");
        repo.commit("publish");

        CheckReport report = check(repo, "alice");

        assertError(report, MANIFEST, "@common/utils is not a package of this registry");
        assertErrorCount(report, 1);
    }

    @Test
    void aPackageOfAnExternalScopeIsRefusedAMaintainersToo() {
        externalOnTheBaseBranch("[\"@ext\"]");
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}, "@ext": {"owners": ["maintainer"]}},
                 "teams": {"core": ["bob"]}}
                """);
        repo.publish("@ext/base-prompts", "2.0.0");
        repo.commit("publish a copy", TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), "packages/@ext/base-prompts",
                "@ext/base-prompts is in @ext, which policy.externalScopes of registry.json names as another"
                        + " registry's: its packages live there, and one here under the same name would be another"
                        + " package that clients routing @ext there never see");
        assertEquals("publish it to the registry that holds @ext; or, if @ext's packages are to live here, a maintainer"
                + " removes @ext from policy.externalScopes first", problem.hint());
    }

    @Test
    void makingAScopeWithPackagesExternalIsRefused() {
        repo.write("registry.json", registryJson("[\"@common\", \"@ext\"]"));
        repo.commit("make @common external", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, "registry.json", "the pull request makes @common external, another"
                + " registry's, but this registry has packages in it (@common/util): each would be a second package"
                + " under its name, and a dependency on it would go unchecked");
        assertEquals("/policy/externalScopes", problem.pointer());
        assertEquals(6, problem.line());
        assertErrorCount(report, 1);

        repo.write("registry.json", registryJson("[\"@ext\"]"));
        repo.commit("make @ext external alone", TestRegistryRepo.MAINTAINER);
        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }
}
