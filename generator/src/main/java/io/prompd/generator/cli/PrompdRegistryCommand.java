package io.prompd.generator.cli;

import io.prompd.cli.CommandLines;
import io.prompd.cli.HelpCommand;
import io.prompd.cli.Terminal;
import io.prompd.cli.VerboseOption;
import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code prompd-registry} command: the entry point of the generator, run by a registry's CI. */
@Command(
        name = "prompd-registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check pull requests to a Prompd registry repository and build the static registry from it.",
        subcommands = {HelpCommand.class, CheckCommand.class, BuildCommand.class, ServeCommand.class})
public final class PrompdRegistryCommand implements Runnable {

    /** The generator reaches no registry and downloads nothing, so it has no network or integrity failures. */
    private static final Set<ExitCode> EXIT_CODES =
            Set.of(ExitCode.OK, ExitCode.FAILURE, ExitCode.USAGE, ExitCode.NOT_FOUND, ExitCode.CONFLICT,
                    ExitCode.NOTHING_TO_DO);

    private static final long PACK_CACHE_BYTES = 1L << 30;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    // picocli binds the copy every subcommand inherits to this one field
    @CommandLine.Option(names = {VerboseOption.SHORT_NAME, VerboseOption.NAME}, scope = CommandLine.ScopeType.INHERIT,
            description = VerboseOption.ON_ERRORS + ".")
    private boolean verbose;

    private final CliContext context;

    private PrompdRegistryCommand(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The world the command runs in, for the subcommands that read it. */
    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw CommandLines.subcommandRequired(spec);
    }

    public static void main(String[] args) {
        readWholePacksFromMemoryMaps();
        PrintWriter out = Terminal.standardOutput();
        PrintWriter err = Terminal.utf8(System.err);
        // the one place the generator reads the process's environment, working folder and clock: commands take them
        // from the context
        int exitCode = commandLine(out, err, new CliContext(System.getenv(), Terminal.isStandardError(),
                Path.of("").toAbsolutePath(), Clock.systemUTC()))
                .execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /**
     * A build reads every version of the registry, in no particular order of the pack file. JGit's
     * default cache of 10 MiB of pack data on the heap thrashes once the pack is larger than
     * that (a registry of 20,000 versions has about 20 MiB); memory-mapped windows with a high
     * limit keep the whole pack mapped, off the heap, for this short-lived process. The setting is
     * JGit's for the whole JVM, so only the process's entry point makes it: a test running commands
     * in its own JVM keeps JGit's default, whatever ran before it.
     */
    private static void readWholePacksFromMemoryMaps() {
        WindowCacheConfig cache = new WindowCacheConfig();
        cache.setPackedGitMMAP(true);
        cache.setPackedGitLimit(PACK_CACHE_BYTES);
        cache.install();
    }

    /**
     * The command line with its output streams, context, exit codes and error handling set up; tests call this too.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context) {
        PrompdRegistryCommand root = new PrompdRegistryCommand(context);
        return CommandLines.configure(new CommandLine(root), out, err, () -> root.verbose, EXIT_CODES,
                context.environment());
    }

    /** The command line run in a pipe, with no variables ({@link CliContext#PIPED}), as most tests want it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CliContext.PIPED);
    }
}
