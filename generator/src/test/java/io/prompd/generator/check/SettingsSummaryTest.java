package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
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
        JsonNode json = Json.reader().readTree(CheckReportRenderer.json(report));
        assertEquals("{\"action\":\"adds_maintainer\",\"file\":\"registry.json\",\"target\":\"alice\"}",
                json.at("/settingsChanges/0").toString());
        assertEquals("{\"action\":\"adds_member\",\"file\":\"scopes.json\",\"place\":\"core\",\"target\":\"mallory\"}",
                json.at("/settingsChanges/6").toString());
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

    private static List<String> summary(CheckReport report) {
        String text = CheckReportRenderer.text(report);
        return text.lines().skip(1).takeWhile(line -> !line.isEmpty()).map(String::strip).toList();
    }
}
