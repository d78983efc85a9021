package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deprecated version is installed only when the ranges allow no other, as npm-pick-manifest chooses: directly and
 * for a dependency of a dependency, with the highest version and with the lowest; one the lock pins stays, warned of,
 * and one the latest tag names is what a name alone installs, as npm installs it.
 */
class DeprecatedVersionsTest extends InstallCommandsFixture {

    private static final String EITHER = "@acme/util@1.0.0 || 1.1.5";

    @BeforeEach
    void deprecateTheHighestOfUtil() {
        registry.publish("@acme/util", "1.1.5").tag("@acme/util", "latest", "1.1.0")
                .deprecate("@acme/util", "1.1.5", "broken, use 1.1.0")
                .publish("@acme/either", "1.0.0", "@acme/util", "1.0.0 || 1.1.5");
    }

    @Test
    void aRangeAllowingAVersionThatIsNotDeprecatedInstallsThatOneWithNoWarning() throws IOException {
        CliRun run = prompd("install", EITHER);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals("1.0.0", locked("@acme/util"));
    }

    @Test
    void outdatedWantsNoDeprecatedVersionThatUpdateWouldPassOver() throws IOException {
        assertEquals(0, prompd("install", EITHER).exitCode());

        CliRun outdated = prompd("outdated", "--json");
        CliRun update = prompd("update");

        assertEquals("1.0.0", Json.reader().readTree(outdated.out()).get(0).get("wanted").asText(), outdated.out());
        assertEquals(0, update.exitCode(), update.err());
        assertEquals("1.0.0", locked("@acme/util"));
    }

    @Test
    void aDependencyOfADependencyPassesOverTheDeprecatedVersionWithEitherResolution() throws IOException {
        for (String resolution : new String[] {"highest", "lowest"}) {
            CliRun run = prompd("install", "--resolution", resolution, "@acme/either");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err(), resolution);
            assertEquals("1.0.0", locked("@acme/util"), resolution);
            Files.delete(project.resolve("prompd.lock"));
        }
    }

    @Test
    void theLowestResolutionPassesOverALowerDeprecatedVersion() throws IOException {
        registry.deprecate("@acme/util", "1.0.0", "use 1.1.0");

        CliRun run = prompd("install", "--resolution", "lowest", "@acme/util@>=1.0.0");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("1.1.0", locked("@acme/util"));
    }

    /** Offline, a package named alone starts from the version at hand that the resolver would prefer online. */
    @Test
    void offlineAPackageNamedAlonePassesOverADeprecatedVersionAtHandBelowTheLatest() throws IOException {
        registry.publish("@acme/util", "1.0.5").deprecate("@acme/util", "1.0.5", "broken, use 1.1.0");
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.5").exitCode());

        CliRun run = prompd("--offline", "install", "@acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("saved @acme/util ^1.0.0 in prompd.json\n"), run.out());
        assertEquals("1.0.0", locked("@acme/util"));
    }

    /** npm installs what latest names, deprecated or not: a maintainer moving the tag back to one rolls back to it. */
    @Test
    void aNameAloneInstallsTheDeprecatedVersionLatestNamesWithTheWarningAsItsLatestTagDoes() throws IOException {
        registry.tag("@acme/util", "latest", "1.0.0").deprecate("@acme/util", "1.0.0", "old");

        CliRun global = prompd("install", "--global", "@acme/util");
        CliRun run = prompd("install", "@acme/util");
        String byName = locked("@acme/util");
        Files.delete(project.resolve("prompd.lock"));
        CliRun tagged = prompd("install", "@acme/util@latest");

        assertEquals(0, global.exitCode(), global.err());
        assertEquals("warning: @acme/util@1.0.0 is deprecated: old\n", global.err());
        assertTrue(global.out().endsWith("+ @acme/util@1.0.0\n"), global.out());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @acme/util@1.0.0 is deprecated: old\n", run.err(), "1.0.0 can be installed");
        assertTrue(run.out().startsWith("saved @acme/util ^1.0.0 in prompd.json\n"), run.out());
        assertEquals("1.0.0", byName);
        assertEquals(run.err(), tagged.err(), "the name alone is its latest tag");
        assertEquals("1.0.0", locked("@acme/util"));
    }

    @Test
    void aDeprecatedVersionTheRangeAloneAllowsIsInstalledWithTheWarning() throws IOException {
        CliRun run = prompd("install", "@acme/util@~1.1.5");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @acme/util@1.1.5 is deprecated: broken, use 1.1.0\n", run.err());
        assertEquals("1.1.5", locked("@acme/util"));
    }

    @Test
    void aDeprecatedVersionTheLockPinsStaysThroughANewResolution() throws IOException {
        assertEquals(0, prompd("install", "@acme/util@1.1.5").exitCode());

        CliRun run = prompd("install", "@acme/either");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @acme/util@1.1.5 is deprecated: broken, use 1.1.0\n", run.err());
        assertEquals("1.1.5", locked("@acme/util"));
    }

    /**
     * A run whose download of another version fails still says the deprecation its plan warned of, before its error,
     * and in --json beside it, as it says what a download warned of; a global install too.
     */
    @Test
    void aRunFailingOnADownloadStillWarnsOfTheDeprecatedVersionItWasInstalling() throws IOException {
        Files.delete(registry.tarball("@acme/base", "1.0.0"));

        CliRun run = prompd("install", "@acme/util@~1.1.5", "@acme/base");
        CliRun scripted = prompd("install", "--json", "@acme/util@~1.1.5", "@acme/base");
        CliRun global = prompd("install", "--global", "@acme/util@~1.1.5", "@acme/base");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("warning: @acme/util@1.1.5 is deprecated: broken, use 1.1.0\n"
                + "error: the registry lists @acme/base@1.0.0 but has no tarball for it"), run.err());
        assertEquals(5, global.exitCode(), global.err());
        assertTrue(global.err().startsWith("warning: @acme/util@1.1.5 is deprecated: broken, use 1.1.0\nerror: "),
                global.err());
        assertEquals(5, scripted.exitCode(), scripted.err());
        JsonNode failed = Json.reader().readTree(scripted.out());
        assertEquals(5, failed.get("error").get("exitCode").asInt(), scripted.out());
        assertEquals(1, failed.get("warnings").size(), scripted.out());
        assertEquals("deprecated", failed.get("warnings").get(0).get("kind").asText());
        assertEquals("1.1.5", failed.get("warnings").get(0).get("version").asText());
    }
}
