package io.prompd.core.problem;

import io.prompd.core.TerminalText;
import java.util.Optional;

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

    /**
     * The pointer as a report shows it: {@link #readable}, with the control and invisible characters of the names
     * it holds, a file's own, spelt out as {@link TerminalText#path} does, so that none acts on the terminal or
     * makes the name read as another.
     */
    public static String shown(String pointer) {
        return TerminalText.path(readable(pointer));
    }

    /**
     * The field a pointer names as a message quotes it, {@link #shown} without the leading slash:
     * {@code 'dependencies/@a/b'}.
     */
    public static String field(String pointer) {
        return shown(pointer).substring(1);
    }

    /**
     * Whether {@code pointer} is {@code outer} or points inside it: {@code /a/b} is within {@code /a}, {@code /ab} is
     * not, and every pointer is within {@code ""}, the document.
     */
    public static boolean isWithin(String pointer, String outer) {
        return pointer.equals(outer) || pointer.startsWith(outer + "/");
    }

    /**
     * The key a pointer ends at, as {@link #shown} shows it ({@code node} for {@code /engines/node}), for a hint
     * to write it; empty when the pointer ends at an item of a list ({@code /ignore/0}), which has none.
     */
    public static Optional<String> lastKey(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.isEmpty() || last.chars().allMatch(Character::isDigit) ? Optional.empty()
                : Optional.of(shown("/" + last).substring(1));
    }
}
