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
        SuggestedCommands commands = new SuggestedCommands(Optional.of(Path.of("/srv/my homes/work")));

        assertEquals("'prompd --home '/srv/my homes/work' login --registry auth'",
                commands.quoted("login --registry auth"));
        assertEquals("prompd --home /srv/ci/home install", new SuggestedCommands(Optional.of(Path.of("/srv/ci/home")))
                .line("install"));
    }

    /** A command pasted in another folder acts on the same home. */
    @Test
    void theHomeIsNamedAbsolute() {
        SuggestedCommands commands = new SuggestedCommands(Optional.of(Path.of("homes/../work")));

        assertEquals("prompd --home " + Path.of("work").toAbsolutePath() + " list", commands.line("list"));
    }
}
