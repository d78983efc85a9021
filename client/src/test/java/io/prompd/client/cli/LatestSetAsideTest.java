package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package named without a range whose latest version cannot be installed, as it needs what only versions taken down
 * meet or its dependencies conflict: in a project and globally alike, the highest version that can be installed is,
 * with one warning of the one cause.
 */
class LatestSetAsideTest {

    private static final String WARNING = "warning: @acme/solo ^2.0.0, from its latest version, cannot be installed"
            + " now, as 2.0.0 needs @acme/gone ^1.0.0, which only versions taken down meet, so 1.1.0, the highest"
            + " version that can, is installed (wait for a release of @acme/solo needing another)\n";

    @TempDir
    Path work;

    TestRegistry registry;
    Path project;

    @BeforeEach
    void setUp() throws IOException {
        registry = new TestRegistry(work.resolve("registry")).publish("@acme/solo", "1.0.0")
                .publish("@acme/solo", "1.1.0").publish("@acme/gone", "1.0.0")
                .publish("@acme/solo", "2.0.0", "@acme/gone", "^1.0.0").takeDown("@acme/gone", "1.0.0", "leaked a key");
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
    }

    private CliRun prompd(String... args) {
        return CliRun.in(project, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", registry.fileUrl().toString()),
                args);
    }

