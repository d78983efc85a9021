package io.prompd.core.files;

import java.nio.file.FileSystemException;

/**
 * Tells a name or path the file system refuses as too long ({@code ENAMETOOLONG}) from its other refusals: Java gives
 * it no exception of its own, only the system's words as the reason.
 */
public final class LongNames {

    /** How the system words ENAMETOOLONG (strerror) on Linux and macOS. */
    private static final String NAME_TOO_LONG = "File name too long";

    private LongNames() {
    }

    public static boolean refused(FileSystemException failure) {
        return failure.getReason() != null && failure.getReason().contains(NAME_TOO_LONG);
    }
}
