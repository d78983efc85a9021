package io.prompd.client.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.Failures;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code prompd} command: the entry point of the client. */
@Command(
        name = "prompd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Create, validate and pack prompt packages; install them from a Prompd registry.",
        subcommands = {CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class PrompdCommand implements Runnable {

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
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line with its output streams, exit codes and error handling set up; tests call this too. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        PrompdCommand root = new PrompdCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        cli.setExitCodeExceptionMapper(failure -> Failures.exitCode(failure).code());
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) ->
                Failures.report(failure, root.verbose, commandLine.getErr()));
        return cli;
    }
}
