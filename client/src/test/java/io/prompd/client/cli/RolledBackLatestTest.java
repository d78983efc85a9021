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
 * A {@code latest} dist-tag moved back below a bad release, reached only through a dependant whose highest version
 * needs the release rolled back from: installs and updates hold the rollback wherever some solution has it.
 */
class RolledBackLatestTest extends InstallCommandsFixture {

    /** base 2.2.0 is bad: its latest points back at 2.1.0; style 2.2.0 needs the bad release, style 2.1.0 does not. */
    @BeforeEach
    void publishARollback() {
        registry.publish("@common/base", "2.0.0").publish("@common/base", "2.1.0").publish("@common/base", "2.2.0")
                .tag("@common/base", "latest", "2.1.0")
                .publish("@common/style", "2.1.0", "@common/base", "^2.1.0")
                .publish("@common/style", "2.2.0", "@common/base", "^2.2.0");
    }

    @Test
    void anInstallHoldsTheRollbackOfAPackageReachedOnlyThroughADependant() throws IOException {
        editDependencies("\"@common/style\": \"^2.1.0\"");

        CliRun run = prompd("install", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonNode json = Json.reader().readTree(run.out());
        assertEquals(0, json.get("warnings").size(), json.toString());
        assertEquals("2.1.0", locked("@common/base"), "2.2.0 is the release rolled back from");
        assertEquals("2.1.0", locked("@common/style"), "the highest style that goes with base 2.1.0");
    }

    /** As 'prompd update' follows a tag moved back for a direct dependency, it does for one further down. */
    @Test
    void anUpdateMovesBackWithTheTagOfAPackageReachedOnlyThroughADependant() throws IOException {
        registry.tag("@common/base", "latest", "2.2.0");
        editDependencies("\"@common/style\": \"^2.1.0\"");
        assertEquals(0, prompd("install").exitCode());
        assertEquals("2.2.0", locked("@common/base"));
        registry.tag("@common/base", "latest", "2.1.0");

        CliRun run = prompd("update");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @common/style moved down from the locked 2.2.0 to 2.1.0, held back by @common/base's"
                + " latest dist-tag, 2.1.0: 2.2.0, which its own ranges allow, needs @common/base ^2.2.0\n",
                run.err());
        assertTrue(run.out().contains("@common/base 2.2.0 -> 2.1.0"), run.out());
        assertTrue(run.out().contains("@common/style 2.2.0 -> 2.1.0"), run.out());
    }

