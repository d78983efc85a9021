package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.client.testing.ClosedPort;
import io.prompd.core.files.Folders;
import io.prompd.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A registry that fails, asks to wait or cannot be reached, the progress line and the messages of retries on stderr,
 * proxies and certificates, and --offline.
 */
class NetworkAndOfflineTest extends InstallCommandsFixture {

    @Test
    void aDamagedIndexFailsWithTheNetworksCodeNamingItsUrlAndWhereItBreaks() throws IOException {
        Files.writeString(registry.root().resolve("packages/@acme/util/index.json"), "{\"name\": ");

        CliRun run = prompd("info", "@acme/util");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals("error: the registry sent a damaged document: " + server.url() + "packages/@acme/util/index.json"
                + " (at line 1, column 10: Unexpected end-of-input within/between Object entries)\nhint:"
                + " try again later; if it persists, report it to the registry's maintainers with this message\n",
                run.err(), "nothing is cached, so --offline would fail as 'offline and not cached'");
    }

    /** --offline is offered only where it works: when the cache holds the copy an offline run reads. */
    @Test
    void offlineIsOfferedForADocumentTheCacheHoldsAlone() throws IOException {
        server.flaky(1, 0);
        CliRun uncached = prompd("info", "@acme/util");
        assertEquals(5, uncached.exitCode(), uncached.err());
        assertTrue(uncached.err().endsWith("\nhint: the registry or the network may be down; try again later\n"),
                uncached.err());

        server.flaky(0, 0);
        assertEquals(0, prompd("info", "@acme/util").exitCode());
        server.flaky(1, 0);
        CliRun cached = prompd("info", "@acme/util");
        assertEquals(5, cached.exitCode(), cached.err());
        assertTrue(cached.err().endsWith("\nhint: the registry or the network may be down; try again later, or use"
                + " --offline to work from the cache\n"), cached.err());
        assertEquals(0, prompd("info", "@acme/util", "--offline").exitCode());

        server.flaky(0, 0);
        Files.writeString(registry.root().resolve("packages/@acme/util/index.json"), "{\"name\": ");
        CliRun damaged = prompd("info", "@acme/util");
        assertEquals(5, damaged.exitCode(), damaged.err());
        assertTrue(damaged.err().endsWith("\nhint: try again later, or use --offline to work from the cache; if it"
                + " persists, report it to the registry's maintainers with this message\n"), damaged.err());
    }

    /** outdated reads documents alone: a cached index is all its --offline run needs, so it is offered as it is. */
    @Test
    void outdatedWithTheIndexCachedIsOfferedOfflineWithoutTheConditionOfTarballs() {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        server.flaky(1, 0);

        CliRun online = prompd("outdated");

        assertEquals(5, online.exitCode(), online.err());
        assertTrue(online.err().endsWith("\nhint: the registry or the network may be down; try again later, or use"
                + " --offline to work from the cache\n"), online.err());
        assertEquals(0, prompd("outdated", "--offline").exitCode(), "as offered");
    }

    /** As cargo's CARGO_NET_OFFLINE: a CI job or a laptop on a plane sets it once rather than on every command. */
    @Test
    void prompdOfflineActsAsTheOptionAndNoOfflineOverridesIt() {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        server.flaky(1, 0);

        CliRun offline = withOffline("1", "outdated");
        CliRun overridden = withOffline("true", "outdated", "--no-offline");

        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals("every package is up to date\n", offline.out());
        assertEquals("note: offline, the newest versions are those of the cached indexes; the registry may have"
                + " published newer ones since\n", offline.err());
        assertEquals(5, overridden.exitCode(), overridden.err());
        server.flaky(0, 0);
        assertEquals(0, withOffline("0", "outdated").exitCode(), "online once the registry answers again");
    }

