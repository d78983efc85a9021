package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * prompd update, with and without --latest, and prompd outdated: what they want, what they move and what they warn of.
 */
class UpdateAndOutdatedTest extends InstallCommandsFixture {

    @Test
    void outdatedShowsCurrentWantedAndLatestAndExits1AsNpmOutdatedDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@^1.0.0").exitCode());
        CliRun current = prompd("outdated");
        registry.publish("@acme/util", "1.2.0").publish("@acme/util", "2.0.0").publish("@acme/base", "2.0.0");

        CliRun run = prompd("outdated");

        assertEquals(0, current.exitCode(), current.err());
        assertEquals("every package is up to date\n", current.out());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                package     current  wanted  latest  dependency
                @acme/base  1.0.0    1.0.0   2.0.0   direct
                @acme/util  1.1.0    1.2.0   2.0.0   transitive
                """, run.out());
        JsonNode json = Json.reader().readTree(prompd("outdated", "--json").out());
        assertEquals("1.2.0", json.get(1).get("wanted").asText());
    }

    @Test
    void theCommandMovingARangeToTheLatestIsBareInJsonForAScriptToRunAndQuotedInTheText() throws IOException {
        assertEquals(0, prompd("install", "@acme/util@^1.0.0").exitCode());
        registry.publish("@acme/util", "2.0.0");

        CliRun text = prompd("update");
        JsonNode warning = Json.reader().readTree(prompd("update", "--json").out()).get("warnings").get(0);

        assertEquals("warning: @acme/util 2.0.0 is its latest version, outside prompd.json's ^1.0.0, so the update"
                + " stayed within the range; 'prompd update --latest @acme/util' moves the range to it\n", text.err());
        assertEquals("latestOutsideRange", warning.get("kind").asText(), warning.toString());
        assertEquals("prompd update --latest @acme/util", warning.get("update").asText());
    }

    @Test
    void outdatedWantsWhatUpdateReachesInTheWholeProjectAndBothSayWhatHoldsAPackageBack() throws IOException {
        registry.publish("@acme/zero", "0.1.0").publish("@acme/zero", "0.2.0")
                .publish("@acme/plug", "1.0.0", "@acme/zero", "^0.1.0")
                .publish("@acme/plug", "1.1.0", "@acme/zero", "^0.2.0");
        assertEquals(0, prompd("install", "@acme/zero@^0.1.0", "@acme/plug@^1.0.0").exitCode());
        String table = """
                package     current  wanted  latest  dependency
                @acme/plug  1.0.0    1.0.0   1.1.0   direct
                @acme/zero  0.1.0    0.1.0   0.2.0   direct

