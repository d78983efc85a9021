package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the install family of commands share: a project without dependencies, a home of the test's own
 * and a small registry on 127.0.0.1, for each test to run {@code prompd} against as a user types it.
 */
abstract class InstallCommandsFixture {

    /** Holds the registry, the project and the home, and whatever else a test makes. */
    @TempDir
    Path work;

    /**
     * {@code @acme/util} 1.0.0 and 1.1.0, {@code @acme/base} 1.0.0 needing util ^1.0.0 and {@code @acme/greeter} 1.0.0
     * needing both; a test publishes more, takes down, yanks or tampers with what it needs.
     */
    TestRegistry registry;
    RegistryServer server;
    /** The folder of {@code @me/app}'s prompd.json, where {@link #prompd} runs. */
    Path project;
    /** PROMPD_HOME: a test may point it at another folder, as another machine's, before the next run. */
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        registry = new TestRegistry(work.resolve("registry"))
                .publish("@acme/util", "1.0.0")
                .publish("@acme/util", "1.1.0")
                .publish("@acme/base", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/greeter", "1.0.0", "@acme/base", "^1.0.0", "@acme/util", "^1.0.0");
        server = RegistryServer.serving(registry.root());
        home = work.resolve("home");
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** prompd run in the project with the served registry as PROMPD_REGISTRY. */
    CliRun prompd(String... args) {
        return CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", server.url().toString()), args);
    }

    /**
     * Installs {@code @acme/greeter} (so {@code @acme/base} 1.0.0 and {@code @acme/util} 1.1.0) and {@code @acme/gone}
     * 1.0.0 in the project, then has the registry stop giving all but greeter, each its own way: base taken down
     * ("leaked a key"), util 1.1.0 no longer listed, with no takedown recorded, and gone removed whole; and empties the
     * cache, as 'prompd cache clean' does, so that no cached tarball can put one back.
     */
    void installVersionsTheRegistryThenStopsGiving() throws IOException {
        installVersionsTheRegistryThenStopsGivingKeepingTheirTarballs();
        assertEquals(0, prompd("cache", "clean").exitCode());
    }

    /** As {@link #installVersionsTheRegistryThenStopsGiving}, with the tarballs left in the cache. */
    void installVersionsTheRegistryThenStopsGivingKeepingTheirTarballs() throws IOException {
        registry.publish("@acme/gone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/greeter", "@acme/gone").exitCode());
        registry.takeDown("@acme/base", "1.0.0", "leaked a key");
        registry.unlist("@acme/util", "1.1.0");
        Files.move(registry.root().resolve("packages/@acme/gone"), work.resolve("gone"));
    }

    /** The version prompd.lock pins of the package. */
    String locked(String name) throws IOException {
        return Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock"))).get("packages").get(name)
                .get("version").asText();
    }

    /** prompd.json with these dependencies, as a hand edit or a merge leaves it: prompd.lock is not touched. */
    void editDependencies(String dependencies) throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {" + dependencies + "}}\n");
    }
}
