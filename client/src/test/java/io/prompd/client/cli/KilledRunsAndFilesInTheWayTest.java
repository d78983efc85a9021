package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.files.Folders;
import io.prompd.core.files.LongNames;
import io.prompd.core.json.Json;
import io.prompd.core.testing.DeepPaths;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a killed run left behind, and files of the home or the project that stand in the way: links, read-only files, a
 * file where a folder goes and a folder where a file goes.
 */
class KilledRunsAndFilesInTheWayTest extends InstallCommandsFixture {

    /**
     * Each name in the home's path fits, the whole path of a tarball in its cache does not: the system's "File name too
     * long" sent the user to shorten a name, where the home is what to move.
     */
    @Test
    void aHomeSoDeepThatAPathInItIsTooLongAsAWholeSaysToChooseAHomeAtAShorterPath() throws IOException {
        // 60 bytes short of the longest path: its lock fits in it, a tarball's path in its cache does not
        home = Files.createDirectories(DeepPaths.ofLength(work, LongNames.maxPathBytes() - 60 - "/home".length()))
                .resolve("home");

        CliRun install = prompd("install", "-g", "@acme/util");

        assertEquals(1, install.exitCode(), install.err());
        assertTrue(install.err().startsWith("error: path too long: " + home + "/"), install.err());
        assertTrue(install.err().endsWith(" takes in a whole path\nhint: choose a prompd home at a shorter path, with"
                + " PROMPD_HOME=FOLDER or --home FOLDER: each name in the path fits, the path as a whole does"
                + " not\n"), install.err());
    }

    /**
     * As a service account's $HOME, /nonexistent, leaves it: the system named the folder above the home alone, with
     * the hint to check its rights, where the user had named no folder. The kernel's /sys refuses new entries even to
     * root.
     */
    @Test
    void aHomeThisUserMayNotCreateIsNamedWithWhatChoseItAndHowToChooseAnother() {
        Path userHome = Path.of("/sys/prompd-test-home");
        Path expected = userHome.resolve(".prompd");
        Map<String, String> environment = Map.of("HOME", userHome.toString(), "PROMPD_REGISTRY",
                server.url().toString());

        CliRun fromHome = CliRun.with(CliRun.context(environment, project, work.resolve("user-home"), new byte[0]),
                "install", "-g", "@acme/util");
        CliRun fromVariable = CliRun.with(CliRun.context(Map.of("PROMPD_HOME", expected.toString(), "PROMPD_REGISTRY",
                server.url().toString()), project, work.resolve("user-home"), new byte[0]), "install", "-g",
                "@acme/util");
        CliRun fromOption = CliRun.with(CliRun.context(environment, project, work.resolve("user-home"), new byte[0]),
                "--home", expected.toString(), "registry", "add", "x", server.url().toString());

        assertEquals(1, fromHome.exitCode(), fromHome.err());
        assertTrue(fromHome.err().startsWith("error: cannot create the prompd home " + expected + ", which"
                + " $HOME/.prompd names: "), fromHome.err());
        assertTrue(fromHome.err().contains(userHome.toString()), fromHome.err());
        assertTrue(fromHome.err().endsWith("\nhint: choose a home this user may write to, with PROMPD_HOME=FOLDER or"
                + " --home FOLDER\n"), fromHome.err());
        assertTrue(fromVariable.err().startsWith("error: cannot create the prompd home " + expected + ", which"
                + " $PROMPD_HOME names: "), fromVariable.err());
        assertTrue(fromVariable.err().endsWith("\nhint: choose a home this user may write to, with"
                + " PROMPD_HOME=FOLDER or --home FOLDER\n"), fromVariable.err());
        assertEquals(1, fromOption.exitCode(), fromOption.err());
        assertTrue(fromOption.err().startsWith("error: cannot create the prompd home " + expected + ", which --home"
                + " names: "), fromOption.err());
        assertTrue(fromOption.err().endsWith("\nhint: choose a home this user may write to, with --home FOLDER\n"),
                fromOption.err());
        for (Map<String, String> noHome : List.of(Map.of("PROMPD_REGISTRY", server.url().toString()),
                Map.of("HOME", "", "PROMPD_REGISTRY", server.url().toString()))) {
            // as under env -i, cron or a service manager: Java's user.home, the account's entry, gives the home
            CliRun fromAccount = CliRun.with(CliRun.context(noHome, project, userHome, new byte[0]), "install", "-g",
                    "@acme/util");
            assertEquals(1, fromAccount.exitCode(), fromAccount.err());
            assertTrue(fromAccount.err().startsWith("error: cannot create the prompd home " + expected + ", .prompd in"
                    + " this user's home folder in the system's user database, $HOME being unset or empty: "),
                    fromAccount.err());
            assertTrue(fromAccount.err().endsWith("\nhint: choose a home this user may write to, with"
                    + " PROMPD_HOME=FOLDER or --home FOLDER\n"), fromAccount.err());
        }
        CliRun init = CliRun.with(CliRun.context(environment, project, work.resolve("user-home"), new byte[0]), "init",
                userHome.resolve("pkg").toString());
        assertFalse(init.err().contains("prompd home"), "init uses no home: " + init.err());
    }

