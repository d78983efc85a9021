package io.prompd.client.cli;

import io.prompd.client.files.DanglingLinks;
import io.prompd.client.install.Project;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.core.ExitCode;
import io.prompd.core.PackageSteps;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.Packer;
import io.prompd.core.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The optional {@code DIR} argument of commands that work on a package folder. */
final class PackageFolderParameter {

    /** The end of a name {@link PackSelector#isTarball} takes for a tarball's, which the folder unpacked lacks. */
    private static final Pattern TARBALL_SUFFIX = Pattern.compile("\\.(tgz|tar\\.gz)$", Pattern.CASE_INSENSITIVE);

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The package folder (default: the nearest folder from the current one up that holds a"
                    + " prompd.json).")
    Path folder;

    /** The command the parameter belongs to, validate or pack, to name in a hint. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The folder given, resolved against the working folder and followed through links ({@link
     * CliContext#resolveFolder}), with a clear error when there is none or it holds no prompd.json;
     * without one, the package the working folder lies in. Outside every
     * package it fails at once rather than take the folder, which may be a home folder, for a package
     * to scan, and report every file of it before saying what it lacks.
     *
     * @param commands how the hints spell the prompd commands they suggest
     */
    Path existing(CliContext context, SuggestedCommands commands) throws IOException {
        if (folder == null) {
            Path working = context.workingDirectory();
            // a package whose prompd.json is named in other letter case is found too: validation says so
            return Project.enclosing(working).orElseThrow(() -> new PrompdException(ExitCode.NOT_FOUND,
                    "no prompd.json in " + TerminalText.oneLine(working.toAbsolutePath().toString()) + " or any folder above it",
                    "give the package's folder (as in " + commands.quoted(command.name() + " DIR") + "), run this"
                            + " inside a package, or create one with " + commands.quoted("init")));
        }
        Path resolved = context.resolve(folder);
        Optional<String> dangling = DanglingLinks.described(resolved);
        if (dangling.isPresent()) {
            throw new PrompdException(ExitCode.NOT_FOUND, dangling.get(),
                    "point the link at the package's folder, or give that folder itself");
        }
        if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
            throw aFile(resolved, commands);
        }
        if (!Files.isDirectory(resolved)) {
            throw notAPackage("no package folder at " + shown(resolved), resolved, commands);
        }
        // a tarball unpacked with its package/ folder is a package, as is one whose prompd.json is named in other
        // letter case: validation explains where its prompd.json is
        if (!Files.isRegularFile(resolved.resolve(ManifestReader.FILE_NAME))
                && !Files.isRegularFile(resolved.resolve(Packer.ROOT + ManifestReader.FILE_NAME))
                && Project.miscased(resolved).isEmpty()) {
            throw notAPackage("no prompd.json in " + shown(resolved), resolved, commands);
        }
        return context.resolveFolder(folder);
    }

    /**
     * The arguments of a command on this package as the user may paste it where they ran this one, as in {@code
     * validate bad}: the folder as they gave it, shell-quoted, or none when they gave none, and the package is the one
     * they are in; {@link SuggestedCommands} spells the command.
     */
    String arguments(String name) {
        return name + (folder == null ? "" : " " + ShellWords.path(folder.toString()));
    }

    /**
     * The package's folder as messages name it where the user is: as they gave it, else from the working folder
     * ({@code .} for that folder itself, {@code ..} for a package found above it).
     *
     * @param packageFolder the folder {@link #existing} gave
     */
    String shown(CliContext context, Path packageFolder) {
        String path = folder != null ? folder.toString() : context.fromHere(packageFolder).toString();
        return TerminalText.oneLine(path.isEmpty() ? "." : path);
    }

    /**
     * A command that works on the project the working folder lies in, such as install, run for this package: in a
     * subshell that goes into the folder given when the package is not that project.
     *
     * @param packageFolder the folder {@link #existing} gave
     */
    String inPackage(CliContext context, Path packageFolder, String command) throws IOException {
        return elsewhere(context, packageFolder) ? "(cd " + ShellWords.path(folder.toString()) + " && " + command + ")"
                : command;
    }

    /**
     * How the validation's hints name the package's prompd.json and the install in its folder, as the user may follow
     * them where they ran this: {@code pkg/prompd.json} and {@code '(cd pkg && prompd install)'} for a folder given;
     * {@code ../prompd.json} and {@code 'prompd install'} in a subfolder of the package, where install finds it. Those
     * of an installed package, which install refuses to write into, are a copy's out of the store.
     *
     * @param packageFolder the folder {@link #existing} gave
     * @param installed     the installed package that folder is, when it is one
     */
    PackageSteps steps(CliContext context, Path packageFolder, Optional<InstalledCopy> installed,
                       SuggestedCommands commands) throws IOException {
        if (installed.isPresent()) {
            return new PackageSteps("the prompd.json of a copy of the package out of " + installed.get().store(),
                    commands.quoted("install") + " in that copy");
        }
        if (elsewhere(context, packageFolder)) {
            return new PackageSteps(folder.resolve(ManifestReader.FILE_NAME).toString(),
                    "'" + inPackage(context, packageFolder, commands.line("install")) + "'");
        }
        Path workingFolder = context.workingDirectory().toAbsolutePath();
        return Project.enclosing(workingFolder)
                .map(project -> new PackageSteps(
                        workingFolder.relativize(project.toAbsolutePath().resolve(ManifestReader.FILE_NAME)).toString(),
                        commands.quoted("install")))
                .orElseGet(() -> PackageSteps.here(commands));
    }

    /** Whether the package is given by a folder, which is not the project the working folder lies in. */
    private boolean elsewhere(CliContext context, Path packageFolder) throws IOException {
        Optional<Path> here = Project.enclosing(context.workingDirectory());
        return folder != null && !(here.isPresent() && Files.isSameFile(here.get(), packageFolder));
    }

    /**
     * A file given for the package: a tarball, such as the one pack wrote, is unpacked into a folder to be read, as a
     * registry's pull request takes it; init would refuse to make a package where a file is.
     */
    private PrompdException aFile(Path resolved, SuggestedCommands commands) {
        String name = resolved.getFileName().toString();
        if (!PackSelector.isTarball(name)) {
            return notAPackage(shown(resolved) + " is a file, not a package folder", resolved,
                    "give the folder that holds prompd.json", commands);
        }
        String written = folder.toString();
        String unpacked = ShellWords.path(TARBALL_SUFFIX.matcher(written).replaceFirst(""));
        return new PrompdException(ExitCode.NOT_FOUND, shown(resolved) + " is a tarball, not a package folder",
                "give the package's folder, or unpack the tarball into one first: mkdir " + unpacked + " && tar -xzf "
                        + ShellWords.path(written) + " --strip-components=1 -C " + unpacked + " && "
                        + commands.line(command.name() + " " + unpacked));
    }

    /** The path as the argument gave it, kept to the message's line. */
    private static String shown(Path resolved) {
        return TerminalText.oneLine(resolved.toString());
    }

    /** Init is offered for a folder to create, never for a path named as a tarball, which no package folder is. */
    private PrompdException notAPackage(String message, Path resolved, SuggestedCommands commands) {
        return notAPackage(message, resolved, PackSelector.isTarball(resolved.getFileName().toString())
                ? "give the folder that holds prompd.json; a tarball is unpacked into one first, and there is none"
                        + " at this path"
                : "give the folder that holds prompd.json, or run "
                        + commands.quoted("init " + ShellWords.path(folder.toString())) + " to create one", commands);
    }

    /**
     * A folder or file of a package, such as its prompts/, is taken for the package it lies in: creating another
     * package inside that one, as for a folder of none, is not what its author meant.
     */
    private PrompdException notAPackage(String message, Path resolved, String hintOutsidePackages,
                                        SuggestedCommands commands) {
        Optional<Path> enclosing = Project.enclosing(resolved);
        if (enclosing.isPresent()) {
            // as the user wrote the folder, up as many levels as the package lies above it
            Path meant = folder.resolve(resolved.relativize(enclosing.get())).normalize();
            String written = meant.toString().isEmpty() ? "." : meant.toString();
            return new PrompdException(ExitCode.NOT_FOUND, message, enclosing.get() + " holds the package's"
                    + " prompd.json: did you mean " + commands.quoted(command.name() + " " + ShellWords.path(written))
                    + "?");
        }
        return new PrompdException(ExitCode.NOT_FOUND, message, hintOutsidePackages);
    }
}
