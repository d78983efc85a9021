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
 * An install warns of each file an installed package's prompt takes from its dependency that the version of it
 * installed lacks: the registry's check looked in the newest version the range allows, a lower resolution gets another.
 */
class InstalledDependencyFilesTest extends InstallCommandsFixture {

    private static final String WARNING = "warning: @acme/support-prompts 2.0.0's prompts/apology.prmd inherits"
            + " @common/base-prompts@^2.0.0/prompts/writer-base.prmd, which @common/base-prompts 2.0.0, the version"
            + " installed, does not have (update it, 'prompd update @common/base-prompts', or raise the range that"
            + " holds it back)\n";

    /** The warning of pkg-a's prompt taking base.prmd from dep-b 1.1.0, the newest, up to its hint's first words. */
    private static final String DROPPED = "warning: @common/pkg-a 1.0.0's prompts/apology.prmd inherits"
            + " @common/dep-b@^1.0.0/prompts/base.prmd, which @common/dep-b 1.1.0, the version installed, does not"
            + " have (it is the newest version listed: ";

    /** base 2.0.0, base 2.1.0 adding prompts/writer-base.prmd, and support 2.0.0 inheriting it with ^2.0.0. */
    @BeforeEach
    void publishAPackageInheritingAFileOfALaterVersion() throws IOException {
        registry.publish(folder("@common/base-prompts", "2.0.0", "", ""));
        Path later = folder("@common/base-prompts", "2.1.0", "", "");
        Files.writeString(later.resolve("prompts/writer-base.prmd"), prompt("writer-base", ""));
        registry.publish(later);
        registry.publish(folder("@acme/support-prompts", "2.0.0", "\"@common/base-prompts\": \"^2.0.0\"",
                "inherits: \"@common/base-prompts@^2.0.0/prompts/writer-base.prmd\"\n"));
    }

