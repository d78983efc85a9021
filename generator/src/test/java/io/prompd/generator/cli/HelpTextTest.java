package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.HelpText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /** Picocli breaks a line after a dot before a letter, and "registry." then "json" reads out as two words. */
    @Test
    void noHelpSplitsAWordAtAnyWidth() {
        CommandLine root = PrompdRegistryCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        assertEquals(List.of(), HelpText.splitWordsAtAnyWidth(root::setUsageHelpWidth, () -> helps(root)));
    }

    /** prompd-registry asks no registry for anything: its help promises no line for each request as prompd's does. */
    @Test
    void everyHelpSaysVerboseShowsMoreOnErrorsAlone() {
        CommandLine root = PrompdRegistryCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        helps(root).forEach((name, help) -> assertTrue(help.replaceAll("\\s+", " ")
                .contains("-v, --verbose Show stack traces and more detail on errors. "), name + ":\n" + help));
    }

    /** The help of the command and of each of its subcommands, at any depth, by name. */
    private static Map<String, String> helps(CommandLine command) {
        Map<String, String> helps = new TreeMap<>(Map.of(command.getCommandSpec().qualifiedName(),
                command.getUsageMessage(CommandLine.Help.Ansi.OFF)));
        command.getSubcommands().values().forEach(subcommand -> helps.putAll(helps(subcommand)));
        return helps;
    }
}
