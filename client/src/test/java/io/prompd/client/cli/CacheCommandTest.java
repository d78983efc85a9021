package io.prompd.client.cli;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.Plural;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.files.Folders;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * prompd cache verify and clean: corrupt tarballs, damaged installed copies and damaged registry documents removed and
 * said so, and a wait for another run holding the home.
 */
class CacheCommandTest extends InstallCommandsFixture {

    @Test
    void cacheVerifyRemovesCorruptTarballsAndCleanEmptiesTheCache() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        CliRun healthy = prompd("cache", "verify");
        assertEquals(0, healthy.exitCode(), healthy.err());
        assertEquals("1 cached tarball checked, 0 corrupt\n1 installed version checked, 0 damaged\n"
                + documentsChecked() + " checked, 0 damaged\n", healthy.out());

        Path cached = corruptTheCachedTarball();
        CliRun corrupt = prompd("cache", "verify");
        assertEquals(6, corrupt.exitCode());
        assertEquals("corrupt, removed: " + cached + "\n1 cached tarball checked, 1 corrupt\nunverifiable: "
                + home.resolve("packages/@acme/util@1.1.0") + " (its cached tarball was corrupt and is removed; it was"
                + " checked against its integrity when installed)\n0 installed versions checked, 0 damaged,"
                + " 1 unverifiable\n" + documentsChecked() + " checked, 0 damaged\n", corrupt.out());
        assertEquals(removedFromTheCache(cached), corrupt.err());
        assertFalse(Files.exists(cached));

