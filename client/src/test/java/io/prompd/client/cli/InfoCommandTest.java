package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * prompd info of a package, a version or a range: versions, dist-tags, takedowns, and offline from what an install
 * cached.
 */
class InfoCommandTest extends InstallCommandsFixture {

    @Test
    void infoDescribesThePackage() throws IOException {
        registry.deprecate("@acme/util", "1.0.0", "Old; use 1.1.").tag("@acme/util", "beta", "1.0.0");
        CliRun run = prompd("info", "@acme/util");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("@acme/util@1.1.0 - Prompts of @acme/util\nlicense: MIT\n"
                + "dist-tags: beta=1.0.0 latest=1.1.0\nversions:\n  1.0.0  2026-01-01  deprecated: Old; use 1.1.\n"
                + "  1.1.0  2026-01-02\n"), run.out());
        assertTrue(run.out().contains("prompts:\n  greet  prompts/greet.prmd  Says hello\n"), run.out());
        assertTrue(run.out().contains("README:\n  # @acme/util\n"), run.out());
        String tarball = server.url() + "packages/@acme/util/-/util-1.1.0.tgz";
        assertTrue(run.out().contains("\ntarball: " + tarball + " ("),
                "absolute, as a user can fetch it: " + run.out());
        registry.publish("@acme/a", "1.0.0")
                .publish("@acme/greeter", "1.1.0", "@acme/a", "1.0.0", "@acme/base", "^1.0.0");
        assertTrue(prompd("info", "@acme/greeter").out()
                .contains("dependencies:\n  @acme/a     1.0.0\n  @acme/base  ^1.0.0\n"),
                "aligned columns");

