package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's project cloned by a developer whose home configures no registry yet: the first install says what to do. */
class FreshCloneTest {

    @TempDir
    Path work;
    /** The company registry, serving @acme. */
    TestRegistry acme;
    /** The public registry, the default. */
    TestRegistry common;

    @BeforeEach
    void setUp() {
        acme = new TestRegistry(work.resolve("acme")).publish("@acme/kit", "1.0.0");
        common = new TestRegistry(work.resolve("public")).publish("@common/base", "2.0.0")
                .publish("@prompd/reviewer", "1.0.0");
    }

    private Path project(String dependencies) throws IOException {
        Path project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), """
                {
                  "name": "app",
                  "version": "1.0.0",
                  "dependencies": {%s}
                }
                """.formatted(dependencies));
        return project;
    }

    private static CliRun prompd(Path project, Path home, String... args) {
        return CliRun.in(project, home, args);
    }

    /**
     * The lead's project: @acme's package from the company registry, its scope routed there, @common's and @prompd's
     * from the public one, the default; installed, so that prompd.lock records both registries' URLs.
     */
    private Path teamProject() throws IOException {
        Path project = project("\"@acme/kit\": \"^1.0.0\", \"@common/base\": \"^2.0.0\","
                + " \"@prompd/reviewer\": \"^1.0.0\"");
        Path lead = work.resolve("lead");
        assertEquals(0, prompd(project, lead, "registry", "add", "acme", acme.fileUrl().toString(),
                "--scope", "@acme").exitCode());
        assertEquals(0, prompd(project, lead, "registry", "add", "public", common.fileUrl().toString(),
                "--default").exitCode());
        assertEquals(0, prompd(project, lead, "install").exitCode());
        return project;
    }

    @Test
    void theFirstFrozenInstallNamesTheLocksRegistriesWithTheCommandsThatAddThemScopesRouted() throws IOException {
        Path project = teamProject();

        Path newHire = work.resolve("new-hire");
        CliRun first = prompd(project, newHire, "install", "--frozen");

        String addAcme = "registry add acme " + acme.fileUrl() + " --scope @acme";
        String addPublic = "registry add default " + common.fileUrl() + " --default";
        assertEquals(3, first.exitCode(), first.err());
        assertEquals("error: no registry configured\nhint: prompd.lock installs from " + acme.fileUrl()
                + " (@acme) and " + common.fileUrl() + ": add them with 'prompd " + addAcme + "' and 'prompd "
                + addPublic + "'\n", first.err());
        CliRun added = prompd(project, newHire, addAcme.split(" "));
        assertEquals(0, added.exitCode(), added.err());
        assertEquals(0, prompd(project, newHire, addPublic.split(" ")).exitCode());
        CliRun next = prompd(project, newHire, "install", "--frozen");
        assertEquals(0, next.exitCode(), next.err());
        assertEquals("", next.err(), "no route changed");
    }

    @Test
    void aLockOfOneRegistryGetsOneCommandOrTheRunsRegistry() throws IOException {
        Path project = project("\"@common/base\": \"^2.0.0\"");
        assertEquals(0, prompd(project, work.resolve("lead"), "--registry", common.fileUrl().toString(),
                "install").exitCode());

        CliRun first = prompd(project, work.resolve("new-hire"), "install", "--frozen");

        assertEquals(3, first.exitCode(), first.err());
        assertEquals("error: no registry configured\nhint: prompd.lock installs from " + common.fileUrl()
                + ": add it with 'prompd registry add default " + common.fileUrl() + " --default', or pass --registry"
                + " URL (or set PROMPD_REGISTRY to it)\n", first.err());
    }

    @Test
    void aRegistryConfiguredIsNotAddedAgain() throws IOException {
        Path project = teamProject();
        Path newHire = work.resolve("new-hire");
        assertEquals(0, prompd(project, newHire, "registry", "add", "acme", acme.fileUrl().toString(),
                "--scope", "@acme").exitCode());

        CliRun first = prompd(project, newHire, "install", "--frozen");

        assertEquals(3, first.exitCode(), first.err());
        assertEquals("error: no default registry: the configured ones are acme\nhint: prompd.lock installs from "
                + acme.fileUrl() + " (@acme) and " + common.fileUrl() + ": add " + common.fileUrl() + " with 'prompd"
                + " registry add default " + common.fileUrl() + " --default'\n", first.err());
    }
}
