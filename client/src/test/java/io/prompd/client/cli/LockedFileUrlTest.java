package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock made with a registry in a folder, which records the file: URLs of its tarballs, installed once the name
 * resolves in a registry on the network: only a registry in a folder may send a file: URL, so the lock's is not read.
 */
class LockedFileUrlTest {

    @TempDir
    Path work;

    private CliRun prompd(Path project, URI registry, String... args) {
        return CliRun.in(project, work.resolve("home-" + registry.getScheme()), "", Map.of("PROMPD_REGISTRY",
                registry.toString()), args);
    }

    @Test
    void aRegistryOnTheNetworkListingOtherBytesThanTheLockedFileIsAnIntegrityFailureSayingWhyTheFileIsNotRead()
            throws IOException {
        TestRegistry folder = new TestRegistry(work.resolve("folder")).publish("@acme/util", "1.0.0");
        TestRegistry network = new TestRegistry(work.resolve("network")).publish("@acme/util", "1.0.0")
                .addToTarball("@acme/util", "1.0.0", "extra.md", "other bytes".getBytes(StandardCharsets.UTF_8));
        Path project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
        assertEquals(0, prompd(project, folder.fileUrl(), "install", "@acme/util").exitCode());

        try (RegistryServer server = RegistryServer.serving(network.root())) {
            CliRun run = prompd(project, server.url(), "install");

            assertEquals(6, run.exitCode(), run.err());
            assertEquals("error: integrity check failed for @acme/util@1.0.0: prompd.lock has it from "
                    + folder.fileUrl() + ", while @acme now resolves in registry " + server.url() + ", whose copy has"
                    + " other bytes, and the locked tarball is not read from " + folder.tarball("@acme/util", "1.0.0")
                    .toUri() + " instead: registry " + server.url() + " is not a folder, and only a registry in a"
                    + " folder may send a file: URL\nhint: do not lock the copy of registry " + server.url()
                    + ": it may"
                    + " be another's package; route @acme back to " + folder.fileUrl() + " with 'prompd registry add"
                    + " NAME " + folder.fileUrl() + " --scope @acme'\n", run.err());
        }
    }
}