    /** A package folder of one prompt, prompts/apology.prmd, with the front-matter line given. */
    private Path folder(String name, String version, String dependencies, String frontMatter) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name).resolve(version));
        Files.writeString(folder.resolve("prompd.json"), """
                {"name": "%s", "version": "%s", "description": "Prompts", "license": "MIT",
                 "dependencies": {%s}}
                """.formatted(name, version, dependencies));
        Files.writeString(folder.resolve("README.md"), "# Prompts\n");
        Files.createDirectories(folder.resolve("prompts"));
        Files.writeString(folder.resolve("prompts/apology.prmd"), prompt("apology", frontMatter));
        return folder;
    }

    private static String prompt(String id, String more) {
        return "---\nid: " + id + "\ndescription: Says sorry\n" + more + "---\n# User\n\nSorry.\n";
    }

    @Test
    void theLowestResolutionWarnsOfTheFileTheInstalledVersionLacks() throws IOException {
        CliRun run = prompd("install", "@acme/support-prompts", "--resolution", "lowest");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(WARNING, run.err());
        // a run that installs nothing and changes no lock reads no package: the run that installed them said it
        assertEquals("", prompd("install", "--resolution", "lowest").err());
        Files.delete(project.resolve("prompd.lock"));
        CliRun scripted = prompd("install", "--json", "--resolution", "lowest");
        assertEquals(0, scripted.exitCode(), scripted.err());
        JsonNode warnings = Json.reader().readTree(scripted.out()).get("warnings");
        assertEquals(1, warnings.size(), scripted.out());
        JsonNode missing = warnings.get(0);
        assertEquals("dependencyFileMissing", missing.get("kind").asText(), scripted.out());
        assertEquals("@acme/support-prompts", missing.get("name").asText());
        assertEquals("prompts/apology.prmd", missing.get("file").asText());
        assertEquals("inherits", missing.get("field").asText());
        assertEquals("@common/base-prompts", missing.get("dependency").asText());
        assertEquals("2.0.0", missing.get("installed").asText());
        assertFalse(missing.has("newest"), "a newer version is listed");
    }

    /**
     * The version installed is the newest listed, a later release than the one the package was checked with having
     * dropped the file: the hint said to update it, which changed nothing. It now says so, and names the version the
     * index lists the file of as a prompt, with the install that pins it, which the check then passes.
     */
    @Test
    void aFileTheNewestVersionDroppedIsWarnedOfWithAPinToTheVersionTheIndexSaysHasIt() throws IOException {
        publishAVersionDroppingAFileAfterAPackageInheritsIt("\"prompts\": {\"base\": \"prompts/base.prmd\"}, ");

        CliRun run = prompd("install", "@common/pkg-a");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(DROPPED + "ask @common/pkg-a's maintainers, or pin @common/dep-b to 1.0.0, which has it,"
                + " 'prompd install @common/dep-b@1.0.0 --save-exact')\n", run.err());
        CliRun pinned = prompd("install", "@common/dep-b@1.0.0", "--save-exact");
        assertEquals(0, pinned.exitCode(), pinned.err());
        assertEquals("", pinned.err(), "the version pinned has the file");
    }

    /** Where the index lists the file as no version's prompt, the hint names none, and --json says it is newest. */
    @Test
    void aFileTheNewestVersionDroppedThatTheIndexDoesNotListIsWarnedOfWithoutAVersion() throws IOException {
        publishAVersionDroppingAFileAfterAPackageInheritsIt("");

        CliRun run = prompd("install", "@common/pkg-a");
        Files.delete(project.resolve("prompd.lock"));
        CliRun scripted = prompd("install", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(DROPPED + "ask @common/pkg-a's maintainers, or pin @common/dep-b to an older version that has"
                + " it, if one does)\n", run.err());
        JsonNode missing = Json.reader().readTree(scripted.out()).get("warnings").get(0);
        assertEquals("dependencyFileMissing", missing.get("kind").asText(), scripted.out());
        assertEquals("1.1.0", missing.get("installed").asText());
        assertTrue(missing.get("newest").asBoolean(), scripted.out());
    }

    /**
     * dep-b 1.0.0 with prompts/base.prmd, pkg-a 1.0.0 inheriting it with ^1.0.0, and dep-b 1.1.0 without it.
     *
     * @param prompts {@code "prompts"} of dep-b 1.0.0's prompd.json, and a comma after it, or nothing
     */
    private void publishAVersionDroppingAFileAfterAPackageInheritsIt(String prompts) throws IOException {
        Path having = folder("@common/dep-b", "1.0.0", "", "");
        Files.writeString(having.resolve("prompts/base.prmd"), prompt("base", ""));
        Path manifest = having.resolve("prompd.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"dependencies\"",
                prompts + "\"dependencies\""));
        registry.publish(having);
        registry.publish(folder("@common/pkg-a", "1.0.0", "\"@common/dep-b\": \"^1.0.0\"",
                "inherits: \"@common/dep-b@^1.0.0/prompts/base.prmd\"\n"));
        registry.publish(folder("@common/dep-b", "1.1.0", "", ""));
    }

    @Test
    void theDefaultResolutionGetsTheFileAndWarnsOfNothing() {
        CliRun run = prompd("install", "@acme/support-prompts");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    /**
     * Only the pairs of a package and a dependency that the run moved are looked at again: adding an unrelated package
     * does not repeat what the run that installed the others said, while moving a dependency down warns of the
     * package, installed before, that takes a file from it.
     */
    @Test
    void aLaterRunWarnsOfThePairsItMovesOnly() throws IOException {
        registry.publish(folder("@acme/unrelated", "1.0.0", "", ""));
        assertEquals(WARNING, prompd("install", "@acme/support-prompts", "--resolution", "lowest").err());

        CliRun adding = prompd("install", "@acme/unrelated", "--resolution", "lowest");
        assertEquals(0, adding.exitCode(), adding.err());
        assertEquals("", adding.err());

        Files.delete(project.resolve("prompd.lock"));
        assertEquals("", prompd("install").err(), "the default resolution gets base 2.1.0, which has the file");
        CliRun down = prompd("install", "@common/base-prompts@2.0.0");
        assertEquals(0, down.exitCode(), down.err());
        assertEquals(WARNING, down.err());
    }

    /** Another package's range holds the dependency back as the lowest resolution does; a template is read too. */
    @Test
    void aRangeHoldingTheDependencyBackWarnsOfEachPromptTakingTheFile() throws IOException {
        registry.publish(folder("@acme/pinning", "1.0.0", "\"@common/base-prompts\": \"~2.0.0\"", ""));
        Path letters = folder("@acme/letters", "1.0.0", "\"@common/base-prompts\": \"^2.0.0\"", "");
        Files.writeString(letters.resolve("prompts/apology.prmd"), prompt("apology", "")
                + "{% include \"@common/base-prompts@^2.0.0/prompts/writer-base.prmd\" %}\n");
        registry.publish(letters);

        CliRun run = prompd("install", "@acme/support-prompts", "@acme/pinning", "@acme/letters");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: @acme/letters 1.0.0's prompts/apology.prmd loads"
                + " @common/base-prompts@^2.0.0/prompts/writer-base.prmd in its template, line 8, which"
                + " @common/base-prompts 2.0.0, the version installed, does not have (update it,"
                + " 'prompd update @common/base-prompts', or raise the range that holds it back)\n" + WARNING,
                run.err());
    }
}
