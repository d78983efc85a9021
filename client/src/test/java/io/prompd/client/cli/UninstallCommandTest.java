package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** prompd uninstall of a project's dependencies and, with --global, of versions in the store. */
class UninstallCommandTest extends InstallCommandsFixture {

    @Test
    void aDependencyNamedTwiceToUninstallIsRemovedAndSaidOnce() throws IOException {
        assertEquals(0, prompd("install", "@acme/util", "@acme/base").exitCode());

        CliRun run = prompd("rm", "@acme/util", "acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.out().split("removed @acme/util from prompd.json\n", -1).length - 1, run.out());
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("@acme/util"));
    }

    @Test
    void aGlobalUninstallRemovesVersionsFromTheStore() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        assertEquals(0, prompd("install", "--global", "@acme/greeter").exitCode());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals("@acme/base@1.0.0\n@acme/greeter@1.0.0\n@acme/util@1.0.0\n@acme/util@1.1.0\n",
                prompd("list", "--installed").out());

        CliRun missing = prompd("uninstall", "--global", "@acme/base@^2", "@acme/nothere", "@acme/nothere");
        assertEquals(3, missing.exitCode());
        assertEquals("error: not in the store: @acme/base@^2 and @acme/nothere; nothing was removed\n"
                + "hint: 'prompd list --installed' lists the store\n", missing.err());
        CliRun tag = prompd("uninstall", "-g", "@acme/util@latest");
        assertEquals(2, tag.exitCode());
        assertTrue(tag.err().startsWith("error: the store knows versions, not dist-tags"), tag.err());
        assertEquals(4, prompd("list", "--installed").out().lines().count(), "a refused removal removes nothing");

        CliRun some = prompd("uninstall", "-g", "@acme/util@^1.1", "acme/greeter");
        assertEquals(0, some.exitCode(), some.err());
        assertEquals("removed @acme/greeter@1.0.0\nremoved @acme/util@1.1.0\n", some.out());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.0.0\n", prompd("list", "--installed").out());

