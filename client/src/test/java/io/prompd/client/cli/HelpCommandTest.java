package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prompd help} as a user types it: the help of the command named, at any depth, or a usage error. */
class HelpCommandTest {

    @TempDir
    Path work;

    private CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    @Test
    void aMisspelledCommandAfterHelpIsTheUsageErrorItIsAlone() {
        CliRun help = prompd("help", "instal");

        assertEquals(2, help.exitCode(), help.err());
        assertEquals("", help.out());
        assertEquals("error: unknown command 'instal'\nhint: did you mean install? see 'prompd --help'\n",
                help.err().replace(System.lineSeparator(), "\n"));
        assertEquals(prompd("instal").err(), help.err());
    }

    @Test
    void aMisspelledSubcommandAfterHelpIsAUsageErrorWithItsSuggestion() {
        CliRun help = prompd("help", "config", "lst");

        assertEquals(2, help.exitCode(), help.err());
        assertEquals("", help.out());
        assertEquals("error: unknown command 'lst'\nhint: did you mean list? see 'prompd config --help'\n",
                help.err().replace(System.lineSeparator(), "\n"));
        assertEquals(prompd("config", "lst").err(), help.err());
    }

    @Test
    void aWordAfterACommandWithoutSubcommandsIsAUsageError() {
        CliRun help = prompd("help", "install", "lst");

        assertEquals(2, help.exitCode(), help.err());
        assertEquals("error: unexpected argument 'lst'\nhint: see 'prompd install --help'\n",
                help.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void helpShowsTheHelpOfTheCommandNamedAtAnyDepth() {
        CliRun nested = prompd("help", "config", "list");
        assertEquals(0, nested.exitCode(), nested.err());
        assertEquals(prompd("config", "list", "--help").out(), nested.out());
        assertTrue(nested.out().startsWith("Usage: prompd config list "), nested.out());

        CliRun root = prompd("help");
        assertEquals(0, root.exitCode(), root.err());
        assertEquals(prompd("--help").out(), root.out());
    }
}
