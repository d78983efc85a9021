package io.prompd.client.install.store;

import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project's {@code .prompd} folder: what prompd keeps of the project on this machine only (the run lock, the
 * audited lock's stamp), never packed. It holds a {@code .gitignore} of {@code *}, as pytest's
 * {@code .pytest_cache} does, so that {@code git add -A} leaves it to this machine without the user's say.
 */
public final class ProjectStateFolder {

    public static final String NAME = ".prompd";

    private static final String GIT_IGNORE = ".gitignore";

    private ProjectStateFolder() {
    }

    /** The folder's path in a project, whether or not it exists. */
    public static Path in(Path projectFolder) {
        return projectFolder.resolve(NAME);
    }

    /**
     * The folder, created when missing. It appears with its {@code .gitignore} already inside, made beside it and
     * renamed into place, so that no run (this one killed, another one looking) ever sees it without; one the user
     * made or emptied is left as it is.
     */
    public static Path created(Path projectFolder) throws IOException {
        Path folder = in(projectFolder);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path staged = AtomicFiles.temporaryFolder(folder);
        try {
            Files.write(staged.resolve(GIT_IGNORE), "*\n".getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.moveIntoFreePlace(staged, folder);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // another run's, or a file in the way, which taking the run lock names
            Folders.deleteRecursively(staged);
        } catch (IOException | RuntimeException failure) {
            try {
                Folders.deleteRecursively(staged);
            } catch (IOException leftBehind) {
                failure.addSuppressed(leftBehind);
            }
            throw failure;
        }
        return folder;
    }
}
