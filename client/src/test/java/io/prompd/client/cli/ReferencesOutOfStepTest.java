package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * install, update and uninstall changing a range in prompd.json that prompts repeat, as validate requires them to:
 * each tells every reference left out of step, with what to write there, and leaves the prompt files as they are.
 */
class ReferencesOutOfStepTest extends InstallCommandsFixture {

    private static final String PROMPT = """
            ---
            id: x
            using:
              - name: "@acme/util@1.0.0"
                prefix: "@util"
            inherits: "@util/prompts/greet.prmd"
            ---
            {% include "@acme/util@1.0.0/prompts/greet.prmd" %}
            {% include "@acme/base@^1.0.0/prompts/greet.prmd" %}
            """;

    private Path prompt;

    @BeforeEach
    void aPackageWhosePromptsRepeatItsRanges() throws IOException {
        editDependencies("\"@acme/util\": \"1.0.0\", \"@acme/base\": \"^1.0.0\"");
        prompt = Files.createDirectories(project.resolve("prompts")).resolve("x.prmd");
        Files.writeString(prompt, PROMPT);
        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertEquals(0, prompd("validate").exitCode(), prompd("validate").out());
    }

    @Test
    void updateLatestTellsEachReferenceToWriteWithTheNewRangeAndValidateSaysTheSame() throws IOException {
        // prompd.json's exact 1.0.0 stays exact: it moves to 1.1.0
        CliRun update = prompd("update", "--latest", "@acme/util");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("""
                warning: prompts/x.prmd, line 4: write '@acme/util@1.1.0' in place of '@acme/util@1.0.0', with the\
                 range prompd.json now gives ('prompd validate' refuses it as it is)
                warning: prompts/x.prmd, line 8: write '@acme/util@1.1.0/prompts/greet.prmd' in place of\
                 '@acme/util@1.0.0/prompts/greet.prmd', with the range prompd.json now gives ('prompd validate' refuses\
                 it as it is)
                """, update.err());
        assertEquals(PROMPT, Files.readString(prompt), "the prompt files are the author's");
        CliRun validate = prompd("validate");
        assertEquals(1, validate.exitCode(), validate.out());
        assertTrue(validate.out().contains("hint: write '@acme/util@1.1.0' here, with the range prompd.json gives,"
                + " which prompd.lock follows"), validate.out());
    }

    /**
     * A home kept in the project, as a CI caching it in its checkout does, holds installed packages whose prompts
     * repeat ranges of their own: they were told as the project's references.
     */
    @Test
    void theInstalledPackagesOfAHomeInsideTheProjectAreNotItsPrompts() throws IOException {
        home = project.resolve("ci-home");
        assertEquals(0, prompd("install").exitCode());
        Path installed = Files.createDirectories(home.resolve("packages/@acme/other@1.0.0/prompts")).resolve("y.prmd");
        Files.writeString(installed, PROMPT);

        CliRun update = prompd("update", "--json", "--latest", "@acme/util");

        assertEquals(0, update.exitCode(), update.err());
        JsonNode warnings = Json.reader().readTree(update.out()).get("warnings");
        assertEquals(2, warnings.size(), warnings.toString());
        warnings.forEach(warning -> assertEquals("prompts/x.prmd", warning.get("file").asText(), warning.toString()));
    }

    @Test
    void installOfARangeWarnsInJsonTooAndARunChangingNoRangeSaysNothing() throws IOException {
        CliRun install = prompd("install", "--json", "@acme/util@~1.1.0");

        assertEquals(0, install.exitCode(), install.err());
        JsonNode warning = Json.reader().readTree(install.out()).at("/warnings/0");
        assertEquals("referenceOutOfStep", warning.get("kind").asText());
        assertEquals("prompts/x.prmd", warning.get("file").asText());
        assertEquals(4, warning.get("line").asInt());
        assertEquals("@acme/util@1.0.0", warning.get("written").asText());
        assertEquals("@acme/util", warning.get("name").asText());
        assertEquals("@acme/util@~1.1.0", warning.get("write").asText());
        assertEquals(2, Json.reader().readTree(install.out()).get("warnings").size(), install.out());
        assertEquals("", prompd("install").err(), "prompd.json unchanged: validate tells");
    }

    @Test
    void uninstallTellsEachReferenceToThePackageNoLongerADependency() throws IOException {
        CliRun uninstall = prompd("uninstall", "--json", "@acme/util");

        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertTrue(uninstall.err().startsWith("warning: prompts/x.prmd, line 4: '@acme/util@1.0.0' refers to"
                + " @acme/util, which is no longer a dependency: remove the reference, or install the package again"
                + " ('prompd validate' refuses it as it is)\n"), uninstall.err());
        JsonNode warning = Json.reader().readTree(uninstall.out()).at("/warnings/1");
        assertEquals("@acme/util@1.0.0/prompts/greet.prmd", warning.get("written").asText());
        assertEquals(8, warning.get("line").asInt());
        assertFalse(warning.has("write"), warning.toString());
    }
}