                @acme/plug 1.1.0 is held back by prompd.json's @acme/zero ^0.1.0
                """;

        CliRun before = prompd("outdated");
        CliRun update = prompd("update");
        CliRun after = prompd("outdated");

        assertEquals(1, before.exitCode(), "as npm outdated lists a latest out of reach: " + before.err());
        assertEquals(table, before.out(), "1.1.0 needs @acme/zero ^0.2.0, which prompd.json's ^0.1.0 rules out");
        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: @acme/plug stays at 1.0.0, held back by prompd.json's @acme/zero ^0.1.0: 1.1.0, which"
                + " its own ranges allow, cannot go with that range\nwarning: @acme/zero 0.2.0 is its latest version,"
                + " outside prompd.json's ^0.1.0, so the update stayed within the range; 'prompd update --latest"
                + " @acme/zero' moves the range to it\n", update.err());
        assertEquals(table, after.out(), "nothing moved, and nothing more is wanted: the loop ends");
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        assertEquals("1.0.0", row.get("wanted").asText());
        assertEquals("{\"allowed\":\"1.1.0\",\"by\":[{\"from\":\"prompd.json\",\"name\":\"@acme/zero\","
                + "\"range\":\"^0.1.0\"}]}", row.get("heldBack").toString());
        JsonNode warning = Json.reader().readTree(prompd("update", "@acme/plug", "--json").out()).get("warnings")
                .get(0);
        assertEquals("heldBackByRanges", warning.get("kind").asText());
        assertEquals("1.0.0", warning.get("version").asText());
    }

    @Test
    void theLowestResolutionMovesDownWithoutCallingAnyPackageHeldBack() throws IOException {
        registry.publish("@acme/other", "1.0.0").publish("@acme/other", "1.0.1");
        assertEquals(0, prompd("install", "@acme/util@^1.0.0", "@acme/other@^1.0.0").exitCode());

        CliRun named = prompd("update", "@acme/util", "--resolution", "lowest", "--json");
        CliRun update = prompd("update", "--resolution", "lowest");

        assertEquals(0, named.exitCode(), named.err());
        assertEquals("[]", Json.reader().readTree(named.out()).get("warnings").toString());
        assertEquals(0, update.exitCode(), update.err());
        assertEquals("", update.err(), "the lowest version is chosen on purpose: nothing holds it there");
        assertTrue(update.out().contains("~ @acme/other 1.0.1 -> 1.0.0"), update.out());
    }

    @Test
    void aRangeHoldingAPackageBackIsNamedWithThePackageThatNeedsItWhenPromptJsonHasNoneOfIt() throws IOException {
        registry.publish("@acme/zero", "0.1.0").publish("@acme/zero", "0.2.0")
                .publish("@acme/plug", "1.0.0", "@acme/zero", "^0.1.0")
                .publish("@acme/plug", "1.1.0", "@acme/zero", "^0.2.0")
                .publish("@acme/q", "1.0.0", "@acme/zero", "^0.1.0");
        assertEquals(0, prompd("install", "@acme/q", "@acme/plug@^1.0.0").exitCode());

        CliRun outdated = prompd("outdated");
        CliRun update = prompd("update");
        CliRun latest = prompd("update", "--latest", "@acme/plug");

        assertTrue(outdated.out().endsWith(
                "\n@acme/plug 1.1.0 is held back by @acme/q@1.0.0, which needs @acme/zero ^0.1.0\n"),
                "prompd.json has no @acme/zero: the range is @acme/q's " + outdated.out());
        assertEquals("warning: @acme/plug stays at 1.0.0, held back by @acme/q@1.0.0, which needs @acme/zero ^0.1.0:"
                + " 1.1.0, which its own ranges allow, cannot go with that range\n", update.err());
        assertEquals("warning: kept @acme/plug ^1.0.0: its latest version, 1.1.0, cannot go with @acme/q@1.0.0, which"
                + " needs @acme/zero ^0.1.0, so 1.0.0, the highest version that can, is installed\n", latest.err());
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        assertEquals("{\"allowed\":\"1.1.0\",\"by\":[{\"from\":\"@acme/q@1.0.0\",\"name\":\"@acme/zero\","
                + "\"range\":\"^0.1.0\"}]}", row.get("heldBack").toString());
        JsonNode warning = Json.reader().readTree(prompd("update", "--latest", "@acme/plug", "--json").out())
                .get("warnings").get(0);
        assertEquals("latestConflicts", warning.get("kind").asText());
        assertEquals("[{\"from\":\"@acme/q@1.0.0\",\"name\":\"@acme/zero\",\"range\":\"^0.1.0\"}]",
                warning.get("by").toString());
    }

    @Test
    void aLatestVersionThatNoOneRangeRulesOutIsSaidInTheResolversWordsWhyItCannotBeInstalled() throws IOException {
        registry.publish("@acme/util", "2.0.0").yank("@acme/util", "2.0.0", "broken")
                .publish("@acme/b", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/b", "2.0.0", "@acme/util", "^2.0.0");
        String why = "Because @acme/b 2.0.0 depends on @acme/util ^2.0.0 and no version of @acme/util matches ^2.0.0"
                + " (2.0.0 is yanked), @acme/b 2.0.0 cannot be used.\n  So, because your project depends on @acme/b ";

        CliRun install = prompd("install", "@acme/b");
        CliRun latest = prompd("update", "--latest");
        editDependencies("\"@acme/b\": \">=1.0.0\"");
        CliRun update = prompd("update");
        JsonNode conflicts = Json.reader().readTree(prompd("update", "--latest", "--json").out()).get("warnings")
                .get(0);

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("warning: @acme/b ^2.0.0, from its latest version, cannot be installed in this project, so 1.0.0,"
                + " the highest version that can, is installed: " + why + "^2.0.0, version solving failed.\n",
                install.err(), "@acme/b 2.0.0 needs what only a yanked version meets: no range of the project's");
        assertEquals("warning: kept @acme/b ^1.0.0: its latest version, 2.0.0, cannot be installed in this project, so"
                + " 1.0.0, the highest version that can, is installed: " + why + "2.0.0, version solving failed.\n",
                latest.err());
        assertEquals("warning: @acme/b stays at 1.0.0: 2.0.0, which its own ranges allow, cannot be installed in this"
                + " project: " + why + "2.0.0, version solving failed.\n", update.err());
        assertEquals("latestConflicts", conflicts.get("kind").asText());
        assertEquals("[]", conflicts.get("by").toString());
        assertEquals(why.replace("\n  ", "\n") + "2.0.0, version solving failed.", conflicts.get("problem").asText());
    }

    @Test
    void aRangeIsNotBlamedForHoldingBackAVersionThatCannotBeInstalledEvenAloneWithWhatItNeeds() throws IOException {
        registry.publish("@acme/x", "2.0.0").publish("@acme/x", "3.0.0").yank("@acme/x", "3.0.0", "broken")
                .publish("@acme/q", "1.0.0", "@acme/x", "^2.0.0")
                .publish("@acme/plug", "1.0.0").publish("@acme/plug", "1.1.0", "@acme/x", "^3.0.0");
        editDependencies("\"@acme/q\": \"^1.0.0\", \"@acme/plug\": \"^1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        String why = "Because @acme/plug 1.1.0 depends on @acme/x ^3.0.0 and no version of @acme/x matches ^3.0.0"
                + " (3.0.0 is yanked), @acme/plug 1.1.0 cannot be used.\nSo, because your project depends on @acme/plug"
                + " 1.1.0, version solving failed.";

        CliRun update = prompd("update");
        CliRun outdated = prompd("outdated");
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        JsonNode conflicts = Json.reader().readTree(prompd("update", "--latest", "--json").out()).get("warnings")
                .get(0);

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: @acme/plug stays at 1.0.0: 1.1.0, which its own ranges allow, cannot be installed in this"
                + " project: " + why.replace("\n", "\n  ") + "\n", update.err(),
                "@acme/q's ^2.0.0 is not what keeps 1.1.0 out: no project could install it");
        assertTrue(outdated.out().endsWith("@acme/plug  1.0.0    1.0.0   1.1.0   direct\n\n@acme/plug 1.1.0 is held"
                + " back: it cannot be installed in this project:\n  " + why.replace("\n", "\n  ") + "\n"),
                "told in full, as reading it from update would write the lock: " + outdated.out());
        assertEquals("[]", row.get("heldBack").get("by").toString(), row.toString());
        assertEquals(why, row.get("heldBack").get("problem").asText());
        assertEquals("latestConflicts", conflicts.get("kind").asText());
        assertEquals("[]", conflicts.get("by").toString());
        assertEquals(why, conflicts.get("problem").asText());
    }

    @Test
    void oneUpdateLatestTakesAMoveThatALaterMoveLetsIn() throws IOException {
        registry.publish("@acme/x", "1.0.0").publish("@acme/x", "2.0.0")
                .publish("@acme/a", "1.0.0").publish("@acme/a", "2.0.0", "@acme/x", "^2.0.0")
                .publish("@acme/c", "1.0.0").publish("@acme/c", "2.0.0", "@acme/x", "^3.0.0")
                .publish("@acme/d", "1.0.0", "@acme/x", "^1.0.0").publish("@acme/d", "2.0.0");
        editDependencies("\"@acme/a\": \"^1.0.0\", \"@acme/c\": \"^1.0.0\", \"@acme/d\": \"^1.0.0\"");
        assertEquals(0, prompd("install").exitCode());

        CliRun first = prompd("update", "--latest", "--json");
        String saved = Files.readString(project.resolve("prompd.json"));
        CliRun second = prompd("update", "--latest", "--json");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(saved.contains("\"@acme/a\": \"^2.0.0\""), "@acme/d's move off @acme/x ^1.0.0 lets @acme/a"
                + " move, whichever comes first by name: " + saved);
        assertTrue(saved.contains("\"@acme/c\": \"^1.0.0\"") && saved.contains("\"@acme/d\": \"^2.0.0\""), saved);
        JsonNode warnings = Json.reader().readTree(first.out()).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("@acme/c", warnings.get(0).get("name").asText());
        assertEquals("[]", warnings.get(0).get("by").toString());
        assertTrue(warnings.get(0).get("problem").asText().startsWith("Because @acme/c 2.0.0 depends on @acme/x ^3.0.0"
                + " and no version of @acme/x matches ^3.0.0"), warnings.toString());
        assertFalse(Json.reader().readTree(second.out()).get("lockChanged").asBoolean(), second.out());
        assertEquals(saved, Files.readString(project.resolve("prompd.json")), "a second run has nothing to take");
    }

    @Test
    void updateLatestTakesTwoMovesThatOnlyGoTogetherBesideOneThatCannotGo() throws IOException {
        registry.publish("@acme/x", "1.0.0").publish("@acme/x", "2.0.0")
                .publish("@acme/a", "1.0.0", "@acme/x", "^1.0.0").publish("@acme/a", "2.0.0", "@acme/x", "^2.0.0")
                .publish("@acme/b", "1.0.0", "@acme/x", "^1.0.0").publish("@acme/b", "2.0.0", "@acme/x", "^2.0.0")
                .publish("@acme/d", "1.0.0").publish("@acme/d", "2.0.0", "@acme/x", "^9.0.0")
                // the mirror: names the other way round, the two needing each other's new major
                .publish("@acme/m", "1.0.0").publish("@acme/m", "2.0.0", "@acme/x", "^9.0.0")
                .publish("@acme/y", "1.0.0", "@acme/z", "^1.0.0").publish("@acme/y", "2.0.0", "@acme/z", "^2.0.0")
                .publish("@acme/z", "1.0.0", "@acme/y", "^1.0.0").publish("@acme/z", "2.0.0", "@acme/y", "^2.0.0");
        for (List<String> names : List.of(List.of("a", "b", "d"), List.of("m", "y", "z"))) {
            editDependencies(String.join(", ", names.stream().map(name -> "\"@acme/" + name + "\": \"^1.0.0\"")
                    .toList()));
            assertEquals(0, prompd("install").exitCode());
            String stuck = names.contains("d") ? "d" : "m";

            CliRun run = prompd("update", "--latest", "--json");

            assertEquals(0, run.exitCode(), run.err());
            String saved = Files.readString(project.resolve("prompd.json"));
            for (String name : names) {
                String range = name.equals(stuck) ? "^1.0.0" : "^2.0.0";
                assertTrue(saved.contains("\"@acme/" + name + "\": \"" + range + "\""), "each alone cannot move,"
                        + " together they can; only @acme/" + stuck + " 2.0.0 cannot be installed at all: " + saved);
            }
            JsonNode warnings = Json.reader().readTree(run.out()).get("warnings");
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals("@acme/" + stuck, warnings.get(0).get("name").asText());
            assertEquals("[]", warnings.get(0).get("by").toString(), "no range of the project rules it out");
            assertTrue(warnings.get(0).get("problem").asText().startsWith("Because @acme/" + stuck + " 2.0.0 depends"
                    + " on @acme/x ^9.0.0"), warnings.toString());
        }
    }

    @Test
    void outdatedWantsWhatADependentsMoveLetsATransitivePackageReach() throws IOException {
        registry.publish("@acme/util", "1.5.0");
        registry.publish("@acme/pin", "1.0.0", "@acme/util", "~1.0.0").publish("@acme/pin", "1.1.0", "@acme/util",
                "^1.0.0");
        assertEquals(0, prompd("install", "@acme/pin@1.0.0").exitCode());
        editDependencies("\"@acme/pin\": \"^1.0.0\"");

        CliRun run = prompd("outdated");

        assertEquals("""
                package     current  wanted  latest  dependency
                @acme/pin   1.0.0    1.1.0   1.1.0   direct
                @acme/util  1.0.0    1.5.0   1.5.0   transitive
                """, run.out(), "once @acme/pin moves to 1.1.0, its ^1.0.0 lets util reach 1.5.0, as update does");
        assertTrue(prompd("update").out().contains("~ @acme/util 1.0.0 -> 1.5.0"));
        assertEquals("every package is up to date\n", prompd("outdated").out());
    }

    @Test
    void theLatestTagBehindTheHighestVersionIsWhatANameAloneInstallsAndWhatUpdateAndOutdatedWant() throws IOException {
        // the maintainers moved latest back from 1.1.0, as one rolls back a bad release
        registry.tag("@acme/util", "latest", "1.0.0");

        CliRun global = prompd("install", "--global", "@acme/base");
        assertEquals(0, global.exitCode(), global.err());
        assertTrue(global.out().endsWith("+ @acme/util@1.0.0\n"), "a dependency's tag too: " + global.out());
        CliRun install = prompd("install", "@acme/util");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().startsWith("saved @acme/util ^1.0.0 in prompd.json\n"), install.out());
        assertTrue(install.out().contains("+ @acme/util@1.0.0\n"),
                "as npm installs dist-tags.latest: " + install.out());

        registry.tag("@acme/util", "latest", "1.1.0");
        assertEquals("""
                package     current  wanted  latest  dependency
                @acme/util  1.0.0    1.1.0   1.1.0   direct
                """, prompd("outdated").out());
        assertTrue(prompd("update").out().contains("@acme/util 1.0.0 -> 1.1.0"));

        registry.tag("@acme/util", "latest", "1.0.0");
        assertEquals("""
                package     current  wanted  latest  dependency
                @acme/util  1.1.0    1.0.0   1.0.0   direct
                """, prompd("outdated").out(), "update moves back with the tag, as npm's does");
        CliRun back = prompd("update");
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.out().contains("@acme/util 1.1.0 -> 1.0.0"), back.out());
        assertEquals("every package is up to date\n", prompd("outdated").out());
    }

    @Test
    void outdatedListsADependencyNotLockedYetAsNpmListsAMissingOne() throws IOException {
        registry.publish("@acme/base", "2.0.0");
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/base\": \"^1.0.0\"");
        CliRun neverInstalled = prompd("outdated");
        editDependencies("");
        assertEquals(0, prompd("install", "@acme/util@^1.0.0").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/base\": \"^1.0.0\"");

        CliRun run = prompd("outdated");

        assertEquals(1, neverInstalled.exitCode(), neverInstalled.err());
        assertEquals("""
                package     current     wanted  latest  dependency
                @acme/base  not locked  1.0.0   2.0.0   direct
                @acme/util  not locked  1.1.0   1.1.0   direct
                """, neverInstalled.out(), "with no prompd.lock, every dependency is one not locked yet");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                package     current     wanted  latest  dependency
                @acme/base  not locked  1.0.0   2.0.0   direct
                """, run.out());
        JsonNode json = Json.reader().readTree(prompd("outdated", "--json").out());
        assertEquals(1, json.size());
        assertFalse(json.get(0).has("current"), json.toString());
        assertEquals("1.0.0", json.get(0).get("wanted").asText());
        assertEquals("2.0.0", json.get(0).get("latest").asText());
        assertFalse(json.get(0).get("takenDown").asBoolean(), json.toString());
    }

    /**
     * A dependency added to prompd.json by hand whose every version needs what the project rules out was wanted at a
     * version the update, failing (exit 4), could not install: outdated holds back each version that cannot go in with
     * the project as locked, in the resolver's words, as it does one the update's resolution holds back, and wants
     * none of it (a locked package: its current version); a bystander that can go in is wanted still.
     */
    @Test
    void aVersionThatCannotGoInWhereTheUpdateFailsIsHeldBackNotWanted() throws IOException {
        registry.publish("@acme/util", "2.0.0").publish("@acme/old", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/fine", "1.0.0").publish("@acme/tool", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util@^2.0.0", "@acme/tool").exitCode());
        registry.publish("@acme/tool", "1.1.0", "@acme/util", "^1.0.0");
        editDependencies("\"@acme/util\": \"^2.0.0\", \"@acme/tool\": \"^1.0.0\", \"@acme/old\": \"^1.0.0\","
                + " \"@acme/fine\": \"^1.0.0\"");

        CliRun update = prompd("update");
        CliRun outdated = prompd("outdated");
        JsonNode rows = Json.reader().readTree(prompd("outdated", "--json").out());

        assertEquals(4, update.exitCode(), update.err());
        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("""
                package     current     wanted  latest  dependency
                @acme/fine  not locked  1.0.0   1.0.0   direct
                @acme/old   not locked  -       1.0.0   direct
                @acme/tool  1.0.0       1.0.0   1.1.0   direct

                @acme/old 1.0.0 is held back: it cannot be installed in this project:
                  Because your project depends on @acme/old 1.0.0 which depends on @acme/util ^1.0.0, @acme/util\
                 ^1.0.0 is required.
                  So, because your project depends on @acme/util ^2.0.0, version solving failed.
                @acme/tool 1.1.0 is held back: it cannot be installed in this project:
                  Because your project depends on @acme/tool 1.1.0 which depends on @acme/util ^1.0.0, @acme/util\
                 ^1.0.0 is required.
                  So, because your project depends on @acme/util ^2.0.0, version solving failed.
                """, outdated.out());
        JsonNode old = rows.get(1);
        assertFalse(old.has("wanted"), old.toString());
        assertEquals("1.0.0", old.get("heldBack").get("allowed").asText());
        assertEquals("[]", old.get("heldBack").get("by").toString());
        assertTrue(old.get("heldBack").get("problem").asText().startsWith("Because your project depends on @acme/old"),
                old.toString());
        assertFalse(rows.get(0).has("heldBack"), rows.toString());
        assertEquals("1.0.0", rows.get(2).get("wanted").asText());
    }

    @Test
    void aLockedVersionOutsideTheRangeOfAnEditedManifestIsInvalidToOutdatedListAndTree() throws IOException {
        registry.publish("@acme/util", "2.0.0");
        assertEquals(0, prompd("install", "@acme/util@^2.0.0").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0\"");

        CliRun outdated = prompd("outdated");
        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("""
                package     current          wanted  latest  dependency
                @acme/util  2.0.0 (invalid)  1.1.0   2.0.0   direct
                """, outdated.out());
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        assertEquals("2.0.0", row.get("current").asText());
        assertEquals("1.1.0", row.get("wanted").asText());
        assertTrue(row.get("invalid").asBoolean(), row.toString());

        String error = "error: prompd.lock does not match prompd.json: @acme/util@2.0.0 is outside ^1.0.0\n"
                + "hint: run 'prompd install' to lock versions within the ranges\n";
        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), "as npm ls exits 1");
        assertEquals("@acme/util@2.0.0  (invalid: outside ^1.0.0, run 'prompd install')\n", list.out());
        assertEquals(error, list.err());
        CliRun listJson = prompd("list", "--json");
        assertEquals(1, listJson.exitCode());
        assertTrue(Json.reader().readTree(listJson.out()).get(0).get("invalid").asBoolean(), listJson.out());

        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode());
        assertEquals("""
                @me/app@1.0.0
                └── @acme/util@2.0.0 ^1.0.0 (invalid: outside ^1.0.0, run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());
        CliRun treeJson = prompd("tree", "--json");
        assertEquals(1, treeJson.exitCode());
        assertTrue(Json.reader().readTree(treeJson.out()).at("/dependencies/0/invalid").asBoolean(), treeJson.out());
        CliRun dot = prompd("tree", "--dot");
        assertEquals(1, dot.exitCode());
        assertTrue(dot.out().contains("  \"@acme/util@2.0.0\" [label=\"@acme/util@2.0.0\\ninvalid: outside ^1.0.0\","
                + " color=red, fontcolor=red];\n"), dot.out());

        assertEquals(0, prompd("install").exitCode());
        CliRun fixed = prompd("list", "--json");
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertFalse(Json.reader().readTree(fixed.out()).get(0).get("invalid").asBoolean(), fixed.out());
        assertEquals(0, prompd("tree").exitCode());
    }

    @Test
    void outdatedListsAndWarnsOfALockedPackageTheRegistryNoLongerHas() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        Files.move(registry.root().resolve("packages/@acme/util"), work.resolve("taken-down"));

        CliRun run = prompd("outdated");

        assertEquals(1, run.exitCode(), "as for a version taken down: " + run.err());
        assertEquals("""
                package     current                                    wanted  latest  dependency
                @acme/util  1.1.0 (package no longer in the registry)  -       -       transitive
                """, run.out());
        assertEquals("warning: @acme/util@1.1.0 is locked in prompd.lock, but registry " + server.url() + " no longer"
                + " has @acme/util (no version of @acme/util is left to download, and @acme/base asks for ^1.0.0; a"
                + " newer version of it may not ('prompd tree' shows who needs what))\n", run.err(),
                "whether it is installed is not outdated's to say");

        CliRun json = prompd("outdated", "--json");

        assertEquals(1, json.exitCode(), json.err());
        // no longer listed, as a version a forced build dropped is, and with no index.json left to record a takedown
        assertEquals(Json.reader().readTree("[{\"name\": \"@acme/util\", \"current\": \"1.1.0\", \"direct\": false,"
                + " \"invalid\": false, \"takenDown\": true, \"unlisted\": true, \"goneFromRegistry\": true,"
                + " \"routeChanged\": false}]"),
                Json.reader().readTree(json.out()), json.out());
    }

    @Test
    void outdatedWarnsOfALockedVersionYankedOrDeprecatedSinceItWasInstalled() {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.yank("@acme/util", "1.1.0", "typo in the prompt").deprecate("@acme/base", "1.0.0", "use @acme/core");

        CliRun run = prompd("outdated");

        // the yanked version is a row, wanted away from, so outdated exits 1 as npm outdated does
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("@acme/util"), run.out());
        assertEquals("""
                warning: @acme/base@1.0.0 is deprecated: use @acme/core
                warning: @acme/util@1.1.0 is yanked: typo in the prompt ('prompd update @acme/util' moves off it)
                """, run.err());
    }

    @Test
    void outdatedListsALockedVersionYankedWithItsReasonAndExits1AsForOneTakenDownThoughNothingNewerIsThere()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.yank("@acme/base", "1.0.0", "prompt injection hole; no fix yet").yank("@acme/util", "1.1.0", "")
                .yank("@acme/util", "1.0.0", "");

        CliRun run = prompd("outdated");
        CliRun json = prompd("outdated", "--json");

        assertEquals(1, run.exitCode(), "a script notices the withdrawal: " + run.err());
        assertEquals("""
                package     current         wanted  latest  dependency
                @acme/base  1.0.0 (yanked)  1.0.0   -       direct
                @acme/util  1.1.0 (yanked)  1.1.0   -       transitive
                """, run.out(), "update keeps a yanked version while nothing else meets the ranges");
        assertTrue(run.err().contains("warning: @acme/base@1.0.0 is yanked: prompt injection hole; no fix yet"),
                run.err());
        assertEquals(1, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree("[{\"name\": \"@acme/base\", \"current\": \"1.0.0\", \"wanted\": \"1.0.0\","
                + " \"direct\": true, \"invalid\": false, \"yanked\": \"prompt injection hole; no fix yet\","
                + " \"takenDown\": false, \"unlisted\": false, \"goneFromRegistry\": false, \"routeChanged\": false},"
                + " {\"name\": \"@acme/util\", \"current\": \"1.1.0\", \"wanted\": \"1.1.0\", \"direct\": false,"
                + " \"invalid\": false, \"yanked\": \"\", \"takenDown\": false, \"unlisted\": false,"
                + " \"goneFromRegistry\": false, \"routeChanged\": false}]"), Json.reader().readTree(json.out()),
                "a yank without a reason is still one: the key says what it is");
    }

    @Test
    void outdatedOnlyWarnsOfALockedVersionDeprecatedThatNothingNewerReplaces() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.deprecate("@acme/base", "1.0.0", "use @acme/core");

        CliRun run = prompd("outdated");
        CliRun json = prompd("outdated", "--json");

        assertEquals(0, run.exitCode(), "a deprecated version still works, as npm outdated has it: " + run.err());
        assertEquals("no package has a newer version\n", run.out());
        assertEquals("warning: @acme/base@1.0.0 is deprecated: use @acme/core\n", run.err());
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("[]\n", json.out());
    }

    @Test
    void outdatedMarksALockedVersionGoneWithoutARecordNoLongerListedNotTakenDown() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0").unlist("@acme/util", "1.1.0");

        CliRun run = prompd("outdated", "--json");

        assertEquals(1, run.exitCode(), run.err());
        JsonNode row = Json.reader().readTree(run.out()).get(0);
        assertEquals("1.0.0", row.get("wanted").asText());
        // as the takenDown warning of install --json says it
        assertTrue(row.get("takenDown").asBoolean(), row.toString());
        assertTrue(row.get("unlisted").asBoolean(), row.toString());
        assertFalse(row.get("goneFromRegistry").asBoolean(), "its package is still there: " + row);
        assertTrue(run.err().startsWith("warning: @acme/util@1.1.0 is no longer listed by its registry"), run.err());
        assertEquals("""
                package     current                   wanted  latest  dependency
                @acme/util  1.1.0 (no longer listed)  1.0.0   2.0.0   transitive
                """, prompd("outdated").out(), "marked in the warning's words, not taken down");
    }

    @Test
    void updateLatestLeavesARangeWithNoUpperBoundAsItIsAndStillMovesItsVersionWhateverTheResolution()
            throws IOException {
        registry.publish("@acme/other", "1.0.0").publish("@acme/third", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util@>=1.0.0", "@acme/other@*", "@acme/third@>=1.0.0 <2").exitCode());
        registry.publish("@acme/util", "2.0.0").publish("@acme/other", "2.0.0").publish("@acme/third", "2.0.0");

        CliRun update = prompd("update", "--latest", "--resolution", "lowest");

        assertEquals(0, update.exitCode(), update.err());
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/util\": \">=1.0.0\"") && manifest.contains("\"@acme/other\": \"*\""),
                manifest);
        assertTrue(manifest.contains("\"@acme/third\": \"^2.0.0\""), "a bounded range still moves: " + manifest);
        JsonNode locked = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock"))).get("packages");
        for (String name : List.of("@acme/util", "@acme/other", "@acme/third")) {
            assertEquals("2.0.0", locked.get(name).get("version").asText(), name);
        }
    }

    @Test
    void updateLatestNeverMovesAChosenPreReleaseBackToAnOlderLatest() throws IOException {
        registry.publish("@acme/util", "2.0.0-beta.1").publish("@acme/other", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util@^2.0.0-beta.1", "@acme/other@1.0.0").exitCode());
        registry.publish("@acme/other", "1.1.0");

        CliRun update = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: kept @acme/util ^2.0.0-beta.1: its latest version, 1.1.0, is older than the locked"
                + " 2.0.0-beta.1\n", update.err());
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/util\": \"^2.0.0-beta.1\""), manifest);
        assertTrue(manifest.contains("\"@acme/other\": \"^1.1.0\""), "the others still move: " + manifest);
    }

    @Test
    void updateLatestMovesTheRangeDownToTheLatestOffALockedVersionTakenDownWhetherItsCopyIsAtHandOrNot()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.takeDown("@acme/util", "1.1.0", "leaked a key");
        String manifest = Files.readString(project.resolve("prompd.json"));
        String lock = Files.readString(project.resolve("prompd.lock"));

        CliRun withCopy = prompd("update", "--latest");
        String movedWith = Files.readString(project.resolve("prompd.json"));
        String lockedWith = locked("@acme/util");
        Files.writeString(project.resolve("prompd.json"), manifest);
        Files.writeString(project.resolve("prompd.lock"), lock);
        home = work.resolve("another-machine");
        CliRun fresh = prompd("update", "--latest");

        for (CliRun run : List.of(withCopy, fresh)) {
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("warning: @acme/util moved from the locked 1.1.0 to 1.0.0: its registry took 1.1.0 down:"
                    + " leaked a key\n", run.err(), "a version taken down is no pre-release chosen on purpose");
        }
        assertTrue(movedWith.contains("\"@acme/util\": \"^1.0.0\""), movedWith);
        assertEquals("1.0.0", lockedWith);
        assertEquals(movedWith, Files.readString(project.resolve("prompd.json")));
        assertEquals("1.0.0", locked("@acme/util"));
    }

    @Test
    void updateLatestMovesTheRangeDownToTheLatestOffALockedVersionYankedSayingWhyOnce() throws IOException {
        registry.publish("@acme/util", "2.0.0");
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.yank("@acme/util", "2.0.0", "broken");
        String manifest = Files.readString(project.resolve("prompd.json"));
        String lock = Files.readString(project.resolve("prompd.lock"));

        CliRun update = prompd("update", "--latest");
        String moved = Files.readString(project.resolve("prompd.json"));
        String locked = locked("@acme/util");
        Files.writeString(project.resolve("prompd.json"), manifest);
        Files.writeString(project.resolve("prompd.lock"), lock);
        registry.tag("@acme/util", "latest", "2.0.0");
        CliRun tagged = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: @acme/util moved from the locked 2.0.0 to 1.1.0: its registry yanked 2.0.0: broken\n",
                update.err());
        assertTrue(moved.contains("\"@acme/util\": \"^1.1.0\""), moved);
        assertEquals("1.1.0", locked);
        assertEquals(0, tagged.exitCode(), tagged.err());
        assertEquals("warning: @acme/util's latest dist-tag points at 2.0.0, which is yanked: broken, so 1.1.0 is"
                + " installed: a new install chooses no yanked version\n", tagged.err(), "one warning of the one move");
        assertEquals(moved, Files.readString(project.resolve("prompd.json")));
    }

    @Test
    void updateLatestFollowsTheLatestTagBackDownWhereTheRangeAllowsItAndKeepsOnlyWhatItSaysItKeeps()
            throws IOException {
        registry.publish("@acme/util", "1.2.0").publish("@acme/other", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util@^1.0.0", "@acme/other@^1.0.0").exitCode());
        // the maintainers moved latest back from a bad 1.2.0, which the range allows and the lock pins
        registry.tag("@acme/util", "latest", "1.1.0").publish("@acme/other", "1.2.0");
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/other\": \"^1.2.0\"");
        assertEquals(0, prompd("install").exitCode());
        registry.tag("@acme/other", "latest", "1.0.0");

        CliRun update = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: kept @acme/other ^1.2.0: its latest version, 1.0.0, is older than the locked 1.2.0\n",
                update.err(), "said only of the range the latest version is outside of");
        assertTrue(update.out().contains("~ @acme/util 1.2.0 -> 1.1.0"), "as 'prompd update' follows the tag: "
                + update.out());
        assertFalse(update.out().contains("@acme/other 1.2.0 ->"), "kept as said: " + update.out());
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/util\": \"^1.1.0\"") && manifest.contains("\"@acme/other\": \"^1.2.0\""),
                manifest);
    }

    @Test
    void updateLatestSetsAsideOnlyTheMovesThatCannotGoWithTheProjectAndSaysWhyInTheUsersOwnRanges()
            throws IOException {
        registry.publish("@acme/b", "1.0.0").publish("@acme/b", "2.0.0").tag("@acme/b", "latest", "1.0.0")
                .publish("@acme/l", "1.0.0", "@acme/b", "^1.0.0").publish("@acme/l", "2.0.0", "@acme/b", "^2.0.0")
                .publish("@acme/m", "1.0.0", "@acme/b", "^1.0.0").publish("@acme/other", "1.0.0");
        editDependencies("\"@acme/b\": \"^1.0.0\", \"@acme/l\": \">=1.0.0\", \"@acme/m\": \"^1.0.0\","
                + " \"@acme/other\": \"^1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        registry.publish("@acme/m", "1.1.0", "@acme/b", "^1.0.0").publish("@acme/m", "2.0.0", "@acme/b", "^2.0.0")
                .publish("@acme/other", "2.0.0");

        CliRun update = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("""
                warning: kept @acme/l >=1.0.0: its latest version, 2.0.0, cannot go with prompd.json's @acme/b ^1.0.0\
                 and @acme/m@1.1.0, which needs @acme/b ^1.0.0, so 1.0.0, the highest version that can, is installed
                warning: moved @acme/m ^1.0.0 to ^1.1.0: its latest version, 2.0.0, cannot go with prompd.json's\
                 @acme/b ^1.0.0 and @acme/l@1.0.0, which needs @acme/b ^1.0.0, so 1.1.0, the highest version that can,\
                 is installed
                """, update.err(), "the ranges quoted are prompd.json's, not the >=2.0.0 --latest resolved for, and"
                + " each of the same range's askers is named: loosening prompd.json's alone would free neither");
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/l\": \">=1.0.0\"") && manifest.contains("\"@acme/m\": \"^1.1.0\"")
                && manifest.contains("\"@acme/other\": \"^2.0.0\""), "the move that fits still happens: " + manifest);
        JsonNode locked = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock"))).get("packages");
        assertEquals("1.0.0", locked.get("@acme/l").get("version").asText());
        assertEquals("1.1.0", locked.get("@acme/m").get("version").asText());
        assertEquals("2.0.0", locked.get("@acme/other").get("version").asText());
        JsonNode again = Json.reader().readTree(prompd("update", "--latest", "@acme/l", "--json").out());
        assertEquals("{\"by\":[{\"from\":\"prompd.json\",\"name\":\"@acme/b\",\"range\":\"^1.0.0\"},"
                + "{\"from\":\"@acme/m@1.1.0\",\"name\":\"@acme/b\",\"range\":\"^1.0.0\"}],"
                + "\"installed\":\"1.0.0\",\"kind\":\"latestConflicts\",\"latest\":\"2.0.0\",\"message\":\"kept @acme/l"
                + " >=1.0.0: its latest version, 2.0.0, cannot go with prompd.json's @acme/b ^1.0.0 and"
                + " @acme/m@1.1.0, which"
                + " needs @acme/b ^1.0.0, so 1.0.0, the highest version that can, is installed\","
                + "\"name\":\"@acme/l\",\"range\":\">=1.0.0\"}", again.get("warnings").get(0).toString());
    }

    @Test
    void updateAndUninstallSayHowTheLockChanged() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "1.2.0");
        assertEquals(0, prompd("install", "--global", "@acme/util").exitCode());

        CliRun update = prompd("update");
        assertEquals(0, update.exitCode(), update.err());
        assertEquals("""
                2 packages: 0 downloaded, 0 from the cache, 2 already installed
                prompd.lock written:
                  ~ @acme/util 1.1.0 -> 1.2.0
                """, update.out(), "the move shows although the new version was in the store already");

        CliRun uninstall = prompd("uninstall", "acme/base", "--json");
        assertEquals(0, uninstall.exitCode(), uninstall.err());
        JsonNode changes = Json.reader().readTree(uninstall.out()).get("lockChanges");
        assertEquals("[{\"before\":\"1.0.0\",\"differing\":[],\"name\":\"@acme/base\"},"
                + "{\"before\":\"1.2.0\",\"differing\":[],\"name\":\"@acme/util\"}]",
                changes.toString());
        assertEquals("(no dependencies)\n", prompd("list").out());
    }

    @Test
    void updateLatestKeepsAnExactRangeExactAndSaveExactSavesEveryMovedRangeAsTheVersion() throws IOException {
        assertEquals(0, prompd("install", "-E", "@acme/util@1.0.0", "@acme/base@=1.0.0").exitCode());
        registry.publish("@acme/base", "1.0.1", "@acme/util", "^1.0.0");
        String saved = Files.readString(project.resolve("prompd.json"));
        assertTrue(saved.contains("\"@acme/util\": \"1.0.0\"") && saved.contains("\"@acme/base\": \"=1.0.0\""),
                saved);

        CliRun update = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        String moved = Files.readString(project.resolve("prompd.json"));
        assertTrue(moved.contains("\"@acme/util\": \"1.1.0\""), "a bare version stays one: " + moved);
        assertTrue(moved.contains("\"@acme/base\": \"=1.0.1\""), "=1.0.0 stays =: " + moved);

        editDependencies("\"@acme/base\": \"^1.0.0\"");
        CliRun exact = prompd("update", "--latest", "-E");
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/base\": \"1.0.1\""));

        CliRun withoutLatest = prompd("update", "--save-exact");
        assertEquals(2, withoutLatest.exitCode(), withoutLatest.err());
        assertTrue(withoutLatest.err().startsWith("error: --save-exact saves the ranges --latest moves: use it with"
                + " --latest\n"), withoutLatest.err());
    }
}