    /** As the update's text, its --json says that the package moved down, and from which version. */
    @Test
    void anUpdateMovingBackWithTheTagGivesTheVersionItMovedDownFromInJson() throws IOException {
        registry.tag("@common/base", "latest", "2.2.0");
        editDependencies("\"@common/style\": \"^2.1.0\"");
        assertEquals(0, prompd("install").exitCode());
        registry.tag("@common/base", "latest", "2.1.0");

        CliRun run = prompd("update", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode held = Json.reader().readTree(run.out()).get("warnings").get(0);
        assertEquals("heldBackByRanges", held.get("kind").asText(), held.toString());
        assertEquals("2.2.0", held.get("movedFrom").asText(), held.toString());
        assertEquals("2.1.0", held.get("version").asText(), held.toString());
        assertTrue(held.get("message").asText().startsWith("@common/style moved down from the locked 2.2.0 to 2.1.0"),
                held.toString());
    }

    /** Where no version of style the project allows goes with base 2.1.0, base named alone says so. */
    @Test
    void aPackageNamedAloneWhoseRollbackNoSolutionHasIsPassedOverSayingSo() throws IOException {
        editDependencies("\"@common/style\": \"^2.2.0\"");

        CliRun run = prompd("install", "@common/base", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode warnings = Json.reader().readTree(run.out()).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("latestPassedOver", warnings.get(0).get("kind").asText());
        assertEquals("2.2.0", warnings.get(0).get("installed").asText());
        assertEquals("2.2.0", locked("@common/base"));
    }

    /**
     * --latest moving style to its latest, which needs the release base rolled back from, keeps that move and passes
     * over base's latest, which its own move asked for, saying so as an install of base named alone would.
     */
    @Test
    void anUpdateToEveryLatestPassingOverARollbackSaysSo() throws IOException {
        editDependencies("\"@common/style\": \"^2.1.0\", \"@common/base\": \"^2.0.0\"");
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("update", "--latest");
        CliRun again = prompd("update", "--latest", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @common/base's latest version, 2.1.0, cannot be installed in this project, so 2.2.0,"
                + " the highest version that can, is installed: Because @common/style 2.2.0 depends on @common/base"
                + " ^2.2.0 and your project depends on @common/base 2.1.0, @common/style 2.2.0 cannot be used.\n"
                + "  So, because your project depends on @common/style ^2.2.0, version solving failed.\n", run.err());
        assertTrue(run.out().contains("@common/base 2.1.0 -> 2.2.0"), run.out());
        assertEquals("2.2.0", locked("@common/base"));
        assertEquals(0, again.exitCode(), again.err());
        JsonNode warnings = Json.reader().readTree(again.out()).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("latestPassedOver", warnings.get(0).get("kind").asText());
        assertEquals("2.1.0", warnings.get(0).get("latest").asText());
        assertEquals("2.2.0", warnings.get(0).get("installed").asText());
    }

    /** An update to every latest failing on a download still says the rollback it passed over, as it says that. */
    @Test
    void anUpdateToEveryLatestFailingOnADownloadStillSaysItPassedOverARollback() throws IOException {
        editDependencies("\"@common/style\": \"^2.1.0\", \"@common/base\": \"^2.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        Files.delete(registry.tarball("@common/style", "2.2.0"));

        CliRun run = prompd("update", "--latest");
        CliRun again = prompd("update", "--latest", "--json");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("warning: @common/base's latest version, 2.1.0, cannot be installed in this"
                + " project, so 2.2.0, the highest version that can, is installed: "), run.err());
        assertTrue(run.err().contains("\nerror: the registry lists @common/style@2.2.0 but has no tarball for it"),
                run.err());
        assertEquals(5, again.exitCode(), again.err());
        JsonNode warnings = Json.reader().readTree(again.out()).get("warnings");
        assertEquals(1, warnings.size(), again.out());
        assertEquals("latestPassedOver", warnings.get(0).get("kind").asText());
        assertEquals("2.1.0", locked("@common/base"), "a failed update changes nothing");
    }

    /**
     * An update naming style takes it to its latest, whose need of base passes over base's rollback: kept, as the user
     * asked for style, but said, in text and --json, with the way to keep the rollback.
     */
    @Test
    void anUpdateByNamePassingOverARollbackFurtherDownSaysSo() throws IOException {
        editDependencies("\"@common/style\": \"^2.1.0\"");
        assertEquals(0, prompd("install").exitCode());
        String installed = Files.readString(project.resolve("prompd.lock"));

        CliRun run = prompd("update", "@common/style");
        Files.writeString(project.resolve("prompd.lock"), installed);
        CliRun again = prompd("update", "@common/style", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @common/base 2.2.0 is above its latest dist-tag, 2.1.0, which its maintainers moved"
                + " back: you asked for @common/style@2.2.0, which needs @common/base ^2.2.0; 'prompd update' without"
                + " names keeps 2.1.0 by holding @common/style at 2.1.0\n", run.err());
        assertTrue(run.out().contains("@common/base 2.1.0 -> 2.2.0"), run.out());
        assertEquals(0, again.exitCode(), again.err());
        JsonNode warnings = Json.reader().readTree(again.out()).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        JsonNode passedOver = warnings.get(0);
        assertEquals("latestPassedOver", passedOver.get("kind").asText());
        assertEquals("@common/base", passedOver.get("name").asText());
        assertEquals("2.1.0", passedOver.get("latest").asText());
        assertEquals("2.2.0", passedOver.get("installed").asText());
        assertEquals("[{\"from\":\"@common/style@2.2.0\",\"name\":\"@common/base\",\"range\":\"^2.2.0\"}]",
                passedOver.get("by").toString());
    }

    /** update --latest and an install of style at its latest pass over base's rollback as well, and say so alike. */
    @Test
    void everyRunAskingForTheLatestOfADependantSaysItPassesOverARollback() throws IOException {
        editDependencies("\"@common/style\": \"^2.1.0\"");
        assertEquals(0, prompd("install").exitCode());
        String said = "warning: @common/base 2.2.0 is above its latest dist-tag, 2.1.0, which its maintainers moved"
                + " back: you asked for @common/style@2.2.0, which needs @common/base ^2.2.0\n";
        String manifest = Files.readString(project.resolve("prompd.json"));
        String installed = Files.readString(project.resolve("prompd.lock"));

        CliRun latest = prompd("update", "--latest");
        Files.writeString(project.resolve("prompd.json"), manifest);
        Files.writeString(project.resolve("prompd.lock"), installed);
        CliRun tagged = prompd("install", "@common/style@latest");
        Files.writeString(project.resolve("prompd.json"), manifest);
        Files.writeString(project.resolve("prompd.lock"), installed);
        CliRun named = prompd("install", "@common/style");

        assertEquals(0, latest.exitCode(), latest.err());
        assertEquals(said, latest.err());
        assertEquals(0, tagged.exitCode(), tagged.err());
        assertEquals(said, tagged.err());
        assertEquals(0, named.exitCode(), named.err());
        assertEquals(said, named.err());
        assertEquals("2.2.0", locked("@common/base"));
    }
}
