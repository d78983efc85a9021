package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.files.Folders;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Versions taken down, yanked or no longer listed, locked or asked for: what install, update, uninstall and outdated
 * do with them, warn of and offer as the way past.
 */
class TakenDownVersionsTest extends InstallCommandsFixture {

    @Test
    void aResolutionMovingOffALockedVersionTakenDownSaysWhy() throws IOException {
        assertEquals(0, prompd("install", "@acme/util@1.0.0").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0\"");
        registry.takeDown("@acme/util", "1.0.0", "leaked a token");
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.0.0", "--force").exitCode());
        // the cached tarball is then 1.0.0's last copy, which only a forced clean deletes
        assertEquals(0, prompd("cache", "clean", "--force").exitCode());

        CliRun run = prompd("install", "@acme/base");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("~ @acme/util 1.0.0 -> 1.1.0"), run.out());
        assertEquals("warning: @acme/util moved from the locked 1.0.0 to 1.1.0: its registry took 1.0.0 down: leaked a"
                + " token\n", run.err());
    }

    @Test
    void jsonWarningsLeaveOutTheReasonOfATakedownOrYankRecordedWithoutOneAsTheRegistrysBuildAndCheckDo()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/base", "@acme/util").exitCode());
        registry.takeDown("@acme/util", "1.1.0", "").yank("@acme/base", "1.0.0", " ");

        CliRun kept = prompd("install", "@acme/greeter", "--json");

        assertEquals(0, kept.exitCode(), kept.err());
        assertEquals(Json.reader().readTree("""
                [{"kind": "yanked", "name": "@acme/base", "version": "1.0.0", "message": "@acme/base@1.0.0 is yanked\
                 (installed because the lock file pins it; no other version meets ^1.0.0, and none would with a wider\
                 range in prompd.json: the packages needing it ask for ^1.0.0; a newer version of those may ask for\
                 another ('prompd tree' shows them))"},
                 {"kind": "takenDown", "name": "@acme/util", "version": "1.1.0", "message": "@acme/util@1.1.0 is taken\
                 down (installed from the copy at hand because the lock file pins it; it can no longer be downloaded;\
                 no other version meets ^1.1.0 and ^1.0.0: widen its range in prompd.json, or choose another version\
                 ('prompd info @acme/util' lists them))"}]"""), Json.reader().readTree(kept.out()).get("warnings"));
        JsonNode info = Json.reader().readTree(prompd("info", "@acme/util@^1.0.0", "--json").out());
        assertEquals("{\"1.1.0\":\"\"}", info.get("takenDown").toString(),
                "a version to its reason, as index.json has it");
        assertEquals("{\"1.1.0\":\"\"}", info.get("takenDownInRange").toString());
        home = work.resolve("other-home");
        CliRun uninstalled = prompd("uninstall", "@acme/base", "--json");
        assertEquals(0, uninstalled.exitCode(), uninstalled.err());
        assertEquals(Json.reader().readTree("""
                [{"kind": "leftOut", "packages": [{"name": "@acme/util", "version": "1.1.0"}], "message": "not\
                 installed, as taken down with no copy at hand, though prompd.lock still locks it: @acme/util@1.1.0\
                 (no other version meets ^1.1.0 and ^1.0.0: widen its range in prompd.json, or choose another version\
                 ('prompd info @acme/util' lists them))"},
                 {"kind": "yanked", "name": "@acme/base", "version": "1.0.0", "message": "@acme/base@1.0.0 is yanked\
                 (installed because the lock file pins it; no other version meets ^1.0.0, which the packages needing\
                 it ask for; a newer version of those may ask for another ('prompd tree' shows them))"}]"""),
                Json.reader().readTree(uninstalled.out()).get("warnings"));
        registry.publish("@acme/util", "1.2.0");
        CliRun moved = prompd("update", "--json");
        assertEquals(0, moved.exitCode(), moved.err());
        assertEquals(Json.reader().readTree("""
                {"kind": "movedOffTakenDown", "name": "@acme/util", "from": "1.1.0", "to": "1.2.0", "message":\
                 "@acme/util moved from the locked 1.1.0 to 1.2.0: its registry took 1.1.0 down"}"""),
                Json.reader().readTree(moved.out()).get("warnings").get(1), "after the yank of @acme/base");
    }

    @Test
    void aLockedYankedVersionInstallsWithAWarningOnStderr() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.yank("@acme/util", "1.1.0", "typo in the prompt");
        home = work.resolve("other-home");

        CliRun run = prompd("install");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("warning: @acme/util@1.1.0 is yanked: typo in the prompt"), run.err());
        assertFalse(run.out().contains("yanked"), run.out());
    }

    @Test
    void aLockedVersionTakenDownInstalledFromTheCacheIsWarnedOfWithTheReasonAndTheWayOff() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.takeDown("@acme/util", "1.1.0", "leaked an API key");
        Folders.deleteRecursively(home.resolve("packages/@acme/util@1.1.0"));

        CliRun run = prompd("install");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 from the cache"), run.out());
        assertEquals("warning: @acme/util@1.1.0 is taken down: leaked an API key (installed from the copy"
                + " at hand because"
                + " the lock file pins it; it can no longer be downloaded; 'prompd update @acme/util' moves off it)\n",
                run.err());
        CliRun installed = prompd("install");
        assertEquals(0, installed.exitCode(), installed.err());
        assertEquals("", installed.err(), "with every locked version installed the registry is asked nothing");
    }

    @Test
    void oneVersionTakenDownAndTheOtherYankedAreEachSaidSoWithTheirReasonsAndNoWiderRangeOffered() throws IOException {
        registry.publish("@acme/notes", "1.0.0").publish("@acme/notes", "1.1.0");
        assertEquals(0, prompd("install", "@acme/notes@~1.0.0").exitCode());
        registry.takeDown("@acme/notes", "1.0.0", "Leaked a key.").yank("@acme/notes", "1.1.0", "Broken.");
        Path manifest = project.resolve("prompd.json");
        Files.writeString(manifest, Files.readString(manifest).replace("~1.0.0", "^1.0.0"));

        CliRun outdated = prompd("outdated");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("warning: @acme/notes@1.0.0 is taken down: Leaked a key (it can no longer be"
                + " downloaded; every other"
                + " version that meets ^1.0.0 is yanked (1.1.0: Broken), and no version of it is left that is not"
                + " yanked: remove the dependency with 'prompd uninstall @acme/notes')\n", outdated.err());

        CliRun install = prompd("install", "--global", "@acme/notes");

        assertEquals(3, install.exitCode(), install.err());
        assertEquals("error: every version of @acme/notes is yanked (1.1.0: Broken) or taken down (1.0.0: Leaked a"
                + " key)\nhint: none can be installed anew: a yanked version is used only where a prompd.lock pins it"
                + " already; choose another package, or ask its maintainers for a new release\n", install.err());
    }

    @Test
    void outdatedWarnsOfALockedVersionTakenDownAndWantsTheNewestLeft() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0").takeDown("@acme/util", "1.1.0", "leaked an API key");

        CliRun run = prompd("outdated");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                package     current             wanted  latest  dependency
                @acme/util  1.1.0 (taken down)  1.0.0   2.0.0   transitive
                """, run.out());
        assertEquals("warning: @acme/util@1.1.0 is taken down: leaked an API key (it can no longer be downloaded;"
                + " 'prompd update @acme/util' moves off it)\n", run.err());
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        assertEquals("1.0.0", row.get("wanted").asText());
        assertTrue(row.get("takenDown").asBoolean(), row.toString());
        assertFalse(row.get("unlisted").asBoolean(), row.toString());
        assertFalse(row.get("invalid").asBoolean(), row.toString());

        CliRun update = prompd("update", "@acme/util");
        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("~ @acme/util 1.1.0 -> 1.0.0\n"), update.out());
        assertEquals("", prompd("outdated").err());
    }

    @Test
    void installOfAPackageWithNoVersionLeftIsNotFoundWithTheReasonsAndChangesNothing() throws IOException {
        registry.publish("@acme/gone", "1.0.0").takeDown("@acme/gone", "1.0.0", "leaked an API key");

        for (String asked : List.of("@acme/gone", "@acme/gone@1.0.0", "@acme/gone@^1.0.0", "@acme/gone@latest")) {
            CliRun run = prompd("install", asked);

            assertEquals(3, run.exitCode(), asked);
            assertEquals("error: every version of @acme/gone is taken down (1.0.0: leaked an API key), so none can be"
                    + " installed\n", run.err(), asked);
        }
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n",
                Files.readString(project.resolve("prompd.json")));
    }

    @Test
    void installOfAVersionTakenDownNamedExactlyGivesTheReasonAsInfoDoes() throws IOException {
        registry.takeDown("@acme/util", "1.0.0", "leaked an API key");

        CliRun run = prompd("install", "@acme/util@1.0.0");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("""
                error: @acme/util@1.0.0 is taken down: leaked an API key
                hint: 'prompd info @acme/util' lists the versions left
                """, run.err());
    }

    @Test
    void outdatedAndUpdateOfALockedDependencyWithNoVersionLeftSayToRemoveIt() throws IOException {
        registry.publish("@acme/gone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/gone").exitCode());
        registry.takeDown("@acme/gone", "1.0.0", "leaked an API key");

        CliRun outdated = prompd("outdated");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("""
                package     current             wanted  latest  dependency
                @acme/gone  1.0.0 (taken down)  -       -       direct
                """, outdated.out());
        assertEquals("warning: @acme/gone@1.0.0 is taken down: leaked an API key (it can no longer be downloaded; no"
                + " version of it is left: remove the dependency with 'prompd uninstall @acme/gone')\n",
                outdated.err());
        // the copy installed stays usable, as a yanked version the lock pins does: an update keeps it, saying so
        for (List<String> update : List.of(List.of("update"), List.of("update", "@acme/gone"),
                List.of("update", "@acme/gone", "--latest"))) {
            CliRun run = prompd(update.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("warning: @acme/gone@1.0.0 is taken down: leaked an API key (installed from the copy at hand"
                    + " because the lock file pins it; it can no longer be downloaded; no version of it is left: remove"
                    + " the dependency with 'prompd uninstall @acme/gone')\n", run.err());
        }
        assertEquals(0, prompd("uninstall", "@acme/gone").exitCode());
        assertEquals("", prompd("outdated").err());
    }

    @Test
    void anUninstallTheOutdatedHintNamesRemovesTheDependencyThoughAnotherCannotResolve() throws IOException {
        registry.publish("@acme/gone", "1.0.0").publish("@acme/tool", "1.0.0").publish("@acme/tool", "2.0.0");
        assertEquals(0, prompd("install", "@acme/util", "@acme/gone").exitCode());
        registry.takeDown("@acme/gone", "1.0.0", "leaked an API key").takeDown("@acme/tool", "1.0.0", "broken");
        editDependencies("\"@acme/util\": \"^1.1.0\", \"@acme/gone\": \"^1.0.0\", \"@acme/tool\": \"^1.0.0\"");
        String lockBefore = Files.readString(project.resolve("prompd.lock"));
        assertTrue(prompd("outdated").err().contains("remove the dependency with 'prompd uninstall @acme/gone'"));
        CliRun update = prompd("update", "@acme/util");
        assertEquals(3, update.exitCode(), update.err());
        assertTrue(update.err().endsWith("\nhint: 'prompd uninstall @acme/gone' removes what has no version left; then"
                + " 'prompd install @acme/tool@^2.0.0' moves past the versions taken down\n"), update.err());

        CliRun uninstall = prompd("uninstall", "@acme/gone");

        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertEquals("""
                removed @acme/gone from prompd.json
                1 package: 0 downloaded, 0 from the cache, 1 already installed
                prompd.lock written:
                  - @acme/gone@1.0.0
                """, uninstall.out());
        assertEquals("""
                warning: the other dependencies were not resolved again, as they cannot be, and stay as prompd.lock\
                 locked them: Because your project depends on @acme/tool ^1.0.0 and no version of @acme/tool matches\
                 ^1.0.0 (1.0.0 is taken down: broken), version solving failed.
                warning: no version of @acme/tool matches ^1.0.0 (1.0.0 is taken down: broken), so 'prompd install'\
                 cannot lock it: widen its range in prompd.json, as 'prompd update @acme/tool --latest' does to ^2.0.0
                """, uninstall.err());
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"dependencies\": {\"@acme/tool\": \"^1.0.0\","
                + " \"@acme/util\": \"^1.1.0\"}}\n", Files.readString(project.resolve("prompd.json")));
        assertEquals(Json.reader().readTree(lockBefore).at("/packages/@acme~1util"),
                Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock"))).at("/packages/@acme~1util"));
        assertEquals(1,
                Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock"))).get("packages").size());
        CliRun latest = prompd("update", "@acme/tool", "--latest");
        assertEquals(0, latest.exitCode(), latest.err());
    }

    @Test
    void everyHintPastTwoDependenciesOnlyVersionsTakenDownMeetNamesBothInOneCommandThatWorks() throws IOException {
        registry.publish("@acme/tool", "1.0.0").publish("@acme/tool", "1.1.0").publish("@acme/util", "1.2.0")
                .takeDown("@acme/tool", "1.1.0", "broken").takeDown("@acme/util", "1.1.0", "leaked an API key");
        editDependencies("\"@acme/util\": \"~1.1.0\", \"@acme/tool\": \"~1.1.0\"");
        String both = "'prompd install @acme/tool@^1.0.0 @acme/util@^1.2.0' moves past the versions taken down\n";

        CliRun outdated = prompd("outdated");
        CliRun one = prompd("install", "@acme/util@^1.2.0");
        CliRun other = prompd("update", "@acme/tool", "--latest");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertTrue(outdated.err().contains("as 'prompd update @acme/tool @acme/util --latest' does to ^1.0.0\n"),
                outdated.err());
        assertTrue(outdated.err().contains("as 'prompd update @acme/tool @acme/util --latest' does to ^1.2.0\n"),
                outdated.err());
        assertTrue(one.err().endsWith("hint: " + both), one.err());
        assertTrue(other.err().endsWith("hint: " + both), other.err());
        assertEquals(0, prompd("update", "@acme/tool", "@acme/util", "--latest").exitCode(), "the way off works");
    }

    @Test
    void aResolutionOfARangeOnlyVersionsTakenDownMetNamesThemWithTheReasons() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.publish("@acme/util", "2.0.0").takeDown("@acme/util", "1.1.0", "leaked an API key");
        // with no copy at hand, the version the lock pins is no candidate either
        home = work.resolve("empty-home");
        String because = "error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @acme/util ^1.1.0 and no version of @acme/util matches"
                + " ^1.1.0 (1.1.0 is taken down: leaked an API key), version solving failed.\n";

        CliRun update = prompd("update", "@acme/util");

        assertEquals(3, update.exitCode(), update.err());
        assertEquals(because + "hint: 'prompd install @acme/util@^2.0.0' moves past the versions taken down\n",
                update.err());
        CliRun latest = prompd("update", "@acme/util", "--latest");
        assertEquals(0, latest.exitCode(), latest.err());
        assertTrue(latest.out().contains("~ @acme/util 1.1.0 -> 2.0.0\n"), latest.out());

        registry.takeDown("@acme/util", "1.0.0", "leaked an API key");
        CliRun added = prompd("install", "@acme/util@^1.0.0");
        assertEquals(3, added.exitCode(), added.err());
        assertEquals("""
                error: the dependencies cannot be resolved:
                  Because your project depends on @acme/util ^1.0.0 and no version of @acme/util matches ^1.0.0\
                 (1.0.0 and 1.1.0 are taken down: leaked an API key), version solving failed.
                hint: 'prompd install @acme/util@^2.0.0' moves past the versions taken down
                """, added.err());
    }

    @Test
    void aLockedVersionTakenDownWithItsCopyAtHandDoesNotKeepAnotherPackageFromBeingAdded() throws IOException {
        registry.publish("@acme/gone", "1.0.0", "@acme/util", "^1.0.0");
        assertEquals(0, prompd("install", "@acme/gone").exitCode());
        registry.takeDown("@acme/gone", "1.0.0", "plagiarised prompt");

        CliRun added = prompd("install", "@acme/greeter");

        assertEquals(0, added.exitCode(), added.err());
        assertEquals("warning: @acme/gone@1.0.0 is taken down: plagiarised prompt (installed from the copy at hand"
                + " because the lock file pins it; it can no longer be downloaded; no version of it is left: remove the"
                + " dependency with 'prompd uninstall @acme/gone')\n", added.err());
        JsonNode lock = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock")));
        assertEquals("1.0.0", lock.at("/packages/@acme~1gone/version").asText());
        assertEquals("1.0.0", lock.at("/packages/@acme~1greeter/version").asText());

        home = work.resolve("empty-home");
        CliRun withoutCopy = prompd("install", "@acme/base");
        assertEquals(3, withoutCopy.exitCode(), withoutCopy.err());
        assertEquals("""
                error: the dependencies cannot be resolved:
                  Because your project depends on @acme/gone ^1.0.0 and every version of @acme/gone is taken down\
                 (1.0.0: plagiarised prompt), version solving failed.
                hint: 'prompd uninstall @acme/gone' removes what has no version left; then 'prompd install\
                 @acme/base@^1.0.0' moves past the versions taken down
                """, withoutCopy.err());
        assertEquals(0, prompd("uninstall", "@acme/gone").exitCode());
        assertEquals(0, prompd("install", "@acme/base@^1.0.0").exitCode(), "the way offered works");
    }

    @Test
    void aLockedVersionNoLongerListedWithItsCopyAtHandIsKeptAsOneTakenDownIsAndWarnedOfWithoutAReason()
            throws IOException {
        registry.publish("@acme/gone", "1.0.0").publish("@acme/gone", "1.1.0");
        assertEquals(0, prompd("install", "@acme/gone").exitCode());
        registry.unlist("@acme/gone", "1.1.0");

        CliRun added = prompd("install", "@acme/greeter", "--json");

        assertEquals(0, added.exitCode(), added.err());
        assertEquals(Json.reader().readTree("""
                [{"kind": "takenDown", "name": "@acme/gone", "version": "1.1.0", "unlisted": true, "message":\
                 "@acme/gone@1.1.0 is no longer listed by its registry (installed from the copy at hand because the lock file pins it; it can\
                 no longer be downloaded; no other version meets ^1.1.0: widen its range in prompd.json, or choose\
                 another version ('prompd info @acme/gone' lists them))"}]"""),
                Json.reader().readTree(added.out()).get("warnings"));
        JsonNode lock = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock")));
        assertEquals("1.1.0", lock.at("/packages/@acme~1gone/version").asText());
        assertEquals("1.0.0", lock.at("/packages/@acme~1greeter/version").asText());
        CliRun updated = prompd("update", "@acme/greeter");
        assertEquals(0, updated.exitCode(), updated.err());
        assertTrue(updated.err().startsWith("warning: @acme/gone@1.1.0 is no longer listed by its registry ("),
                updated.err());
        home = work.resolve("other-home");
        CliRun uninstalled = prompd("uninstall", "@acme/greeter", "--json");
        assertEquals(0, uninstalled.exitCode(), uninstalled.err());
        assertEquals(Json.reader().readTree("""
                [{"name": "@acme/gone", "version": "1.1.0", "unlisted": true}]"""),
                Json.reader().readTree(uninstalled.out()).at("/warnings/0/packages"));
    }

    @Test
    void aDependencyNotLockedYetWithNoVersionLeftIsWarnedOfByOutdatedAndNamedByInstall() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.publish("@acme/gone", "1.0.0").publish("@acme/gone", "1.1.0")
                .takeDown("@acme/gone", "1.0.0", "leaked an API key").takeDown("@acme/gone", "1.1.0", "");
        editDependencies("\"@acme/util\": \"^1.1.0\", \"@acme/gone\": \"^1.0.0\"");

        CliRun outdated = prompd("outdated");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("""
                package     current                  wanted  latest  dependency
                @acme/gone  not locked (taken down)  -       -       direct
                """, outdated.out());
        assertEquals("warning: every version of @acme/gone is taken down (1.0.0: leaked an API key; 1.1.0), so 'prompd"
                + " install' cannot lock it: remove the dependency with 'prompd uninstall @acme/gone'\n",
                outdated.err());
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        assertTrue(row.get("takenDown").asBoolean(), row.toString());
        assertFalse(row.has("current") || row.has("invalid") || row.has("wanted") || row.has("latest"), row.toString());

        CliRun install = prompd("install");
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().startsWith("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @acme/gone ^1.0.0 and every version"
                + " of @acme/gone is taken down (1.0.0: leaked an API key; 1.1.0), version solving failed.\n"),
                install.err());
    }

    @Test
    void aDependencyNotLockedYetWhoseRangeOnlyVersionsTakenDownMetIsWarnedOfByOutdated() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.publish("@acme/tool", "1.0.0").publish("@acme/tool", "2.0.0")
                .takeDown("@acme/tool", "1.0.0", "leaked an API key");
        editDependencies("\"@acme/util\": \"^1.1.0\", \"@acme/tool\": \"^1.0.0\"");

        CliRun outdated = prompd("outdated", "--json");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("warning: no version of @acme/tool matches ^1.0.0 (1.0.0 is taken down: leaked an API key), so"
                + " 'prompd install' cannot lock it: widen its range in prompd.json, as 'prompd update @acme/tool"
                + " --latest' does to ^2.0.0\n", outdated.err());
        JsonNode row = Json.reader().readTree(outdated.out()).get(0);
        assertEquals("2.0.0", row.get("latest").asText());
        assertTrue(row.get("takenDown").asBoolean(), row.toString());
        assertFalse(row.has("wanted"), row.toString());
    }

    /**
     * A package whose whole index.json is gone is as taken down as each of its versions: the copy at hand stays while
     * the lock pins it, and without one the way off is to do without it, never another name the registry has.
     */
    @Test
    void aLockedPackageGoneFromTheRegistryIsKeptFromItsCopyByUpdatesAndInstallsOfOthersAndElseGivesTheWayOff()
            throws IOException {
        registry.publish("@acme/other", "1.0.0").publish("@acme/new", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util@1.0.0", "@acme/other").exitCode());
        registry.publish("@acme/other", "1.1.0");
        Files.move(registry.root().resolve("packages/@acme/util"), work.resolve("gone"));
        String gone = "@acme/util@1.0.0 is locked in prompd.lock, but registry " + server.url() + " no longer has"
                + " @acme/util";
        String wayOff = "no version of @acme/util is left to download: remove the dependency with 'prompd uninstall"
                + " @acme/util'";

        CliRun update = prompd("update", "@acme/other");

        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("~ @acme/other 1.0.0 -> 1.1.0"), update.out());
        assertEquals("warning: " + gone + " (installed from the copy at hand because the lock file pins it; " + wayOff
                + ")\n", update.err());
        CliRun added = prompd("install", "@acme/new", "--json");
        assertEquals(0, added.exitCode(), added.err());
        JsonNode warning = Json.reader().readTree(added.out()).get("warnings").get(0);
        assertEquals("goneFromRegistry", warning.get("kind").asText(), warning.toString());
        assertTrue(Files.readString(project.resolve("prompd.lock")).contains("\"@acme/util\""), "kept locked");

        home = work.resolve("other-home");
        for (List<String> command : List.of(List.of("update", "@acme/other"), List.of("install", "@acme/base"),
                List.of("install", "@acme/util"), List.of("update"), List.of("update", "--latest"))) {
            CliRun failed = prompd(command.toArray(String[]::new));

            assertEquals(3, failed.exitCode(), command + ": " + failed.err());
            assertEquals("error: " + gone + "\nhint: " + wayOff + "\n", failed.err(), command.toString());
        }
    }
}
