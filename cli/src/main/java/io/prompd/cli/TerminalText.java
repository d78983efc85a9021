package io.prompd.cli;

/**
 * Text that others wrote (a registry's descriptions, README and messages) as a terminal may show
 * it: control characters spelt out as {@code cat -v} does ({@code ^[} for ESC, {@code ^G} for BEL,
 * {@code ^M} for CR, {@code M-^[} for C1's CSI), so that no such text can move the cursor, overwrite
 * a line, recolour the terminal, set its title or ring. Tab stays, being only space.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** One line: a newline is spelt out too, so that the text cannot pass for lines of prompd's own. */
    public static String line(String text) {
        return visible(text, false);
    }

    /** Several lines, such as a README or a whole report: newlines stay. */
    public static String lines(String text) {
        return visible(text, true);
    }

    private static String visible(String text, boolean keepNewlines) {
        StringBuilder shown = null;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            boolean control = c < 0x20 ? c != '\t' && !(keepNewlines && c == '\n') : c >= 0x7F && c <= 0x9F;
            if (control && shown == null) {
                // text without control characters, nearly all of it, is returned as it is
                shown = new StringBuilder(text.length() + 8).append(text, 0, index);
            }
            if (control) {
                shown.append(caret(c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.toString();
    }

    private static String caret(char control) {
        return control >= 0x80 ? "M-" + caret((char) (control - 0x80)) : "^" + (char) (control ^ 0x40);
    }
}
