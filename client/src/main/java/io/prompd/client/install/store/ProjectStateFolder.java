package io.prompd.client.install.store;

import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.Folders;
import io.prompd.core.files.NamedWrites;
import io.prompd.core.files.RunLock;
import io.prompd.core.files.TemporaryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * A project's {@code .prompd} folder: what prompd keeps of the project on this machine only (the run lock, the
 * audited lock's stamp), never packed. It holds a {@code .gitignore} of {@code *}, as pytest's
 * {@code .pytest_cache} does, so that {@code git add -A} leaves it to this machine without the user's say.
 */
public final class ProjectStateFolder {

    public static final String NAME = ".prompd";

    private static final String GIT_IGNORE = ".gitignore";

    private static final byte[] IGNORE_ALL = "*\n".getBytes(StandardCharsets.US_ASCII);

    private ProjectStateFolder() {
    }

    /** The folder's path in a project, whether or not it exists. */
    public static Path in(Path projectFolder) {
        return projectFolder.resolve(NAME);
    }

    /**
     * Deletes what runs killed while writing in the folder left there, the temporaries of its {@code .gitignore} and of
     * the audited lock's stamp, whose writers have ended: the folder is prompd's own, unlike the project's, so any of
     * its temporaries is. A link in its place leads out of the project, where nothing is prompd's to delete.
     *
     * @return what was deleted, sorted
     */
    public static List<Path> removeLeftovers(Path projectFolder) throws IOException {
        Path folder = in(projectFolder);
        return Files.isSymbolicLink(folder) ? List.of() : TemporaryFiles.removeOrphans(folder, 1);
    }

    /**
     * The folder, created when missing. It appears with its {@code .gitignore} already inside, made beside it and
     * renamed into place, so that no run (this one killed, another one looking) ever sees it without. One that exists
     * without a {@code .gitignore}, as a prompd from before them left it, gets one, and a {@code .gitignore} of the
     * user's there is never replaced.
     */
    public static Path created(Path projectFolder) throws IOException {
        Path folder = in(projectFolder);
        if (Files.isSymbolicLink(folder)) {
            // a project cloned from elsewhere may hold one, and the run would write its lock and state where it leads
            throw RunLock.linkInTheWay(folder, "where prompd keeps the project's run lock and state: they are never"
                    + " written through a link, which could lead out of the project");
        }
        if (Files.isDirectory(folder)) {
            if (Files.notExists(folder.resolve(GIT_IGNORE), LinkOption.NOFOLLOW_LINKS)) {
                Path staged = AtomicFiles.temporaryFile(folder.resolve(GIT_IGNORE));
                putInPlace(folder.resolve(GIT_IGNORE), staged, staged);
            }
            return folder;
        }
        Path staged = AtomicFiles.temporaryFolder(folder);
        putInPlace(folder, staged, staged.resolve(GIT_IGNORE));
        return folder;
    }

    /**
     * Writes the {@code .gitignore} of {@code *} at {@code file}; a failure names it as {@code named}, where the user
     * looks for it, rather than a temporary that is gone by then: a full disk says "No space left on device" and
     * nothing else.
     */
    static void writeIgnoreAll(Path file, Path named) throws IOException {
        try {
            Files.write(file, IGNORE_ALL);
        } catch (IOException failure) {
            throw NamedWrites.naming(failure, named);
        }
    }

    /**
     * Writes the {@code .gitignore} at {@code ignoreFile}, within {@code staged} (a temporary folder, or that temporary
     * file itself), and renames {@code staged} to {@code target} unless another run or the user put something there
     * meanwhile, which is kept.
     */
    private static void putInPlace(Path target, Path staged, Path ignoreFile) throws IOException {
        try {
            // the name it is put in place under, as staged.relativize is empty where the staged file is the .gitignore
            writeIgnoreAll(ignoreFile, target.resolve(staged.relativize(ignoreFile)));
            AtomicFiles.moveIntoFreePlace(staged, target);
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
    }
}
