package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * prompd cache verify and clean: corrupt tarballs removed and said so, and a wait for another run holding the home.
 */
class CacheCommandTest extends InstallCommandsFixture {

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
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")),
                "clean leaves installed packages alone");
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

    @Test
    void cacheVerifyNamesEveryFileItDeletesThatIsNoCachedTarballWithoutFailing() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path tarballs = home.resolve("cache/tarballs");
        Path misnamed = Files.writeString(Files.createDirectories(tarballs.resolve("sha512/zz"))
                .resolve("notahash.tgz"),
                "junk");
        Path stray = Files.writeString(tarballs.resolve("stray.txt"), "junk");
        String noted = "note: removed 2 files named as no cached tarball: " + misnamed + ", " + stray + "\n";

        CliRun text = prompd("cache", "verify");

        assertEquals(0, text.exitCode(), text.err());
        assertEquals("no cached tarball, removed: " + misnamed + "\nno cached tarball, removed: " + stray
                + "\n1 cached tarball checked, 0 corrupt, 2 other files removed\n", text.out());
        assertEquals(noted, text.err());
        assertFalse(Files.exists(misnamed));
        assertFalse(Files.exists(stray));

        Files.writeString(misnamed, "junk");
        Files.writeString(stray, "junk");
        CliRun json = prompd("cache", "verify", "--json");

        assertEquals(0, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree("{\"checked\": 1, \"removed\": [\"" + misnamed + "\", \"" + stray + "\"]}"),
                Json.reader().readTree(json.out()));
        assertEquals(noted, json.err());
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
            try (HomeLock install = RunLocks.home(home,
                    new PackageStore(home.resolve("packages"), ArchiveLimits.DEFAULT),
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
            assertEquals("waiting for another prompd run to finish (process " + ProcessHandle.current().pid()
                    + " holds "
                    + home.resolve("install.lock") + ")…\n", err.toString());
        } finally {
            background.shutdownNow();
        }
    }
}
