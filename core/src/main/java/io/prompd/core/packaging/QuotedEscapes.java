package io.prompd.core.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which escape of a double-quoted JSON or YAML string wrote each character of its value, so that a message names
 * the escape a likely credential was written with. The reader's value is what is searched; this reading only names
 * an escape, and none where it does not come to the reader's value throughout.
 */
final class QuotedEscapes {

    /** The characters a backslash and one more write, in YAML's double-quoted strings, JSON's among them. */
    private static final Map<Character, Character> SINGLE = Map.ofEntries(Map.entry('0', '\0'),
            Map.entry('a', '\u0007'),
            Map.entry('b', '\b'), Map.entry('t', '\t'), Map.entry('\t', '\t'), Map.entry('n', '\n'),
            Map.entry('v', '\u000B'), Map.entry('f', '\f'), Map.entry('r', '\r'), Map.entry('e', '\u001B'),
            Map.entry(' ', ' '), Map.entry('"', '"'), Map.entry('/', '/'), Map.entry('\\', '\\'),
            Map.entry('N', '\u0085'), Map.entry('_', '\u00A0'), Map.entry('L', '\u2028'), Map.entry('P', '\u2029'));

    /** How many hexadecimal digits follow a backslash and x, u or U. */
    private static final Map<Character, Integer> HEX_DIGITS = Map.of('x', 2, 'u', 4, 'U', 8);

    private static final String LINE_JOINED = "a \\ ending a line, which joins the next";

    private final StringBuilder value = new StringBuilder();
    /** For each character of the value, the escape that wrote it, or null. */
    private final List<String> writtenBy = new ArrayList<>();

    private QuotedEscapes() {
    }

    /**
     * The first escape that wrote a character of {@code value} from {@code start} to {@code end}, said as
     * {@code \x73 for s}, when {@code written} starts with the double-quoted string that comes to {@code value}.
     */
    static Optional<String> first(String written, String value, int start, int end) {
        return read(written).filter(read -> read.value.toString().equals(value))
                .flatMap(read -> read.writtenBy.subList(start, end).stream().filter(escape -> escape != null)
                        .findFirst());
    }

    private static Optional<QuotedEscapes> read(String written) {
        if (!written.startsWith("\"")) {
            return Optional.empty();
        }
        QuotedEscapes read = new QuotedEscapes();
        String pending = null;
        int index = 1;
        while (index < written.length()) {
            char c = written.charAt(index);
            if (c == '"') {
                return Optional.of(read);
            }
            if (c == '\n') {
                index = read.folded(written, index);
            } else if (c != '\\' || index + 1 >= written.length()) {
                read.add(String.valueOf(c), pending);
                pending = null;
                index++;
            } else if (written.charAt(index + 1) == '\n') {
                pending = LINE_JOINED;
                index = afterIndentation(written, index + 2);
            } else {
                int end = escapeEnd(written, index);
                if (end < 0) {
                    return Optional.empty();
                }
                String escape = written.substring(index, end);
                Optional<String> chars = decoded(escape);
                if (chars.isEmpty()) {
                    return Optional.empty();
                }
                read.add(chars.get(), escape + " for " + shown(chars.get()));
                pending = null;
                index = end;
            }
        }
        return Optional.empty();
    }

    private void add(String chars, String escape) {
        value.append(chars);
        chars.chars().forEach(c -> writtenBy.add(escape));
    }

    /** YAML folds a line break in a quoted string, with the blanks around it: one to a space, more to one less. */
    private int folded(String written, int index) {
        while (value.length() > 0 && writtenBy.get(value.length() - 1) == null
                && (value.charAt(value.length() - 1) == ' ' || value.charAt(value.length() - 1) == '\t')) {
            value.setLength(value.length() - 1);
            writtenBy.remove(writtenBy.size() - 1);
        }
        int breaks = 0;
        int next = index;
        while (next < written.length() && written.charAt(next) == '\n') {
            breaks++;
            next = afterIndentation(written, next + 1);
        }
        add(breaks == 1 ? " " : "\n".repeat(breaks - 1), null);
        return next;
    }

    private static int afterIndentation(String written, int index) {
        int next = index;
        while (next < written.length() && (written.charAt(next) == ' ' || written.charAt(next) == '\t')) {
            next++;
        }
        return next;
    }

    private static int escapeEnd(String written, int backslash) {
        int digits = HEX_DIGITS.getOrDefault(written.charAt(backslash + 1), 0);
        int end = backslash + 2 + digits;
        return end <= written.length() ? end : -1;
    }

    private static Optional<String> decoded(String escape) {
        char kind = escape.charAt(1);
        if (!HEX_DIGITS.containsKey(kind)) {
            return Optional.ofNullable(SINGLE.get(kind)).map(String::valueOf);
        }
        try {
            return Optional.of(Character.toString(Integer.parseInt(escape.substring(2), 16)));
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
    }

    private static String shown(String chars) {
        int c = chars.codePointAt(0);
        return chars.length() == 1 && c > ' ' && c < 0x7F ? chars : String.format("U+%04X", c);
    }
}
