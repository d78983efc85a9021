package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestedCommandsTest {

    @Test
    void aCommandWithoutAHomeIsSpeltAsTyped() {
        assertEquals("'prompd registry add work URL'", SuggestedCommands.PLAIN.quoted("registry add work URL"));
        assertEquals("prompd validate .", SuggestedCommands.PLAIN.line("validate ."));
    }

    /** The home goes before the subcommand, as --home is the root's option, and shell-quoted, as every path is. */
    @Test
    void aHomeGivenIsNamedQuotedBeforeTheSubcommand() {
        SuggestedCommands commands = new SuggestedCommands(Optional.of(Path.of("/srv/my homes/work")),
                Optional.empty());

        assertEquals("'prompd --home '/srv/my homes/work' login --registry auth'",
                commands.quoted("login --registry auth"));
        assertEquals("prompd --home /srv/ci/home install",
                new SuggestedCommands(Optional.of(Path.of("/srv/ci/home")), Optional.empty()).line("install"));
    }

    /** A command pasted in another folder acts on the same home. */
    @Test
    void theHomeIsNamedAbsolute() {
        SuggestedCommands commands = new SuggestedCommands(Optional.of(Path.of("homes/../work")), Optional.empty());

        assertEquals("prompd --home " + Path.of("work").toAbsolutePath() + " list", commands.line("list"));
    }

    /** A registry --registry gave follows the home, quoted; a command naming its own keeps that one alone. */
    @Test
    void aRegistryGivenIsNamedUnlessTheCommandGivesItsOwn() {
        SuggestedCommands commands = new SuggestedCommands(Optional.of(Path.of("/srv/ci/home")),
                Optional.of("file:///srv/my registry/"));

        assertEquals("'prompd --home /srv/ci/home --registry 'file:///srv/my registry/' info extra-pkg'",
                commands.quoted("info extra-pkg"));
        assertEquals("prompd --home /srv/ci/home login --registry auth", commands.line("login --registry auth"));
        assertEquals("prompd --registry other install", new SuggestedCommands(Optional.empty(), Optional.of("other"))
                .line("install"));
    }

    /** Editing the configuration asks no registry, so the run's is left out, where the home stays. */
    @Test
    void aCommandAskingNoRegistryIsNotGivenTheRunsOne() {
        SuggestedCommands commands = new SuggestedCommands(Optional.of(Path.of("/srv/ci/home")), Optional.of("other"));

        assertEquals("prompd --home /srv/ci/home config set registries.work URL",
                commands.line("config set registries.work URL"));
        assertEquals("prompd --home /srv/ci/home registry add NAME URL --scope @acme",
                commands.line("registry add NAME URL --scope @acme"));
        assertEquals("prompd --home /srv/ci/home init", commands.line("init"));
        assertEquals("prompd --home /srv/ci/home --registry other info registry", commands.line("info registry"));
    }
}
