package io.prompd.core.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;

/**
 * The character set this JVM names files in, which its locale chose at start-up: in any other than UTF-8, a UTF-8 name
 * fails to decode as an unreadable one does, and only a UTF-8 locale tells the two apart. One rule for the command
 * lines, which explain such a locale, and for the package reader, which refuses what it cannot tell apart.
 */
public final class FileNameEncoding {

    private static final String UNMAPPABLE = "unmappable";

    private FileNameEncoding() {
    }

    /** Its name as the JDK gives it ({@code UTF-8}, {@code ANSI_X3.4-1968}), {@code unknown} when it gives none. */
    public static String ofThisJvm() {
        return System.getProperty("sun.jnu.encoding", "unknown");
    }

    /**
     * Whether the JDK refused a path for letters this character set lacks ("Malformed input or input contains
     * unmappable characters"), not for a mistake of the path's own.
     */
    public static boolean unfits(InvalidPathException refused) {
        return refused.getReason().contains(UNMAPPABLE);
    }

    /** The JDK's refusal of a path as {@link #unfits} tells it, for a name read that can only be such a one. */
    public static InvalidPathException unfitting(String path) {
        return new InvalidPathException(path, "Malformed input or input contains " + UNMAPPABLE + " characters");
    }

    /** Whether a character set of that name is UTF-8, under either of the names JDKs give it. */
    public static boolean isUtf8(String name) {
        return StandardCharsets.UTF_8.name().equalsIgnoreCase(name) || "UTF8".equalsIgnoreCase(name);
    }
}
