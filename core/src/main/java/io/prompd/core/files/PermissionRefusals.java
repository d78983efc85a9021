package io.prompd.core.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a file the system refused for want of rights from its other refusals: Java names EACCES
 * ({@link AccessDeniedException}) but not EPERM, which it gives only as the system's words.
 */
public final class PermissionRefusals {

    private PermissionRefusals() {
    }

    /** Whether the system refused the file for want of rights: EACCES or EPERM. */
    public static boolean refused(FileSystemException failure) {
        String reason = failure.getReason() == null ? "" : failure.getReason();
        return failure instanceof AccessDeniedException || reason.contains("not permitted")
                || reason.contains("Permission denied");
    }

    /**
     * The refusal of a file inside a folder this user may not enter, as that folder's: the system names the file
     * asked about, whose {@code ls -ld} is refused as well, where the folder is what to mend. A refusal of a file
     * whose folders all let this user in is its own.
     */
    public static FileSystemException ofRefusingFolder(FileSystemException refusal) {
        if (refusal.getFile() == null) {
            return refusal;
        }
        Path refusing = Path.of(refusal.getFile());
        for (Path folder = refusing.getParent(); folder != null && !Files.isExecutable(folder);
             folder = folder.getParent()) {
            refusing = folder;
        }
        return refusing.toString().equals(refusal.getFile()) ? refusal
                : new AccessDeniedException(refusing.toString(), null, refusal.getReason());
    }
}
