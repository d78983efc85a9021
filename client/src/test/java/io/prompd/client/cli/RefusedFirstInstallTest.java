package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An install refused before it installs anything leaves the home as it found it, as npm's and cargo's first install
 * that fails does: no lock file, no empty store or cache, no documents read to plan it.
 */
class RefusedFirstInstallTest extends InstallCommandsFixture {

    /** Each way to be refused: not in the registry, no version to resolve, a tampered tarball, offline with nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"install @acme/nope", "install --global @acme/nope", "install @acme/util@^3.0.0",
            "install @acme/util", "install --global @acme/util", "install --offline @acme/util",
            "uninstall --global @acme/util"})
    void aRefusedInstallWithAHomeThatDoesNotExistLeavesNone(String command) throws IOException {
        registry.tamper("@acme/util", "1.1.0");
        String manifest = Files.readString(project.resolve("prompd.json"));

        CliRun run = prompd(command.split(" "));

        assertTrue(run.exitCode() > 1, run.err());
        List<String> left = entries(home);
        assertFalse(Files.exists(home), command + " left " + left);
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
    }

    @Test
    void aRefusedInstallWithAnEmptyHomeLeavesItEmpty() throws IOException {
        Files.createDirectories(home);

        assertEquals(3, prompd("install", "@acme/nope").exitCode());

        assertEquals(List.of(), entries(home));
    }

    @Test
    void theInstallAfterARefusedOneMakesTheHomeAsAFirstOneDoes() throws IOException {
        assertEquals(3, prompd("install", "@acme/nope").exitCode());

        CliRun run = prompd("install", "@acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")), entries(home).toString());
        assertTrue(Files.isRegularFile(home.resolve("install.lock")));
        assertEquals(0, prompd("install", "--offline", "@acme/util").exitCode(), "the cache has what it needs");
    }

    /** What the folder holds, relative to it, sorted; none when it does not exist. */
    private static List<String> entries(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(path -> !path.equals(folder)).map(path -> folder.relativize(path).toString()).sorted()
                    .toList();
        }
    }
}
