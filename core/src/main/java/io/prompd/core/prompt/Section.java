package io.prompd.core.prompt;

import java.util.Objects;

/**
 * A part of the body under one Markdown ATX heading, up to the next heading of any level.
 * Text before the first heading, when there is any, is a section of level 0 with an empty title.
 *
 * @param level 1 to 6 for {@code #} to {@code ######}, 0 for the text before the first heading
 * @param title the heading text without the {@code #} marks
 * @param line  the 1-based line of the heading in the file
 * @param text  the lines under the heading, without leading and trailing blank lines
 */
public record Section(int level, String title, int line, String text) {

    public Section {
        if (level < 0 || level > 6) {
            throw new IllegalArgumentException("a heading level is 1 to 6 (0 for text before any heading): " + level);
        }
        Objects.requireNonNull(title, "title");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
        Objects.requireNonNull(text, "text");
    }
}
