package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prompd commands the hints suggest carry the {@code --registry} the run was given, as they carry its
 * {@code --home} ({@link HomeInSuggestedCommandsTest}): without it, {@code 'prompd info extra-pkg'} pasted after
 * {@code prompd --registry other info extra-pkg@2} listed the default registry's versions, not other's. A registry
 * {@code PROMPD_REGISTRY} or the configured default chose is not named: the command pasted finds it again.
 */
class RegistryInSuggestedCommandsTest extends InstallCommandsFixture {

    /** Another registry than the default, with a package the default has not. */
    private String other;

    private void addRegistries() throws IOException {
        TestRegistry extra = new TestRegistry(work.resolve("other")).publish("extra-pkg", "1.0.0");
        other = extra.fileUrl().toString();
        assertEquals(0, CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default")
                .exitCode());
        assertEquals(0, CliRun.in(project, home, "registry", "add", "other", other).exitCode());
    }

    @Test
    void theVersionsToChooseAmongAreListedFromTheRegistryGiven() throws IOException {
        addRegistries();

        CliRun byName = CliRun.in(project, home, "--registry", "other", "info", "extra-pkg@2");
        CliRun byUrl = CliRun.in(project, home, "info", "extra-pkg@2", "--registry", other);

        assertEquals(3, byName.exitCode(), byName.err());
        assertTrue(byName.err().endsWith("\nhint: 'prompd --registry other info extra-pkg' lists its versions\n"),
                byName.err());
        assertEquals(3, byUrl.exitCode(), byUrl.err());
        assertTrue(byUrl.err().endsWith("\nhint: 'prompd --registry " + other + " info extra-pkg' lists its"
                + " versions\n"), byUrl.err());
    }

    @Test
    void aRegistryTheVariableOrTheDefaultChoseIsNotNamed() throws IOException {
        addRegistries();

        CliRun byDefault = CliRun.in(project, home, "info", "@acme/util@7");
        CliRun byVariable = CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", "other"), "info", "extra-pkg@2");

        assertTrue(byDefault.err().endsWith("\nhint: 'prompd info @acme/util' lists its versions\n"), byDefault.err());
        assertTrue(byVariable.err().endsWith("\nhint: 'prompd info extra-pkg' lists its versions\n"),
                byVariable.err());
    }

    @Test
    void anUpdateRefusingChangedBytesSaysToInstallFromTheRegistryGiven() throws IOException {
        String url = server.url().toString();
        assertEquals(0, CliRun.in(project, home, "--registry", url, "install", "@acme/util").exitCode());
        registry.addToTarball("@acme/util", "1.1.0", "package/NOTICE", "changed\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.in(project, home, "--registry", url, "update");

        assertEquals(6, run.exitCode(), run.err());
        assertTrue(run.err().contains("run 'prompd --registry " + url + " install' to lock what the registry lists"),
                run.err());
    }

    /** login names its own registry, and prompd refuses the option given twice. */
    @Test
    void aCommandNamingItsOwnRegistryIsNotGivenTheRunsToo() throws IOException {
        addRegistries();
        assertEquals(0, CliRun.in(project, home, "login", "--registry", "main", "--token-env", "MAIN_TOKEN")
                .exitCode());

        CliRun run = CliRun.in(project, home, "--registry", "main", "info", "@acme/util");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("\nhint: set the variable, or run 'prompd login --registry main' to store a"
                + " token instead\n"), run.err());
    }
}
