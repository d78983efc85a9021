package io.prompd.client.files;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.FileSystemException;

/**
 * Names a lock refused as its disk is mounted read-only as the folder the user chose, where the system's words name a
 * lock file the user never wrote: every run that may change a home or a project takes its lock, even one with nothing
 * to write, so that no other run changes the files under it.
 */
public final class ReadOnlyDisks {

    /** The reason Linux and macOS give for a write to a disk mounted read-only (EROFS). */
    private static final String READ_ONLY_DISK = "Read-only file system";

    private ReadOnlyDisks() {
    }

    /**
     * Fails naming {@code folder} when {@code refused} was refused as the disk is read-only; any other refusal is left
     * to the caller.
     *
     * @param folder what {@code refused} was a lock of, as in {@code the project /work/app}
     */
    public static void requireWritable(FileSystemException refused, String folder, String hint) {
        if (isReadOnly(refused)) {
            throw new PrompdException(ExitCode.FAILURE, folder + " is on a disk mounted read-only, where prompd cannot"
                    + " take its lock, which every run that may change it takes, even one finding nothing to change: "
                    + refused.getFile(), hint, refused);
        }
    }

    /** Whether {@code refused} was refused as its disk is mounted read-only. */
    public static boolean isReadOnly(FileSystemException refused) {
        return READ_ONLY_DISK.equals(refused.getReason());
    }
}
