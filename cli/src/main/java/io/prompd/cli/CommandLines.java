package io.prompd.cli;

import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** The set-up both command lines share: how they read arguments, list exit codes and report failures. */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * Gives the command line its streams, lists the exit codes in the help of every command, and
     * reports a command line that does not parse as a usage error, and a failed command with its
     * message and hint (its stack trace too when {@code verbose} says so). Call it once every
     * subcommand is added.
     */
    public static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err, BooleanSupplier verbose) {
        // Picocli would read '@acme' as a file of arguments when one is named so; here it is a scope.
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        listExitCodes(cli);
        // Picocli asks this mapper for the exit code of a command line it could not parse.
        cli.setExitCodeExceptionMapper(failure -> failure instanceof CommandLine.ParameterException
                ? ExitCode.USAGE.code() : Failures.exitCode(failure).code());
        cli.setParameterExceptionHandler((failure, args) -> Failures.reportUsage(new UsageError(failure.getMessage(),
                failure instanceof UnmatchedArgumentException unmatched ? unmatched.getUnmatched() : List.of(),
                failure instanceof UnmatchedArgumentException unmatched ? unmatched.getSuggestions() : List.of(),
                failure.getCommandLine().getCommandSpec().qualifiedName(), !failure.getCommandLine().getSubcommands().isEmpty()),
                failure.getCommandLine().getErr()));
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) ->
                Failures.report(failure, verbose.getAsBoolean(), commandLine.getErr()));
        return cli;
    }

    private static void listExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
        command.getSubcommands().values().forEach(CommandLines::listExitCodes);
    }
}
