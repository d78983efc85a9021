package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --verbose} lists on stderr each try of a request a command made of a registry, one whole line each, with how
 * it ended and how long it took, as {@code npm install --verbose} lists its fetches; without it, stderr says nothing of
 * them.
 */
class VerboseRequestsTest extends InstallCommandsFixture {

    /** How long a try took: not fixed, as the run's ticker is the system's. */
    private static final String TOOK = " \\d+ ms";
    private static final String SIZE = " \\d+(\\.\\d)? (bytes?|KiB)";

    private String url(String path) {
        return server.url() + path;
    }

    private static void assertHasLine(String expected, String err) {
        assertTrue(Pattern.compile("^" + expected + "$", Pattern.MULTILINE).matcher(err).find(),
                "a line " + expected + " in:\n" + err);
    }

    @Test
    void anInstallListsEachIndexAndTarballFetchedAndTheNextRunTheIndexesRevalidated() {
        server.sameEtag("\"v1\"");

        CliRun install = prompd("--verbose", "install", "@acme/greeter");

        assertEquals(0, install.exitCode(), install.err());
        String index = Pattern.quote(url("packages/@acme/greeter/index.json"));
        String tarball = Pattern.quote(url("packages/@acme/greeter/-/greeter-1.0.0.tgz"));
        assertHasLine("verbose: GET " + index + " 200" + SIZE + TOOK, install.err());
        assertHasLine("verbose: GET " + tarball + " 200" + SIZE + TOOK, install.err());
        assertEquals(server.requests().size(), install.err().lines().filter(line -> line.startsWith("verbose: "))
                .count(), "a line for each request, and no other: " + server.requests() + "\n" + install.err());
        assertEquals(install.err().lines().count(), install.err().lines()
                .filter(line -> line.startsWith("verbose: GET http://127.0.0.1:")).count(), install.err());

        CliRun update = prompd("update", "--verbose");

        assertEquals(0, update.exitCode(), update.err());
        assertHasLine("verbose: GET " + index + " 304" + TOOK + " \\(cache revalidated: the cached copy is used\\)",
                update.err());
    }

    @Test
    void anOfflineRunListsTheCachedCopiesItTookWithoutAsking() {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());

        CliRun offline = prompd("--verbose", "--offline", "update");

        assertEquals(0, offline.exitCode(), offline.err());
        assertHasLine("verbose: cached " + Pattern.quote(url("packages/@acme/greeter/index.json"))
                + " \\(offline: not asked\\)", offline.err());
    }

    @Test
    void aFailedTryIsListedBeforeTheRetryThatGotThrough() {
        server.throttle(1, "0");

        CliRun install = prompd("install", "@acme/util", "-v");

        assertEquals(0, install.exitCode(), install.err());
        String index = Pattern.quote(url("packages/@acme/util/index.json"));
        List<String> lines = install.err().lines().toList();
        assertTrue(lines.get(0).matches("verbose: GET " + index + " failed \\(HTTP 429\\)" + TOOK), install.err());
        assertEquals("warning: could not fetch " + url("packages/@acme/util/index.json") + " (HTTP 429): trying again,"
                + " attempt 2 of 4…", lines.get(1));
        assertTrue(lines.get(2).matches("verbose: GET " + index + " 200" + SIZE + TOOK), install.err());
    }

    @Test
    void noCredentialIsListed() {
        String token = "s3cr3t-t0ken";
        assertEquals(0, CliRun.in(project, home, "registry", "add", "acme", server.url().toString(), "--default")
                .exitCode());
        assertEquals(0, CliRun.in(project, home, token + "\n", Map.of(), "login", "--offline").exitCode());
        server.requireAuthorization("Bearer " + token);

        CliRun install = CliRun.in(project, home, "", Map.of(), "--verbose", "install", "@acme/greeter");

        assertEquals(0, install.exitCode(), install.err());
        assertFalse(server.authorizedRequests().isEmpty(), "the token was sent");
        assertHasLine("verbose: GET " + Pattern.quote(url("packages/@acme/greeter/index.json")) + " 200" + SIZE + TOOK,
                install.err());
        assertFalse(install.err().contains(token), install.err());
        assertFalse(install.err().contains("Bearer"), install.err());
        assertFalse(install.err().contains("Authorization"), install.err());
    }

    /** On a terminal each line goes above the progress line, which is wiped first and drawn again after. */
    @Test
    void onATerminalTheLinesGoAboveTheProgressLine() {
        StringWriter err = new StringWriter();
        CliContext terminal = new CliContext(Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY",
                server.url().toString()), project, work.resolve("user-home"), CliRun.CLOCK, CliRun.SLEEPER,
                new ByteArrayInputStream(new byte[0]), Optional.empty(), true, OutputStream.nullOutputStream(), false);

        int exitCode = PrompdCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), terminal)
                .execute("--verbose", "install", "@acme/greeter");

        assertEquals(0, exitCode, err.toString());
        Matcher line = Pattern.compile("(?<=^|[\\r\\n])verbose: GET [^\\r\\n]+ \\d+ ms\n").matcher(err.toString());
        assertEquals(server.requests().size(), line.results().count(), "each a line of its own: " + err);
        assertFalse(Pattern.compile("[^\\r\\n]verbose: ").matcher(err.toString()).find(),
                "none starts inside the progress line: " + err);
        assertTrue(err.toString().contains("installing ["), err.toString());
    }

    /** The same runs as {@code --verbose} lists requests of: without it, stderr is as it ever was. */
    @Test
    void withoutVerboseNoRequestIsListed() {
        server.sameEtag("\"v1\"").throttle(1, "0");

        CliRun install = prompd("install", "@acme/greeter");
        CliRun update = prompd("update");
        CliRun verbose = prompd("update", "--verbose");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("warning: could not fetch " + url("packages/@acme/greeter/index.json") + " (HTTP 429): trying"
                + " again, attempt 2 of 4…\n", install.err(), "the retry's warning alone");
        assertEquals(0, update.exitCode(), update.err());
        assertEquals("", update.err());
        assertEquals(0, verbose.exitCode(), verbose.err());
        assertHasLine("verbose: GET " + Pattern.quote(url("packages/@acme/greeter/index.json")) + " 304" + TOOK
                + " \\(cache revalidated: the cached copy is used\\)", verbose.err());
    }
}
