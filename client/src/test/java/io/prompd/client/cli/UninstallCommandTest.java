package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import org.junit.jupiter.api.Test;

/** prompd uninstall of a project's dependencies and, with --global, of versions in the store. */
class UninstallCommandTest extends InstallCommandsFixture {

    @Test
    void aDependencyNamedTwiceToUninstallIsRemovedAndSaidOnce() throws IOException {
        assertEquals(0, prompd("install", "@acme/util", "@acme/base").exitCode());

        CliRun run = prompd("rm", "@acme/util", "acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.out().split("removed @acme/util from prompd.json\n", -1).length - 1, run.out());
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("@acme/util"));
    }

    @Test
    void aGlobalUninstallRemovesVersionsFromTheStore() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        assertEquals(0, prompd("install", "--global", "@acme/greeter").exitCode());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals("@acme/base@1.0.0\n@acme/greeter@1.0.0\n@acme/util@1.0.0\n@acme/util@1.1.0\n",
                prompd("list", "--installed").out());

        CliRun missing = prompd("uninstall", "--global", "@acme/util", "@acme/base@^2", "@acme/nothere");
        assertEquals(3, missing.exitCode());
        assertEquals("error: not in the store: @acme/base@^2 and @acme/nothere; nothing was removed\n"
                + "hint: 'prompd list --installed' lists the store\n", missing.err());
        CliRun tag = prompd("uninstall", "-g", "@acme/util@latest");
        assertEquals(2, tag.exitCode());
        assertTrue(tag.err().startsWith("error: the store knows versions, not dist-tags"), tag.err());
        assertEquals(4, prompd("list", "--installed").out().lines().count(), "a refused removal removes nothing");

        CliRun some = prompd("uninstall", "-g", "@acme/util@^1.1", "acme/greeter");
        assertEquals(0, some.exitCode(), some.err());
        assertEquals("removed @acme/greeter@1.0.0\nremoved @acme/util@1.1.0\n", some.out());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.0.0\n", prompd("list", "--installed").out());

        CliRun all = prompd("rm", "-g", "@acme/util", "@acme/base", "--json");
        assertEquals(0, all.exitCode(), all.err());
        JsonNode removed = Json.reader().readTree(all.out()).get("removed");
        assertEquals("1.0.0", removed.get("@acme/util").get(0).asText());
        assertEquals("", prompd("list", "--installed").out());
    }

    @Test
    void aProjectWhoseLockedVersionLeftTheStoreInstallsItAgain() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals(0, prompd("uninstall", "-g", "@acme/util").exitCode());

        CliRun again = prompd("install");

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("2 packages: 0 downloaded, 1 from the cache, 1 already installed"), again.out());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0\n", prompd("list", "--installed").out());
    }

    @Test
    void aGlobalUninstallRemovesAStoreCopyWhoseManifestIsCutShort() throws IOException {
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0").exitCode());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.1.0").exitCode());
        Files.writeString(home.resolve("packages/@acme/util@1.1.0/prompd.json"), "{\"name\": \"@acme/ut");

        CliRun named = prompd("uninstall", "--global", "@acme/util@1.1.0");

        assertEquals(0, named.exitCode(), named.err());
        assertEquals("removed @acme/util@1.1.0\n", named.out());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("@acme/util@1.0.0\n", prompd("list", "--installed").out());
        Files.writeString(home.resolve("packages/@acme/util@1.0.0/prompd.json"), "");
        CliRun all = prompd("uninstall", "--global", "@acme/util");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals("removed @acme/util@1.0.0\n", all.out(), "the name alone takes damaged copies too");
    }
}
