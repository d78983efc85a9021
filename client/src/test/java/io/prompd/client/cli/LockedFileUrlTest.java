package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aRegistryOnTheNetworkListingOtherBytesThanTheLockedFileFailsSayingItsIndexListsThemAndWhyTheFileIsNotRead()
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
            assertEquals("error: cannot install @acme/util@1.0.0 as locked: prompd.lock has it from "
                    + folder.fileUrl() + ", while @acme now resolves in registry " + server.url() + ", whose index"
                    + " lists other bytes for it than prompd.lock pins, and the locked tarball is not read from "
                    + folder.tarball("@acme/util", "1.0.0").toUri() + " instead: registry " + server.url() + " is not"
                    + " a folder, and only a registry in a folder may send a file: URL\nhint: do not lock the copy of"
                    + " registry " + server.url() + ": it may be another's package; route @acme back to "
                    + folder.fileUrl() + " with 'prompd registry add acme " + folder.fileUrl() + " --scope @acme'\n",
                    run.err());
            assertFalse(server.requests().contains("/packages/@acme/util/-/util-1.0.0.tgz"),
                    "its index says its copy has other bytes: " + server.requests());
        }
    }

    /**
     * A registry on the network listing the locked bytes, whose tarball fails its integrity check: that is what failed,
     * as the file: URL is not read in its place, not an edit of the lock; nor is routing the scope to that registry,
     * or taking its package, a way off.
     */
    @Test
    void aRegistryOnTheNetworkWhoseTarballFailsItsIntegrityCheckIsSaidToHaveFailedAndTheFileNotRead()
            throws IOException {
        TestRegistry folder = new TestRegistry(work.resolve("folder")).publish("@acme/util", "1.0.0");
        TestRegistry network = new TestRegistry(work.resolve("network")).publish("@acme/util", "1.0.0");
        Path project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
        assertEquals(0, prompd(project, folder.fileUrl(), "install", "@acme/util").exitCode());
        network.tamper("@acme/util", "1.0.0");

        try (RegistryServer server = RegistryServer.serving(network.root())) {
            CliRun run = prompd(project, server.url(), "install", "--frozen");

            assertEquals(6, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("error: @acme/util@1.0.0 is locked in prompd.lock from " + folder.fileUrl()
                    + ", and @acme now resolves in registry " + server.url() + ", which is neither the registry it was"
                    + " locked from nor one @acme is routed to, and whose index lists it with the integrity prompd.lock"
                    + " pins but whose tarball of it does not match that integrity: integrity check failed for "
                    + server.url() + "packages/@acme/util/-/util-1.0.0.tgz: expected sha512-"), run.err());
            assertTrue(run.err().endsWith(", and the tarball of @acme/util@1.0.0 is not read from "
                    + folder.tarball("@acme/util", "1.0.0").toUri() + " instead: registry " + server.url() + " is not"
                    + " a folder, and only a registry in a folder may send a file: URL\nhint: registry " + server.url()
                    + " serves other bytes for @acme/util@1.0.0 than its index lists: tell its maintainers; route @acme"
                    + " back to " + folder.fileUrl() + " with 'prompd registry add acme " + folder.fileUrl()
                    + " --scope @acme'\n"), run.err());
        }
    }

    /**
     * A registry on the network whose index no longer lists the locked version, though its tarball path still serves
     * the locked bytes: it is not asked for the tarball, as for a lock's URL on the network, and the file: URL is not
     * read either, so the tarball is not found, the lock left as it was.
     */
    @Test
    void aRegistryOnTheNetworkNotListingTheLockedVersionIsNotAskedForItAndTheFileIsNotRead() throws IOException {
        TestRegistry folder = new TestRegistry(work.resolve("folder")).publish("@acme/util", "1.0.0");
        TestRegistry network = new TestRegistry(work.resolve("network")).publish("@acme/util", "1.0.0");
        Path project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
        assertEquals(0, prompd(project, folder.fileUrl(), "install", "@acme/util").exitCode());
        String lock = Files.readString(project.resolve("prompd.lock"));
        Path kept = Files.copy(network.tarball("@acme/util", "1.0.0"), work.resolve("kept.tgz"));
        network.publish("@acme/util", "1.0.1").unlist("@acme/util", "1.0.0");
        Files.copy(kept, network.tarball("@acme/util", "1.0.0"));

        try (RegistryServer server = RegistryServer.serving(network.root())) {
            CliRun run = prompd(project, server.url(), "install");

            assertEquals(3, run.exitCode(), run.err());
            assertEquals("error: @acme/util@1.0.0 is locked in prompd.lock from " + folder.fileUrl()
                    + ", and @acme now resolves in registry " + server.url() + ", which does not have it, and the"
                    + " tarball of @acme/util@1.0.0 is not read from " + folder.tarball("@acme/util", "1.0.0").toUri()
                    + " instead: registry " + server.url() + " is not a folder, and only a registry in a folder may"
                    + " send a file: URL\nhint: route @acme back to " + folder.fileUrl() + " with 'prompd registry"
                    + " add acme " + folder.fileUrl() + " --scope @acme'; if registry " + server.url() + " mirrors"
                    + " that one, update the mirror (pull and build it); to take @acme/util from registry "
                    + server.url() + " instead, knowing it may be another's package, delete its entry from"
                    + " prompd.lock and run 'prompd install'\n", run.err());
            assertFalse(server.requests().contains("/packages/@acme/util/-/util-1.0.0.tgz"),
                    server.requests().toString());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")));
        }
    }
}
