package io.prompd.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy {@code {name}} placeholders in a template's text, which Jinja does not read but leaves as they are
 * written. Only outside code, fenced or indented, and inline code, where braces are rarely a placeholder but JSON or
 * code; Jinja renders code too, which is why the template's tags are read there all the same.
 */
final class LegacyPlaceholders {

    /** Spaces inside the braces as Jinja allows them inside its own, so that {@code { topic }} is one too. */
    private static final Pattern LEGACY = Pattern.compile("(?<![{$\\\\])\\{[ \\t]*(" + TemplateLexer.NAME
            + "(?:\\." + TemplateLexer.NAME + ")*)[ \\t]*}(?!})");

    private final String body;
    private final MarkdownCode markdown;
    private final BodyLines lines;
    /** Whether a name is the template's own where the reading is: such a placeholder is no parameter's. */
    private final Predicate<String> bound;
    private final List<TemplateScan.Placeholder> found = new ArrayList<>();

    LegacyPlaceholders(String body, MarkdownCode markdown, BodyLines lines, Predicate<String> bound) {
        this.body = body;
        this.markdown = markdown;
        this.lines = lines;
        this.bound = bound;
    }

    /** The placeholders found so far, in the order of the text. */
    List<TemplateScan.Placeholder> found() {
        return List.copyOf(found);
    }

    /** Reads the text from {@code start} to before {@code end}, which holds no Jinja tag. */
    void read(int start, int end) {
        int brace = body.indexOf('{', start);
        if (brace < 0 || brace >= end) {
            return;
        }
        Matcher placeholder = LEGACY.matcher(body).region(start, end);
        while (placeholder.find()) {
            TemplateScan.Placeholder candidate = new TemplateScan.Placeholder(placeholder.group(), placeholder.group(1),
                    lines.fileLine(placeholder.start()));
            if (!markdown.isCode(placeholder.start()) && !bound.test(candidate.root())) {
                found.add(candidate);
            }
        }
    }
}
