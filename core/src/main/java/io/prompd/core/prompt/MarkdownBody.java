package io.prompd.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The body of a prompt read as Markdown, by a CommonMark parser: where its code is (fenced and indented code
 * blocks, in a list item or a block quote too, and code spans), and where the ATX headings are. A {@code #} line
 * inside a fence is code, not a heading.
 */
final class MarkdownBody {

    /** Reused by every file: a parser keeps no state between documents. */
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

    private final List<String> lines;
    private final int firstLine;
    /** The code's stretches of the body, from the offset of each to the offset after it. */
    private final NavigableMap<Integer, Integer> code = new TreeMap<>();
    private final List<AtxHeading> headings = new ArrayList<>();

    /** A {@code #} heading at the body line of this 0-based index. */
    private record AtxHeading(int line, int level, String title) {
    }

    /** @param firstLine the 1-based file line of the body's first line */
    MarkdownBody(String body, int firstLine) {
        this.lines = List.of(body.split("\n", -1));
        this.firstLine = firstLine;
        PARSER.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                addCode(block);
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                addCode(block);
            }

            @Override
            public void visit(Code span) {
                addCode(span);
            }

            @Override
            public void visit(Heading heading) {
                int line = heading.getSourceSpans().get(0).getLineIndex();
                Matcher atx = HEADING.matcher(lines.get(line));
                // a setext heading (a line underlined with = or -) is left as the text it was before
                if (atx.matches()) {
                    headings.add(new AtxHeading(line, atx.group(1).length(), atx.group(2) == null ? ""
                            : atx.group(2).strip()));
                }
                // its code spans
                visitChildren(heading);
            }
        });
    }

    private void addCode(Node node) {
        for (SourceSpan span : node.getSourceSpans()) {
            code.put(span.getInputIndex(), span.getInputIndex() + span.getLength());
        }
    }

    /**
     * Whether the character at this offset of the body is code: in a code block, its fences included, or a code span.
     */
    boolean isCode(int offset) {
        Map.Entry<Integer, Integer> stretch = code.floorEntry(offset);
        return stretch != null && offset < stretch.getValue();
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
