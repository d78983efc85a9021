package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import io.prompd.cli.JsonOption;
import io.prompd.cli.ReaderGoneTolerantStream;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.client.pack.PackOutcome;
import io.prompd.client.pack.PackService;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackResult;
import io.prompd.core.json.Json;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {
            "Validate a package and write it as a reproducible gzip tarball: the same folder always"
                    + " gives the same bytes.",
            "Prints the file name, its size, the number of files and the sha512 integrity the registry will record.",
            "With --out -, writes the tarball to standard output, as tar -f - does, and prints the rest on stderr.",
            "With --json, validate --json's object {ok, name, version, files, problems}, the warnings among the"
                    + " problems, and for the tarball file, size, fileCount, unpackedSize and integrity; a package"
                    + " with errors packs nothing and gives that object with ok false and no tarball fields."})
final class PackCommand implements Callable<Integer> {

    /** --out's word for standard output, as tar -f and curl -o take it. */
    private static final String STANDARD_OUTPUT = "-";

    @Spec
    CommandSpec spec;

    @Mixin
    PackageFolderParameter folder;

    /** A path to picocli, whose completion script then completes file names for it; {@link #typedOut} as typed. */
    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Where to write the tarball, in a folder that exists; an existing folder, or a path ending in"
                    + " '/' (created when missing), gets scope-name-version.tgz (default: that name in the current"
                    + " folder, or at the package's root when the current folder lies inside the package). '-' is"
                    + " standard output, never a terminal and not with --json; ./- names a file '-'.")
    Path out;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    PackCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        Optional<String> typedOut = typedOut();
        if (typedOut.filter(String::isBlank).isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is empty: give a file or a folder for"
                    + " the tarball, or leave the option out to write it in the current folder");
        }
        SuggestedCommands commands = root.commands();
        boolean toStandardOutput = typedOut.filter(STANDARD_OUTPUT::equals).isPresent();
        if (toStandardOutput) {
            requireBinaryStandardOutput(context, commands);
        }
        Path packageFolder = folder.existing(context, commands);
        // Inside the package, only its root is a place that the next pack leaves out.
        Path defaultFolder = context.workingDirectory().startsWith(packageFolder) ? packageFolder
                : context.workingDirectory();
        PackService service = new PackService(ArchiveLimits.DEFAULT, root.homeToLeaveOut(), commands,
                folder.steps(context, packageFolder, InstalledCopy.holding(packageFolder,
                        root.packagesToLeaveOut()), commands));
        PackOutcome outcome;
        if (toStandardOutput) {
            OutputStream stdout = new ReaderGoneTolerantStream(context.stdout());
            outcome = service.pack(packageFolder, stdout);
            stdout.flush();
        } else {
            outcome = service.pack(packageFolder, typedOut.map(typed -> target(context, typed))
                    .orElse(PackService.Target.folder(defaultFolder)));
        }
        PrintWriter err = spec.commandLine().getErr();
        ValidateCommand.noteRepaired(outcome.repaired(), err);
        outcome.tarball().ifPresent(tarball -> noteLeftovers(tarball, err));
        if (output.isJson()) {
            // as validate --json: the problems on stdout for a script, the reason it stopped on stderr
            spec.commandLine().getOut().print(Json.writeString(asJson(outcome)) + "\n");
            if (outcome.tarball().isEmpty()) {
                err.println("error: nothing was packed; fix the errors " + commands.quoted(folder.arguments("validate"))
                        + " lists and run " + commands.quoted(again(typedOut)) + " again");
                return ExitCode.FAILURE.code();
            }
            return ExitCode.OK.code();
        }
        if (!outcome.report().problems().isEmpty()) {
            // a loop packing many packages shows on stderr which one each warning is of
            err.print(ValidateCommand.asText(outcome.report(), folder.shown(context, packageFolder)));
        }
        if (outcome.tarball().isEmpty()) {
            err.println("error: nothing was packed; fix the errors above and run " + commands.quoted(again(typedOut))
                    + " again");
            return ExitCode.FAILURE.code();
        }
        // with the tarball on stdout, the summary is no part of it
        (toStandardOutput ? err : spec.commandLine().getOut()).print(asText(outcome.tarball().get()));
        return ExitCode.OK.code();
    }

    /**
     * --out - writes bytes only where they can go: not with --json, whose object wants stdout too, and not to a
     * terminal, which they would garble, as gzip refuses.
     */
    private void requireBinaryStandardOutput(CliContext context, SuggestedCommands commands) {
        if (output.isJson()) {
            throw CommandLines.notTogether(List.of("--out -", "--json"), "both write to standard output",
                    "give --out a file or a folder to keep --json, or leave --json out for the tarball alone on"
                            + " standard output");
        }
        if (context.stdoutIsTerminal()) {
            throw new PrompdException(ExitCode.USAGE, "refusing to write the tarball to standard output, a terminal:"
                    + " its compressed bytes would garble it", "redirect it to a file or a pipe, as in "
                    + commands.quoted(again(Optional.of(STANDARD_OUTPUT)) + " | tar -tzf -")
                    + ", or give --out a file or a folder");
        }
    }

    /**
     * This pack's arguments as the user may paste it again where they ran it: the folder and --out as given, '-' as
     * it is, which {@link ShellWords#path} would make the file ./-.
     */
    private String again(Optional<String> typedOut) {
        return folder.arguments("pack") + typedOut.map(out -> " --out "
                + (out.equals(STANDARD_OUTPUT) ? out : ShellWords.path(out))).orElse("");
    }

    /** --out as typed, the last one given: its final '/', which names a folder, is gone from the {@link Path}. */
    private Optional<String> typedOut() {
        List<String> typed = spec.findOption("--out").originalStringValues();
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed.get(typed.size() - 1));
    }

    /** A path that ends in a separator names a folder, as cp and tar read it, even before it exists. */
    private static PackService.Target target(CliContext context, String out) {
        Path path = context.resolve(Path.of(out));
        return out.endsWith("/") || out.endsWith(File.separator) || Files.isDirectory(path)
                ? PackService.Target.folder(path) : PackService.Target.file(path);
    }

    /** As {@link ValidateCommand#noteRepaired}, for the folder the tarball went to. */
    private static void noteLeftovers(PackOutcome.Tarball tarball, PrintWriter err) {
        tarball.file().filter(file -> !tarball.leftovers().isEmpty()).ifPresent(file -> err.println("note: removed "
                + Plural.count(tarball.leftovers().size(), "half-written tarball") + " of interrupted packs beside "
                + file));
    }

    private static String asText(PackOutcome.Tarball tarball) {
        PackResult result = tarball.result();
        return "file:          " + tarball.file().map(Path::toString).orElse("(standard output)") + "\n"
                + "size:          " + result.size() + " bytes\n"
                + "files:         " + result.fileCount() + "\n"
                + "unpacked size: " + result.unpackedSize() + " bytes\n"
                + "integrity:     " + result.integrity() + "\n";
    }

    private static Map<String, Object> asJson(PackOutcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>(ValidateCommand.asJson(outcome.report()));
        outcome.tarball().ifPresent(tarball -> {
            tarball.file().ifPresent(file -> result.put("file", file.toString()));
            result.put("size", tarball.result().size());
            result.put("fileCount", tarball.result().fileCount());
            result.put("unpackedSize", tarball.result().unpackedSize());
            result.put("integrity", tarball.result().integrity().toString());
        });
        return result;
    }
}
