package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.files.Folders;
import io.prompd.core.json.Json;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * prompd.lock as install, update, list and tree read and write it: its format, --frozen, and a lock gone stale by a
 * hand edit or a merge.
 */
class LockFileTest extends InstallCommandsFixture {

    @Test
    void aLockEntryKeptAtItsVersionSaysInJsonWhatElseChanged() throws IOException {
        assertEquals(0, prompd("install", "acme/greeter").exitCode());
        Path lock = project.resolve("prompd.lock");
        ObjectNode edited = (ObjectNode) Json.reader().readTree(Files.readAllBytes(lock));
        ((ObjectNode) edited.get("packages").get("@acme/greeter")).putObject("dependencies");
        Files.writeString(lock, Json.writeString(edited));

        CliRun update = prompd("update", "--json");

        assertEquals(0, update.exitCode(), update.err());
        JsonNode change = Json.reader().readTree(update.out()).get("lockChanges").get(0);
        assertEquals("@acme/greeter", change.get("name").asText());
        assertEquals(change.get("before"), change.get("after"));
        assertEquals("[\"dependencies\"]", change.get("differing").toString());
    }

    @Test
    void theLockFileIsSortedStableJsonWithoutCredentials() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        String lock = Files.readString(project.resolve("prompd.lock"));
        String url = server.url().toString();
        assertTrue(lock.startsWith("{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n    \"@acme/base\": {\n"
                + "      \"dependencies\": {\n        \"@acme/util\": \"^1.0.0\"\n      },\n     "
                + " \"integrity\": \"sha512-"), lock);
        assertTrue(lock.contains("\"resolved\": \"" + url + "packages/@acme/util/-/util-1.1.0.tgz\""), lock);
        assertTrue(lock.endsWith("}\n"), lock);
    }

    /**
     * A locked URL a hand edit left with a password, its ':' or its scheme left out, reads as a relative or an opaque
     * URL, and was quoted whole, password and query: it is quoted with its user part masked and its query hidden.
     */
    @Test
    void aLockedUrlHoldingAPasswordThatIsNoAbsoluteUrlIsQuotedMasked() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        Path lock = project.resolve("prompd.lock");
        String locked = Files.readString(lock);
        String url = server.url() + "packages/@acme/base/-/base-1.0.0.tgz";
        String path = url.substring(server.url().toString().indexOf("//") + 2);
        String host = path.substring(0, path.indexOf('/'));
        String tarballPath = path.substring(host.length());
        // masked up to the last '@', as a password may hold one: the scope's
        String afterLastAt = url.substring(url.lastIndexOf('@'));
        List<List<String>> cases = List.of(
                List.of("http//deploy:LOCKPASS@" + path, "'http//***" + afterLastAt + "' is not an absolute URL"),
                List.of("deploy:LOCKPASS@" + path + "?t=LOCKPASS", "'***" + afterLastAt + "?…' is over a scheme,"
                        + " which prompd does not download over"),
                List.of("ftp://" + host + tarballPath + "?t=LOCKPASS", "'ftp://" + host + tarballPath + "?…' is over"
                        + " ftp:, which prompd does not download over"));
        for (List<String> edit : cases) {
            Files.writeString(lock, locked.replace(url, edit.get(0)));
            for (String[] command : List.of(new String[] {"install"}, new String[] {"list", "--json"})) {
                CliRun run = prompd(command);

                assertEquals(1, run.exitCode(), edit + run.err());
                assertTrue((run.out() + run.err()).contains(" /packages/@acme/base/resolved, line 9: "
                        + edit.get(1)), edit + run.out() + run.err());
                assertFalse((run.out() + run.err()).contains("LOCKPASS"), run.out() + run.err());
                assertFalse((run.out() + run.err()).contains("deploy"), run.out() + run.err());
            }
        }
    }

    /**
     * A URL no parser reads, as a hand edit leaves it, is quoted and pointed into as the lock's other URLs are: the
     * parser's reason alone tells neither the value nor which of its characters to fix.
     */
    @Test
    void aLockedUrlThatIsNoUrlIsQuotedWithThePositionOfTheCharacterThatBreaksIt() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        Path lock = project.resolve("prompd.lock");
        String url = server.url() + "packages/@acme/base/-/base-1.0.0.tgz";
        String broken = url.replace("/-/", "/-/ ");
        Files.writeString(lock, Files.readString(lock).replace(url, broken));

        // as every URL that does not read is quoted: all up to its last '@' may be a password holding a '/'
        String shown = Urls.shown(broken);

        for (String command : List.of("install", "list")) {
            CliRun run = prompd(command);

            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().startsWith("error: prompd.lock cannot be read:\nprompd.lock\n  error  "
                    + " /packages/@acme/base/resolved, line 9: '" + shown + "' is not a valid URL: illegal character"
                    + " in path at position " + (shown.indexOf(' ') + 1) + "\n"), command + ": " + run.err());
        }
    }

    @Test
    void frozenFailsWithExitConflict() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        Files.writeString(project.resolve("prompd.json"),
                "{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"dependencies\": {\"@acme/util\": \"1.0.0\"}}\n");
        CliRun run = prompd("install", "--frozen");
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: prompd.lock is out of date with prompd.json"), run.err());
    }

    /**
     * A frozen install in a read-only checkout (a container's {@code -v $PWD:/src:ro}), every version in the store,
     * failed with "permission denied: <project>/.prompd", making its run lock there, though it writes nothing of the
     * project: it takes the home's lock alone now, and audits the lock in full without noting it. Root writes a folder
     * of mode 555 all the same, so that no .prompd appearing is what tells.
     */
    @Test
    void aFrozenInstallWritesNothingOfTheProjectSoThatAReadOnlyCheckoutInstalls() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        Folders.deleteRecursively(project.resolve(".prompd"));

        CliRun frozen = inReadOnlyProject("install", "--frozen");
        loseUtilFromTheLock(true);
        CliRun stale = inReadOnlyProject("install", "--frozen");

        assertEquals(0, frozen.exitCode(), frozen.err());
        assertEquals("", frozen.err());
        assertTrue(frozen.out().endsWith("prompd.lock unchanged\n"), frozen.out());
        assertEquals(4, stale.exitCode(), stale.err());
        assertTrue(stale.err().startsWith("error: prompd.lock is out of date with prompd.json and --frozen forbids"
                + " changing it: prompd.lock records no dependencies for @acme/base@1.0.0"), stale.err());
        assertFalse(Files.exists(project.resolve(".prompd"), LinkOption.NOFOLLOW_LINKS),
                "neither the project's run lock nor the audit's note");
    }

    /** prompd run with the project folder's mode 555, as a read-only checkout has it, and writable again after. */
    private CliRun inReadOnlyProject(String... args) throws IOException {
        Set<PosixFilePermission> writable = Files.getPosixFilePermissions(project);
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            return prompd(args);
        } finally {
            Files.setPosixFilePermissions(project, writable);
        }
    }

    /** prompd.lock's entry of @acme/base recording a dependency on the package, as a hand edit does. */
    private void recordInTheLockThatBaseNeeds(String name, String range) throws IOException {
        ObjectNode lock = (ObjectNode) Json.reader().readTree(Files.readString(project.resolve("prompd.lock")));
        ((ObjectNode) lock.get("packages").get("@acme/base").get("dependencies")).put(name, range);
        Files.writeString(project.resolve("prompd.lock"), lock.toPrettyString() + "\n");
    }

    /** prompd.lock without the entry of @acme/util and, if asked, without @acme/base's record of needing it. */
    private void loseUtilFromTheLock(boolean recordToo) throws IOException {
        ObjectNode lock = (ObjectNode) Json.reader().readTree(Files.readString(project.resolve("prompd.lock")));
        ObjectNode packages = (ObjectNode) lock.get("packages");
        packages.remove("@acme/util");
        if (recordToo) {
            ((ObjectNode) packages.get("@acme/base")).remove("dependencies");
        }
        Files.writeString(project.resolve("prompd.lock"), lock.toPrettyString() + "\n");
    }

    @Test
    void aLockThatLostADependencyRecordAndItsEntryIsStaleToInstallFrozenListAndTree() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        assertEquals(0, prompd("install").exitCode());
        assertTrue(Files.isRegularFile(project.resolve(".prompd/lock-audited")), "the lock found agreeing is noted");
        loseUtilFromTheLock(true);

        CliRun frozen = prompd("install", "--frozen");
        assertEquals(4, frozen.exitCode(), frozen.err());
        assertTrue(frozen.err().startsWith("error: prompd.lock is out of date with prompd.json and --frozen forbids"
                + " changing it: prompd.lock records no dependencies for @acme/base@1.0.0, and its own prompd.json"
                + " declares @acme/util ^1.0.0\n"), frozen.err());
        String stale = "prompd.lock is stale: prompd.lock records no dependencies for @acme/base@1.0.0, and its own"
                + " prompd.json declares @acme/util ^1.0.0";
        for (String command : List.of("list", "tree")) {
            CliRun run = prompd(command);
            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().contains("error: " + stale + "\n"), command + ": " + run.err());
            assertTrue(run.err().contains("hint: run 'prompd install' to resolve it again"),
                    command + ": " + run.err());
        }

        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("prompd.lock was stale, so its versions were resolved again: prompd.lock"
                + " records no dependencies for @acme/base@1.0.0, and its own prompd.json declares @acme/util ^1.0.0"),
                install.err());
        assertTrue(install.out().contains("@acme/base@1.0.0 (dependencies)\n  + @acme/util@1.1.0\n"), install.out());
        assertEquals(0, prompd("list").exitCode());
        assertEquals(0, prompd("install", "--frozen").exitCode(), "repaired for good");
    }

    @Test
    void anEntryRecordingARangeItsLockedDependencyIsOutsideIsStaleToInstallAndNamedAsTheLocksByList()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        recordInTheLockThatBaseNeeds("@acme/util", "^9.0.0");

        CliRun list = prompd("list");
        CliRun install = prompd("install");

        assertEquals(1, list.exitCode(), list.err());
        assertTrue(list.err().startsWith("error: prompd.lock does not match itself: @acme/util@1.1.0 is outside ^9.0.0,"
                + " which prompd.lock's entry of @acme/base@1.0.0 records\n"), list.err());
        assertFalse(list.err().contains("does not match prompd.json"), list.err());
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("warning: prompd.lock was stale, so its versions were resolved again:"
                + " prompd.lock records @acme/util ^9.0.0 for @acme/base@1.0.0, and its own prompd.json declares"
                + " @acme/util ^1.0.0"), install.err());
        assertEquals(0, prompd("list").exitCode(), "repaired");
    }

    @Test
    void aVersionOutsideARangeOnlyTheLockRecordsIsInvalidToTreeAsToList() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        recordInTheLockThatBaseNeeds("@acme/util", "^9.0.0");

        CliRun list = prompd("list");
        CliRun listJson = prompd("list", "--json");
        CliRun tree = prompd("tree");
        CliRun treeJson = prompd("tree", "--json");
        CliRun dot = prompd("tree", "--dot");

        String invalid = "invalid: outside ^9.0.0, run 'prompd install'";
        assertEquals(1, list.exitCode(), list.err());
        assertTrue(list.out().contains("@acme/util@1.1.0  (transitive, " + invalid + ")\n"), list.out());
        assertTrue(Json.reader().readTree(listJson.out()).get(1).get("invalid").asBoolean(), listJson.out());
        assertEquals(1, tree.exitCode(), tree.err());
        assertTrue(tree.out().endsWith("""
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0 (%s)
                """.formatted(invalid)), "the range the lock records, as list names it: " + tree.out());
        assertEquals(1, treeJson.exitCode(), treeJson.err());
        JsonNode util = Json.reader().readTree(treeJson.out()).at("/dependencies/0/dependencies/0");
        assertEquals("@acme/util", util.get("name").asText(), treeJson.out());
        assertTrue(util.get("invalid").asBoolean(), treeJson.out());
        assertEquals(1, dot.exitCode(), dot.err());
        assertTrue(dot.out().contains("  \"@acme/util@1.1.0\" [label=\"@acme/util@1.1.0\\ninvalid: outside ^9.0.0\","
                + " color=red, fontcolor=red];\n"), dot.out());
    }

    @Test
    void aDependencyOnlyTheLockRecordsIsTheLocksToListAndNoChildInTheTree() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        recordInTheLockThatBaseNeeds("@acme/zzz", "^9.0.0");

        CliRun list = prompd("list");
        CliRun tree = prompd("tree");

        String stale = "error: prompd.lock is stale: prompd.lock records @acme/util ^1.0.0, @acme/zzz ^9.0.0 for"
                + " @acme/base@1.0.0, and its own prompd.json declares @acme/util ^1.0.0\n";
        assertEquals(1, list.exitCode(), list.err());
        assertTrue(list.err().contains(stale), list.err());
        assertFalse(list.err().contains("needs @acme/zzz"), "@acme/base does not need it: " + list.err());
        assertEquals(1, tree.exitCode(), tree.err());
        assertTrue(tree.err().contains(stale), tree.err());
        assertTrue(tree.out().endsWith("""
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0
                """), "what @acme/base's own prompd.json declares: " + tree.out());
    }

    @Test
    void aWarmInstallReadsTheInstalledManifestsOnlyOnceAfterEachChangeOfTheLock() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        assertEquals(0, prompd("install").exitCode());
        Path manifest = home.resolve("packages/@acme/base@1.0.0/prompd.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"@acme/util\"", "\"@acme/other\""));

        CliRun unchanged = prompd("install");
        Path lock = project.resolve("prompd.lock");
        Files.setLastModifiedTime(lock, FileTime.fromMillis(Files.getLastModifiedTime(lock).toMillis() + 1000));
        CliRun touched = prompd("install");
        Files.writeString(lock, Files.readString(lock).replace("util-1.1.0.tgz", "util-1.1.0.tgz?edited"));
        CliRun edited = prompd("install");

        assertEquals(0, unchanged.exitCode(), unchanged.err());
        assertEquals("", unchanged.err(), "the lock unchanged since it was found agreeing is not audited again");
        assertEquals("", touched.err(), "nor one whose content is the same: " + touched.err());
        assertEquals(0, edited.exitCode(), edited.err());
        assertTrue(edited.err().startsWith("warning: prompd.lock was stale, so its versions were resolved again:"
                + " prompd.lock records @acme/util ^1.0.0 for @acme/base@1.0.0, and its own prompd.json declares"
                + " @acme/other ^1.0.0"), "a lock changed since is audited again: " + edited.err());
    }

    @Test
    void aLockThatLostOnlyATransitiveEntryIsStaleToListAsToInstallFrozen() throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        loseUtilFromTheLock(false);

        assertEquals(4, prompd("install", "--frozen").exitCode());
        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), list.err());
        assertTrue(list.err().contains("error: prompd.lock is stale: @acme/base@1.0.0 needs @acme/util ^1.0.0, which"
                + " prompd.lock lacks\n"), list.err());
    }

    @Test
    void frozenTellsALockOutOfDateWithPrompdJsonBeforeAskingTheRegistryOnlineAndOfflineWithAKindOfItsOwn()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode());
        byte[] lock = Files.readAllBytes(project.resolve("prompd.lock"));
        editDependencies("\"@acme/base\": \"^2.0.0\", \"@acme/greeter\": \"^1.0.0\"");
        server.forgetRequests();

        for (List<String> command : List.of(List.of("install", "--frozen"),
                List.of("install", "--frozen", "--offline"))) {
            CliRun run = prompd(command.toArray(String[]::new));
            assertEquals(4, run.exitCode(), command + ": " + run.err());
            assertEquals("error: prompd.lock is out of date with prompd.json and --frozen forbids changing it:"
                    + " @acme/base@1.0.0 is outside ^2.0.0; @acme/greeter ^1.0.0 is not locked\n"
                    + "hint: run 'prompd install' without --frozen and commit the updated prompd.lock\n", run.err());
        }
        CliRun json = prompd("install", "--frozen", "--json");

        assertEquals(4, json.exitCode(), json.err());
        assertEquals("lockOutOfDate", Json.reader().readTree(json.out()).at("/error/kind").asText(), json.out());
        assertEquals(List.of(), server.requests(), "the project's files tell it");
        assertArrayEquals(lock, Files.readAllBytes(project.resolve("prompd.lock")));
        CliRun unresolvable = prompd("install", "--json");
        assertEquals(3, unresolvable.exitCode(), unresolvable.err());
        assertEquals("versionNotFound", Json.reader().readTree(unresolvable.out()).at("/error/kind").asText(),
                "a resolution's failure has its own kind, not the lock's: " + unresolvable.out());
    }

    @Test
    void frozenWithPackagesToAddIsAUsageErrorThatChangesNothing() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String manifest = Files.readString(project.resolve("prompd.json"));

        CliRun run = prompd("install", "--frozen", "@acme/base");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: --frozen forbids changing prompd.json, and naming packages adds them to"
                + " it: run 'prompd install --frozen' alone, or add the packages without --frozen"), run.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertEquals(0, prompd("install", "--frozen").exitCode(), "alone it checks the lock, as CI wants");
        CliRun global = prompd("install", "--frozen", "--global", "@acme/base");
        assertEquals(2, global.exitCode(), global.err());
        assertTrue(global.err().startsWith("error: --frozen installs a project's prompd.lock as it is, and --global"
                + " installs without a project: give one or the other"), global.err());
        assertFalse(Files.exists(home.resolve("packages/@acme/base@1.0.0")), "nothing installed");
    }

    @Test
    void prompdLockKeepsItsLineEndingsAndANewOneTakesThoseOfPrompdJson() throws IOException {
        Files.writeString(project.resolve("prompd.json"),
                "{\r\n  \"name\": \"@me/app\",\r\n  \"version\": \"1.0.0\"\r\n}\r\n");
        Path lock = project.resolve("prompd.lock");

        assertEquals(0, prompd("install", "@acme/util@^1.0.0").exitCode());
        String created = Files.readString(lock);
        Files.writeString(lock, created.replace("\r\n", "\n"));
        assertEquals(0, prompd("install", "@acme/base@^1.0.0").exitCode());

        assertTrue(created.endsWith("}\r\n") && !created.replace("\r\n", "").contains("\n"), created);
        String changed = Files.readString(lock);
        assertTrue(changed.contains("@acme/base") && !changed.contains("\r"), changed);
    }
}
