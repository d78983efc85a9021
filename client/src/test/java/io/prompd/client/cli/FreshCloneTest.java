package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    /** The company registry, serving @acme and @acme-labs. */
    TestRegistry acme;
    /** The public registry, the default. */
    TestRegistry common;

    @BeforeEach
    void setUp() {
        acme = new TestRegistry(work.resolve("acme")).publish("@acme/kit", "1.0.0")
                .publish("@acme-labs/probe", "0.1.0");
        common = new TestRegistry(work.resolve("public")).publish("@common/base", "2.0.0")
                .publish("@prompd/reviewer", "1.0.0").publish("glossary", "1.0.0");
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
     * The lead's project: @acme's and @acme-labs' packages from the company registry, their scopes routed there,
     * @common's and @prompd's from the public one, the default, and {@code more} dependencies; installed, so that
     * prompd.lock records both registries' URLs.
     */
    private Path teamProject(String more) throws IOException {
        Path project = project("\"@acme/kit\": \"^1.0.0\", \"@acme-labs/probe\": \"^0.1.0\","
                + " \"@common/base\": \"^2.0.0\", \"@prompd/reviewer\": \"^1.0.0\"" + more);
        Path lead = work.resolve("lead");
        assertEquals(0, prompd(project, lead, "registry", "add", "acme", acme.fileUrl().toString(),
                "--scope", "@acme", "--scope", "@acme-labs").exitCode());
        assertEquals(0, prompd(project, lead, "registry", "add", "public", common.fileUrl().toString(),
                "--default").exitCode());
        assertEquals(0, prompd(project, lead, "install").exitCode());
        return project;
    }

    private Path teamProject() throws IOException {
        return teamProject("");
    }

    /**
     * The first frozen install in {@code home}, which fails (exit 3), then the commands its hint offers, each run as it
     * is, then the install again, which now installs the lock; returns what the first one said.
     */
    private static String firstInstallThenItsHint(Path project, Path home) {
        CliRun first = prompd(project, home, "install", "--frozen");
        assertEquals(3, first.exitCode(), first.err());
        for (String[] command : CliRun.suggested(first.err())) {
            CliRun run = prompd(project, home, command);
            assertEquals(0, run.exitCode(), first.err() + "\n" + String.join(" ", command) + ": " + run.err());
        }
        CliRun next = prompd(project, home, "install", "--frozen");
        assertEquals(0, next.exitCode(), first.err() + "\n" + next.err());
        assertEquals("", next.err(), "no route changed");
        return first.err();
    }

    /** Every registry of the lock serves scopes no other does: each is routed its scopes, and none is the default. */
    @Test
    void theFirstFrozenInstallNamesTheLocksRegistriesWithTheCommandsThatAddThemScopesRouted() throws IOException {
        Path project = teamProject();

        String said = firstInstallThenItsHint(project, work.resolve("new-hire"));

        assertEquals("error: no registry configured\nhint: prompd.lock installs from " + acme.fileUrl()
                + " (@acme, @acme-labs) and " + common.fileUrl() + " (@common, @prompd): add them with 'prompd registry"
                + " add acme " + acme.fileUrl() + " --scope @acme --scope @acme-labs' and 'prompd registry add common "
                + common.fileUrl() + " --scope @common --scope @prompd'\n", said);
    }

    /** outdated said only to add some registry, where install names the lock's with the commands that add them. */
    @Test
    void outdatedInAFreshCloneNamesTheLocksRegistriesAsInstallDoes() throws IOException {
        Path project = teamProject();
        Path newHire = work.resolve("new-hire");

        CliRun outdated = prompd(project, newHire, "outdated");
        CliRun install = prompd(project, newHire, "install", "--frozen");

        assertEquals(3, outdated.exitCode(), outdated.err());
        assertEquals(install.err(), outdated.err());
        assertTrue(outdated.err().contains("prompd.lock installs from " + acme.fileUrl()), outdated.err());
    }

    /** The packages of no scope come from the default: the registry serving them is made it. */
    @Test
    void theRegistryOfThePackagesOfNoScopeIsTheDefault() throws IOException {
        Path project = teamProject(", \"glossary\": \"^1.0.0\"");

        String said = firstInstallThenItsHint(project, work.resolve("new-hire"));

        assertEquals("error: no registry configured\nhint: prompd.lock installs from " + acme.fileUrl()
                + " (@acme, @acme-labs) and " + common.fileUrl() + ": add them with 'prompd registry add acme "
                + acme.fileUrl() + " --scope @acme --scope @acme-labs' and 'prompd registry add default "
                + common.fileUrl() + " --default'\n", said);
    }

    /** A registry configured under a scope's name at another URL keeps it: the one to add takes a free name. */
    @Test
    void aRegistryToAddTakesANameNoConfiguredRegistryHas() throws IOException {
        Path project = teamProject();
        Path newHire = work.resolve("new-hire");
        Path elsewhere = new TestRegistry(work.resolve("elsewhere")).publish("other", "1.0.0").root();
        assertEquals(0, prompd(project, newHire, "registry", "add", "acme", elsewhere.toUri().toString())
                .exitCode());

        String said = firstInstallThenItsHint(project, newHire);

        assertTrue(said.contains("'prompd registry add acme-2 " + acme.fileUrl()
                + " --scope @acme --scope @acme-labs'"), said);
    }

    /**
     * Two registries serve packages of no scope, which only the default serves: no configuration installs them all
     * from where the lock has them, which the hint says, with the commands that choose.
     */
    @Test
    void severalRegistriesOfThePackagesOfNoScopeAreSaidNotToHaveOneDefault() throws IOException {
        acme.publish("acme-glossary", "1.0.0");
        Path project = teamProject(", \"glossary\": \"^1.0.0\"");
        CliRun once = prompd(project, work.resolve("lead"), "--registry", "acme", "install", "acme-glossary");
        assertEquals(0, once.exitCode(), once.err());

        CliRun first = prompd(project, work.resolve("new-hire"), "install", "--frozen");

        assertEquals(3, first.exitCode(), first.err());
        assertEquals("error: no registry configured\nhint: prompd.lock installs from " + acme.fileUrl()
                + " (@acme, @acme-labs) and " + common.fileUrl() + " (@common, @prompd): add them with 'prompd registry"
                + " add acme " + acme.fileUrl() + " --scope @acme --scope @acme-labs' and 'prompd registry add common "
                + common.fileUrl() + " --scope @common --scope @prompd'; as more than one of them serves the packages"
                + " of no scope, no one registry can be the default for all of those: make the one to take them from"
                + " the default with 'prompd registry default acme' or 'prompd registry default common'\n",
                first.err());
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

    /** A registry configured is not added again, and what it lacks is routed to it. */
    @Test
    void aRegistryConfiguredIsNotAddedAgainButRoutedWhatItLacks() throws IOException {
        Path project = teamProject();
        Path newHire = work.resolve("new-hire");
        assertEquals(0, prompd(project, newHire, "registry", "add", "acme", acme.fileUrl().toString(),
                "--scope", "@acme").exitCode());

        String said = firstInstallThenItsHint(project, newHire);

        assertEquals("error: no default registry: the configured ones are acme\nhint: prompd.lock installs from "
                + acme.fileUrl() + " (@acme, @acme-labs) and " + common.fileUrl() + " (@common, @prompd): run 'prompd"
                + " registry add acme " + acme.fileUrl() + " --scope @acme-labs' and 'prompd registry add common "
                + common.fileUrl() + " --scope @common --scope @prompd'\n", said);
    }
}
