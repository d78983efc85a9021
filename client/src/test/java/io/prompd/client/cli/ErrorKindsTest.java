package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.client.testing.ClosedPort;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code kind} of every {@code --json} error, and the fields beside it, which a script switches on rather than on
 * the message: what to retry, what to fail fast on, what to fix.
 */
class ErrorKindsTest extends InstallCommandsFixture {

    @Test
    void aRefusalOfCredentialsIsUnauthorizedAndOfAccessForbiddenWithTheStatusAndTheUrl() {
        server.refuseAccess(401);
        JsonNode unauthorized = error(prompd("install", "acme/util", "--json"), 5, "unauthorized");
        server.refuseAccess(403);
        JsonNode forbidden = error(prompd("install", "acme/util", "--json"), 5, "forbidden");

        assertEquals(401, unauthorized.get("status").asInt());
        assertEquals(403, forbidden.get("status").asInt());
        assertEquals(server.url() + "packages/@acme/util/index.json", forbidden.get("url").asText());
    }

    @Test
    void aRegistryAskingForALongerWaitThanPrompdTakesIsRateLimitedWithTheWaitInSeconds() {
        server.throttle(100, "120");

        JsonNode error = error(prompd("install", "acme/util", "--json"), 5, "rateLimited");

        assertEquals(429, error.get("status").asInt());
        assertEquals(120, error.get("retryAfter").asInt());
        assertEquals(server.url() + "packages/@acme/util/index.json", error.get("url").asText());
    }

    @Test
    void aServerFailingOnEveryTryIsAServerErrorWithItsStatus() {
        server.flaky(1, 0);

        JsonNode error = error(prompd("install", "acme/util", "--json"), 5, "serverError");

        assertEquals(500, error.get("status").asInt());
        assertFalse(error.has("retryAfter"));
    }

    @Test
    void aRegistryNoConnectionReachesIsUnreachableNamingTheUrl() {
        String down = "http://127.0.0.1:" + ClosedPort.find() + "/";

        JsonNode error = error(CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", down), "install", "acme/util",
                "--json"), 5, "unreachable");

