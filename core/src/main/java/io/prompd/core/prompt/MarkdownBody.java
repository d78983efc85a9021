package io.prompd.core.prompt;

import io.prompd.core.template.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;

/**
 * The body of a prompt read as Markdown, by a CommonMark parser, for its sections: where the ATX headings are. A
 * {@code #} line inside a fence is code, not a heading. Where the code is, the template's reader knows
 * ({@code io.prompd.core.template.MarkdownCode}).
 */
final class MarkdownBody {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

    private final List<String> lines;
    private final int firstLine;
    private final List<AtxHeading> headings = new ArrayList<>();

    /** A {@code #} heading at the body line of this 0-based index. */
    private record AtxHeading(int line, int level, String title) {
    }

    /** @param firstLine the 1-based file line of the body's first line */
    MarkdownBody(String body, int firstLine) {
        this.lines = List.of(body.split("\n", -1));
        this.firstLine = firstLine;
        Markdown.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                int line = heading.getSourceSpans().get(0).getLineIndex();
                Matcher atx = HEADING.matcher(lines.get(line));
                // a setext heading (a line underlined with = or -) is left as the text it was before
                if (atx.matches()) {
                    headings.add(new AtxHeading(line, atx.group(1).length(), atx.group(2) == null ? ""
                            : atx.group(2).strip()));
                }
            }
        });
    }

    /** The file line of the body line at this 0-based index. */
    private int fileLine(int index) {
        return firstLine + index;
    }

    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        int level = 0;
        String title = "";
        int start = 0;
        for (AtxHeading heading : headings) {
            addSection(sections, level, title, start, heading.line());
            level = heading.level();
            title = heading.title();
            start = heading.line();
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
}
