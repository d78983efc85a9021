package io.prompd.core.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * Tells a name or path the file system refuses as too long ({@code ENAMETOOLONG}) from its other refusals: Java gives
 * it no exception of its own, only the system's words as the reason. The system gives the same words for a name
 * longer than a file system takes and for a whole path longer than a system call takes, which call for different
 * fixes, so which limit a refused path goes past is told from its lengths.
 */
public final class LongNames {

    /**
     * The longest file or folder name Linux (ext4, XFS, Btrfs) and macOS (APFS) write, counted in UTF-8 bytes; some
     * file systems take fewer (eCryptfs 143).
     */
    public static final int MAX_NAME_BYTES = 255;

    /** Linux's PATH_MAX, 4,096 bytes with the terminating NUL: the longest path a system call takes. */
    public static final int LINUX_MAX_PATH_BYTES = 4095;

    /** macOS's PATH_MAX, 1,024 bytes with the terminating NUL. */
    private static final int MACOS_MAX_PATH_BYTES = 1023;

    /** How the system words ENAMETOOLONG (strerror) on Linux and macOS. */
    private static final String NAME_TOO_LONG = "File name too long";

    private LongNames() {
    }

    public static boolean refused(FileSystemException failure) {
        return failure.getReason() != null && failure.getReason().contains(NAME_TOO_LONG);
    }

    /**
     * Whether a path refused as too long is refused as a whole: every name in it fits {@link #MAX_NAME_BYTES}, and
     * the whole path, from the root, is longer than {@link #maxPathBytes}. Shortening a name, as the refusal of one
     * too long advises, would then not help: the folder it lies in is too deep.
     */
    public static boolean wholePathTooLong(Path path) {
        Path absolute = path.toAbsolutePath();
        return bytes(absolute.toString()) > maxPathBytes() && StreamSupport.stream(absolute.spliterator(), false)
                .allMatch(name -> bytes(name.toString()) <= MAX_NAME_BYTES);
    }

    /** The longest path this system takes, counted in UTF-8 bytes: 4,095 on Linux, 1,023 on macOS. */
    public static int maxPathBytes() {
        return onMacOs() ? MACOS_MAX_PATH_BYTES : LINUX_MAX_PATH_BYTES;
    }

    /** The name of the system whose limit {@link #maxPathBytes} is, for messages. */
    public static String systemName() {
        return onMacOs() ? "macOS" : "Linux";
    }

    /** The length of a name or path as these limits count it. */
    public static int bytes(String nameOrPath) {
        return nameOrPath.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean onMacOs() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    }
}
