package io.prompd.client.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The optional {@code DIR} argument of commands that work on a package folder. */
final class PackageFolderParameter {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The package folder (default: the current folder).")
    Path folder;

    /** The folder, resolved against the working folder; a clear error when there is none. */
    Path existing(CliContext context) {
        Path resolved = context.resolve(folder);
        if (!Files.isDirectory(resolved)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no package folder at " + resolved,
                    "give the folder that holds prompd.json, or run 'prompd init " + folder + "' to create one");
        }
        return resolved;
    }
}