    @Test
    void whatAKilledRunLeftIsRemovedAndSaidSo() throws Exception {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        Path halfUnpacked = Files.createDirectories(home.resolve("packages/@acme/.base@1.0.0.%d.1.part/package"
                .formatted(Processes.endedPid())));
        Processes.killedWhileHolding(home.resolve("install.lock"));

        CliRun run = prompd("install");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("note: removed 1 leftover of interrupted runs (half-written downloads, unpacked folders"
                + " or lock files)\n",
                run.err());
        assertFalse(Files.exists(halfUnpacked));
        Files.createDirectories(halfUnpacked);
        Processes.killedWhileHolding(home.resolve("install.lock"));
        JsonNode json = Json.reader().readTree(prompd("install", "--json").out());
        assertEquals(halfUnpacked.getParent().toString(), json.get("repaired").get(0).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cache verify", "cache clean", "uninstall --global @acme/util"})
    void everyCommandTakingTheHomeAfterAKilledRunRemovesWhatItLeftInTheStoreAndTheCache(
            String command) throws Exception {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        long killed = Processes.endedPid();
        Processes.killedWhileHolding(home.resolve("install.lock"));
        Path halfUnpacked = Files.createDirectories(home.resolve("packages/@acme/.base@1.0.0.%d.1.part/package"
                .formatted(killed)));
        Path halfDownloaded = Files.writeString(Files.list(home.resolve("cache/tarballs/sha512")).findFirst()
                .orElseThrow()
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

    /** The project's .prompd folder is prompd's own: a run killed writing its .gitignore or its audit note left them. */
    @Test
    void whatAKilledRunLeftInTheProjectsStateFolderIsRemoved() throws Exception {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        long killed = Processes.endedPid();
        Path halfNoted = Files.writeString(project.resolve(".prompd/.lock-audited.%d.1.part".formatted(killed)), "");
        Path halfIgnore = Files.writeString(project.resolve(".prompd/..gitignore.%d.2.part".formatted(killed)), "*");
        Path live = Files.writeString(project.resolve(".prompd/.lock-audited.%d.3.part"
                .formatted(ProcessHandle.current().pid())), "");

        CliRun run = prompd("install", "--json");

        assertEquals(0, run.exitCode(), run.err());
        List<String> repaired = new ArrayList<>();
        Json.reader().readTree(run.out()).get("repaired").forEach(path -> repaired.add(path.asText()));
        assertEquals(List.of(halfIgnore.toString(), halfNoted.toString()), repaired);
        assertFalse(Files.exists(halfNoted));
        assertFalse(Files.exists(halfIgnore));
        assertTrue(Files.exists(live), "a live run's write is left to it");
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

    /** A project cloned from elsewhere may hold either link: the run must not write where it leads. */
    @Test
    void aLinkWhereTheProjectsStateFolderOrItsRunLockGoesIsRefusedLeavingWhatItLeadsToAlone() throws IOException {
        Path outside = Files.createDirectories(work.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("bashrc"), "export PATH=/opt/bin:$PATH\n");
        Path state = Files.createSymbolicLink(project.resolve(".prompd"), outside);

        CliRun linkedFolder = prompd("install", "acme/util");

        assertEquals(4, linkedFolder.exitCode(), linkedFolder.err());
        assertTrue(linkedFolder.err().startsWith("error: " + state + " is a symbolic link (to " + outside + ")"),
                linkedFolder.err());
        assertEquals(List.of(precious), Files.list(outside).toList());

        Files.delete(state);
        Files.createDirectories(state);
        Path lock = Files.createSymbolicLink(state.resolve("install.lock"), precious);

        CliRun linkedLock = prompd("install", "acme/util");

        assertEquals(4, linkedLock.exitCode(), linkedLock.err());
        assertTrue(linkedLock.err().startsWith("error: " + lock + " is a symbolic link (to " + precious + ")"),
                linkedLock.err());
        assertEquals("export PATH=/opt/bin:$PATH\n", Files.readString(precious));
    }

    /**
     * A link to the home's own lock passed for the project's .prompd folder being the home (the same file either way),
     * so the run took no project lock at all, where a link to any other file is refused: refused alike.
     */
    @Test
    void aProjectRunLockLinkedToTheHomesOwnLockIsRefusedAsAnyLinkThere() throws IOException {
        assertEquals(0, prompd("install", "-g", "acme/util").exitCode());
        Path homeLock = home.resolve("install.lock");
        Path lock = Files.createSymbolicLink(Files.createDirectories(project.resolve(".prompd"))
                .resolve("install.lock"), homeLock);
        String manifest = Files.readString(project.resolve("prompd.json"));

        CliRun linked = prompd("install", "acme/util");

        assertEquals(4, linked.exitCode(), linked.err());
        assertTrue(linked.err().startsWith("error: " + lock + " is a symbolic link (to " + homeLock + "), where a lock"
                + " file goes: the lock is never taken through a link"), linked.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
    }

    @Test
    void aLockLinkedIntoAFolderThatDoesNotExistStopsTheInstallBeforeItChangesAnything() throws IOException {
        String manifest = Files.readString(project.resolve("prompd.json"));
        Path link = Files.createSymbolicLink(project.resolve("prompd.lock"), Path.of("../nowhere/a/b/prompd.lock"));

        CliRun run = prompd("install", "acme/util");

        Path missing = work.resolve("nowhere/a/b");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: " + link + " is a link to " + missing.resolve("prompd.lock")
                + ", in a folder that does not"
                + " exist: " + missing + "\nhint: create that folder, or make " + link + " a file or a link to one in a"
                + " folder that exists, then run this again\n", run.err());
        assertFalse(Files.exists(work.resolve("nowhere")));
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")), "nothing installed either");

        Files.createDirectories(missing);
        assertEquals(0, prompd("install", "acme/util").exitCode(),
                "a link to a file yet to be made is written through");
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
        assertEquals("error: read-only, so prompd did not change it: " + readOnly
                + "\nhint: make it writable (chmod u+w "
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

    @ParameterizedTest
    @ValueSource(strings = {"install", "list", "tree"})
    void aFileWhereTheStoreOrAScopeOfItGoesIsNamedByEveryCommandReadingTheStoreRatherThanCalledNothingInstalled(
            String command) throws IOException {
        assertEquals(0, prompd("install", "acme/util").exitCode());
        for (String folder : List.of("packages/@acme", "packages")) {
            Folders.deleteRecursively(home.resolve("packages"));
            Path inTheWay = Files.writeString(Files.createDirectories(home.resolve(folder).getParent())
                    .resolve(home.resolve(folder).getFileName()), "notes");

            CliRun run = prompd(command.split(" "));

            assertEquals(4, run.exitCode(), run.err());
            assertEquals("error: a file stands where a folder is needed: " + inTheWay + "\nhint: move or rename that"
                    + " file, then run this again\n", run.err(), folder);
        }
    }

    @Test
    void aLinkToNoFolderWhereAFolderOfTheHomeGoesIsCalledALinkWithWhereItLeads() throws IOException {
        Path missing = work.resolve("nowhere/x");
        Path link = Files.createSymbolicLink(Files.createDirectories(home).resolve("packages"), missing);

        CliRun run = prompd("install", "acme/util");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: a symbolic link whose target does not exist stands where a folder is needed: " + link
                + " -> " + missing + "\nhint: create the folder it names (mkdir -p " + missing
                + "), or remove the link (rm "
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
}
