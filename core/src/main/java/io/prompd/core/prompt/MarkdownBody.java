package io.prompd.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a prompt read as Markdown lines: which lines belong to code blocks, fenced or
 * indented, and where the ATX headings are. A {@code #} line inside a fence is code, not a heading.
 */
final class MarkdownBody {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    /** A list item's marker, which CommonMark allows 0 to 3 spaces before: {@code -}, {@code *}, {@code +}, {@code 1.}, {@code 1)}. */
    private static final Pattern LIST_ITEM = Pattern.compile("^ {0,3}(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]|$)");
    /** A thematic break, which no paragraph continues into: three or more {@code -}, {@code *} or {@code _}. */
    private static final Pattern BREAK = Pattern.compile("^ {0,3}(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$");

    private final List<String> lines;
    private final boolean[] code;
    private final int firstLine;

    /** @param firstLine the 1-based file line of the body's first line */
    MarkdownBody(String body, int firstLine) {
        this.lines = List.of(body.split("\n", -1));
        this.firstLine = firstLine;
        this.code = markIndentedCode(lines, markFences(lines));
    }

    /** Whether the body line at this 0-based index is a fence line or in a code block, fenced or indented. */
    boolean isCode(int index) {
        return code[index];
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
            Matcher heading = code[index] ? null : HEADING.matcher(lines.get(index));
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

    /**
     * The fenced lines and CommonMark's indented code blocks: lines indented by four columns or more that do not
     * continue a paragraph. Inside a list such a line is rather the item's own text, and is left as text: a list
     * ends at a line after a blank one that is neither indented nor an item.
     */
    private static boolean[] markIndentedCode(List<String> lines, boolean[] fenced) {
        boolean[] code = fenced.clone();
        boolean paragraph = false;
        boolean list = false;
        boolean afterBlank = true;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            boolean blank = line.isBlank();
            int indent = indentation(line);
            if (fenced[index]) {
                paragraph = false;
            } else if (!blank && indent >= 4 && !paragraph && !list) {
                code[index] = true;
            } else if (!blank) {
                boolean item = LIST_ITEM.matcher(line).find();
                list = item || list && (indent >= 4 || !afterBlank);
                paragraph = !HEADING.matcher(line).matches() && !BREAK.matcher(line).matches();
            } else {
                paragraph = false;
            }
            afterBlank = blank;
        }
        return code;
    }

    /** The columns of white space a line starts with, a tab reaching the next multiple of four as in CommonMark. */
    private static int indentation(String line) {
        int columns = 0;
        for (int index = 0; index < line.length(); index++) {
            char c = line.charAt(index);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                break;
            }
        }
        return columns;
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