        CliRun clean = prompd("cache", "clean");
        assertEquals(0, clean.exitCode(), clean.err());
        try (var files = Files.walk(home.resolve("cache"))) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")),
                "clean leaves installed packages alone");
    }

    @Test
    void cacheVerifyJsonGivesItsResultWithACorruptTarballAndSaysOnStderrWhatItRemoved() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun corrupt = prompd("cache", "verify", "--json");

        assertEquals(6, corrupt.exitCode());
        assertEquals(Json.reader().readTree("{\"checked\": 1, \"removed\": [\"" + cached + "\"], \"installed\":"
                + " {\"checked\": 0, \"removed\": [], \"unverifiable\": [{\"name\": \"@acme/util\", \"version\":"
                + " \"1.1.0\"}]}, \"documents\": {\"checked\": " + documentsChecked().split(" ")[0]
                + ", \"removed\": []}}"),
                Json.reader().readTree(corrupt.out()), "the result, as list --json gives its own with a non-zero exit");
        assertEquals(removedFromTheCache(cached), corrupt.err());
    }

    @Test
    void aCorruptTarballOfAVersionNotInstalledIsSaidToComeBackWithTheNextInstallNeedingIt() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun corrupt = prompd("cache", "verify");

        assertEquals(6, corrupt.exitCode());
        assertEquals("error: removed 1 corrupt cached tarball: " + cached + "\nhint: nothing installed changed:"
                + " 'prompd install' downloads a removed tarball of a version not installed again when a project needs"
                + " it\n", corrupt.err());
    }

    @Test
    void anInstalledVersionWhoseTarballVerifyRemovedAsCorruptIsCheckedAgainOnceUninstalledAndInstalled()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        corruptTheCachedTarball();
        assertEquals(6, prompd("cache", "verify").exitCode());

        assertEquals(0, prompd("install").exitCode());
        long tarballsAfterInstall;
        try (var files = Files.walk(home.resolve("cache/tarballs"))) {
            tarballsAfterInstall = files.filter(Files::isRegularFile).count();
        }
        CliRun stillUnchecked = prompd("cache", "verify");
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        assertEquals(0, prompd("install").exitCode());
        CliRun checked = prompd("cache", "verify");

        assertEquals(0, tarballsAfterInstall, "an install downloads nothing for it");
        assertTrue(stillUnchecked.out().contains("0 installed versions checked"), stillUnchecked.out());
        assertEquals(0, checked.exitCode(), checked.err());
        assertTrue(checked.out().contains("\n1 installed version checked, 0 damaged\n"), checked.out());
    }

    @Test
    void cacheVerifyNamesEveryFileItDeletesThatIsNoCachedTarballWithoutFailing() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path tarballs = home.resolve("cache/tarballs");
        Path misnamed = Files.writeString(Files.createDirectories(tarballs.resolve("sha512/zz"))
                .resolve("notahash.tgz"),
                "junk");
        Path stray = Files.writeString(tarballs.resolve("stray.txt"), "junk");
        String noted = "note: removed 2 entries named as no cached tarball: " + misnamed + ", " + stray + "\n";

        CliRun text = prompd("cache", "verify");

        assertEquals(0, text.exitCode(), text.err());
        assertEquals("no cached tarball, removed: " + misnamed + "\nno cached tarball, removed: " + stray
                + "\n1 cached tarball checked, 0 corrupt, 2 other entries removed\n"
                + "1 installed version checked, 0 damaged\n"
                + documentsChecked() + " checked, 0 damaged\n", text.out());
        assertEquals(noted, text.err());
        assertFalse(Files.exists(misnamed));
        assertFalse(Files.exists(stray));

        Files.writeString(misnamed, "junk");
        Files.writeString(stray, "junk");
        CliRun json = prompd("cache", "verify", "--json");

        assertEquals(0, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree("{\"checked\": 1, \"removed\": [\"" + misnamed + "\", \"" + stray + "\"],"
                + " \"installed\": {\"checked\": 1, \"removed\": [], \"unverifiable\": []},"
                + " \"documents\": {\"checked\": "
                + documentsChecked().split(" ")[0] + ", \"removed\": []}}"),
                Json.reader().readTree(json.out()));
        assertEquals(noted, json.err());
    }

    @Test
    void cacheVerifyNamesEveryFileItDeletesThatIsNoCachedDocumentWithoutFailingAsItDoesInTheTarballsFolder()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String checked = documentsChecked();
        Path documents = home.resolve("cache/http");
        // as a Mac's file manager, or a tool restoring a CI cache, leaves them
        Path dsStore = Files.writeString(documents.resolve(".DS_Store"), "x");
        Path part = Files.writeString(documents.resolve("stray.part"), "x");
        Path folder = Files.createDirectories(documents.resolve("tmpdir"));
        // no document is a folder, whatever its name
        Path namedAsDocument = Files.createDirectories(documents.resolve("f".repeat(64)));
        Path tarballStore = Files.writeString(home.resolve("cache/tarballs/.DS_Store"), "x");
        String noted = "note: removed 1 entry named as no cached tarball: " + tarballStore + "\nnote: removed 4"
                + " entries named as no cached registry document: " + dsStore + ", " + namedAsDocument + ", " + part
                + ", " + folder + "\n";

        CliRun text = prompd("cache", "verify");

        assertEquals(0, text.exitCode(), text.err());
        assertEquals("no cached tarball, removed: " + tarballStore + "\n1 cached tarball checked, 0 corrupt, 1 other"
                + " entry removed\n1 installed version checked, 0 damaged\nno cached registry document, removed: "
                + dsStore + "\nno cached registry document, removed: " + namedAsDocument + "\nno cached registry"
                + " document, removed: " + part + "\nno cached registry document, removed: " + folder + "\n" + checked
                + " checked, 0 damaged, 4 other entries removed\n", text.out());
        assertEquals(noted, text.err());
        assertFalse(Files.exists(dsStore));
        assertFalse(Files.exists(folder));
        assertFalse(Files.exists(namedAsDocument));
        assertEquals(checked, documentsChecked(), "the documents are kept");

        Files.writeString(dsStore, "x");
        CliRun json = prompd("cache", "verify", "--json");

        assertEquals(0, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree("{\"checked\": 1, \"removed\": [], \"installed\": {\"checked\": 1,"
                + " \"removed\": [], \"unverifiable\": []}, \"documents\": {\"checked\": " + checked.split(" ")[0]
                + ", \"removed\": [\"" + dsStore + "\"]}}"), Json.reader().readTree(json.out()));
        assertEquals("note: removed 1 entry named as no cached registry document: " + dsStore + "\n", json.err());
    }

    @Test
    void cacheVerifyRemovesAnInstalledCopyWithAFileMissingOrChangedForTheNextInstallToPutItBack() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path copy = home.resolve("packages/@acme/util@1.1.0");
        String readme = Files.readString(copy.resolve("README.md"));
        // as a CI cache restored in part, or a hand editing the store, leaves it
        Files.delete(copy.resolve("prompts/greet.prmd"));
        Files.writeString(copy.resolve("README.md"), "edited\n", StandardOpenOption.APPEND);
        assertEquals(0, prompd("install").exitCode(), "a warm install looks for the manifest alone");

        CliRun verify = prompd("cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        assertEquals("1 cached tarball checked, 0 corrupt\ndamaged, removed: " + copy + " (README.md differs from its"
                + " tarball's; prompts/greet.prmd is missing)\n1 installed version checked, 1 damaged\n"
                + documentsChecked() + " checked, 0 damaged\n", verify.out());
        assertEquals("error: removed 1 damaged installed version: @acme/util@1.1.0\nhint: 'prompd install' installs a"
                + " removed version again in a project that needs it\n", verify.err());
        assertFalse(Files.exists(copy));

        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        assertEquals(readme, Files.readString(copy.resolve("README.md")));
        assertTrue(Files.isRegularFile(copy.resolve("prompts/greet.prmd")));
        CliRun again = prompd("cache", "verify");
        assertEquals(0, again.exitCode(), again.err());
    }

    @Test
    void cacheVerifyDeletesDamagedRegistryDocumentsThatOfflineRunsWouldRefuse() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String checked = documentsChecked();
        List<Path> documents;
        try (var files = Files.list(home.resolve("cache/http"))) {
            documents = files.sorted().toList();
        }
        for (Path document : documents) {
            Files.write(document, Arrays.copyOf(Files.readAllBytes(document), 40));
        }
        CliRun damaged = prompd("--offline", "info", "@acme/util");
        assertTrue(damaged.err().contains("is damaged"), damaged.err());

        CliRun verify = prompd("cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        StringBuilder removed = new StringBuilder();
        documents.forEach(document -> removed.append("damaged, removed: ").append(document).append('\n'));
        assertEquals("1 cached tarball checked, 0 corrupt\n1 installed version checked, 0 damaged\n" + removed
                + checked + " checked, " + documents.size() + " damaged\n", verify.out());
        assertEquals("error: removed " + Plural.count(documents.size(), "damaged cached registry document") + ": "
                + String.join(", ", documents.stream().map(Path::toString).toList()) + "\nhint: nothing installed"
                + " changed: a run without --offline fetches a removed document again\n", verify.err());
        CliRun offline = prompd("--offline", "info", "@acme/util");
        assertEquals(5, offline.exitCode());
        assertTrue(offline.err().contains("offline and not cached"), offline.err());
        assertEquals(0, prompd("info", "@acme/util").exitCode());
        assertEquals(0, prompd("--offline", "info", "@acme/util").exitCode(), "fetched whole again");
    }

    @Test
    void cacheVerifyJsonCountsInstalledVersionsAndDocumentsAndNamesAVersionWithoutItsTarballUnverifiable()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        Path util = home.resolve("packages/@acme/util@1.1.0");
        Files.writeString(util.resolve("notes.md"), "mine");
        Path base = home.resolve("packages/@acme/base@1.0.0");
        Files.delete(new TarballCache(home.resolve("cache")).find(Integrity.parse(Files.readString(
                home.resolve("packages/@acme/.base@1.0.0.integrity")))).orElseThrow());

        CliRun verify = prompd("cache", "verify", "--json");

        assertEquals(6, verify.exitCode(), verify.err());
        assertEquals(Json.reader().readTree("{\"checked\": 2, \"removed\": [], \"installed\": {\"checked\": 2,"
                + " \"removed\": [{\"name\": \"@acme/util\", \"version\": \"1.1.0\"}], \"unverifiable\":"
                + " [{\"name\": \"@acme/base\", \"version\": \"1.0.0\"}]}, \"documents\": {\"checked\": "
                + documentsChecked().split(" ")[0] + ", \"removed\": []}}"),
                Json.reader().readTree(verify.out()), "the installed versions as every command's JSON names them");
        assertEquals("note: left 1 installed version unverified, with no cached tarball to compare with:"
                + " @acme/base@1.0.0; keep " + home.resolve("cache") + " with " + home.resolve("packages") + " (in a"
                + " CI cache, say) to have it checked, or 'prompd uninstall --global @acme/base@1.0.0' for the next"
                + " 'prompd install' to download and install it again\nerror: removed 1 damaged installed version:"
                + " @acme/util@1.1.0\nhint: 'prompd install' installs a removed version again in a project that needs"
                + " it\n", verify.err());
        assertTrue(Files.isDirectory(base), "left as it is");
        assertFalse(Files.exists(util));
    }

    /**
     * After 'prompd cache clean' every installed version is unverifiable, and the way to have one checked is to remove
     * it for an install to put back: that loses for good a version no install can download again, the copy in the
     * store being the only one a project pinning it has, so the note offers it only for the others.
     */
    @Test
    void cacheVerifyOffersToRemoveForDownloadAgainOnlyTheVersionsTheRegistryStillGivesAndSaysTheOthersAreTheLast()
            throws IOException {
        installVersionsTheRegistryThenStopsGiving();
        String url = server.url().toString();

        CliRun verify = prompd("cache", "verify");

        assertEquals(0, verify.exitCode(), verify.err());
        assertEquals("note: left 4 installed versions unverified, with no cached tarball to compare with:"
                + " @acme/base@1.0.0, @acme/gone@1.0.0, @acme/greeter@1.0.0 and @acme/util@1.1.0; keep "
                + home.resolve("cache") + " with " + home.resolve("packages") + " (in a CI cache, say) to have them"
                + " checked, or 'prompd uninstall --global @acme/greeter@1.0.0' for the next 'prompd install' to"
                + " download and install it again; keep @acme/base@1.0.0, @acme/gone@1.0.0 and @acme/util@1.1.0 as they"
                + " are: no 'prompd install' can download them again, so these copies are their last"
                + " (@acme/base@1.0.0: registry " + url + " took it down: leaked a key; @acme/gone@1.0.0: registry "
                + url + " no longer has @acme/gone; @acme/util@1.1.0: registry " + url + " no longer lists it)\n",
                verify.err());
        assertEquals(4, prompd("list", "--installed").out().lines().count(), "every copy left as it is");

        assertEquals(0, prompd("uninstall", "--global", "@acme/greeter@1.0.0").exitCode());
        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), "as the note said, the version offered comes back: " + install.err());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/greeter@1.0.0")));
    }

    /**
     * Once 'prompd uninstall --global' removed the store's copy of a version taken down, which it lets pass only as its
     * tarball is cached, that tarball is the last copy a project pinning the version installs from: 'cache clean'
     * keeps it, deleting everything else, and fails saying so, as uninstall refuses to remove a last copy; the version
     * put back in the store, or --force, lets it go, the latter warning of it.
     */
    @Test
    void cacheCleanKeepsTheTarballThatIsTheLastCopyOfAVersionTakenDownAndDeletesTheRestUnlessForced()
            throws IOException {
        editDependencies("\"@acme/util\": \"1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        registry.takeDown("@acme/util", "1.0.0", "Shipped a private prompt.");
        assertEquals(0, prompd("install").exitCode());
        CliRun uninstall = prompd("uninstall", "--global", "@acme/util");
        assertEquals("removed @acme/util@1.0.0\n", uninstall.out(), uninstall.err());
        String url = server.url().toString();
        Path tarball = onlyCachedTarball();
        assertEquals(0, prompd("install", "--global", "@acme/greeter").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/greeter", "@acme/base").exitCode());
        List<Path> others = cachedFiles().stream().filter(file -> !file.equals(tarball)).toList();

        CliRun clean = prompd("cache", "clean");

        assertEquals(4, clean.exitCode(), clean.err());
        assertEquals("deleted " + Plural.count(others.size(), "cached file") + " from " + home.resolve("cache")
                + "\n", clean.out());
        assertEquals("error: kept the cache's tarball of @acme/util@1.0.0, its last copy (registry " + url + " took it"
                + " down: Shipped a private prompt): no 'prompd install' can download it again\nhint: a project whose"
                + " prompd.lock pins it installs it from that tarball alone: to delete it too, add --force; to empty"
                + " the cache and keep it, run 'prompd install' in a project pinning it first, which puts it back in"
                + " the store\n", clean.err());
        assertEquals(List.of(tarball), cachedFiles(), "the last copy alone kept");
        CliRun install = prompd("--offline", "install");
        assertEquals(0, install.exitCode(), "the tarball kept puts the version back, with no document: "
                + install.err());
        CliRun again = prompd("cache", "clean");
        assertEquals(0, again.exitCode(), "the store's copy now the last: " + again.err());
        assertEquals(List.of(), cachedFiles());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.0.0")));
    }

    @Test
    void cacheCleanForcedDeletesTheTarballThatIsTheLastCopyOfAVersionTakenDownWarningOfIt() throws IOException {
        editDependencies("\"@acme/util\": \"1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        registry.takeDown("@acme/util", "1.0.0", "Shipped a private prompt.");
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        String url = server.url().toString();
        Path tarball = onlyCachedTarball();

        CliRun forced = prompd("cache", "clean", "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("warning: deleted the cache's tarball of @acme/util@1.0.0, its last copy (registry " + url
                + " took it down: Shipped a private prompt): no 'prompd install' can download it again, and a project"
                + " whose prompd.lock pins it fails to install until it moves off it\n", forced.err());
        assertFalse(Files.exists(tarball));
        assertEquals(3, prompd("install").exitCode(), "as the warning said");
    }

    /** Several tarballs kept, then deleted with --force, are told of in the words of several and of the cache. */
    @Test
    void cacheCleanNamesEveryTarballItKeepsTogetherAndWarnsOfEachItDeletesWhenForced() throws IOException {
        installVersionsTheRegistryThenStopsGivingKeepingTheirTarballs();
        assertEquals(0, prompd("uninstall", "--global", "@acme/base", "@acme/gone", "@acme/util").exitCode());
        String url = server.url().toString();

        CliRun clean = prompd("cache", "clean");

        assertEquals(4, clean.exitCode(), clean.err());
        assertEquals("error: kept the cache's tarballs of @acme/base@1.0.0, @acme/gone@1.0.0 and @acme/util@1.1.0,"
                + " their last copies (@acme/base@1.0.0: registry " + url + " took it down: leaked a key;"
                + " @acme/gone@1.0.0: registry " + url + " no longer has @acme/gone; @acme/util@1.1.0: registry " + url
                + " no longer lists it): no 'prompd install' can download them again\nhint: a project whose prompd.lock"
                + " pins one of them installs it from its tarball alone: to delete them too, add --force; to empty the"
                + " cache and keep them, run 'prompd install' in a project pinning them first, which puts them back in"
                + " the store\n", clean.err());
        assertEquals(3, cachedFiles().size(), "the three last copies alone kept");

        CliRun forced = prompd("cache", "clean", "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(List.of("warning: deleted the cache's tarball of @acme/base@1.0.0, its last copy (registry "
                        + url + " took it down: leaked a key)", "warning: deleted the cache's tarball of"
                        + " @acme/gone@1.0.0, its last copy (registry " + url + " no longer has @acme/gone)",
                        "warning: deleted the cache's tarball of @acme/util@1.1.0, its last copy (registry " + url
                        + " no longer lists it)"),
                forced.err().lines().map(line -> line.substring(0, line.indexOf("): no 'prompd install'") + 1))
                        .toList());
        assertEquals(List.of(), cachedFiles());
    }

    /** A version its registry still lists is downloaded again by the next install that needs it: its tarball goes. */
    @Test
    void cacheCleanDeletesTheTarballOfAVersionOutOfTheStoreThatTheRegistryStillGives() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Path tarball = onlyCachedTarball();

        CliRun clean = prompd("cache", "clean");

        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals("", clean.err());
        assertFalse(Files.exists(tarball));
        assertEquals(0, prompd("install").exitCode(), "downloaded again");
    }

    /**
     * A tarball whose registry cannot be read may be the last copy of its version: cache clean, asked to empty the
     * cache and not to let any version go, keeps it unless forced, as it keeps one no configured registry serves. It
     * asks once, with the home locked, rather than try again for seconds: a failure keeps the tarball, and the hint
     * says to run it again. (A registry on a port where none listens: this JVM's connections kept alive to the
     * fixture's would fail otherwise after it closed.)
     */
    @Test
    void cacheCleanThatCannotReachTheRegistryKeepsTheTarballThatMayBeTheLastCopyUnlessForced() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Path tarball = onlyCachedTarball();
        String url;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + unused.getLocalPort() + "/";
        }
        String why = "its index could not be read: registry " + url + " could not be reached (last: cannot reach "
                + url.substring(0, url.length() - 1) + " (Connection refused))";

        CliRun clean = CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", url), "cache", "clean");

        assertEquals(4, clean.exitCode(), clean.err());
        assertEquals("error: kept the cache's tarball of @acme/util@1.1.0, which may be its last copy (" + why + "):"
                + " whether 'prompd install' can download it again is not known\nhint: a project whose prompd.lock"
                + " pins it may install it only from that tarball: to delete it too, add --force; its index could"
                + " not be read, so run this again once it can be read (later, or online); to empty the cache"
                + " and keep it, run 'prompd install' in a project pinning it first, which puts it back in the"
                + " store\n", clean.err(), "asked once, not tried again while the home is locked");
        assertEquals(List.of(tarball), cachedFiles());

        CliRun forced = CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", url), "cache", "clean", "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("warning: deleted the cache's tarball of @acme/util@1.1.0 not knowing whether it can be"
                + " downloaded again (" + why + "): if its registry no longer gives it, that was its last copy\n",
                forced.err());
        assertFalse(Files.exists(tarball));
    }

    /**
     * One 503 to the one request made for the index of a package the registry no longer has deleted the last copy of
     * its version, which the registry's 404 keeps: the tarball is kept either way, the 503 saying it may be the last.
     */
    @Test
    void cacheCleanAnsweredOnce503KeepsTheTarballOfAVersionItsRegistryMayNoLongerHave() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Files.move(registry.root().resolve("packages/@acme/util"), work.resolve("gone"));
        Path tarball = onlyCachedTarball();
        server.refuseAccess(503);
        server.forgetRequests();

        CliRun unavailable = prompd("cache", "clean");

        assertEquals(4, unavailable.exitCode(), unavailable.err());
        assertEquals(List.of("/packages/@acme/util/index.json"), server.requests(), "asked once");
        assertTrue(unavailable.err().startsWith("error: kept the cache's tarball of @acme/util@1.1.0, which may be its"
                + " last copy (its index could not be read: "), unavailable.err());
        assertTrue(unavailable.err().contains("HTTP 503"), unavailable.err());
        assertTrue(unavailable.err().contains("; its index could not be read, so run this again once it"
                + " can be read (later, or online); "), unavailable.err());
        assertEquals(List.of(tarball), cachedFiles());
        server.refuseAccess(0);

        CliRun gone = prompd("cache", "clean");

        assertEquals(4, gone.exitCode(), gone.err());
        assertTrue(gone.err().startsWith("error: kept the cache's tarball of @acme/util@1.1.0, its last copy (registry "
                + server.url() + " no longer has @acme/util): "), gone.err());
        assertEquals(List.of(tarball), cachedFiles());
    }

    /**
     * Tarballs kept as the last copies beside one kept as maybe the last, its registry unread: the hint says which
     * certainly are last copies and which may be, and names the versions whose index to read again.
     */
    @Test
    void cacheCleanKeepingLastCopiesAndOneWhoseIndexCouldNotBeReadSaysOfEachAndNamesTheOneToAskAgain()
            throws IOException {
        installVersionsTheRegistryThenStopsGivingKeepingTheirTarballs();
        assertEquals(0, prompd("uninstall", "--global", "@acme/base", "@acme/gone", "@acme/util").exitCode());
        String url = server.url().toString();
        server.onRequest(path -> server.refuseAccess(path.equals("/packages/@acme/util/index.json") ? 503 : 0));

        CliRun clean = prompd("cache", "clean");

        assertEquals(4, clean.exitCode(), clean.err());
        assertEquals("error: kept the cache's tarballs of @acme/base@1.0.0 and @acme/gone@1.0.0, their last copies"
                + " (@acme/base@1.0.0: registry " + url + " took it down: leaked a key; @acme/gone@1.0.0: registry "
                + url + " no longer has @acme/gone): no 'prompd install' can download them again; and the cache's"
                + " tarball of @acme/util@1.1.0, which may be its last copy (its index could not be read: registry "
                + url + " failed: could not fetch " + url + "packages/@acme/util/index.json: gave up after 1 attempt"
                + " (last: HTTP 503)): whether 'prompd install' can download it again is not known\nhint: a project"
                + " whose prompd.lock pins one of @acme/base@1.0.0 and @acme/gone@1.0.0 installs it from its tarball"
                + " alone, and one pinning @acme/util@1.1.0 may install it only from its tarball: to delete them too,"
                + " add --force; the index of @acme/util@1.1.0 could not be read, so run this again once it can be read"
                + " (later, or online); to empty the cache and keep them, run 'prompd install' in a project pinning"
                + " them first, which puts them back in the store\n", clean.err());
        assertEquals(3, cachedFiles().size(), "the three tarballs kept");
    }

    /** The store is only read, when there is one: cache clean makes none, and a file in its place holds no copy. */
    @Test
    void cacheCleanNeitherMakesNorNeedsTheStore() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Path packages = home.resolve("packages");
        Folders.deleteRecursively(packages);

        CliRun clean = prompd("cache", "clean");

        assertEquals(0, clean.exitCode(), clean.err());
        assertFalse(Files.exists(packages, LinkOption.NOFOLLOW_LINKS), "no store made");
        assertEquals(List.of(), cachedFiles());
        assertEquals(0, prompd("install").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Folders.deleteRecursively(packages);
        Files.writeString(packages, "not a store");

        CliRun inTheWay = prompd("cache", "clean");

        assertEquals(0, inTheWay.exitCode(), inTheWay.err());
        assertEquals("", inTheWay.err());
        assertEquals(List.of(), cachedFiles());
        assertEquals("not a store", Files.readString(packages));
    }

    /** The look at the registries before the cache is emptied leaves nothing in it, so the count is of what was. */
    @Test
    void cacheCleanCachesNoRegistryDocumentItReadsToTellTheLastCopies() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Folders.deleteRecursively(home.resolve("cache/http"));
        Path tarball = onlyCachedTarball();
        assertEquals(List.of(tarball), cachedFiles());

        CliRun clean = prompd("cache", "clean");

        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals("deleted 1 cached file from " + home.resolve("cache") + "\n", clean.out());
        assertEquals(List.of(), cachedFiles());
    }

    /**
     * A registry named for the install alone (PROMPD_REGISTRY) and not configured leaves no registry to ask later: a
     * matter of configuration, not a failed read, so the tarball is kept unless forced, as for a version taken down.
     */
    @Test
    void cacheCleanWithNoRegistryConfiguredKeepsATarballThatMayBeTheLastCopyUnlessForced() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());
        Path tarball = onlyCachedTarball();
        int others = cachedFiles().size() - 1;

        CliRun clean = CliRun.in(project, home, "", Map.of(), "cache", "clean");

        assertEquals(4, clean.exitCode(), clean.err());
        assertEquals("deleted " + Plural.count(others, "cached file") + " from " + home.resolve("cache") + "\n",
                clean.out());
        assertEquals("error: kept the cache's tarball of @acme/util@1.1.0, which may be its last copy: no registry can"
                + " be asked of it (no registry configured), so whether 'prompd install' can download it again is not"
                + " known\nhint: a project whose prompd.lock pins it may install it only from that tarball: to delete"
                + " it too, add --force; to have the registry serving it asked, name it with --registry URL (or set"
                + " PROMPD_REGISTRY to it), or add it with 'prompd registry add NAME URL --default', and run this"
                + " again; to empty the cache and keep it, run 'prompd install' in a project pinning it first, which"
                + " puts it back in the store\n", clean.err());
        assertEquals(List.of(tarball), cachedFiles());

        CliRun forced = CliRun.in(project, home, "", Map.of(), "cache", "clean", "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("warning: deleted the cache's tarball of @acme/util@1.1.0 not knowing whether it can be downloaded"
                + " again (no registry configured): if its registry no longer gives it, that was its last copy\n",
                forced.err());
        assertEquals(List.of(), cachedFiles());
    }

    @Test
    void cacheVerifyOfflineOffersNoVersionWhoseRegistryItCannotReadAndSaysWhy() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());

        CliRun verify = prompd("--offline", "cache", "verify");

        assertEquals(0, verify.exitCode(), verify.err());
        assertEquals("note: left 1 installed version unverified, with no cached tarball to compare with:"
                + " @acme/util@1.1.0; keep " + home.resolve("cache") + " with " + home.resolve("packages") + " (in a CI"
                + " cache, say) to have it checked; whether @acme/util@1.1.0 can be downloaded again is not known"
                + " (its index could not be read: offline and not cached: "
                + server.url() + "packages/@acme/util/index.json): keep it until its registry's index can be read\n",
                verify.err());
        CliRun online = prompd("cache", "verify");
        assertTrue(online.err().contains("or 'prompd uninstall --global @acme/util@1.1.0' for the next"), online.err());
    }

    /**
     * A home restored without the store's hidden records keeps the tarballs: what is missing is the record telling
     * which one to compare a copy with, and the install that puts the copy back writes it.
     */
    @Test
    void cacheVerifySaysAVersionWithoutItsRecordLacksTheRecordNotACachedTarball() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Files.delete(home.resolve("packages/@acme/.util@1.1.0.integrity"));

        CliRun verify = prompd("cache", "verify");

        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("unverifiable: " + home.resolve("packages/@acme/util@1.1.0") + " (no record of"
                + " the tarball it was unpacked from)\n"), verify.out());
        assertEquals("note: left 1 installed version unverified, with no record of the tarball it was unpacked from:"
                + " @acme/util@1.1.0; 'prompd install' in a project whose prompd.lock pins it, or 'prompd install"
                + " --global @acme/util@1.1.0', puts it back with a record of the tarball it comes from\n",
                verify.err());
        assertEquals(0, prompd("install").exitCode());
        assertTrue(prompd("cache", "verify").out().contains("\n1 installed version checked, 0 damaged\n"));
    }

    /**
     * The tarballs and the store are local: with no registry to ask, only whether one could be had again is unknown.
     */
    @Test
    void cacheVerifyWithNoRegistryConfiguredChecksWhatIsLocalAndSaysWhyTheRestIsNotKnown() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());

        CliRun verify = CliRun.in(project, home, "", Map.of(), "cache", "verify");

        assertEquals(0, verify.exitCode(), verify.err());
        assertEquals(List.of("0 cached tarballs checked, 0 corrupt", "unverifiable: "
                + home.resolve("packages/@acme/util@1.1.0") + " (its tarball is not cached)", "0 installed versions"
                + " checked, 0 damaged, 1 unverifiable"), verify.out().lines().limit(3).toList());
        assertTrue(verify.err().contains("whether @acme/util@1.1.0 can be downloaded again is not known (its index"
                + " could not be read: no registry configured)"), verify.err());
    }

    /**
     * A registry that cannot be reached fails every package's index alike, the first after its tries and the others
     * not tried, in messages that differ: the note names the registry and its failure once for all its versions.
     */
    @Test
    void cacheVerifyNamesARegistryThatCannotBeReachedOnceForAllTheVersionsItLeavesUnknown() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        String url = server.url().toString();
        server.close();

        CliRun verify = prompd("cache", "verify");

        assertEquals(0, verify.exitCode(), verify.err());
        List<String> notes = verify.err().lines().filter(line -> line.startsWith("note: ")).toList();
        assertEquals(List.of("note: left 3 installed versions unverified, with no cached tarball to compare with:"
                + " @acme/base@1.0.0, @acme/greeter@1.0.0 and @acme/util@1.1.0; keep " + home.resolve("cache")
                + " with " + home.resolve("packages") + " (in a CI cache, say) to have them checked; whether"
                + " @acme/base@1.0.0,"
                + " @acme/greeter@1.0.0 and @acme/util@1.1.0 can be downloaded again is not known (their indexes could"
                + " not be read: registry " + url + " could not be reached (last: cannot reach "
                + url.substring(0, url.length() - 1) + " (Connection refused))): keep them until their registries'"
                + " indexes can be read"), notes, verify.err());
    }

    @Test
    void aCorruptTarballOfAnInstalledVersionTakenDownIsNotSaidToBeCheckedByRemovingTheVersion() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        registry.takeDown("@acme/util", "1.1.0", "leaked a key");
        Path cached = corruptTheCachedTarball();

        CliRun corrupt = prompd("cache", "verify");

        assertEquals(6, corrupt.exitCode());
        assertEquals("error: removed 1 corrupt cached tarball: " + cached + "\nhint: nothing installed changed:"
                + " the installed @acme/util@1.1.0 stays as it was checked against its integrity when installed, and"
                + " 'prompd install' downloads nothing for it; keep @acme/util@1.1.0 as it is: no 'prompd install'"
                + " can download it again, so this copy is its last (registry " + server.url() + " took it down:"
                + " leaked a key)\n", corrupt.err());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")));
    }

    /**
     * The registries are asked only after the repairs, for the note's words: a registry that cannot be chosen leaves
     * whether a version can be downloaded again unknown, and the report of what was removed stands.
     */
    @Test
    void cacheVerifyGivenAnUnknownRegistryStillReportsWhatItRemovedAndExitsAsItsCheck() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun verify = prompd("--registry", "nosuch", "cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        assertTrue(verify.out().startsWith("corrupt, removed: " + cached + "\n"), verify.out());
        assertTrue(verify.err().startsWith("error: removed 1 corrupt cached tarball: " + cached + "\n"), verify.err());
        // the note names the failure, so the hint only adds how to mend it
        assertTrue(verify.err().endsWith("; whether @acme/util@1.1.0 can be downloaded again is not known (its index"
                + " could not be read: " + UNKNOWN_REGISTRY + "): keep it until its registry's index can be read; "
                + ADD_NOSUCH + "\n"), verify.err());
        assertEquals(verify.err().indexOf(UNKNOWN_REGISTRY), verify.err().lastIndexOf(UNKNOWN_REGISTRY), "said once");
        assertFalse(verify.err().contains("'prompd --registry nosuch install'"), verify.err());
        assertFalse(Files.exists(cached));
    }

    /** As for a registry that cannot be chosen: the note on the version left unknown says why, the hint how to mend. */
    @Test
    void cacheVerifyWithNoRegistryConfiguredSaysWhyOnceWhenItsNoteHasSaidIt() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun verify = CliRun.in(project, home, "", Map.of(), "cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        assertTrue(verify.err().endsWith("; whether @acme/util@1.1.0 can be downloaded again is not known (its index"
                + " could not be read: no registry configured): keep it until its registry's index can be read; add"
                + " one with 'prompd registry add NAME URL --default', or pass --registry URL (or set PROMPD_REGISTRY"
                + " to it)\n"), verify.err());
        assertEquals(verify.err().indexOf("no registry configured"), verify.err().lastIndexOf("no registry configured"),
                "said once");
        assertFalse(Files.exists(cached));
    }

    /** An install given a registry the configuration does not name fails before asking any: none is suggested. */
    @Test
    void cacheVerifyGivenAnUnknownRegistrySaysSoWhereItWouldSuggestAnInstall() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun verify = prompd("--registry", "nosuch", "cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        assertEquals("error: removed 1 corrupt cached tarball: " + cached + "\nhint: nothing installed changed: an"
                + " install downloads a removed tarball of a version not installed again when a project needs it; "
                + UNKNOWN_REGISTRY + ": " + ADD_NOSUCH + "\n", verify.err());
    }

    /** What every command asking a registry says of {@code --registry nosuch}: its message, then its hint. */
    private static final String UNKNOWN_REGISTRY = "unknown registry 'nosuch' (from --registry)";
    private static final String ADD_NOSUCH = "no registry is configured; add one with 'prompd registry add nosuch URL',"
            + " or pass its URL";

    /** With no registry configured at all, every install fails before asking one: none is suggested either. */
    @Test
    void cacheVerifyWithNoRegistryConfiguredSaysSoWhereItWouldSuggestAnInstall() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        Path cached = corruptTheCachedTarball();

        CliRun verify = CliRun.in(project, home, "", Map.of(), "cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        assertEquals("error: removed 1 corrupt cached tarball: " + cached + "\nhint: nothing installed changed: an"
                + " install downloads a removed tarball of a version not installed again when a project needs it; no"
                + " registry configured: add one with 'prompd registry add NAME URL --default', or pass --registry URL"
                + " (or set PROMPD_REGISTRY to it)\n", verify.err());
        CliRun install = CliRun.in(project, home, "", Map.of(), "install", "@acme/util@1.1.0");
        assertEquals(3, install.exitCode(), "as the hint says: " + install.err());
    }

    @Test
    void cacheVerifyWithAFileWhereItsDocumentsFolderWouldBeStillReportsWhatItRemoved() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path cached = corruptTheCachedTarball();
        Path documents = home.resolve("cache/http");
        Folders.deleteRecursively(documents);
        Files.writeString(documents, "in the way");

        CliRun verify = prompd("cache", "verify");

        assertEquals(6, verify.exitCode(), verify.err());
        assertTrue(verify.out().startsWith("corrupt, removed: " + cached + "\n"), verify.out());
        assertTrue(verify.err().contains("; whether @acme/util@1.1.0 can be downloaded again is not known (its index"
                + " could not be read: a file stands where a folder is needed: " + documents + "): keep it until its"
                + " registry's index can be read\n"), verify.err());
    }

    /** {@code N cached registry documents}, as many as the install of {@code @acme/util} cached. */
    private String documentsChecked() throws IOException {
        try (var files = Files.list(home.resolve("cache/http"))) {
            return Plural.count(files.count(), "cached registry document");
        }
    }

    /** Overwrites the one tarball in the cache, as a disk error may; returns its file. */
    private Path corruptTheCachedTarball() throws IOException {
        return Files.writeString(onlyCachedTarball(), "rotten");
    }

    private List<Path> cachedFiles() throws IOException {
        try (var files = Files.walk(home.resolve("cache"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Path onlyCachedTarball() throws IOException {
        try (var files = Files.walk(home.resolve("cache/tarballs"))) {
            List<Path> cached = files.filter(Files::isRegularFile).toList();
            assertEquals(1, cached.size(), cached::toString);
            return cached.get(0);
        }
    }

    private static String removedFromTheCache(Path tarball) {
        return "error: removed 1 corrupt cached tarball: " + tarball + "\nhint: nothing installed changed:"
                + " the installed @acme/util@1.1.0 stays as it was checked against its integrity when installed, and"
                + " 'prompd install' downloads nothing for it: to have it checked again, 'prompd uninstall --global"
                + " @acme/util@1.1.0', then 'prompd install' in a project that needs it, downloads and installs it"
                + " anew\n";
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
            try (HomeLock install = RunLocks.home(home,
                    new PackageStore(home.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN),
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
            assertEquals("note: waiting for another prompd run to finish (process " + ProcessHandle.current().pid()
                    + " holds "
                    + home.resolve("install.lock") + ")…\n", err.toString());
        } finally {
            background.shutdownNow();
        }
    }
}
