package io.prompd.core.files;

import java.nio.file.FileSystemException;

/**
 * Tells a name or path the file system refuses as too long ({@code ENAMETOOLONG}) from its other refusals: Java gives
 * it no exception of its own, only the system's words as the reason.
 */
public final class LongNames {

    /**
     * The longest file or folder name Linux (ext4, XFS, Btrfs) and macOS (APFS) write, counted in UTF-8 bytes; some
     * file systems take fewer (eCryptfs 143).
     */
    public static final int MAX_NAME_BYTES = 255;

    /** How the system words ENAMETOOLONG (strerror) on Linux and macOS. */
    private static final String NAME_TOO_LONG = "File name too long";

    private LongNames() {
    }

    public static boolean refused(FileSystemException failure) {
        return failure.getReason() != null && failure.getReason().contains(NAME_TOO_LONG);
    }
}
