package io.prompd.core.template;

import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one CommonMark parser of prompd's readers of Markdown: where a template's code is ({@link MarkdownCode}) and
 * where a prompt's sections are ({@code io.prompd.core.prompt.MarkdownBody}), both by the source spans of the nodes.
 */
public final class Markdown {

    /** Reused by every file: a parser keeps no state between documents, and may be used by several threads. */
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private Markdown() {
    }

    /** The document, each block and inline node with its source spans in the text. */
    public static Node parse(String text) {
        return PARSER.parse(text);
    }
}
