package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.testing.HelpText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /** Picocli breaks a line after a dot before a letter, and "registry." then "json" reads out as two words. */
    @Test
    void noHelpSplitsAFileNameAtItsDotAtTheDefaultWidth() {
        CommandLine root = PrompdRegistryCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        root.setUsageHelpWidth(80);
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(root));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            assertEquals(List.of(), HelpText.splitFileNames(command.getUsageMessage(CommandLine.Help.Ansi.OFF)),
                    command.getCommandSpec().qualifiedName());
            commands.addAll(command.getSubcommands().values());
        }
    }
}
