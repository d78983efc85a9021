package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package named without a range whose {@code latest} dist-tag points at a yanked version. */
class YankedLatestTest {

    @TempDir
    Path work;

    TestRegistry published;
    Path project;
    Map<String, String> registry;

    @BeforeEach
    void setUp() throws IOException {
        published = new TestRegistry(work.resolve("registry")).publish("@acme/util", "1.0.0")
                .publish("@acme/util", "1.1.0").yank("@acme/util", "1.1.0", "drops every prompt's front matter")
                .tag("@acme/util", "latest", "1.1.0");
        registry = Map.of("PROMPD_REGISTRY", published.fileUrl().toString());
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
    }

    private CliRun prompd(String... args) {
        CliRun run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private CliRun run(String... args) {
        return CliRun.in(project, work.resolve("home"), "", registry, args);
    }

    @Test
    void anInstallByNameSaysThatTheTaggedVersionIsYankedAndWhichIsInstalledInstead() {
        CliRun run = prompd("install", "@acme/util");

        assertEquals("warning: @acme/util's latest dist-tag points at 1.1.0, which is yanked: drops every prompt's"
                + " front matter, so 1.0.0 is installed: a new install chooses no yanked version\n", run.err());
        assertEquals("saved @acme/util ^1.0.0 in prompd.json", run.out().lines().findFirst().orElseThrow());
    }

    @Test
    void aGlobalInstallByNameSaysItAlike() {
        assertEquals("warning: @acme/util's latest dist-tag points at 1.1.0, which is yanked: drops every prompt's"
                + " front matter, so 1.0.0 is installed: a new install chooses no yanked version\n",
                prompd("install", "--global", "@acme/util").err());
    }

    @Test
    void theJsonOfTheWarningNamesTheTaggedVersionItsReasonAndTheOneInstalled() throws IOException {
        JsonNode warning = Json.reader().readTree(prompd("install", "@acme/util", "--json").out()).path("warnings")
                .path(0);

        assertEquals("latestYanked", warning.path("kind").asText());
        assertEquals("1.1.0", warning.path("tagged").asText());
        assertEquals("drops every prompt's front matter", warning.path("reason").asText());
        assertEquals("1.0.0", warning.path("installed").asText());
    }

    @Test
    void anInstallOfARangeOrOfTheProjectSaysNothingOfTheTag() {
        assertEquals("", prompd("install", "@acme/util@^1.0.0").err(), "the range was the user's");
        assertEquals("", prompd("install").err());
    }

    @Test
    void updateLatestSaysThatTheTaggedVersionIsYankedAndTakesTheRangeFromTheHighestNotYanked() throws IOException {
        published.publish("@acme/util", "0.9.0");
        prompd("install", "@acme/util@^0.9.0");

        CliRun update = prompd("update", "--latest");

        assertEquals("warning: @acme/util's latest dist-tag points at 1.1.0, which is yanked: drops every prompt's"
                + " front matter, so 1.0.0 is installed: a new install chooses no yanked version\n", update.err());
        assertEquals("saved @acme/util ^1.0.0 in prompd.json", update.out().lines().findFirst().orElseThrow());
        assertEquals("", prompd("update").err(), "an update within the ranges takes no range from the tag");
    }

    @Test
    void updateLatestJsonNamesTheTaggedVersionItsReasonAndTheOneInstalled() throws IOException {
        published.publish("@acme/util", "0.9.0");
        prompd("install", "@acme/util@^0.9.0");

        JsonNode warnings = Json.reader().readTree(prompd("update", "@acme/util", "--latest", "--json").out())
                .path("warnings");

        assertEquals(Json.reader().readTree("""
                [{"kind": "latestYanked", "name": "@acme/util", "tagged": "1.1.0",
                  "reason": "drops every prompt's front matter", "installed": "1.0.0",
                  "message": "@acme/util's latest dist-tag points at 1.1.0, which is yanked: drops every prompt's front\
                 matter, so 1.0.0 is installed: a new install chooses no yanked version"}]"""), warnings);
    }

    @Test
    void anInstallOfTheLatestTagAtAYankedVersionIsRefusedPointingAtTheInstallByName() throws IOException {
        CliRun install = run("install", "@acme/util@latest");
        CliRun global = run("install", "--global", "@acme/util@latest", "--json");

        assertEquals(3, install.exitCode(), install.err());
        assertEquals("""
                error: @acme/util's latest dist-tag points at 1.1.0, which is yanked, and an install chooses no yanked\
                 version unless the lock file pins it (the maintainers' reason: drops every prompt's front matter)
                hint: 'prompd install @acme/util' installs the highest version that is not yanked, 1.0.0
                """, install.err());
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n",
                Files.readString(project.resolve("prompd.json")));
        assertEquals(3, global.exitCode(), global.err());
        assertEquals(Json.reader().readTree("""
                {"ok": false, "error": {"exitCode": 3, "kind": "versionNotFound", "name": "@acme/util", "range":\
                 "1.1.0", "tag": "latest", "message": "@acme/util's latest dist-tag points at 1.1.0, which is yanked,\
                 and an install chooses no yanked version unless the lock file pins it (the maintainers' reason: drops\
                 every prompt's front matter)", "hint": "'prompd install --global @acme/util' installs the\
                 highest version that is not yanked, 1.0.0"}}"""), Json.reader().readTree(global.out()));
    }