        registry.yank("@acme/util", "1.0.0", "superseded");
        CliRun yanked = prompd("info", "@acme/util@1.0.0");
        assertTrue(yanked.out().startsWith("@acme/util@1.0.0 "), "a yanked version named exactly");
        assertTrue(yanked.out().contains("  1.0.0  2026-01-01  yanked: superseded  deprecated: Old; use 1.1.\n"),
                yanked.out());
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util@beta", "--json").out());
        assertEquals("1.0.0", json.get("version").asText());
        assertEquals("Old; use 1.1.", json.at("/versions/0/deprecated").asText());
        assertEquals("superseded", json.at("/versions/0/yanked").asText());
        assertEquals(server.url() + "packages/@acme/util/-/util-1.0.0.tgz", json.at("/dist/tarball").asText(),
                "the registry's relative URL means nothing outside the document that held it");
    }

    @Test
    void aVersionDocumentDisagreeingWithTheIndexOnWhatInstallsIsADamagedDocumentNamingBothAndTheField()
            throws IOException {
        Path document = registry.root().resolve("packages/@acme/base/1.0.0.json");
        byte[] written = Files.readAllBytes(document);
        ObjectNode edited = (ObjectNode) Json.reader().readTree(written);
        String listed = edited.at("/dist/integrity").asText();
        String other = "sha512-" + "A".repeat(86) + "==";
        ((ObjectNode) edited.get("dist")).put("integrity", other);
        ((ObjectNode) edited.get("dependencies")).removeAll();
        Files.write(document, Json.write(edited));

        CliRun run = prompd("info", "@acme/base@1.0.0");

        assertEquals(5, run.exitCode(), "as other damaged documents: " + run.err());
        assertTrue(run.err().startsWith("error: the registry sent a damaged document: " + server.url()
                + "packages/@acme/base/1.0.0.json (its /dist/integrity is " + other + ", where " + server.url()
                + "packages/@acme/base/index.json gives " + listed + " at /versions/1.0.0/dist/integrity; they"
                + " disagree on /dependencies too)\nhint: try again later"), run.err());
        assertEquals("", run.out());

        // ranges written otherwise that the resolver reads alike agree, as an install compares them
        edited = (ObjectNode) Json.reader().readTree(written);
        ((ObjectNode) edited.get("dependencies")).put("@acme/util", "1.x");
        Files.write(document, Json.write(edited));
        CliRun alike = prompd("info", "@acme/base@1.0.0");
        assertEquals(0, alike.exitCode(), alike.err());
        assertTrue(alike.out().contains("dependencies:\n  @acme/util  1.x\n"), alike.out());
    }

    @Test
    void aListedVersionWhoseDocumentIsMissingIsTheRegistrysIncompletenessNotTheUsersNameOrVersion()
            throws IOException {
        Files.delete(registry.root().resolve("packages/@acme/base/1.0.0.json"));

        CliRun run = prompd("info", "@acme/base@1.0.0", "--json");

        assertEquals(5, run.exitCode(), "as a listed version's missing tarball: " + run.err());
        JsonNode error = Json.reader().readTree(run.out()).get("error");
        assertEquals("the registry lists @acme/base@1.0.0 but has no version document for it (not found in the"
                + " registry: " + server.url() + "packages/@acme/base/1.0.0.json)", error.get("message").asText());
        assertEquals("the registry may be incomplete or halfway through publishing: try again later, or tell its"
                + " maintainers", error.get("hint").asText());
    }

    @Test
    void infoShowsAReadmeSavedWithAByteOrderMarkWithoutTheMark() throws IOException {
        Path folder = Files.createDirectories(work.resolve("marked"));
        Files.writeString(folder.resolve("prompd.json"), "{\"name\": \"@acme/marked\", \"version\": \"1.0.0\","
                + " \"description\": \"Marked\", \"license\": \"MIT\"}\n");
        Files.writeString(folder.resolve("README.md"), "\uFEFF# Marked\r\n\r\nSaved by Notepad.\r\n");
        Files.writeString(folder.resolve("ask.prmd"), "---\nid: ask\n---\nAsk.\n");
        registry.publish(folder);

        CliRun run = prompd("info", "@acme/marked");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("README:\n  # Marked\n\n  Saved by Notepad.\n"), run.out());
    }

    /** A description is free text of any length: set before the parameters, it padded every other row to it. */
    @Test
    void aLongDescriptionIsTheLastColumnSoNoOtherPromptFilesRowIsPaddedToIt() throws IOException {
        Path folder = Files.createDirectories(work.resolve("long"));
        Files.writeString(folder.resolve("prompd.json"), "{\"name\": \"@acme/long\", \"version\": \"1.0.0\","
                + " \"description\": \"Long\", \"license\": \"MIT\"}\n");
        String description = "Explains a topic at length. ".repeat(20).strip();
        Files.writeString(folder.resolve("a.prmd"), "---\nid: a\ndescription: " + description + "\n---\nA.\n");
        Files.writeString(folder.resolve("b.prmd"), "---\nid: b\nparameters:\n  - name: topic\n    type: string\n"
                + "---\nB {{ topic }}.\n");
        registry.publish(folder);

        CliRun run = prompd("info", "@acme/long");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("prompt files:\n  a.prmd  a  " + " ".repeat("parameters: topic".length())
                + "  " + description + "\n  b.prmd  b  parameters: topic\n"), run.out());
    }

    @Test
    void infoShowsMainAndEveryPromptFileWithItsParametersOfAPackageWithNoPromptsMap() throws IOException {
        Path folder = Files.createDirectories(work.resolve("writer").resolve("prompts"));
        Files.writeString(folder.resolveSibling("prompd.json"), "{\"name\": \"@acme/writer\", \"version\": \"1.0.0\","
                + " \"description\": \"Writes\", \"license\": \"MIT\", \"main\": \"prompts/post.prmd\"}\n");
        Files.writeString(folder.resolve("post.prmd"), "---\nid: blog-post\ndescription: Writes a blog post\n"
                + "parameters:\n  - name: topic\n    type: string\n    required: true\n"
                + "  - name: tone\n    type: string\n"
                + "---\nWrite about {{ topic }} in a {{ tone }} tone.\n");
        Files.writeString(folder.resolve("outline.prmd"), "---\nid: outline\n---\nAn outline.\n");
        registry.publish(folder.getParent());

        CliRun run = prompd("info", "@acme/writer");
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/writer", "--json").out());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nmain: prompts/post.prmd\nprompt files:\n"
                + "  prompts/outline.prmd  outline\n"
                + "  prompts/post.prmd     blog-post  parameters: topic (required), tone  Writes a blog post\n"
                + "tarball: "), run.out());
        assertFalse(run.out().contains("\nprompts:"), "no prompts map to show: " + run.out());
        assertEquals("prompts/post.prmd", json.get("main").asText());
        assertEquals("{}", json.get("prompts").toString());
        assertEquals("blog-post", json.at("/promptFiles/prompts~1post.prmd/id").asText());
        assertEquals("Writes a blog post", json.at("/promptFiles/prompts~1post.prmd/description").asText());
        assertEquals("topic", json.at("/promptFiles/prompts~1post.prmd/parameters/0/name").asText());
        assertTrue(json.at("/promptFiles/prompts~1post.prmd/parameters/0/required").asBoolean(), json.toString());
        assertEquals("outline", json.at("/promptFiles/prompts~1outline.prmd/id").asText());
    }

    @Test
    void infoListsTheVersionsTakenDownWithTheirReasonsAndSaysWhyOneNamedIsGone() throws IOException {
        assertTrue(Json.reader().readTree(prompd("info", "@acme/util", "--json").out()).get("takenDown").isEmpty());
        registry.takeDown("@acme/util", "1.0.0", "leaked an API key");

        CliRun run = prompd("info", "@acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nversions:\n  1.1.0  2026-01-02\ntaken down:\n  1.0.0  leaked an API key\n"),
                run.out());
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals("{\"1.0.0\":\"leaked an API key\"}", json.get("takenDown").toString());
        CliRun gone = prompd("info", "@acme/util@1.0.0");
        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("""
                error: @acme/util@1.0.0 is taken down: leaked an API key
                hint: 'prompd info @acme/util' lists the versions left
                """, gone.err());
        assertEquals("", gone.out());
    }

    @Test
    void infoOfARangeSaysWhichVersionsInItAreTakenDownInAnInstallsWords() throws IOException {
        registry.publish("@acme/util", "1.2.0").publish("@acme/util", "2.0.0")
                .takeDown("@acme/util", "1.1.0", "leaked an API key").takeDown("@acme/util", "2.0.0", "broken");

        CliRun range = prompd("info", "@acme/util@^1.0.0");
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util@^1.0.0", "--json").out());
        CliRun none = prompd("info", "@acme/util@^1.1.0 <1.2.0");

        assertEquals(0, range.exitCode(), range.err());
        assertTrue(range.out().contains("\ndist-tags: latest=1.2.0\nwithin ^1.0.0, 1.1.0 is taken down: leaked an API"
                + " key\nversions:\n"), range.out());
        assertEquals("{\"1.1.0\":\"leaked an API key\"}", json.get("takenDownInRange").toString());
        assertFalse(Json.reader().readTree(prompd("info", "@acme/util", "--json").out()).has("takenDownInRange"));
        assertEquals(3, none.exitCode(), none.err());
        assertEquals("""
                error: no version of @acme/util matches ^1.1.0 <1.2.0 (1.1.0 is taken down: leaked an API key)
                hint: 'prompd info @acme/util' lists its versions
                """, none.err());
    }

    @Test
    void infoOfARangeOnlyYankedAndTakenDownVersionsMeetNamesBothAsAnInstallDoes() throws IOException {
        registry.publish("@acme/util", "1.2.0").yank("@acme/util", "1.1.0", "wrong prompts")
                .takeDown("@acme/util", "1.0.0", "broken");

        CliRun info = prompd("info", "@acme/util@<1.2.0");
        CliRun install = prompd("install", "@acme/util@<1.2.0");

        assertEquals(3, info.exitCode(), info.err());
        assertEquals("""
                error: no version of @acme/util matches <1.2.0 (1.1.0 is yanked; 1.0.0 is taken down: broken)
                hint: 'prompd info @acme/util' lists its versions
                """, info.err());
        assertTrue(install.err().contains("(1.1.0 is yanked; 1.0.0 is taken down: broken)"), install.err());
    }

    /** A version never published is named with the versions nearest it, as an install names them. */
    @Test
    void infoOfAVersionNeverPublishedNamesTheVersionsNearestItAsAnInstallDoes() throws IOException {
        registry.publish("@acme/util", "2.0.0").publish("@acme/util", "2.1.0").publish("@acme/util", "3.0.0");

        CliRun info = prompd("info", "@acme/util@1.9.9");
        CliRun scripted = prompd("info", "@acme/util@1.9.9", "--json");
        CliRun install = prompd("install", "@acme/util@1.9.9");

        assertEquals(3, info.exitCode(), info.err());
        assertEquals("""
                error: no version of @acme/util matches 1.9.9 (published: 1.0.0, 1.1.0, 2.0.0, 2.1.0, 3.0.0)
                hint: 'prompd info @acme/util' lists its versions
                """, info.err());
        assertEquals(3, scripted.exitCode(), scripted.err());
        assertEquals("no version of @acme/util matches 1.9.9 (published: 1.0.0, 1.1.0, 2.0.0, 2.1.0, 3.0.0)",
                Json.reader().readTree(scripted.out()).at("/error/message").asText(), scripted.out());
        assertTrue(install.err().contains("(published: 1.0.0, 1.1.0, 2.0.0, 2.1.0, 3.0.0)"), install.err());
    }

    @Test
    void infoOfAPackageWithNoVersionLeftShowsEveryTakedownAndAVersionAskedForIsNotFoundWithTheReasons()
            throws IOException {
        registry.publish("@acme/gone", "1.0.0").publish("@acme/gone", "1.1.0")
                .takeDown("@acme/gone", "1.0.0", "leaked an API key")
                .takeDown("@acme/gone", "1.1.0", "held personal data");

        CliRun run = prompd("info", "@acme/gone");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                @acme/gone - every version is taken down, so none can be installed
                taken down:
                  1.0.0  leaked an API key
                  1.1.0  held personal data
                """, run.out());
        assertEquals(Json.reader().readTree("{\"name\": \"@acme/gone\", \"distTags\": {}, \"versions\": [],"
                        + " \"takenDown\": {\"1.0.0\": \"leaked an API key\", \"1.1.0\": \"held personal data\"}}"),
                Json.reader().readTree(prompd("info", "@acme/gone", "--json").out()));
        for (String asked : List.of("@acme/gone@1.1.0", "@acme/gone@^1.0.0", "@acme/gone@beta")) {
            CliRun gone = prompd("info", asked);
            assertEquals(3, gone.exitCode(), asked);
            assertEquals("error: every version of @acme/gone is taken down (1.0.0: leaked an API key; 1.1.0: held"
                    + " personal data), so none can be installed\n", gone.err(), asked);
        }
    }

    @Test
    void infoOfAnInstalledPackageWorksOfflineFromWhatTheInstallCached() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());

        CliRun run = prompd("--offline", "info", "@acme/util");
        JsonNode json = Json.reader().readTree(prompd("--offline", "info", "@acme/util", "--json").out());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("@acme/util@1.1.0 - Prompts of @acme/util\nlicense: MIT\n"), run.out());
        assertTrue(run.out().contains("\nprompts:\n  greet  prompts/greet.prmd\ntarball: " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz (318 bytes, 3 files)\n"), run.out());
        assertEquals("note: offline, @acme/util@1.1.0 is described by its package's cached index.json alone: its README"
                + " and prompt files come with its own document, which is not cached (run without --offline to"
                + " see them)\n", run.err());
        assertEquals("1.1.0", json.get("version").asText());
        assertFalse(json.has("readme"), json.toString());
    }

    @Test
    void infoSpellsAFileRegistrysTarballAsTheLockDoes() throws IOException {
        Map<String, String> fileRegistry = Map.of("PROMPD_REGISTRY", "file://" + registry.root().toUri().getPath());
        assertEquals(0, CliRun.in(project, home, "", fileRegistry, "install", "@acme/util").exitCode());
        String resolved = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock")))
                .at("/packages/@acme~1util/resolved").asText();
        assertTrue(resolved.startsWith("file:///"), resolved);

        CliRun text = CliRun.in(project, home, "", fileRegistry, "info", "@acme/util");
        CliRun json = CliRun.in(project, home, "", fileRegistry, "info", "@acme/util", "--json");

        assertTrue(text.out().contains("\ntarball: " + resolved + " ("), text.out());
        assertEquals(resolved, Json.reader().readTree(json.out()).at("/dist/tarball").asText());
    }
}
