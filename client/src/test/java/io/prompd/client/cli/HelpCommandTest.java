package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.HelpText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code prompd help} as a user types it: the help of the command named, at any depth, or a usage error. */
class HelpCommandTest {

    @TempDir
    Path work;

    private CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    /** Every command's help, the root's first, each before its subcommands'. */
    private static List<CommandLine> commands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().stream().distinct().forEach(subcommand -> all.addAll(commands(subcommand)));
        return all;
    }

    @Test
    void everyExampleCommandLineIsOneLineOfTheHelpAndTheConfigSetOnesWorkPastedInOrder() {
        CommandLine root = PrompdCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), CliRun.context(Map.of(), work, work, new byte[0]));
        List<String> examples = new ArrayList<>();
        for (CommandLine command : commands(root)) {
            String name = command.getCommandSpec().qualifiedName(" ");
            List<String> help = prompd((name.substring("prompd".length()).strip() + " --help").strip().split(" "))
                    .out().lines().toList();
            for (String line : command.getCommandSpec().usageMessage().description()) {
                if (line.matches("\\s*(Examples?: )?prompd .*")) {
                    assertTrue(help.contains(line), name + ": the example '" + line + "' is broken in the help:\n"
                            + String.join("\n", help));
                    examples.add(line.strip());
                }
            }
        }
        assertTrue(examples.contains("prompd config set scopes.@acme acme"), examples.toString());

        for (String example : examples.stream().filter(line -> line.startsWith("prompd config set ")).toList()) {
            CliRun run = prompd(example.substring("prompd ".length()).split(" "));
            assertEquals(0, run.exitCode(), example + ": " + run.err());
        }
    }

    /**
     * A command named that does not exist is a usage error with --help as without: picocli, help asked for, leaves the
     * arguments unchecked and printed the root's help, exit 0, as if a search command answered.
     */
    @Test
    void helpOfACommandThatDoesNotExistIsAUsageErrorNamingIt() {
        CliRun unknown = prompd("frobnicate", "--help");
        CliRun misspelt = prompd("instal", "--help");
        CliRun unknownBelow = prompd("cache", "frob", "--help");

        assertEquals(2, unknown.exitCode(), unknown.out());
        assertEquals("", unknown.out());
        assertEquals("error: unknown command 'frobnicate'\nhint: 'prompd --help' lists the commands\n", unknown.err());
        assertEquals(2, misspelt.exitCode(), misspelt.out());
        assertEquals("error: unknown command 'instal'\nhint: did you mean install? see 'prompd --help'\n",
                misspelt.err());
        assertEquals(2, unknownBelow.exitCode(), unknownBelow.out());
        assertTrue(unknownBelow.err().startsWith("error: unknown command 'frob'\n"), unknownBelow.err());
        assertEquals(0, prompd("install", "--help").exitCode());
        assertEquals(0, prompd("cache", "--help").exitCode());
    }

    /** Every command's help says --verbose lists the requests too, which prompd-registry's does not. */
    @Test
    void everyHelpSaysVerboseListsEachRequest() {
        CommandLine root = PrompdCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), CliRun.context(Map.of(), work, work, new byte[0]));

        for (CommandLine command : commands(root)) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(help.replaceAll("\\s+", " ").contains("-v, --verbose Show stack traces and more detail on"
                    + " errors, and each request to a registry as it ends."),
                    command.getCommandSpec().qualifiedName() + ":\n" + help);
        }
    }

    /** Picocli breaks a line after a dot before a letter, and "prompd." then "lock" reads out as two words. */
    @Test
    void noHelpSplitsAWordAtAnyWidth() {
        CommandLine root = PrompdCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), CliRun.context(Map.of(), work, work, new byte[0]));

        assertEquals(List.of(), HelpText.splitWordsAtAnyWidth(root::setUsageHelpWidth, () -> commands(root).stream()
                .collect(Collectors.toMap(command -> command.getCommandSpec().qualifiedName(),
                        command -> command.getUsageMessage(CommandLine.Help.Ansi.OFF)))));
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

    /**
     * The list of environment variables is laid out by hand in 80 columns, the help's width where COLUMNS is not set
     * (piped): a line longer wrapped its end to the start of the next line, out of the list's indentation.
     */
    @Test
    void everyLineOfTheEnvironmentListKeepsItsIndentationAtEightyColumns() {
        CliRun help = prompd("--help");

        assertEquals(0, help.exitCode(), help.err());
        String environment = help.out().substring(help.out().indexOf("Environment:") + "Environment:".length());
        List<String> unindented = environment.lines().filter(line -> !line.isEmpty() && !line.startsWith("  "))
                .toList();
        assertEquals(List.of(), unindented, help.out());
    }

    /** COLUMNS, which progress lines are cut to, sets the width of the help too, within 55 to 120 columns. */
    @Test
    void helpIsAsWideAsColumnsSaysAndNoNarrowerThanFiftyFive() {
        for (int columns : new int[] {50, 70, 100, 200}) {
            CliRun run = CliRun.in(work, work.resolve("home"), "", Map.of("COLUMNS", Integer.toString(columns)),
                    "pack", "--help");

            assertEquals(0, run.exitCode(), run.err());
            int longest = run.out().lines().mapToInt(String::length).max().orElseThrow();
            int width = Math.max(55, Math.min(120, columns));
            assertTrue(longest <= width && longest > width - 15, columns + ": " + longest + "\n" + run.out());
        }
    }
}
