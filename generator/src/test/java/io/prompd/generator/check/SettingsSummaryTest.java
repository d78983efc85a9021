package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import io.prompd.generator.cli.CheckReportView;
import io.prompd.generator.testing.TestRegistryRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the check's summary says a pull request does to who may do what in registry.json and scopes.json. */
class SettingsSummaryTest extends PullRequestScenarioTest {

    @Test
    void maintainersScopeOwnersAndTeamMembersAddedOrRemovedAreToldBelowTheirFile() throws Exception {
        repo.write("registry.json", """
                {
                  "name": "Test registry, renamed",
                  "baseUrl": "https://registry.example.test/",
                  "git": "https://git.example.test/registry.git",
                  "maintainers": ["maintainer", "alice"]
                }
                """);
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice", "carol"], "teams": []},
                            "@fresh": {"owners": ["dave"], "teams": ["core"]}},
                 "teams": {"core": ["bob", "mallory"], "docs": ["erin"]}}
                """);
        repo.commit("hand out rights", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of(
                "changes registry.json",
                "changes name from Test registry to Test registry, renamed",
                "adds alice to the maintainers",
                "changes scopes.json",
                "adds carol to the owners of @common",
                "removes the team core from the teams of @common",
                "adds the scope @fresh",
                "adds dave to the owners of @fresh",
                "adds the team core to the teams of @fresh",
                "adds mallory to the team core",
                "adds the team docs",
                "adds erin to the team docs"), summary(report));
        JsonNode json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("{\"action\":\"adds_maintainer\",\"file\":\"registry.json\",\"target\":\"alice\"}",
                json.at("/settingsChanges/1").toString());
        assertEquals("{\"action\":\"adds_member\",\"file\":\"scopes.json\",\"place\":\"core\",\"target\":\"mallory\"}",
                json.at("/settingsChanges/7").toString());
    }

    /**
     * A scope left with no owners and no teams, an error at the scope, was said to be read no more: the summary told
     * only "changes scopes.json", not who lost the right to publish in it. The removals are told.
     */
    @Test
    void aScopeLeftWithoutOwnersAndTeamsIsToldWhoLeftIt() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": [], "teams": []}}, "teams": {"core": ["bob"]}}
                """);
        repo.commit("empty @common", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(List.of("changes scopes.json", "removes alice from the owners of @common",
                "removes the team core from the teams of @common"), summary(report));
    }

    @Test
    void aScopeOrTeamRemovedIsOneLineAndAPartThatDoesNotReadIsNotTold() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice", "carol"], "teams": ["core", "ghosts"]}},
                 "teams": {"docs": ["erin"]}}
                """);
        repo.commit("remove core, and name a team nobody declared", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(
                "changes scopes.json",
                "removes the team core",
                "adds the team docs",
                "adds erin to the team docs"), summary(report), "@common does not read: its owners are not told");
    }

    /**
     * Emptying the reserved names, lowering a limit, making the registry private or pointing it at another repository
     * is read out below registry.json, field by field in the file's order, by the value the registry takes: a limit
     * written with its default and one left out are the same.
     */
    @Test
    void everyFieldOfRegistryJsonThatChangesIsToldInTheFilesOrder() throws Exception {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"], "private": false,
                 "policy": {"maxFiles": 1000, "maxUnpackedBytes": 1000, "reservedNames": ["admin", "official",
                            "security"]}}
                """));
        repo.fastForward("main");
        repo.write("registry.json", """
                {"name": "Test registry, renamed", "baseUrl": "https://mirror.example.test/registry/",
                 "git": "https://github.com/evil/fork.git", "maintainers": ["maintainer"], "private": true,
                 "policy": {"maxFileBytes": 100, "maxUnpackedBytes": 52428800, "maxPathLength": 300,
                            "reservedNames": ["official", "prompd"]}}
                """);
        repo.commit("open up the registry", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of(
                "changes registry.json",
                "changes name from Test registry to Test registry, renamed",
                "changes baseUrl from https://registry.example.test/ to https://mirror.example.test/registry/",
                "changes git from https://git.example.test/registry.git to https://github.com/evil/fork.git",
                "sets private to true",
                "lowers policy.maxFileBytes from 5242880 to 100",
                "raises policy.maxUnpackedBytes from 1000 to 52428800",
                "raises policy.maxPathLength from 200 to 300",
                "adds 'prompd' to the reserved names",
                "removes 'admin' from the reserved names",
                "removes 'security' from the reserved names"), summary(report));
        String markdown = PullRequestScenario.markdown(report);
        assertTrue(markdown.contains("""
                - sets `private` to true
                - lowers `policy.maxFileBytes` from 5242880 to 100
                - raises `policy.maxUnpackedBytes` from 1000 to 52428800
                - raises `policy.maxPathLength` from 200 to 300
                - adds `prompd` to the reserved names
                - removes `admin` from the reserved names
                """), markdown);
        JsonNode json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals(10, json.at("/settingsChanges").size(), json.toString());
        assertEquals("{\"action\":\"changes_field\",\"file\":\"registry.json\",\"target\":\"git\","
                        + "\"value\":\"https://github.com/evil/fork.git\","
                        + "\"was\":\"https://git.example.test/registry.git\"}",
                json.at("/settingsChanges/2").toString());
        assertEquals("{\"action\":\"sets_field\",\"file\":\"registry.json\",\"target\":\"private\","
                + "\"value\":\"true\",\"was\":\"false\"}", json.at("/settingsChanges/3").toString());
        assertEquals("{\"action\":\"lowers_field\",\"file\":\"registry.json\",\"target\":"
                        + "\"policy.maxFileBytes\",\"value\":\"100\",\"was\":\"5242880\"}",
                json.at("/settingsChanges/4").toString());
        assertEquals("{\"action\":\"raises_field\",\"file\":\"registry.json\",\"target\":"
                        + "\"policy.maxPathLength\",\"value\":\"300\",\"was\":\"200\"}",
                json.at("/settingsChanges/6").toString());
        assertEquals("{\"action\":\"removes_reserved_name\",\"file\":\"registry.json\",\"target\":\"admin\"}",
                json.at("/settingsChanges/8").toString());
    }

    /**
     * A base URL without its '/' is refused, and keeps the registry from being built, but the other fields still read:
     * a reviewer sees a maintainer added beside it.
     */
    @Test
    void aFieldThatDoesNotReadHidesNoOtherFieldsChange() throws Exception {
        repo.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer", "mallory"],
                 "private": true, "policy": {"reservedNames": ["admin"]}}
                """);
        repo.commit("let mallory in", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        PullRequestScenario.assertError(report, "registry.json", "the base URL must end with '/'");
        assertEquals(List.of(
                "changes registry.json",
                "adds mallory to the maintainers",
                "sets private to true",
                "adds 'admin' to the reserved names"), summary(report));
        JsonNode json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals(3, json.at("/settingsChanges").size(), json.toString());
    }

    /**
     * registry.json keeps reserved names as written, one that reserves nothing too, which the summary quotes so that an
     * empty one, or one with a space around it, shows.
     */
    @Test
    void reservedNamesAreQuotedSoThatAnEmptyOneShows() throws Exception {
        repo.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                 "policy": {"reservedNames": ["", "@data", "Official", " admin"]}}
                """);
        repo.commit("reserve odd names", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(
                "changes registry.json",
                "adds '' to the reserved names",
                "adds ' admin' to the reserved names",
                "adds '@data' to the reserved names",
                "adds 'Official' to the reserved names"), summary(report));
        String markdown = PullRequestScenario.markdown(report);
        assertTrue(markdown.contains("""
                - adds '' to the reserved names
                - adds ` admin` to the reserved names
                - adds `@data` to the reserved names
                - adds `Official` to the reserved names
                """), markdown);
    }

    @Test
    void externalScopesAddedOrRemovedAreToldBelowRegistryJson() throws Exception {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json",
                ExternalScopesTest.registryJson("[\"@prompd\"]")));
        repo.fastForward("main");
        repo.write("registry.json", ExternalScopesTest.registryJson("[\"@public\", \"@ext\"]"));
        repo.commit("route other scopes out", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertPassed(report);
        assertEquals(List.of(
                "changes registry.json",
                "adds '@ext' to the external scopes, whose packages another registry holds",
                "adds '@public' to the external scopes, whose packages another registry holds",
                "removes '@prompd' from the external scopes"), summary(report));
        assertTrue(PullRequestScenario.markdown(report).contains("- adds `@ext` to the external scopes, whose packages"
                + " another registry holds\n"), PullRequestScenario.markdown(report));
        JsonNode json = Json.reader().readTree(CheckReportView.json(report));
        assertEquals("{\"action\":\"removes_external_scope\",\"file\":\"registry.json\",\"target\":\"@prompd\"}",
                json.at("/settingsChanges/2").toString());
    }

    private static List<String> summary(CheckReport report) {
        String text = CheckReportView.text(report);
        return text.lines().skip(1).takeWhile(line -> !line.isEmpty()).map(String::strip).toList();
    }
}
