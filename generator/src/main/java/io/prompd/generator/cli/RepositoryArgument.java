package io.prompd.generator.cli;

import io.prompd.core.TerminalText;
import io.prompd.generator.source.RegistryRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The registry repository that check and build read, the first argument of each, mixed into both. */
final class RepositoryArgument {

    @Parameters(index = "0", paramLabel = "REPO",
            description = "The registry's Git repository: a clone or a bare repository, or a folder inside one, as git"
                    + " finds it.")
    private Path path;

    Path path() {
        return path;
    }

    /**
     * Notes on stderr which repository the command reads when it was found above the folder given: run in a
     * subfolder, a person may not expect the repository it belongs to, such as the home folder's.
     *
     * @param reader what reads it, as in "the check"
     */
    void noteWhereFound(PrintWriter err, String reader) throws IOException {
        RegistryRepository.foundAbove(path).ifPresent(top -> err.println("note: "
                + TerminalText.oneLine(path.toString()) + " is inside the repository " + TerminalText.oneLine(
                top.toString()) + ", which " + reader + " reads"));
    }
}
