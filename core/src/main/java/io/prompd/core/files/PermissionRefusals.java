package io.prompd.core.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

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
}
