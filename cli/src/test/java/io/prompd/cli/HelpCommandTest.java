package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class HelpCommandTest {

    @Command(name = "tool", subcommands = {HelpCommand.class, Group.class})
    static final class Tool implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "group", subcommands = Member.class)
    static final class Group implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "member", description = "A member of the group.")
    static final class Member implements Runnable {
        @Override
        public void run() {
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CommandLines.configure(new CommandLine(new Tool()), new PrintWriter(out, true),
                new PrintWriter(err, true), () -> false, Set.of(ExitCode.OK, ExitCode.USAGE), Map.of());
        return cli.execute(args);
    }

    @Test
    void showsTheHelpOfTheSubcommandTheWordsName() {
        assertEquals(0, run("help", "group", "member"));
        assertTrue(out.toString().replace(System.lineSeparator(), "\n").startsWith(
                "Usage: tool group member\nA member of the group.\n"), out.toString());
    }

    @Test
    void aWordNamingNoSubcommandAtAnyDepthIsAUsageErrorWithASuggestion() {
        assertEquals(2, run("help", "grup"));
        assertEquals("error: unknown command 'grup'\nhint: did you mean group? see 'tool --help'\n",
                err.toString().replace(System.lineSeparator(), "\n"));

        err.getBuffer().setLength(0);
        assertEquals(2, run("help", "group", "membr"));
        assertEquals("error: unknown command 'membr'\nhint: did you mean member? see 'tool group --help'\n",
                err.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", out.toString());
    }
}
