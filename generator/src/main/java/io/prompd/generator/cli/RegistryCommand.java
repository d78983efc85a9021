package io.prompd.generator.cli;

import io.prompd.cli.CommandLines;
import io.prompd.cli.Terminal;
import io.prompd.cli.VerboseOption;
import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code prompd-registry} command: the entry point of the generator, run by a registry's CI. */
@Command(
        name = "prompd-registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check pull requests to a Prompd registry repository and build the static registry from it.",
        subcommands = {CommandLine.HelpCommand.class, CheckCommand.class, BuildCommand.class, ServeCommand.class})
public final class RegistryCommand implements Runnable {

    /** The generator reaches no registry and downloads nothing, so it has no network or integrity failures. */
    private static final Set<ExitCode> EXIT_CODES =
            Set.of(ExitCode.OK, ExitCode.FAILURE, ExitCode.USAGE, ExitCode.NOT_FOUND, ExitCode.CONFLICT);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private VerboseOption verbose;

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
        return CommandLines.configure(new CommandLine(root), out, err, root.verbose::isOn, EXIT_CODES);
    }
}