    @Test
    void aProjectInstallSaysOnceThatTheLatestIsSetAsideAndWhy() throws IOException {
        CliRun run = prompd("install", "@acme/solo");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(WARNING, run.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/solo\": \"^1.1.0\""));
    }

    @Test
    void theVersionInstalledInsteadIsTheHighestThatCanGoWithTheProjectMovingTheLockedVersionsOfOthers()
            throws IOException {
        registry.publish("@acme/b", "1.0.0").publish("@acme/b", "1.1.0").publish("@acme/b", "2.0.0")
                .publish("@acme/x", "1.0.0", "@acme/b", "~1.0.0").publish("@acme/x", "1.1.0", "@acme/b", "^1.1.0")
                .publish("@acme/y", "1.0.0", "@acme/b", "^1.0.0").publish("@acme/y", "1.1.0", "@acme/b", "^1.1.0")
                .publish("@acme/y", "2.0.0", "@acme/b", "^2.0.0");
        assertEquals(0, prompd("install", "@acme/x@1.0.0").exitCode());

        CliRun run = prompd("install", "@acme/y");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @acme/y ^2.0.0, from its latest version, cannot be installed in this project, so 1.1.0,"
                + " the highest version that can, is installed: Because @acme/x 1.0.0 depends on @acme/b ~1.0.0 and"
                + " @acme/x 1.1.0 depends on @acme/b ^1.1.0, every version of @acme/x requires @acme/b ~1.0.0 ||"
                + " ^1.1.0.\n  And because @acme/y 2.0.0 depends on @acme/b ^2.0.0, @acme/y 2.0.0 and @acme/x cannot be"
                + " installed together.\n  So, because your project depends on both @acme/x ^1.0.0 and @acme/y ^2.0.0,"
                + " version solving failed.\n", run.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/y\": \"^1.1.0\""));
        JsonNode locked = Json.reader().readTree(Files.readString(project.resolve("prompd.lock"))).get("packages");
        assertEquals(List.of("1.1.0", "1.1.0", "1.1.0"), Stream.of("@acme/b", "@acme/x", "@acme/y")
                .map(name -> locked.get(name).get("version").asText()).toList());
    }

    @Test
    void aGlobalInstallFallsBackAsAProjectInstallDoesWithTheSameWarning() {
        CliRun run = prompd("install", "--global", "@acme/solo");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(WARNING, run.err());
        assertTrue(Files.isRegularFile(work.resolve("home/packages/@acme/solo@1.1.0/prompd.json")), run.out());
    }

    @Test
    void theJsonOfEitherInstallHoldsTheOneWarningOfKindLatestSetAside() throws IOException {
        for (String[] install : new String[][] {{"install", "@acme/solo", "--json"},
                {"install", "--global", "@acme/solo", "--json"}}) {
            CliRun run = prompd(install);

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(Json.reader().readTree("""
                    [{"kind": "latestSetAside", "name": "@acme/solo", "fromLatest": "^2.0.0", "installed": "1.1.0",
                      "message": "@acme/solo ^2.0.0, from its latest version, cannot be installed now, as 2.0.0 needs\
                     @acme/gone ^1.0.0, which only versions taken down meet, so 1.1.0, the highest version that can, is\
                     installed (wait for a release of @acme/solo needing another)"}]"""),
                    Json.reader().readTree(run.out()).get("warnings"), String.join(" ", install));
        }
    }

    @Test
    void aGlobalInstallWithNoVersionToFallBackOnFailsWithTheWayPastTheTakedown() {
        registry.publish("@acme/lone", "1.0.0", "@acme/gone", "^1.0.0");

        CliRun run = prompd("install", "--global", "@acme/lone");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("""
                error: the dependencies cannot be resolved:
                  Because every version of @acme/lone depends on @acme/gone ^1.0.0 and every version of @acme/gone\
                 is taken down (1.0.0: leaked a key), @acme/lone cannot be used.
                  So, because the global install depends on @acme/lone ^1.0.0, version solving failed.
                hint: @acme/lone ^1.0.0 cannot be installed now, as every version of it that ^1.0.0 allows needs\
                 @acme/gone ^1.0.0, which only versions taken down meet, and no other version of it does without that\
                 (wait for a release of it needing another)
                """, run.err());
    }

    @Test
    void aGlobalInstallOfALatestVersionWhoseDependenciesConflictFallsBackSayingItCannotBeResolved() {
        registry.publish("@acme/a", "1.0.0").publish("@acme/a", "2.0.0")
                .publish("@acme/b", "1.0.0", "@acme/a", "^2.0.0")
                .publish("@acme/torn", "1.0.0").publish("@acme/torn", "2.0.0", "@acme/a", "^1.0.0", "@acme/b", "^1.0.0")
                .publish("@acme/lone", "1.0.0", "@acme/a", "^1.0.0", "@acme/b", "^1.0.0");

        CliRun torn = prompd("install", "--global", "@acme/torn");
        CliRun lone = prompd("install", "--global", "@acme/lone");

        assertEquals(0, torn.exitCode(), torn.err());
        assertEquals("warning: @acme/torn ^2.0.0, from its latest version, cannot be resolved, so 1.0.0, the highest"
                + " version that can, is installed: Because every version of @acme/b depends on @acme/a ^2.0.0 and"
                + " @acme/torn 2.0.0 depends on @acme/a ^1.0.0, @acme/b and @acme/torn 2.0.0 cannot be installed"
                + " together.\n  So, because the global install depends on @acme/torn ^2.0.0 which depends on @acme/b"
                + " ^1.0.0, version solving failed.\n", torn.err());
        assertEquals(4, lone.exitCode(), lone.err());
        assertTrue(lone.err().endsWith("; @acme/lone ^1.0.0 is the range prompd chose from the latest version, named"
                + " without one, and no other version can be resolved either\n"), lone.err());
    }

    @Test
    void aPackageNamedAloneWhoseLatestNeedsWhatNothingMeetsAndWhoseOtherVersionsConflictFailsAsTheConflict()
            throws IOException {
        registry.publish("@acme/c", "1.0.0").publish("@acme/c", "2.0.0").publish("@acme/x", "1.0.0")
                .publish("@acme/a", "1.0.0", "@acme/c", "^1.0.0").publish("@acme/a", "1.1.0", "@acme/x", "^5.0.0")
                .publish("@acme/b", "1.0.0", "@acme/c", "^2.0.0");
        assertEquals(0, prompd("install", "@acme/b").exitCode());

        CliRun run = prompd("install", "@acme/a");

        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().contains("@acme/a 1.0.0 depends on @acme/c ^1.0.0"), run.err());
        assertTrue(run.err().contains("@acme/b") && run.err().contains("@acme/c ^2.0.0"), run.err());
        assertTrue(!Files.readString(project.resolve("prompd.json")).contains("@acme/a"));
    }
}
