package io.prompd.core.json;

/**
 * JSON pointers (RFC 6901) to the fields that problems are reported on, so that a report can name
 * {@code /dependencies/@a~1b} and find its line; names with {@code /} or {@code ~} in them, as
 * package names and URLs have, are escaped.
 */
public final class Pointer {

    private Pointer() {
    }

    /** {@code /dependencies/@a~1b} for {@code of("dependencies", "@a/b")}; {@code ""} for no segments, the document. */
    public static String of(String... segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * The pointer as a person reads it, its escapes undone ({@code /dependencies/@a/b}): the names it
     * holds are seldom ambiguous, and the JSON outputs keep the exact pointer.
     */
    public static String readable(String pointer) {
        return pointer.replace("~1", "/").replace("~0", "~");
    }
}
