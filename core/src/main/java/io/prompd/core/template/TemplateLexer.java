package io.prompd.core.template;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into its text and its tags as Jinja's lexer does: {@code {{ }}} prints, {@code {% %}} statements,
 * {@code {# #}} comments, and raw blocks, whose content is text; each handed on with its offset in the body, so that
 * the readers of expressions, blocks and placeholders never look for delimiters themselves. Also the vocabulary of
 * tokens the readers share, so that a name or a string is the same thing to each of them.
 */
final class TemplateLexer {

    /**
     * A name as Jinja reads one, Python's identifier (Nunjucks takes any word): {@code {{ 名前 }}} is the variable
     * {@code 名前}, so a parameter may be named so; so is {@code x·y}, as U+00B7 and the few others Unicode adds to
     * the letters and digits of an identifier (Other_ID_Start, Other_ID_Continue) belong to names in Python.
     */
    static final String NAME = "[\\p{L}\\p{Nl}_\\u1885\\u1886\\u2118\\u212E\\u309B\\u309C]"
            + "[\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}\\u1885\\u1886\\u2118\\u212E\\u309B\\u309C"
            + "\\u00B7\\u0387\\u1369-\\u1371\\u19DA]*";
    static final Pattern IDENTIFIER = Pattern.compile(NAME);
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "recursive");
    /** The parts of a {@code for} tag after its name: what it binds, then what it loops over. */
    static final Pattern FOR = Pattern.compile("^\\s*(.+?)\\s+in\\s+(.*)$", Pattern.DOTALL);
    /**
     * The end of a raw block by the tag opening it, compiled once, not for each such block of each prompt: only its own
     * end closes it, as {@code {% endraw %}} inside {@code {% verbatim %}} is text.
     */
    private static final Map<String, RawEnd> RAW_ENDS = Map.of("raw", new RawEnd("endraw"), "verbatim",
            new RawEnd("endverbatim"));

    /**
     * The whitespace-control marks of a {@code {{ }}}: only '-'. Jinja's '+' turns off, for one tag, the trimming its
     * lstrip_blocks and trim_blocks options do around block tags, never around a print: in {@code {{ x +}}} it is an
     * operator lacking what follows, in {@code {{+ x }}} x's sign.
     */
    private static final String PRINT_CONTROL = "-";
    /** The whitespace-control marks of a {@code {% %}}: {@code {%- -%}}, and {@code {%+ +%}} of Jinja. */
    private static final String STATEMENT_CONTROL = "-+";

    private final String body;
    private final TemplateFaults faults;

    /** What the lexer hands on, in the order of the body. */
    interface Reader {

        /** Text outside tags, from {@code start} to before {@code end}. */
        void text(int start, int end);

        /** The expression of a {@code {{ }}}, its whitespace-control marks left out, at its first character. */
        void print(String expression, int offset);

        /**
         * A {@code {% %}} that starts with a name.
         *
         * @param written    the tag's name as written, {@code asyncEach}
         * @param rest       what follows the name
         * @param offset     where the tag is, for its line
         * @param restOffset the offset of {@code rest}'s first character
         */
        void statement(String written, String rest, int offset, int restOffset);
    }

    /** The tag ending a raw block, and how it may be written: with whitespace-control marks, no argument. */
    private record RawEnd(String tag, Pattern written) {

        RawEnd(String tag) {
            this(tag, Pattern.compile("\\{%[-+]?\\s*" + tag + "\\s*[-+]?%}"));
        }
    }

    /** @param faults where delimiters never closed and tags without a name go */
    TemplateLexer(String body, TemplateFaults faults) {
        this.body = body;
        this.faults = faults;
    }

    /** Whether a template can read the name as a variable, {@code {{ name }}}. */
    static boolean isName(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /**
     * Whether the token ends a value, after which a name needs an operator first: a name, a literal, a bracket closed.
     */
    static boolean endsOperand(String token) {
        return !token.isEmpty() && !KEYWORDS.contains(token)
                && (isName(token) || token.equals("0") || token.equals("\"")
                        || token.equals(")") || token.equals("]") || token.equals("}"));
    }

    /** The index of the quote closing the string literal opened at {@code quote}, or -1 when none does. */
    static int stringEnd(String text, int quote) {
        char delimiter = text.charAt(quote);
        for (int index = quote + 1; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\\') {
                index++;
            } else if (c == delimiter) {
                return index;
            }
        }
        return -1;
    }

    /** Hands the body on to the reader; stops at a delimiter never closed, as Jinja does. */
    void lex(Reader reader) {
        int textStart = 0;
        int position = 0;
        while (true) {
            int open = body.indexOf('{', position);
            if (open < 0 || open + 1 >= body.length()) {
                reader.text(textStart, body.length());
                return;
            }
            char kind = body.charAt(open + 1);
            if (kind != '{' && kind != '%' && kind != '#') {
                position = open + 1;
                continue;
            }
            reader.text(textStart, open);
            int close = closing(open, kind);
            if (close < 0) {
                return;
            }
            int innerStart = open + 2;
            String inner = body.substring(innerStart, close);
            position = close + 2;
            if (kind == '{') {
                String printed = trimControl(inner, PRINT_CONTROL);
                if (printed.isBlank()) {
                    faults.add(open, "'{{ }}' holds no expression", "write the variable or expression to print between"
                            + " the braces, or remove them");
                }
                reader.print(printed, innerStart + leadingControl(inner, PRINT_CONTROL));
            } else if (kind == '%') {
                position = statement(trimControl(inner, STATEMENT_CONTROL), innerStart + leadingControl(inner,
                        STATEMENT_CONTROL), position, reader);
            }
            textStart = position;
        }
    }

    /**
     * The index of the delimiter closing the tag opened at {@code open}, skipping the string literals of a
     * {@code {{ }}} or {@code {% %}}, which may hold one; -1 when none does, told as a fault. A {@code }}} inside a
     * dict literal of a {@code {{ }}} closes the dict, as Jinja's lexer has it ({@code {{ {'a': {'b': x}} }}}); when
     * the braces never balance before the next tag, the first {@code }}} closes the tag, and the expression's reader
     * tells which brace is never closed.
     */
    private int closing(int open, char kind) {
        String closer = kind == '{' ? "}}" : kind + "}";
        int firstCloser = -1;
        int openBraces = 0;
        for (int index = open + 2; index + 1 < body.length(); index++) {
            char c = body.charAt(index);
            if (kind != '#' && (c == '"' || c == '\'')) {
                int end = stringEnd(body, index);
                if (end < 0) {
                    neverClosed(open, kind, closer, index);
                    return -1;
                }
                index = end;
            } else if (body.startsWith(closer, index) && (openBraces == 0 || kind != '{')) {
                return index;
            } else if (firstCloser >= 0 && c == '{' && "{%#".indexOf(body.charAt(index + 1)) >= 0) {
                // the next tag: no expression holds one, so the braces never balance
                break;
            } else if (kind == '{' && c == '{') {
                openBraces++;
            } else if (kind == '{' && c == '}') {
                firstCloser = firstCloser < 0 && body.startsWith(closer, index) ? index : firstCloser;
                openBraces = Math.max(0, openBraces - 1);
            }
        }
        if (firstCloser >= 0) {
            return firstCloser;
        }
        neverClosed(open, kind, closer, -1);
        return -1;
    }

    /**
     * Tells why the tag is never closed: a string in it never closed that takes in the delimiter meant to close the
     * tag, later on the tag's line, as Jinja's lexer stops at its quote; else the tag, also when what comes before the
     * quote stops the lexer first ({@code {{ x } Don't}), the quote most likely an apostrophe of the text after it.
     *
     * @param quote where a string never closed starts in the tag, or -1
     */
    private void neverClosed(int open, char kind, String closer, int quote) {
        int lineEnd = body.indexOf('\n', open) < 0 ? body.length() : body.indexOf('\n', open);
        int taken = quote < 0 ? -1 : body.indexOf(closer, quote);
        if (taken >= 0 && taken < lineEnd && ExpressionTokens.read(body.substring(open + 2, quote), false).readAll()) {
            char delimiter = body.charAt(quote);
            faults.add(quote, "the string " + body.substring(quote, taken + closer.length()) + " is never closed, so it"
                    + " takes in the '" + closer + "' meant to close the tag", "close the string with " + delimiter
                    + ", or write a " + delimiter + " inside it as \\" + delimiter);
            return;
        }
        faults.add(open, "'{" + kind + "' is never closed with '" + closer + "'", "close it with '" + closer
                + "', or write a literal '{" + kind + "' as {{ '{" + kind + "' }}");
    }

    /** Hands one {@code {% %}} on; returns where lexing goes on, past the end of a raw block it opens. */
    private int statement(String inner, int offset, int after, Reader reader) {
        Matcher tag = IDENTIFIER.matcher(inner);
        int tagStart = 0;
        while (tagStart < inner.length() && Character.isWhitespace(inner.charAt(tagStart))) {
            tagStart++;
        }
        int tagOffset = offset - 2;
        if (!tag.region(tagStart, inner.length()).lookingAt()) {
            faults.add(tagOffset, "'{% " + (inner.isBlank() ? "" : inner.strip() + " ") + "%}' names no tag", "start it"
                    + " with a tag such as if, for or set, or write a literal '{%' as {{ '{%' }}");
            return after;
        }
        reader.statement(tag.group(), inner.substring(tag.end()), tagOffset, offset + tag.end());
        RawEnd rawEnd = RAW_ENDS.get(tag.group());
        if (rawEnd == null) {
            return after;
        }
        // everything up to the block's own end is text, other ends included; left open, the block is never closed
        Matcher end = rawEnd.written().matcher(body);
        if (!end.find(after)) {
            return body.length();
        }
        reader.statement(rawEnd.tag(), "", end.start(), end.end());
        return end.end();
    }

    /** @param marks the whitespace-control marks the tag takes: {@link #PRINT_CONTROL} or {@link #STATEMENT_CONTROL} */
    private static String trimControl(String inner, String marks) {
        String trimmed = inner.substring(leadingControl(inner, marks));
        return !trimmed.isEmpty() && marks.indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0
                ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** 1 when the tag starts with a whitespace-control mark ({@code {{-}, {@code {%+}), else 0. */
    private static int leadingControl(String inner, String marks) {
        return !inner.isEmpty() && marks.indexOf(inner.charAt(0)) >= 0 ? 1 : 0;
    }
}
