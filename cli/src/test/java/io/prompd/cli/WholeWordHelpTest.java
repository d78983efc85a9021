package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class WholeWordHelpTest {

    private static final String EXIT_CODES = "\nExit codes:\n  0   Success.\n";

    @Command(name = "tool", description = "Both tools read the manifest and the lock file, prompd.lock")
    static final class Tool implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "long",
            description = "Its registry: https://registry.example.org/a/very/long/path/to/its/index.json as written")
    static final class LongWord implements Runnable {
        @Override
        public void run() {
        }
    }

    private static String help(Object command) {
        CommandLine cli = CommandLines.configure(new CommandLine(command), new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), () -> false, Set.of(ExitCode.OK), Map.of("COLUMNS", "55"));
        return cli.getUsageMessage(CommandLine.Help.Ansi.OFF).replace(System.lineSeparator(), "\n");
    }

    /** Picocli broke the line after "prompd.", where it ends at the 55th column, and "lock" went to the next. */
    @Test
    void aFileNameIsNotSplitAtItsDot() {
        assertEquals("Usage: tool\nBoth tools read the manifest and the lock file,\nprompd.lock\n" + EXIT_CODES,
                help(new Tool()));
    }

    /**
     * A word wider than the whole line starts a line of its own, which is cut at its edge, as picocli cuts one, and
     * the text goes on after it; picocli had broken it at its dots before.
     */
    @Test
    void aWordWiderThanTheLineStartsALineAndIsCutAtItsEdge() {
        assertEquals("Usage: long\nIts registry:\nhttps://registry.example.org/a/very/long/path/to/its/in\n"
                + "dex.json as written\n" + EXIT_CODES, help(new LongWord()));
    }
}
