package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prompd commands the hints and notes suggest carry the {@code --home} the run was given, so that pasted they act
 * on the same home: without it, {@code prompd registry add} wrote the default home's config.json and {@code prompd
 * login} stored a secret there. A home {@code PROMPD_HOME} chose is not named: the shell the command is pasted into
 * passes the variable on to it.
 */
class HomeInSuggestedCommandsTest extends InstallCommandsFixture {

    /** A home given with --home, its path holding a space, as the tester's did: the option names it quoted. */
    private Path given;
    /** {@code prompd --home '…/my homes/work'}, as a suggested command starts. */
    private String prompd;

    @BeforeEach
    void aHomeOfItsOwn() throws IOException {
        given = Files.createDirectories(work.resolve("my homes/work"));
        prompd = "prompd --home '" + given + "'";
    }

    /** prompd run in the project with {@code --home} naming {@link #given}, $PROMPD_HOME naming another. */
    private CliRun atGivenHome(String... args) {
        return in(project, args);
    }

    private CliRun in(Path folder, String... args) {
        List<String> withHome = new ArrayList<>(List.of("--home", given.toString()));
        withHome.addAll(List.of(args));
        return CliRun.in(folder, home, "", Map.of("PROMPD_REGISTRY", server.url().toString()),
                withHome.toArray(String[]::new));
    }

    @Test
    void aDefaultRegistryNotConfiguredIsToBeAddedToTheHomeGiven() throws IOException {
        Files.writeString(given.resolve("config.json"), "{\"registry\": \"work\"}\n");

        CliRun run = CliRun.in(project, home, "--home", given.toString(), "registry", "list");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("(add it with '" + prompd + " registry add work URL', name a configured"
                + " registry with '" + prompd + " config set registry NAME', or drop the reference with '" + prompd
                + " config unset registry'"), run.err());
    }

    /** $PROMPD_HOME is passed on to a command pasted into the same shell, so the command does not repeat it. */
    @Test
    void aHomeTheVariableChoseIsNotNamed() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), "{\"registry\": \"work\"}\n");

        CliRun run = CliRun.in(project, home, "registry", "list");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("(add it with 'prompd registry add work URL', name a configured registry with"
                + " 'prompd config set registry NAME', or drop the reference with 'prompd config unset registry')"),
                run.err());
    }

    /** Pasted without --home, the login stored the secret in the default home, which the run never reads. */
    @Test
    void anUnsetVariablesLoginIsForTheHomeGiven() {
        assertEquals(0, atGivenHome("registry", "add", "work", server.url().toString(), "--default").exitCode());
        assertEquals(0, atGivenHome("login", "--registry", "work", "--token-env", "WORK_TOKEN").exitCode());

        CliRun run = CliRun.in(project, home, "--home", given.toString(), "info", "@acme/base");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("\nhint: set the variable, or run '" + prompd + " login --registry work' to store"
                + " a token instead\n"), run.err());
    }

    @Test
    void theCommandsOfferedOutsideAProjectAreForTheHomeGiven() throws IOException {
        CliRun run = in(Files.createDirectories(work.resolve("elsewhere")), "install");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("\nhint: run this in a project folder, or make this one a project by writing a"
                + " prompd.json holding {\"name\": \"elsewhere\", \"version\": \"1.0.0\"}, each field on a line of"
                + " its own ('" + prompd + " init' scaffolds a package to publish instead); without a project, '"
                + prompd + " install --global' installs into the store and '" + prompd + " list --installed' lists"
                + " it\n"), run.err());
    }

    @Test
    void theInstallThatBringsAProjectInLineIsForTheHomeGiven() throws IOException {
        editDependencies("\"@acme/util\": \"^1.0.0\"");

        CliRun run = atGivenHome("list");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("@acme/util ^1.0.0  (not locked: run '" + prompd + " install')\n", run.out());
        assertTrue(run.err().contains("hint: run '" + prompd + " install' to lock and install it"), run.err());
    }

    @Test
    void theRegistrysHintsAreForTheHomeGiven() {
        CliRun run = atGivenHome("install", "@acme/gretter");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("otherwise, if @acme's packages are in another registry, route @acme to it with '"
                + prompd + " config set scopes.@acme NAME' or '" + prompd + " registry add NAME URL --scope @acme'"),
                run.err());
    }

    @Test
    void theStoresHintsAreForTheHomeGiven() {
        CliRun run = atGivenHome("uninstall", "--global", "@acme/util");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("\nhint: '" + prompd + " list --installed' lists the store\n"), run.err());
    }

    /** The validation's hints come from the rules the registry's check applies too, which name no home. */
    @Test
    void validatesHintsAreForTheHomeGiven() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"description\": \"An app\", \"license\": \"MIT\"}\n");
        Files.createDirectories(project.resolve("prompts"));
        Files.writeString(project.resolve("prompts/greet.prmd"), """
                ---
                id: greet
                inherits: "@acme/base@^1.0.0/prompts/base.prmd"
                ---
                Say hello.
                """);

        CliRun run = atGivenHome("validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("then run '" + prompd + " install', which tells whether the registry has such a"
                + " version"), run.out());
    }

    @Test
    void initsNextStepsAreForTheHomeGiven() {
        CliRun run = in(work, "init", "my-prompts");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("\nnext: " + prompd + " validate my-prompts && " + prompd + " pack my-prompts\n"),
                run.out());
    }
}
