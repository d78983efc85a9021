package io.prompd.core;

import java.util.regex.Pattern;

/** Arguments as a suggested command line must spell them, so that copying it into a POSIX shell works. */
public final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private ShellWords() {
    }

    /**
     * The word itself when a shell reads it unchanged, else single-quoted: {@code My Package} is {@code 'My Package'}.
     * A line break in it is spelt out ({@code ^J}), as in every line of prompd's that quotes one
     * ({@link TerminalText#oneLine}): the suggestion stays on its line rather than start one that passes for
     * prompd's own, and such a word is to be typed as the user typed it.
     */
    public static String quote(String word) {
        return TerminalText.oneLine(PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
    }

    /**
     * A path as an argument: quoted as {@link #quote} does, and {@code ./-x} for {@code -x}, which a command reads as
     * an option.
     */
    public static String path(String path) {
        return quote(path.startsWith("-") ? "./" + path : path);
    }
}
