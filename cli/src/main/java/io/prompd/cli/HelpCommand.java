package io.prompd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code help [COMMAND...]}: the help of the command the words name, at any depth ({@code help config set}). A word
 * naming no subcommand is the usage error the same word gets typed as a command, with its suggestion: picocli's own
 * help command reads one word only, calls a misspelled one an unknown subcommand without suggesting any, and, help
 * being asked for, lets every word after the first pass unread with exit code 0.
 */
@Command(name = "help", header = "Display help information about the specified command.",
        synopsisHeading = "%nUsage: ", helpCommand = true,
        description = {"%nWhen no COMMAND is given, the usage help for the main command is displayed.",
            "If a COMMAND is specified, the help for that command is shown.%n"})
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true,
            description = "Show usage help for the help command and exit.")
    private boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The COMMAND, and its subcommands, to display the usage help message for.")
    private List<String> commands = List.of();

    private CommandLine self;
    private ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine shown = self.getParent();
        for (String word : commands) {
            CommandLine named = shown.getSubcommands().get(word);
            if (named == null) {
                throw new UnmatchedArgumentException(shown, List.of(word));
            }
            shown = named;
        }
        shown.usage(out, colorScheme);
        return shown.getCommandSpec().exitCodeOnUsageHelp();
    }
}