    @Test
    void anInstallOfAnotherTagAtAYankedVersionIsRefusedPointingAtTheVersions() {
        published.tag("@acme/util", "stable", "1.1.0");

        CliRun install = run("install", "@acme/util@stable");

        assertEquals(3, install.exitCode(), install.err());
        assertEquals("""
                error: @acme/util's stable dist-tag points at 1.1.0, which is yanked, and an install chooses no yanked\
                 version unless the lock file pins it (the maintainers' reason: drops every prompt's front matter)
                hint: ask for another version or a range, as 'prompd info @acme/util' lists them
                """, install.err());
    }

    @Test
    void anInstallOfAYankedVersionNamedExactlyIsRefusedWithTheMaintainersReason() throws IOException {
        CliRun install = run("install", "@acme/util@1.1.0");
        CliRun global = run("install", "--global", "@acme/util@=1.1.0");

        assertEquals(3, install.exitCode(), install.err());
        assertEquals("""
                error: @acme/util@1.1.0 is yanked, and an install chooses no yanked version unless the lock file pins\
                 it (the maintainers' reason: drops every prompt's front matter)
                hint: ask for another version or a range, as 'prompd info @acme/util' lists them
                """, install.err());
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n",
                Files.readString(project.resolve("prompd.json")));
        assertEquals(3, global.exitCode(), global.err());
        assertTrue(global.err().startsWith("error: @acme/util@1.1.0 is yanked, and an install chooses no yanked"),
                global.err());
    }

    @Test
    void aYankedVersionNamedExactlyThatThePrompdLockPinsInstallsStill() throws IOException {
        TestRegistry before = new TestRegistry(work.resolve("before")).publish("@acme/util", "1.1.0");
        registry = Map.of("PROMPD_REGISTRY", before.fileUrl().toString());
        CliRun pinning = prompd("install", "@acme/util@1.1.0");
        before.yank("@acme/util", "1.1.0", "drops every prompt's front matter");

        CliRun install = prompd("install", "@acme/util@1.1.0");

        assertEquals(0, pinning.exitCode(), pinning.err());
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().startsWith("warning: @acme/util@1.1.0 is yanked: drops every prompt's front matter"
                + " (installed because the lock file pins it; "), install.err());
    }

    @Test
    void theLatestTagAtAYankedVersionThePrompdLockPinsInstallsItStillWithTheYankedWarning() throws IOException {
        TestRegistry before = new TestRegistry(work.resolve("before")).publish("@acme/util", "1.0.0")
                .publish("@acme/util", "1.1.0");
        registry = Map.of("PROMPD_REGISTRY", before.fileUrl().toString());
        prompd("install", "@acme/util");
        before.yank("@acme/util", "1.1.0", "drops every prompt's front matter").tag("@acme/util", "latest", "1.1.0");

        CliRun install = prompd("install", "@acme/util@latest");

        assertTrue(install.err().startsWith("warning: @acme/util@1.1.0 is yanked: drops every prompt's front matter"
                + " (installed because the lock file pins it; "), install.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/util\": \"^1.1.0\""));
    }
}
