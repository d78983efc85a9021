package io.prompd.client.cli;

import io.prompd.client.config.Settings;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.client.pack.PackService;
import io.prompd.client.scaffold.PackageScaffolder;
import io.prompd.client.scaffold.Scaffold;
import io.prompd.client.scaffold.ScaffoldOptions;
import io.prompd.client.scaffold.ScaffoldWriter;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.problem.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
            "Create a package: prompd.json, README.md, LICENSE and prompts/example.prmd, ready to validate and pack.",
            "With --from, turn prompt files you already have into a package: they are copied under prompts/ with"
                    + " the files they reference, and the packages they reference become dependencies. A package"
                    + " over the limits validate applies (more files, a larger file or more bytes in all than a"
                    + " package may hold) is created all the same, with a warning naming what is over.",
            "Never overwrites a file: a README or license file the folder holds already (README.md, readme.txt,"
                    + " LICENSE.md, LICENSE-MIT, COPYING, ...) is kept as it is in place of init's, and prompd.json's"
                    + " readme names the README kept."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The package folder, created if missing (default: the current folder).")
    Path folder;

    @Option(names = "--name", paramLabel = "NAME", description = "Package name, @scope/name or name (default: the"
            + " folder name in lower-case ASCII, accents off, ß as ss and the like, scoped when its parent folder is"
            + " named @scope; needed for a folder named in other letters, such as Greek or Japanese).")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "One sentence on what the package is for.")
    String description;

    @Option(names = "--author", paramLabel = "AUTHOR", description = "Who wrote it, as 'Name <email>'.")
    String author;

    @Option(names = "--license", paramLabel = "SPDX", description = "License, an SPDX expression (default: MIT).")
    String license;

    @Option(names = "--from", arity = "1..*", paramLabel = "FILE|DIR",
            description = "Prompt files, or folders holding them, to make the package from. It takes every value"
                    + " after it: give DIR before it.")
    List<Path> from = List.of();

    private final PrompdCommand root;

    InitCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        Path target = context.resolve(folder);
        InstalledCopy.requireOutside(target, root.homeToLeaveOut().map(Settings::packagesFolder),
                "to create a package, give init a folder outside it");
        ScaffoldOptions options = new ScaffoldOptions(Optional.ofNullable(name), Optional.ofNullable(description),
                Optional.ofNullable(author), Optional.ofNullable(license));
        PackageScaffolder scaffolder = new PackageScaffolder(context.clock(), root.commands());
        refuseFolderTakenByFrom(context);
        List<Path> sources = new ArrayList<>();
        for (Path source : from) {
            sources.add(context.resolveFolder(source));
        }
        Scaffold scaffold = from.isEmpty()
                ? scaffolder.plan(target, folder, options)
                : scaffolder.planFrom(target, folder, options, sources);
        List<Path> written = ScaffoldWriter.write(target, scaffold);
        // a registry's policy only lowers the default limits, and clients unpack nothing beyond them; a folder given as
        // a link is measured as validate takes it, as the folder it leads to
        List<Problem> overLimits = new PackService(ArchiveLimits.DEFAULT, root.homeToLeaveOut(), root.commands())
                .overLimits(context.resolveFolder(folder));

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("created " + scaffold.name() + " in " + TerminalText.oneLine(target.toString()));
        written.forEach(file -> out.println("  " + target.relativize(file).toString().replace('\\', '/')));
        scaffold.notes().forEach(note -> err.println("note: " + note));
        String folderWord = ShellWords.path(folder.toString());
        warnOverLimits(overLimits, folderWord, root.commands(), err);
        out.println("next: " + (overLimits.isEmpty() ? "" : "bring the package within the limits, then ")
                + root.commands().line("validate " + folderWord) + " && " + root.commands().line("pack " + folderWord));
        return ExitCode.OK.code();
    }

    /**
     * Warns of a package over the limits, as --from makes of more or larger prompt files than a package may hold:
     * validate and pack will refuse it, and would otherwise be advised as the next step. The package is written all
     * the same, as npm init writes what it is given: its prompts work where they are, and leaving files out with
     * "ignore" or moving some into another package is done best in the package itself.
     */
    private static void warnOverLimits(List<Problem> overLimits, String folderWord, SuggestedCommands commands,
                                       PrintWriter err) {
        if (overLimits.isEmpty()) {
            return;
        }
        err.println("warning: the package is over the limits every registry holds packages to, so "
                + commands.quoted("validate " + folderWord) + " and " + commands.quoted("pack " + folderWord)
                + " will refuse it:");
        for (Problem problem : overLimits) {
            err.println("  " + (problem.file().isEmpty() ? "" : TerminalText.path(problem.file()) + ": ")
                    + TerminalText.message(problem.message()));
            if (!problem.hint().isEmpty()) {
                err.println("    hint: " + TerminalText.message(problem.hint()));
            }
        }
    }

    /**
     * {@code prompd init --from a.prmd my-pkg} gives my-pkg to --from, which takes every value after
     * it, so the package would land in the current folder. When that last value does not exist and
     * no folder was given, that is what happened: say how to write it instead.
     */
    private void refuseFolderTakenByFrom(CliContext context) {
        boolean folderGiven = !spec.positionalParameters().get(0).originalStringValues().isEmpty();
        if (from.isEmpty() || folderGiven) {
            return;
        }
        Path last = from.get(from.size() - 1);
        if (!Files.exists(context.resolve(last))) {
            String shown = TerminalText.oneLine(last.toString());
            throw new PrompdException(ExitCode.USAGE, "--from took '" + shown + "' as a file to import, and there is"
                    + " none", "--from takes every value after it: to create the package in " + shown + ", name it"
                    + " first, as in " + root.commands().quoted("init " + ShellWords.path(last.toString())
                    + " --from ..."));
        }
    }
}
