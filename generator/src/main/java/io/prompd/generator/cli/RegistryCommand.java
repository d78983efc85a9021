package io.prompd.generator.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.Failures;
import io.prompd.core.Terminal;
import io.prompd.core.UsageError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code prompd-registry} command: the entry point of the generator, run by a registry's CI. */
@Command(
        name = "prompd-registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check pull requests to a Prompd registry repository and build the static registry from it.",
        subcommands = {CommandLine.HelpCommand.class, CheckCommand.class, BuildCommand.class, ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class RegistryCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Inherited by every subcommand; picocli binds the inherited copies to this one field. */
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and more detail on errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        PrintWriter out = Terminal.utf8(System.out);
        PrintWriter err = Terminal.utf8(System.err);
        int exitCode = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The command line with its output streams, exit codes and error handling set up; tests call this too. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        RegistryCommand root = new RegistryCommand();
        CommandLine cli = new CommandLine(root);
        // Picocli would read '@acme' as a file of arguments when one is named so; here it is a scope.
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        cli.setParameterExceptionHandler((failure, args) -> Failures.reportUsage(new UsageError(failure.getMessage(),
                failure instanceof UnmatchedArgumentException unmatched ? unmatched.getUnmatched() : List.of(),
                failure instanceof UnmatchedArgumentException unmatched ? unmatched.getSuggestions() : List.of(),
                failure.getCommandLine().getCommandSpec().qualifiedName(), !failure.getCommandLine().getSubcommands().isEmpty()),
                failure.getCommandLine().getErr()));
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) ->
                Failures.report(failure, root.verbose, commandLine.getErr()));
        return cli;
    }
}
