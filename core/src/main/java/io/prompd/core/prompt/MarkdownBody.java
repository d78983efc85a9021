package io.prompd.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a prompt read as Markdown lines: which lines belong to fenced code blocks and where
 * the ATX headings are. A {@code #} line inside a fence is code, not a heading.
 */
final class MarkdownBody {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

    private final List<String> lines;
    private final boolean[] fenced;
    private final int firstLine;

    /** @param firstLine the 1-based file line of the body's first line */
    MarkdownBody(String body, int firstLine) {
        this.lines = List.of(body.split("\n", -1));
        this.firstLine = firstLine;
        this.fenced = markFences(lines);
    }

    /** Whether the body line at this 0-based index is a fence line or inside a fenced block. */
    boolean isFenced(int index) {
        return fenced[index];
    }

    /** The file line of the body line at this 0-based index. */
    int fileLine(int index) {
        return firstLine + index;
    }

    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        int level = 0;
        String title = "";
        int start = 0;
        for (int index = 0; index < lines.size(); index++) {
            Matcher heading = fenced[index] ? null : HEADING.matcher(lines.get(index));
            if (heading != null && heading.matches()) {
                addSection(sections, level, title, start, index);
                level = heading.group(1).length();
                title = heading.group(2) == null ? "" : heading.group(2).strip();
                start = index;
            }
        }
        addSection(sections, level, title, start, lines.size());
        return sections;
    }

    private void addSection(List<Section> sections, int level, String title, int start, int end) {
        int textStart = level == 0 ? start : start + 1;
        String text = String.join("\n", lines.subList(Math.min(textStart, end), end)).strip();
        if (level > 0 || !text.isEmpty()) {
            sections.add(new Section(level, title, fileLine(start), text));
        }
    }

    private static boolean[] markFences(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        String open = null;
        for (int index = 0; index < lines.size(); index++) {
            Matcher fence = FENCE.matcher(lines.get(index));
            if (open == null) {
                // A backtick fence's info string cannot hold a backtick, so such a line is inline code.
                if (fence.matches() && !(fence.group(1).charAt(0) == '`' && fence.group(2).contains("`"))) {
                    open = fence.group(1);
                    fenced[index] = true;
                }
            } else {
                fenced[index] = true;
                if (fence.matches() && fence.group(1).charAt(0) == open.charAt(0)
                        && fence.group(1).length() >= open.length() && fence.group(2).isBlank()) {
                    open = null;
                }
            }
        }
        return fenced;
    }
}
