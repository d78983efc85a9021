package io.prompd.core.template;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Where a template's Markdown code is, read by a CommonMark parser: fenced and indented code blocks, in a list item
 * or a block quote too, and code spans, in a heading too. Jinja renders code as any text; only the legacy
 * placeholders are not looked for there ({@link LegacyPlaceholders}), since braces in code are rarely one.
 */
final class MarkdownCode {

    /** The code's stretches of the body, from the offset of each to the offset after it. */
    private final NavigableMap<Integer, Integer> code = new TreeMap<>();

    MarkdownCode(String body) {
        Markdown.parse(body).accept(new AbstractVisitor() {
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
}
