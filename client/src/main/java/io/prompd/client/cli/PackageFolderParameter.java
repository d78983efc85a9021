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
     * without one, the package the working folder lies in, or the working folder itself when it lies
     * in none (the command then reports the missing prompd.json).
     */
    Path existing(CliContext context) {
        if (folder == null) {
            return Project.enclosing(context.workingDirectory()).orElse(context.workingDirectory());
        }
        Path resolved = context.resolve(folder);
        if (!Files.isDirectory(resolved)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no package folder at " + resolved,
                    "give the folder that holds prompd.json, or run 'prompd init " + ShellWords.quote(folder.toString())
                            + "' to create one");
        }
        return resolved;
    }
}
