package io.prompd.core.testing;

import io.prompd.core.files.LongNames;
import java.nio.file.Path;

/** Paths near the longest one the system takes, made of names that every file system takes, for the tests of both. */
public final class DeepPaths {

    /** The longest name a folder of these paths gets: well within what any file system takes. */
    private static final int NAME_BYTES = 200;

    private DeepPaths() {
    }

    /**
     * A path below {@code folder} of exactly {@code bytes} bytes in UTF-8, at least 12 more than {@code folder}'s,
     * made of folders of up to {@value #NAME_BYTES} bytes. Nothing is created.
     */
    public static Path ofLength(Path folder, int bytes) {
        Path path = folder;
        int left = bytes - LongNames.bytes(folder.toString());
        // each folder takes a '/' besides its name; the last one at least 10 bytes
        for (; left > NAME_BYTES + 1 + 10; left -= NAME_BYTES + 1) {
            path = path.resolve("d".repeat(NAME_BYTES));
        }
        return path.resolve("e".repeat(left - 1));
    }
}
