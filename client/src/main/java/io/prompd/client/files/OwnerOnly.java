package io.prompd.client.files;

import io.prompd.core.files.Folders;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps files and folders to the user who runs prompd: a credential, and what a private
 * registry serves. Only where the file system has POSIX permissions; elsewhere (NTFS, FAT) its own
 * rules stay as they are.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = Set.copyOf(PosixFilePermissions.fromString("rw-------"));
    private static final Set<PosixFilePermission> FOLDER = Set.copyOf(PosixFilePermissions.fromString("rwx------"));

    private OwnerOnly() {
    }

    /**
     * The attributes that create a file in {@code folder}, which must exist, readable by its owner
     * only from its creation, so that a secret is never readable by others, not even briefly.
     */
    public static FileAttribute<?>[] fileIn(Path folder) {
        return isPosix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Creates the folder when missing, and leaves it, new or not, reachable by its owner only: no
     * other user can read what is put in it, whatever the files' own permissions. Called before
     * writing into it, so nothing is there yet while a new one has the default permissions. A folder
     * of another user's stays as that user made it.
     */
    public static void folder(Path folder) throws IOException {
        Folders.create(folder);
        if (isPosix(folder)) {
            try {
                if (!Files.getPosixFilePermissions(folder).equals(FOLDER)) {
                    Files.setPosixFilePermissions(folder, FOLDER);
                }
            } catch (FileSystemException notTheOwner) {
                // writing into it succeeds or fails on its own, with its own message
            }
        }
    }

    /**
     * Asked of the file system, not of the mount: a file store is found by reading the mount table,
     * which on a machine with many mounts cost more than the download it came before. A mount without
     * permissions (FAT) refuses the change, which {@link #folder} lets pass.
     */
    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
