package io.prompd.client.cli;

import io.prompd.client.install.Project;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The optional {@code DIR} argument of commands that work on a package folder. */
final class PackageFolderParameter {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The package folder (default: the nearest folder from the current one up that holds a"
                    + " prompd.json).")
    Path folder;

    /**
     * The folder given, resolved against the working folder, with a clear error when there is none;
     * without one, the package the working folder lies in. Outside every package it fails at once
     * rather than take the working folder, which may be a home folder, for a package to scan.
     */
    Path existing(CliContext context) {
        if (folder == null) {
            Path working = context.workingDirectory();
            return Project.enclosing(working).orElseThrow(() -> new PrompdException(ExitCode.NOT_FOUND,
                    "no prompd.json in " + working.toAbsolutePath() + " or any folder above it",
                    "give the package's folder (as in 'prompd validate DIR'), run this inside a package, or create"
                            + " one with 'prompd init'"));
        }
        Path resolved = context.resolve(folder);
        if (!Files.isDirectory(resolved)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no package folder at " + resolved,
                    "give the folder that holds prompd.json, or run 'prompd init " + ShellWords.path(folder.toString())
                            + "' to create one");
        }
        return resolved;
    }
}