        assertEquals(down + "packages/@acme/util/index.json", error.get("url").asText());
        assertFalse(error.has("status"));
    }

    @Test
    void anUnparsableDocumentIsABadDocumentNamingItsUrl() throws IOException {
        Files.writeString(registry.root().resolve("packages/@acme/util/index.json"), "{\"name\": ");

        JsonNode error = error(prompd("install", "acme/util", "--json"), 5, "badDocument");

        assertEquals(server.url() + "packages/@acme/util/index.json", error.get("url").asText());
    }

    @Test
    void aVersionListedWithoutATarballIsTarballMissingWithTheNetworksCodeAsItMayPass() throws IOException {
        Files.delete(registry.tarball("@acme/util", "1.1.0"));

        JsonNode error = error(prompd("install", "acme/util", "--json"), 5, "tarballMissing");

        assertEquals("@acme/util", error.get("name").asText());
        assertEquals("1.1.0", error.get("version").asText());
        assertEquals(404, error.get("status").asInt());
        assertTrue(error.get("url").asText().endsWith(".tgz"), error.toString());
    }

    @Test
    void aTamperedTarballIsAnIntegrityMismatchWithWhatWasExpectedAndWhatCame() throws IOException {
        registry.tamper("@acme/util", "1.1.0");

        JsonNode error = error(prompd("install", "acme/util", "--json"), 6, "integrityMismatch");

        assertEquals("@acme/util", error.get("name").asText());
        assertEquals("1.1.0", error.get("version").asText());
        assertTrue(error.get("expected").asText().startsWith("sha512-"), error.toString());
        assertTrue(error.get("actual").asText().startsWith("sha512-"), error.toString());
        assertFalse(error.get("expected").asText().equals(error.get("actual").asText()));
    }

    @Test
    void whatIsNotFoundSaysWhichThingWasNotFound() {
        assertEquals("@acme/nope", error(prompd("install", "acme/nope", "--json"), 3, "packageNotFound")
                .get("name").asText());
        JsonNode version = error(prompd("install", "@acme/util@^9", "--json"), 3, "versionNotFound");
        assertEquals("@acme/util", version.get("name").asText());
        assertEquals("^9", version.get("range").asText());
        JsonNode tag = error(prompd("install", "@acme/util@nosuchtag", "--json"), 3, "tagNotFound");
        assertEquals("@acme/util", tag.get("name").asText());
        assertEquals("nosuchtag", tag.get("tag").asText());
    }

    @Test
    void aVersionOrRangeInfoFindsNoVersionInIsVersionNotFoundAsAnInstallsIs() {
        for (String asked : List.of("9.9.9", "^3")) {
            JsonNode error = error(prompd("info", "@acme/util@" + asked, "--json"), 3, "versionNotFound");
            assertEquals("@acme/util", error.get("name").asText());
            assertEquals(asked, error.get("range").asText());
        }
    }

    @Test
    void aYankedVersionAskedForExactlyOrByADistTagIsVersionNotFoundAsARangeOfYankedVersionsIs() {
        registry.yank("@acme/util", "1.1.0", "broken").tag("@acme/util", "latest", "1.1.0");

        for (String asked : List.of("1.1.0", "^1.1.0")) {
            JsonNode error = error(prompd("install", "@acme/util@" + asked, "--json"), 3, "versionNotFound");
            assertEquals("@acme/util", error.get("name").asText());
            assertEquals(asked, error.get("range").asText());
            assertFalse(error.has("tag"), error.toString());
        }
        JsonNode tagged = error(prompd("install", "@acme/util@latest", "--json"), 3, "versionNotFound");
        assertEquals("@acme/util", tagged.get("name").asText());
        assertEquals("1.1.0", tagged.get("range").asText());
        assertEquals("latest", tagged.get("tag").asText());
    }

    @Test
    void aVersionTakenDownIsVersionNotFoundToInfoAndInstallAsIsARangeOfAPackageWithNoVersionLeft() {
        registry.takeDown("@acme/util", "1.1.0", "leaked a key");

        for (String command : List.of("info", "install")) {
            JsonNode error = error(prompd(command, "@acme/util@1.1.0", "--json"), 3, "versionNotFound");
            assertEquals("@acme/util", error.get("name").asText());
            assertEquals("1.1.0", error.get("range").asText());
        }
        registry.takeDown("@acme/util", "1.0.0", "leaked a key");
        for (String command : List.of("info", "install")) {
            JsonNode error = error(prompd(command, "@acme/util@^1", "--json"), 3, "versionNotFound");
            assertEquals("^1", error.get("range").asText());
        }
    }

    @Test
    void aRegistryNamedButNotConfiguredIsUnknownAndNoneConfiguredIsNotConfigured() {
        error(CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", "nosuchname"), "install", "acme/util", "--json"),
                3, "unknownRegistry");
        error(CliRun.in(project, home, "install", "acme/util", "--json"), 3, "registryNotConfigured");
    }

    @Test
    void aProjectCommandOutsideAnyProjectIsNoProject() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));

        error(CliRun.in(elsewhere, home, "", Map.of("PROMPD_REGISTRY", server.url().toString()), "list", "--json"),
                3, "noProject");
    }

    @Test
    void aConflictIsAResolutionConflictNamingThePackagesAndTheirRanges() {
        registry.publish("@acme/strict", "1.0.0", "@acme/util", "1.0.0");

        JsonNode error = error(prompd("install", "@acme/strict", "@acme/util@^1.1.0", "--json"), 4,
                "resolutionConflict");

        JsonNode dependencies = error.get("dependencies");
        assertTrue(dependencies.toString().contains("{\"dependent\":\"@acme/strict\",\"name\":\"@acme/util\","
                + "\"range\":\"1.0.0\"}"), error.toString());
        assertTrue(dependencies.toString().contains("{\"name\":\"@acme/util\",\"range\":\"^1.1.0\"}"),
                error.toString());
    }

    @Test
    void everyOtherFailureHasItsExitCodesKind() {
        error(prompd("install", "--json", "--resolution", "newest"), 2, "usage");
        error(prompd("install", "--json", "--nosuchoption"), 2, "usage");
        error(prompd("uninstall", "--json", "@acme/notthere"), 3, "notFound");
    }

    @Test
    void anUnusableHomeFailsWithOneCodeNamingWhatChoseIt() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "");
        for (String unusable : List.of("/proc/nohome", file.resolve("home").toString(), "/sys/kernel/nohome")) {
            CliRun run = CliRun.in(project, Path.of(unusable), "", Map.of("PROMPD_REGISTRY", server.url().toString()),
                    "install", "--json");
            JsonNode error = error(run, 1, "failure");
            assertTrue(error.get("message").asText().startsWith("cannot create the prompd home " + unusable
                    + ", which $PROMPD_HOME names: "), run.out());
            assertTrue(error.get("hint").asText().contains("PROMPD_HOME=FOLDER"), run.out());
        }
    }

    /** The error of a failed run, checked for its exit code in both and its kind. */
    private static JsonNode error(CliRun run, int exitCode, String kind) {
        assertEquals(exitCode, run.exitCode(), run.err());
        JsonNode error;
        try {
            error = Json.reader().readTree(run.out()).get("error");
        } catch (IOException notJson) {
            throw new UncheckedIOException(run.out(), notJson);
        }
        assertEquals(exitCode, error.get("exitCode").asInt(), run.out());
        assertEquals(kind, error.path("kind").asText(), run.out() + run.err());
        return error;
    }
}
