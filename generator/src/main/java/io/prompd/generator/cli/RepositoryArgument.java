package io.prompd.generator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The registry repository that check and build read, the first argument of each, mixed into both. */
final class RepositoryArgument {

    @Parameters(index = "0", paramLabel = "REPO",
            description = "The registry's Git repository: a clone or a bare repository.")
    private Path path;

    Path path() {
        return path;
    }
}
