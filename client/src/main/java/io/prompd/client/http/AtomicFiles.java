package io.prompd.client.http;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files appear whole or not at all, so a crash or a parallel reader never sees half of one. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** A fresh temporary file beside {@code target}, on the same file system so the move can be atomic. */
    static Path temporaryBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // mkdir on an existing folder fails only after taking the folder's lock, which the parallel
        // downloads creating files in it hold often: a look first is much cheaper
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        return Files.createTempFile(folder, "." + target.getFileName() + ".", ".part");
    }

    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