    /**
     * An alias {@code prompd --offline} is overridden by a {@code --no-offline} after it, and the other way round, as
     * cargo's and git's negatable flags are: the last one given wins, before or after the subcommand, a value given
     * with the flag too, and the same one twice is no error ("should be specified only once" broke the alias).
     */
    @Test
    void theLastOfOfflineAndNoOfflineWinsWhereverEachIsGiven() {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        server.flaky(1, 0);

        List<CliRun> offline = List.of(prompd("--no-offline", "--offline", "outdated"),
                prompd("--offline", "--offline", "outdated"), prompd("--no-offline", "outdated", "--offline"),
                prompd("outdated", "--offline", "--no-offline", "--offline"),
                prompd("--offline=false", "--offline", "outdated"));
        List<CliRun> online = List.of(prompd("--offline", "--no-offline", "outdated"),
                prompd("--offline", "outdated", "--no-offline"), prompd("outdated", "--no-offline", "--no-offline"),
                prompd("--offline", "outdated", "--offline=false"));

        for (CliRun run : offline) {
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("every package is up to date\n", run.out());
        }
        for (CliRun run : online) {
            assertEquals(5, run.exitCode(), "online, the registry failing: " + run.err());
        }
    }

    @Test
    void aPrompdOfflineThatIsNeitherOnNorOffIsAUsageError() {
        CliRun run = withOffline("maybe", "outdated");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: $PROMPD_OFFLINE is 'maybe', which is neither on nor off\nhint: set it to 1, true, yes or"
                + " on never to touch the network, to 0, false, no or off or unset it otherwise (in any case)\n",
                run.err());
    }

    private CliRun withOffline(String offline, String... args) {
        return CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", server.url().toString(), "PROMPD_OFFLINE",
                offline), args);
    }

    /**
     * The cache holding the document that failed is not enough: an offline run of the command needs every document
     * it reads, here that of a dependency a teammate added to prompd.json, never fetched. Whichever request fails
     * first (here the cached one, as the locked package is read first), --offline is not offered, as it would fail
     * "offline and not cached" and send the user back online.
     */
    @Test
    void offlineIsNotOfferedWhereAnotherDocumentTheCommandNeedsIsNotCached() throws IOException {
        registry.publish("@acme/zeta", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        editDependencies("\"@acme/util\": \"^1.1.0\", \"@acme/zeta\": \"^1.0.0\"");
        server.flaky(1, 0);

        for (String command : List.of("outdated", "install", "update")) {
            CliRun online = prompd(command);

            assertEquals(5, online.exitCode(), command + ": " + online.err());
            assertTrue(online.err().contains("error: registry " + server.url() + " failed: could not fetch "
                    + server.url() + "packages/@acme/util/index.json"), command + ": " + online.err());
            assertTrue(online.err().endsWith("\nhint: the registry or the network may be down; try again later\n"),
                    command + ": " + online.err());
            CliRun offline = prompd(command, "--offline");
            assertEquals(5, offline.exitCode(), command + ": " + offline.err());
            assertEquals("error: offline and not cached: " + server.url() + "packages/@acme/zeta/index.json\nhint: run"
                    + " once without --offline to fetch it into the cache\n", offline.err(),
                    command + ": where it would lead");
        }
    }

    /**
     * An install needs tarballs, which a cached index does not bring: --offline is offered only once they are cached
     * too, with no condition then, as the offline run that checked it got through. An offline install of a version
     * listed but not cached says so and how to get it, not that no version matches.
     */
    @Test
    void anInstallIsOfferedOfflineOnlyOnceTheTarballsItNeedsAreCachedToo() {
        assertEquals(0, prompd("info", "@acme/util").exitCode());
        server.flaky(1, 0);

        CliRun indexOnly = prompd("install", "@acme/util");
        CliRun offline = prompd("install", "@acme/util", "--offline");
        CliRun both = prompd("install", "@acme/util@^1.0.0", "--offline");
        server.flaky(0, 0);
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        server.flaky(1, 0);
        CliRun tarballsToo = prompd("install", "@acme/util");

        assertEquals(5, indexOnly.exitCode(), indexOnly.err());
        assertTrue(indexOnly.err().endsWith("\nhint: the registry or the network may be down; try again later\n"),
                indexOnly.err());
        assertEquals(5, offline.exitCode(), "a tarball not cached, as every offline miss: " + offline.err());
        assertEquals("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @acme/util ^1.1.0 and no version of @acme/util available"
                + " offline matches ^1.1.0 (1.1.0 is listed, but its tarball is not cached: run again without --offline"
                + " to download it), version solving failed.\nhint: offline, only the versions installed or cached"
                + " count: run again without --offline to choose among all published ones\n", offline.err());
        assertEquals(5, both.exitCode(), both.err());
        assertTrue(both.err().contains(" (1.0.0 and 1.1.0 are listed, but their tarballs are not cached: run again"
                + " without --offline to download them)"), both.err());
        assertEquals(5, tarballsToo.exitCode(), tarballsToo.err());
        assertTrue(tarballsToo.err().endsWith("\nhint: the registry or the network may be down; try again later, or"
                + " use --offline to work from the cache\n"), tarballsToo.err());
        assertEquals(0, prompd("install", "@acme/util", "--offline").exitCode(), "as offered");
    }

    /**
     * A script tells "this needs the network" by one exit code, whichever the cache lacks: the package's index, or the
     * tarball of the version the cached index names, asked for by name, by a dist-tag or by version, or locked. Each
     * was 5 for an index and 3 for a tarball, as if the version did not exist.
     */
    @Test
    void everyOfflineMissExitsWithTheNetworksCodeAndKindWhateverTheCacheLacks() throws IOException {
        CliRun noIndex = prompd("install", "@acme/util", "--offline", "--json");
        assertEquals(0, prompd("info", "@acme/util").exitCode());
        List<CliRun> noTarball = List.of(prompd("install", "@acme/util", "--offline", "--json"),
                prompd("install", "@acme/util@latest", "--offline", "--json"),
                prompd("install", "@acme/util@1.0.0", "--offline", "--json"),
                prompd("install", "--global", "@acme/util", "--offline", "--json"));
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        Folders.deleteRecursively(home.resolve("packages"));
        CliRun locked = prompd("install", "--offline", "--json");

        for (CliRun run : Stream.concat(noTarball.stream(), Stream.of(noIndex, locked)).toList()) {
            assertEquals(5, run.exitCode(), run.err());
            JsonNode error = Json.reader().readTree(run.out()).get("error");
            assertEquals("notCached", error.get("kind").asText(), run.out());
            assertTrue(error.get("hint").asText().contains("without --offline"), run.out());
        }
        assertTrue(noIndex.err().startsWith("error: offline and not cached: " + server.url()
                + "packages/@acme/util/index.json\n"), noIndex.err());
        assertTrue(locked.err().startsWith("error: offline, and neither installed nor cached: @acme/util@1.1.0\n"),
                locked.err());
        String help = prompd("--help").out();
        assertTrue(help.replaceAll("\\s+", " ").contains("5 Network error: a registry could not be reached, refused the"
                + " request, or answered something unusable; or, with --offline, the cache lacks a document or tarball"
                + " the command needs."), help);
    }

    /** Online the yank is why no version matches, so offline it is told too, not only that the tarball is missing. */
    @Test
    void anOfflineInstallTellsAYankedVersionInTheRangeWhoseTarballIsNotCachedAsYanked() {
        registry.yank("@acme/util", "1.1.0", "broken");
        assertEquals(0, prompd("info", "@acme/util").exitCode());

        CliRun offline = prompd("install", "@acme/util@~1.1.0", "--offline");
        CliRun both = prompd("install", "@acme/util@^1.0.0", "--offline");

        assertEquals(3, offline.exitCode(), offline.err());
        assertTrue(offline.err().contains("no version of @acme/util available offline matches ~1.1.0 (1.1.0 is yanked,"
                + " and its tarball is not cached)"), offline.err());
        assertTrue(both.err().contains(" (1.0.0 is listed, but its tarball is not cached: run again without --offline to"
                + " download it; 1.1.0 is yanked, and its tarball is not cached)"), both.err());
    }

    /**
     * A yanked version is never newly chosen, online either: a range whose every version is yanked fails without
     * --offline as it fails with it, so the offline failure gives the hint the online one gives, not the advice to run
     * again without --offline; a range with a version listed and not cached keeps that advice.
     */
    @Test
    void anOfflineInstallOfARangeWhoseEveryVersionIsYankedIsNotSentOnlineWhereItFailsTheSame() {
        registry.yank("@acme/util", "1.1.0", "broken");
        assertEquals(0, prompd("info", "@acme/util").exitCode());

        CliRun offline = prompd("install", "@acme/util@~1.1.0", "--offline");
        CliRun online = prompd("install", "@acme/util@~1.1.0");
        CliRun listed = prompd("install", "@acme/util@^1.0.0", "--offline");

        String hint = "\nhint: check the names and ranges above against the registry; a range may ask for a version"
                + " that was never published, or that has been yanked or taken down\n";
        assertEquals(3, offline.exitCode(), offline.err());
        assertEquals("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @acme/util ~1.1.0 and no version of @acme/util available"
                + " offline matches ~1.1.0 (1.1.0 is yanked, and its tarball is not cached), version solving failed."
                + hint, offline.err());
        assertEquals(3, online.exitCode(), online.err());
        assertEquals("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @acme/util ~1.1.0 and no version of @acme/util matches"
                + " ~1.1.0 (1.1.0 is yanked), version solving failed." + hint, online.err(), "as offline");
        assertEquals(5, listed.exitCode(), "1.0.0 not cached: " + listed.err());
        assertTrue(listed.err().endsWith("\nhint: offline, only the versions installed or cached count: run again"
                + " without --offline to choose among all published ones\n"), listed.err());
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
        assertEquals("warning: could not fetch " + server.url() + "packages/@acme/util/index.json (HTTP 500): trying again,"
                + " attempt 2 of 4…\n", run.err());
    }

    @Test
    void aHostThatRefusedEveryConnectionOfOneRequestIsNotTriedAgainForTheNextOnes() throws IOException {
        String down = "http://127.0.0.1:" + ClosedPort.find();
        Files.writeString(project.resolve("prompd.json"),
                "{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"dependencies\": {\"@a/x\": \"^1.0.0\"}}\n");
        Files.writeString(project.resolve("prompd.lock"),
                "{\"lockfileVersion\": 1, \"packages\": {\"@a/x\": {\"version\":"
                + " \"1.0.0\", \"resolved\": \"" + down + "/packages/@a/x/-/x-1.0.0.tgz\", \"integrity\": \"sha512-"
                + "A".repeat(86) + "==\"}}}\n");

        CliRun run = CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", down + "/"), "install");

        assertEquals(5, run.exitCode(), run.err());
        String refused = "cannot reach " + down + " (Connection refused)";
        StringBuilder retries = new StringBuilder();
        for (int attempt = 2; attempt <= 4; attempt++) {
            retries.append("warning: could not fetch ").append(down).append("/packages/@a/x/index.json (").append(refused)
                    .append("): trying again, attempt ").append(attempt).append(" of 4…\n");
        }
        assertEquals(retries + "error: registry " + down + "/ failed: could not fetch " + down
                + "/packages/@a/x/-/x-1.0.0.tgz:"
                + " this run gave up on reaching " + down + " after 4 attempts (last: " + refused
                + ")\nhint: the registry"
                + " or the network may be down; try again later\n", run.err(), "no tarball is cached for --offline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"outdated", "update"})
    void aHostRefusingTheIndexesFetchedInParallelIsTriedAgainByOneOfThemAndGivesOneError(String command) {
        assertEquals(0, prompd("install", "@acme/greeter", "@acme/base", "@acme/util").exitCode());
        String down = "http://127.0.0.1:" + ClosedPort.find();

        // pauses that take time, as a run's do, so that the requests in flight overlap
        CliRun run = CliRun.with(new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY", down + "/"),
                project, work.resolve("user-home"), CliRun.CLOCK, delay -> Thread.sleep(100),
                new ByteArrayInputStream(new byte[0]), Optional.empty(), false, OutputStream.nullOutputStream(), false),
                command);

        assertEquals(5, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        List<String> retries = lines.stream().filter(line -> line.contains("trying again")).toList();
        assertEquals(3, retries.size(), run.err());
        String tried = retries.get(0).substring(0, retries.get(0).indexOf(" (cannot reach "));
        assertTrue(retries.stream().allMatch(line -> line.startsWith(tried + " (cannot reach " + down
                + " (Connection refused)): trying again, attempt ")), "one index tried again: " + run.err());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("error: ")).count(), run.err());
        assertTrue(lines.stream().allMatch(line -> line.matches("(error|warning|hint|note): .*")),
                "each line says what it is, a try again a warning: " + run.err());
        assertTrue(lines.get(3)
                .startsWith("error: registry " + down + "/ failed: could not fetch " + down + "/packages/"),
                run.err());
        assertEquals(5, lines.size(), run.err());
    }

    @Test
    void aPauseTheRegistryAsksForIsWaitedOutSayingSoOnStderr() {
        server.throttle(1, "30");

        CliRun run = prompd("install", "acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: the registry asks to wait 30 s (HTTP 429): waiting, then fetching " + server.url()
                + "packages/@acme/util/index.json again…\n", run.err());
    }

    @Test
    void aTerminalSeesOneProgressLineOnStderrWipedAtTheEnd() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext terminal = new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY",
                server.url().toString()),
                project, work.resolve("user-home"), CliRun.CLOCK, CliRun.SLEEPER, new ByteArrayInputStream(new byte[0]),
                Optional.empty(), true, OutputStream.nullOutputStream(), false);

        int exitCode = PrompdCommand.commandLine(new PrintWriter(out), new PrintWriter(err), terminal)
                .execute("install", "@acme/util");

        assertEquals(0, exitCode, err.toString());
        // from the first request on, as the index documents come in, then the install's bar in its place
        assertTrue(err.toString().startsWith("\rresolving: 0 packages read\rresolving: 1 package read "
                + "\rinstalling [-"), err.toString());
        assertTrue(err.toString().contains("] 1/1, "), err.toString());
        assertTrue(err.toString().endsWith(" \r"), "the line is wiped: " + err);
        assertFalse(out.toString().contains("\r"), "stdout stays clean for scripts");
    }

    /** As cargo leaves its progress out for Emacs's compilation buffer, where {@code \r} shows as {@code ^M}. */
    @Test
    void aDumbTerminalSeesNoProgressLine() {
        StringWriter err = new StringWriter();
        CliContext dumb = new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY",
                server.url().toString(), "TERM", "dumb"),
                project, work.resolve("user-home"), CliRun.CLOCK, CliRun.SLEEPER, new ByteArrayInputStream(new byte[0]),
                Optional.empty(), true, OutputStream.nullOutputStream(), false);

        int exitCode = PrompdCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), dumb)
                .execute("install", "@acme/util");

        assertEquals(0, exitCode, err.toString());
        assertEquals("", err.toString());
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
        CliContext terminal = new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY",
                server.url().toString()),
                project, work.resolve("user-home"), CliRun.CLOCK, CliRun.SLEEPER, new ByteArrayInputStream(new byte[0]),
                Optional.empty(), true, OutputStream.nullOutputStream(), false);

        int exitCode = PrompdCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), terminal)
                .execute("install", "@acme/util");

        assertEquals(0, exitCode, err.toString());
        String wait = "warning: the registry asks to wait 30 s (HTTP 429): waiting, then fetching " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz again…";
        Matcher said = Pattern.compile("\\r(installing [^\\r]*)\\r( *)\\r" + Pattern.quote(wait)
                + "\n\\rinstalling \\[")
                .matcher(err.toString());
        assertTrue(said.find(), "the line shown is wiped before the message and drawn again after it: " + err);
        assertEquals(said.group(1).length(), said.group(2).length(), err.toString());
    }

    @Test
    void offlineWithoutTheCacheExitsWithFiveListingWhatIsMissing() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter", "@acme/base", "@acme/util").exitCode());
        home = work.resolve("empty-home");
        CliRun run = prompd("--offline", "install");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("@acme/base@1.0.0, @acme/greeter@1.0.0, @acme/util@1.1.0"), run.err());
    }

    /** "Run once without --offline" is no way out for a user who gave no --offline: the variable is named. */
    @Test
    void aMissOfARunThatPrompdOfflineMadeOfflineSaysHowToGoOnlineAndTheOptionsMissDoesNot() {
        home = work.resolve("empty-home");

        CliRun byVariable = withOffline("1", "install", "@acme/util");
        CliRun byOption = prompd("--offline", "install", "@acme/util");

        assertEquals(5, byVariable.exitCode(), byVariable.err());
        assertTrue(byVariable.err().contains(" (this run is offline because $PROMPD_OFFLINE is set: add --no-offline,"
                + " or unset it)\n"), byVariable.err());
        assertEquals(5, byOption.exitCode(), byOption.err());
        assertTrue(byOption.err().contains("without --offline"), byOption.err());
        assertFalse(byOption.err().contains("PROMPD_OFFLINE"), byOption.err());
    }

    @Test
    void aWebPageInPlaceOfATarballExitsWithFiveAsOneInADocumentsPlaceDoes() throws IOException {
        Files.writeString(registry.tarball("@acme/util", "1.1.0"), "<!DOCTYPE html><title>502 Bad Gateway</title>");

        CliRun run = prompd("install", "@acme/util");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals("error: got a web page instead of a gzip tarball from " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz\nhint: nothing of it was kept: the registry's"
                + " host, or a proxy or"
                + " CDN in front of it, answered with an error or login page; try again later, and tell the registry's"
                + " maintainers if it persists\n", run.err().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
    }

    /** A folder has no host or proxy that could have answered with a page, nor one a later try could get past. */
    @Test
    void aWebPageInPlaceOfATarballInARegistrysFolderIsBlamedOnTheFolder() throws IOException {
        Files.writeString(registry.tarball("@acme/util", "1.1.0"), "<!DOCTYPE html><title>Saved page</title>");

        CliRun run = prompd("--registry", registry.fileUrl().toString(), "install", "@acme/util");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("\nhint: nothing of it was kept: the registry's folder holds a web page in the"
                + " tarball's place (a page saved from a browser rather than the file?); tell whoever copied the"
                + " registry, or build it again\n"), run.err());
        assertFalse(run.err().contains("proxy"), run.err());
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
    void aProxyPasswordHoldingAnAtSignEndsAtTheLastOneAndOneHoldingASlashIsNamedMasked() throws IOException {
        String viaProxy = "http://registry.example/";
        CliRun at = CliRun.in(project, home, "", Map.of("http_proxy", "http://ci:p@ss@" + server.url().getAuthority()),
                "install", "@acme/base", "--registry", viaProxy);
        CliRun slash = CliRun.in(project, home, "", Map.of("http_proxy", "http://ci:SEC/RET@"
                + server.url().getAuthority()), "info", "@acme/base", "--registry", viaProxy);

        assertEquals(0, at.exitCode(), at.err());
        assertTrue(Files.readString(project.resolve("prompd.lock")).contains("\"resolved\": \"" + viaProxy
                + "packages/@acme/base/-/base-1.0.0.tgz\""), "the host the proxy reached for the client");
        assertEquals(2, slash.exitCode(), slash.err());
        assertTrue(slash.err().startsWith("error: the proxy in http_proxy ('http://***@" + server.url().getAuthority()
                + "') is unusable: the URL's user or password holds a character that must be percent-escaped"),
                slash.err());
        assertFalse(slash.err().contains("SEC") || slash.err().contains("RET"), slash.err());
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
    void offlineANewPackageGetsTheHighestVersionAtHandAndAFailureNamesThoseAvailableOffline() throws IOException {
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());

        CliRun run = prompd("--offline", "install", "@acme/util");
        CliRun newer = prompd("--offline", "install", "@acme/util@^1.1.0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("saved @acme/util ^1.0.0 in prompd.json\n"), run.out());
        assertEquals(5, newer.exitCode(), newer.err());
        assertTrue(newer.err().startsWith("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @acme/util ^1.1.0 and no version of"
                + " @acme/util available offline matches ^1.1.0 (available offline: 1.0.0; 1.1.0 is listed, but its"
                + " tarball is not cached: run again without --offline to download it), version solving failed.\n"),
                newer.err());
    }
}