        CliRun all = prompd("rm", "-g", "@acme/util", "@acme/base", "--json");
        assertEquals(0, all.exitCode(), all.err());
        JsonNode removed = Json.reader().readTree(all.out()).get("removed");
        assertEquals("1.0.0", removed.get("@acme/util").get(0).asText());
        assertEquals("(no package installed)\n", prompd("list", "--installed").out());
    }

    @Test
    void aGlobalUninstallRunAgainSkipsWhatTheFirstRemovedWithAWarningAndRemovesTheRest() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        assertEquals(0, prompd("install", "--global", "@acme/greeter").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/greeter").exitCode());

        CliRun again = prompd("uninstall", "--global", "@acme/greeter", "@acme/base", "@acme/util@^2");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals("removed @acme/base@1.0.0\n", again.out());
        assertEquals("warning: @acme/greeter is not in the store: skipped\n"
                + "warning: @acme/util@^2 is not in the store: skipped\n", again.err());
        assertEquals("@acme/util@1.1.0\n", prompd("list", "--installed").out());
        CliRun json = prompd("uninstall", "--global", "@acme/base", "@acme/util", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree("""
                {"removed": {"@acme/util": ["1.1.0"]}, "warnings": [{"kind": "notInStore", "name": "@acme/base",
                "message": "@acme/base is not in the store: skipped"}]}"""), Json.reader().readTree(json.out()));
    }

    @Test
    void aGlobalUninstallAfterOneKilledMidwayFinishesItAndRemovesTheRecordItLeft() throws Exception {
        Files.delete(project.resolve("prompd.json"));
        assertEquals(0, prompd("install", "--global", "@acme/greeter").exitCode());
        // killed once the folder of @acme/base was renamed aside, before its record went
        long killed = Processes.endedPid();
        Path base = home.resolve("packages/@acme/base@1.0.0");
        Files.move(base, base.resolveSibling(".base@1.0.0.%d.1.part".formatted(killed)));
        Processes.killedWhileHolding(home.resolve("install.lock"));

        CliRun again = prompd("uninstall", "--global", "@acme/base", "@acme/greeter");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals("removed @acme/greeter@1.0.0\n", again.out());
        assertEquals("warning: @acme/base is not in the store: skipped\n", again.err());
        try (Stream<Path> left = Files.list(home.resolve("packages/@acme"))) {
            assertEquals(List.of(".util@1.1.0.integrity", "util@1.1.0"),
                    left.map(entry -> entry.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A name mistyped was 'not a dependency in prompd.json' to uninstall, 'not a dependency of this project' to update,
     * with no word of the one meant, which info and install give: both say it the same way, offering the project's own
     * names spelt alike, uninstall those of prompd.json and update any the project has.
     */
    @Test
    void aMistypedNameIsOfferedTheProjectsOwnSpeltAlikeByUninstallAndUpdateAlike() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        String manifest = Files.readString(project.resolve("prompd.json"));

        CliRun uninstall = prompd("uninstall", "@acme/greeterr");
        assertEquals(3, uninstall.exitCode(), uninstall.err());
        assertEquals("error: not a dependency of this project: @acme/greeterr\nhint: 'prompd list' shows the project's"
                + " direct dependencies; did you mean @acme/greeter?\n", uninstall.err());
        CliRun update = prompd("update", "@acme/greeterr", "@acme/bse");
        assertEquals(3, update.exitCode(), update.err());
        assertEquals("error: not a dependency of this project: @acme/bse, @acme/greeterr\nhint: 'prompd list' shows"
                + " the project's packages, and 'prompd install NAME' adds one; did you mean @acme/base for @acme/bse,"
                + " and @acme/greeter for @acme/greeterr?\n", update.err());
        CliRun nothingClose = prompd("uninstall", "@acme/other-thing");
        assertEquals("error: not a dependency of this project: @acme/other-thing\nhint: 'prompd list' shows the"
                + " project's direct dependencies\n", nothingClose.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));

        assertEquals(0, prompd("install", "@acme/util").exitCode());
        CliRun skipped = prompd("uninstall", "@acme/util", "@acme/greeterr", "--json");
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertEquals("warning: @acme/greeterr is not a dependency of this project: skipped; did you mean"
                + " @acme/greeter?\n", skipped.err());
        assertEquals("[\"@acme/greeter\"]", Json.reader().readTree(skipped.out()).at("/warnings/0/similar").toString());
    }

    /**
     * A dependency named in a scope the project has none of was offered its namesake by neither uninstall nor update:
     * the guard of a registry's names, whose scope missing is likely served elsewhere, held the project's own too.
     */
    @Test
    void aDependencyNamedInAnotherScopeIsOfferedTheProjectsOwnByUninstallUpdateAndASkippedName() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter", "@acme/util").exitCode());

        CliRun uninstall = prompd("uninstall", "@other/greeter");
        assertEquals(3, uninstall.exitCode(), uninstall.err());
        assertEquals("error: not a dependency of this project: @other/greeter\nhint: 'prompd list' shows the project's"
                + " direct dependencies; did you mean @acme/greeter?\n", uninstall.err());
        CliRun update = prompd("update", "@other/base");
        assertEquals(3, update.exitCode(), update.err());
        assertEquals("error: not a dependency of this project: @other/base\nhint: 'prompd list' shows the project's"
                + " packages, and 'prompd install NAME' adds one; did you mean @acme/base?\n", update.err());
        CliRun skipped = prompd("uninstall", "@acme/util", "@other/greeter");
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertEquals("warning: @other/greeter is not a dependency of this project: skipped; did you mean"
                + " @acme/greeter?\n", skipped.err());
    }

    @Test
    void aProjectUninstallSkipsANameThatIsNowhereInTheProjectButRefusesOneADependencyNeeds() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter", "@acme/util").exitCode());

        CliRun needed = prompd("uninstall", "@acme/greeter", "@acme/base", "@acme/nothere");
        assertEquals(3, needed.exitCode());
        assertEquals("error: @acme/base is not a dependency in prompd.json: prompd.lock has it because @acme/greeter"
                + " depends on it\nhint: 'prompd uninstall @acme/greeter' removes it too; 'prompd tree' shows who needs"
                + " what\n", needed.err());
        CliRun skipped = prompd("uninstall", "@acme/greeter", "@acme/nothere", "--json");
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertEquals("warning: @acme/nothere is not a dependency of this project: skipped\n", skipped.err());
        JsonNode report = Json.reader().readTree(skipped.out());
        assertEquals("[\"@acme/greeter\"]", report.get("removed").toString());
        assertEquals("notADependency", report.get("warnings").get(0).get("kind").asText());
        assertEquals("@acme/nothere", report.get("warnings").get(0).get("name").asText());
        CliRun none = prompd("uninstall", "@acme/greeter", "@acme/nothere");
        assertEquals(3, none.exitCode());
        assertTrue(none.err().startsWith("error: not a dependency of this project: @acme/greeter, @acme/nothere\n"),
                none.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("@acme/util"));
    }

    @Test
    void aProjectWhoseLockedVersionLeftTheStoreInstallsItAgain() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals(0, prompd("uninstall", "-g", "@acme/util").exitCode());

        CliRun again = prompd("install");

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("2 packages: 0 downloaded, 1 from the cache, 1 already installed"),
                again.out());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0\n", prompd("list", "--installed").out());
    }

    @Test
    void aGlobalUninstallRemovesAStoreCopyWhoseManifestIsCutShort() throws IOException {
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.1.0").exitCode());
        Files.writeString(home.resolve("packages/@acme/util@1.1.0/prompd.json"), "{\"name\": \"@acme/ut");

        CliRun named = prompd("uninstall", "--global", "@acme/util@1.1.0");

        assertEquals(0, named.exitCode(), named.err());
        assertEquals("removed @acme/util@1.1.0\n", named.out());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("@acme/util@1.0.0\n", prompd("list", "--installed").out());
        Files.writeString(home.resolve("packages/@acme/util@1.0.0/prompd.json"), "");
        CliRun all = prompd("uninstall", "--global", "@acme/util");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals("removed @acme/util@1.0.0\n", all.out(), "the name alone takes damaged copies too");
    }

    /**
     * The store holds the only copy a project pinning a version taken down has, as npm's and cargo's do not need to:
     * their registries keep every version. Removing it loses it for good, so it is refused unless forced.
     */
    @Test
    void aGlobalUninstallRefusesVersionsTheRegistryNoLongerGivesUnlessForcedAndThenWarnsOfEach() throws IOException {
        installVersionsTheRegistryThenStopsGiving();
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        String url = server.url().toString();
        String listed = prompd("list", "--installed").out();

        CliRun one = prompd("uninstall", "--global", "@acme/base");
        CliRun several = prompd("uninstall", "--global", "@acme/util", "@acme/gone", "@acme/greeter");

        assertEquals(4, one.exitCode(), one.err());
        assertEquals("", one.out());
        assertEquals("error: the store's copy of @acme/base@1.0.0 is its last (registry " + url + " took it down:"
                + " leaked a key): no 'prompd install' can download it again; nothing was removed\nhint: a project"
                + " whose prompd.lock pins it installs it from this copy alone: keep it; to remove it anyway, add"
                + " --force\n", one.err());
        assertEquals(4, several.exitCode(), several.err());
        assertEquals("error: the store's copies of @acme/gone@1.0.0 and @acme/util@1.1.0 are their last"
                + " (@acme/gone@1.0.0: registry " + url + " no longer has @acme/gone; @acme/util@1.1.0: registry "
                + url + " no longer lists it): no 'prompd install' can download them again; nothing was removed\nhint:"
                + " a project whose prompd.lock pins one of them installs it from its copy alone: keep them, and"
                + " remove the"
                + " others alone with 'prompd uninstall --global @acme/greeter@1.0.0 @acme/util@1.0.0'; to remove"
                + " them anyway, add --force\n", several.err());
        assertEquals(listed, prompd("list", "--installed").out(), "nothing removed");
        CliRun others = prompd("uninstall", "--global", "@acme/greeter@1.0.0", "@acme/util@1.0.0");
        assertEquals(0, others.exitCode(), others.err());
        assertEquals("", others.err());

        CliRun forced = prompd("uninstall", "--global", "@acme/base", "@acme/gone", "--force", "--json");

        assertEquals(0, forced.exitCode(), forced.err());
        String base = "removed @acme/base@1.0.0, its last copy (registry " + url + " took it down: leaked a key): no"
                + " 'prompd install' can download it again, and a project whose prompd.lock pins it fails to install"
                + " until it moves off it";
        String gone = "removed @acme/gone@1.0.0, its last copy (registry " + url + " no longer has @acme/gone): no"
                + " 'prompd install' can download it again, and a project whose prompd.lock pins it fails to install"
                + " until it moves off it";
        assertEquals(Json.reader().readTree("{\"removed\": {\"@acme/base\": [\"1.0.0\"], \"@acme/gone\": [\"1.0.0\"]},"
                + " \"warnings\": [{\"kind\": \"lastCopyRemoved\", \"name\": \"@acme/base\", \"version\": \"1.0.0\","
                + " \"registry\": \"registry " + url + "\", \"why\": \"takenDown\", \"reason\": \"leaked a key\","
                + " \"message\": \"" + base + "\"}, {\"kind\": \"lastCopyRemoved\", \"name\": \"@acme/gone\","
                + " \"version\": \"1.0.0\", \"registry\": \"registry " + url + "\", \"why\": \"gone\", \"message\": \""
                + gone + "\"}]}"), Json.reader().readTree(forced.out()));
        assertEquals("warning: " + base + "\nwarning: " + gone + "\n", forced.err());
        assertEquals("@acme/util@1.1.0\n", prompd("list", "--installed").out());
        CliRun install = prompd("install");
        assertEquals(3, install.exitCode(), "as the warning said: " + install.err());
    }

    @Test
    void aGlobalUninstallRemovesAVersionTakenDownWhoseTarballIsCachedAsTheNextInstallPutsItBackFromTheCache()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/util@1.0.0").exitCode());
        registry.takeDown("@acme/util", "1.0.0", "leaked a key");

        CliRun removed = prompd("uninstall", "--global", "@acme/util");

        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals("removed @acme/util@1.0.0\n", removed.out());
        assertEquals("", removed.err());
        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().contains("1 from the cache"), install.out());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.0.0")));
    }

    @Test
    void aGlobalUninstallThatCannotReadTheRegistryRemovesWithAWarningThatItMayHaveBeenTheLastCopy()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        String index = server.url() + "packages/@acme/util/index.json";

        CliRun offline = prompd("--offline", "uninstall", "--global", "@acme/util");

        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals("removed @acme/util@1.1.0\n", offline.out());
        assertEquals("warning: removed @acme/util@1.1.0 not knowing whether it can be downloaded again (its index"
                + " could not be read: offline and not cached: " + index + "): if"
                + " its registry no longer gives it, that was its last copy\n", offline.err());
    }

    /**
     * With no registry configured (the install named it with PROMPD_REGISTRY alone), none can tell whether the version
     * can be downloaded again: the user mends that, so the removal is refused unless forced, as for a version taken
     * down, and cache clean decides alike.
     */
    @Test
    void aGlobalUninstallWithNoRegistryConfiguredRefusesTheStoresCopyThatMayBeTheLastUnlessForced()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());

        CliRun uninstall = CliRun.in(project, home, "", Map.of(), "uninstall", "--global", "@acme/util");

        assertEquals(4, uninstall.exitCode(), uninstall.err());
        assertEquals("error: the store's copy of @acme/util@1.1.0 may be its last: no registry can be asked of it (no"
                + " registry configured), so whether 'prompd install' can download it again is not known; nothing was"
                + " removed\nhint: a project whose prompd.lock pins it may install it only from this copy: keep it; to"
                + " have the registry serving it asked, name it with --registry URL (or set PROMPD_REGISTRY to it), or"
                + " add it with 'prompd registry add NAME URL --default', and run this again; to remove it anyway, add"
                + " --force\n", uninstall.err());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")), "the store's copy is kept");

        CliRun forced = CliRun.in(project, home, "", Map.of(), "uninstall", "--global", "@acme/util", "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("warning: removed @acme/util@1.1.0 not knowing whether it can be downloaded again (no registry"
                + " configured): if its registry no longer gives it, that was its last copy\n", forced.err());
    }

    /**
     * A file where the documents cache goes is a fault on this machine the user can move aside, as every other command
     * says: it must not let a global uninstall skip its last-copy check and remove what may be the last copy.
     */
    @Test
    void aGlobalUninstallRefusesAFileWhereTheDocumentsCacheGoesAndKeepsTheStoresCopy() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        Path inTheWay = Files.writeString(Files.createDirectories(home.resolve("cache")).resolve("http"), "notes");

        CliRun uninstall = prompd("uninstall", "--global", "@acme/util");

        assertEquals(4, uninstall.exitCode(), uninstall.err());
        assertEquals("error: a file stands where a folder is needed: " + inTheWay + "\nhint: move or rename that file,"
                + " then run this again\n", uninstall.err());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")), "the store's copy is kept");
    }

    /**
     * A registry that cannot be reached fails every package's index alike (the first after its tries, the others not
     * tried), which is one reason: one warning names it once for all the versions, not a line each repeating it.
     */
    @Test
    void aGlobalUninstallWarnsOnceOfARegistryThatCannotBeReachedForAllTheVersionsItRemoved() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        String url = server.url().toString();
        server.close();

        CliRun uninstall = prompd("uninstall", "--global", "@acme/base", "@acme/greeter", "@acme/util", "--json");

        assertEquals(0, uninstall.exitCode(), uninstall.err());
        String reason = "registry " + url + " could not be reached (last: cannot reach "
                + url.substring(0, url.length() - 1) + " (Connection refused))";
        // the tries of the first index are warned of on their own, as every request tried again is
        List<String> warnings = uninstall.err().lines().filter(line -> line.startsWith("warning: ")
                && !line.contains(": trying again, attempt ")).toList();
        assertEquals(List.of("warning: removed @acme/base@1.0.0, @acme/greeter@1.0.0 and @acme/util@1.1.0 not knowing"
                + " whether they can be downloaded again (their indexes could not be read: " + reason + "): if their"
                + " registry no longer gives one, that was its last copy"), warnings, uninstall.err());
        JsonNode warning = Json.reader().readTree(uninstall.out()).get("warnings").get(0);
        assertEquals("removedUnchecked", warning.get("kind").asText());
        assertEquals(reason, warning.get("problem").asText());
        assertEquals(Json.reader().readTree("[{\"name\": \"@acme/base\", \"version\": \"1.0.0\"}, {\"name\":"
                + " \"@acme/greeter\", \"version\": \"1.0.0\"}, {\"name\": \"@acme/util\", \"version\":"
                + " \"1.1.0\"}]"), warning.get("packages"));
    }

    @Test
    void forceGoesWithGlobalAlone() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());

        CliRun run = prompd("uninstall", "@acme/util", "--force");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: --force applies to --global alone, which removes versions from the store\nhint: leave out"
                + " --force: a project's uninstall keeps the store as it is\n", run.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("@acme/util"), "nothing done");
    }
}
