package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands run inside an installed package in a store, which every project using the version shares and which {@code
 * cache verify} deletes as damaged once its files differ from its tarball's: none writes into it, whichever home it is
 * in and however the path to it is spelt.
 */
class InstalledPackageWritesTest extends InstallCommandsFixture {

    /** {@code @acme/base} 1.0.0, installed in {@link #home}. */
    private Path installed;
    /**
     * What the copy holds once installed, which no refused command changes: each file's path and integrity, each
     * folder's path too, so that a file rewritten in place counts as a change as well as one added or removed.
     */
    private SortedMap<Path, String> files;

    @BeforeEach
    void installBase() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        installed = home.resolve("packages/@acme/base@1.0.0");
        files = filesOf(installed);
    }

    /** $HOME or $PROMPD_HOME reached through a link, the shell in the real path: the paths were compared as spelt. */
    @Test
    void aHomeReachedThroughALinkStillFindsItsOwnInstalledPackages() throws IOException {
        Path link = Files.createSymbolicLink(work.resolve("home-link"), home);

        CliRun fromTheRealPath = CliRun.in(installed, link, "", variables(), "install", "@acme/util");
        CliRun throughTheLink = CliRun.in(link.resolve("packages/@acme/base@1.0.0"), home, "", variables(),
                "install", "@acme/util");

        assertRefused(fromTheRealPath, installed + " is an installed package, which is never changed",
                "to work on it, copy it out of " + home.resolve("packages") + " first");
        assertRefused(throughTheLink, link.resolve("packages/@acme/base@1.0.0") + " is an installed package, which"
                + " is never changed", "to work on it, copy it out of " + home.resolve("packages") + " first");
        assertUnchanged();
        assertEquals(0, prompd("cache", "verify").exitCode(), "no copy damaged");
    }

    /** Told by the integrity record beside it, even when the install would fail, which left .prompd/ behind. */
    @Test
    void anInstalledPackageOfAnotherHomesStoreIsNeverWritten() throws IOException {
        Path otherHome = work.resolve("other-home");

        CliRun install = CliRun.in(installed, otherHome, "", variables(), "install", "@acme/util");
        CliRun failing = CliRun.in(installed.resolve("prompts"), otherHome, "", variables(), "install", "@acme/none");
        CliRun update = CliRun.in(installed, otherHome, "", variables(), "update");
        CliRun uninstall = CliRun.in(installed, otherHome, "", variables(), "uninstall", "@acme/util");

        for (CliRun run : List.of(install, failing, update, uninstall)) {
            assertRefused(run, installed + " is an installed package, which is never changed",
                    "to work on it, copy it out of " + home.resolve("packages") + " first");
        }
        assertUnchanged();
        assertFalse(Files.exists(otherHome), "nothing made of the other home either");
    }

    /** A copy taken out of the store, without its record, is the user's to work on. */
    @Test
    void aCopyOutOfTheStoreIsAProjectAgain() throws IOException {
        Path copy = work.resolve("base-copy/@acme/base@1.0.0");
        Files.createDirectories(copy);
        Files.copy(installed.resolve("prompd.json"), copy.resolve("prompd.json"));

        CliRun install = CliRun.in(copy, home, "", variables(), "install");

        assertEquals(0, install.exitCode(), install.err());
        assertTrue(Files.isRegularFile(copy.resolve("prompd.lock")));
    }

    @Test
    void packAndInitWriteNothingIntoAnInstalledPackage() throws IOException {
        Path out = Files.createDirectories(work.resolve("out"));

        CliRun pack = CliRun.in(installed, home, "", variables(), "pack");
        CliRun packInto = CliRun.in(project, home, "", variables(), "pack", installed.toString(), "--out",
                installed.resolve("prompts") + "/");
        CliRun init = CliRun.in(installed, home, "", variables(), "init", "x");
        CliRun initOfAnother = CliRun.in(installed, work.resolve("other-home"), "", variables(), "init");
        CliRun packOut = CliRun.in(installed, home, "", variables(), "pack", "--out", out + "/");

        assertRefused(pack, installed + " is an installed package, which is never changed", "to work on it, copy it"
                + " out of " + home.resolve("packages") + " first; to pack it as it is, give --out a folder outside"
                + " it");
        assertRefused(packInto, installed.resolve("prompts") + " lies in " + installed + ", an installed package,"
                + " which is never changed", "to work on it, copy it out of " + home.resolve("packages") + " first;"
                + " to pack it as it is, give --out a folder outside it");
        assertRefused(init, installed.resolve("x") + " lies in " + installed + ", an installed package, which is"
                + " never changed", "to work on it, copy it out of " + home.resolve("packages") + " first; to create"
                + " a package, give init a folder outside it");
        assertRefused(initOfAnother, installed + " is an installed package, which is never changed", "to work on"
                + " it, copy it out of " + home.resolve("packages") + " first; to create a package, give init a folder"
                + " outside it");
        assertUnchanged();
        assertEquals(0, packOut.exitCode(), packOut.err());
        assertTrue(Files.isRegularFile(out.resolve("acme-base-1.0.0.tgz")));
    }

    /**
     * They told of a project never installed, marking each dependency "not locked: run 'prompd install'", the install
     * refused there; and a refusal was exit 2, a usage error, which a command line correctly typed is not.
     */
    @Test
    void listTreeOutdatedAndUpdateSayUpFrontThatItIsAnInstalledPackage() throws IOException {
        for (String command : List.of("list", "tree", "outdated", "update", "list --json", "tree --dot")) {
            CliRun run = CliRun.in(installed.resolve("prompts"), home, "", variables(), command.split(" "));

            assertRefused(run, installed + " is an installed package, which is never changed", "to work on it, copy"
                    + " it out of " + home.resolve("packages") + " first");
            if (command.endsWith("--json")) {
                assertEquals(4, Json.reader().readTree(run.out()).path("error").path("exitCode").asInt(), run.out());
            } else {
                assertEquals("", run.out(), command);
            }
        }
        assertEquals(0, prompd("list", "--installed").exitCode(), "the store is listed as ever");
    }

    private Map<String, String> variables() {
        return Map.of("PROMPD_REGISTRY", server.url().toString());
    }

    private void assertRefused(CliRun run, String message, String hint) {
        assertEquals(ExitCode.CONFLICT.code(), run.exitCode(), run.err());
        assertEquals("error: " + message + "\nhint: " + hint + "\n", run.err());
    }

    private void assertUnchanged() throws IOException {
        assertEquals(files, filesOf(installed));
    }

    private static SortedMap<Path, String> filesOf(Path folder) throws IOException {
        SortedMap<Path, String> contents = new TreeMap<>();
        try (Stream<Path> walked = Files.walk(folder)) {
            for (Path path : walked.toList()) {
                contents.put(path, Files.isDirectory(path) ? "folder"
                        : Integrity.of(Files.readAllBytes(path)).toString());
            }
        }
        return contents;
    }
}
