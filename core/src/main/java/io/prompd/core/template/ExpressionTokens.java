package io.prompd.core.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of an expression, as Jinja's lexer reads them, for the readers of its names ({@link FreeVariables}) and
 * of its syntax ({@link TagSyntax}) alike: names, numbers, strings and operators, with Nunjucks' strict comparisons
 * ({@code ===}) and, where asked for, its regular expressions ({@code r/a+/g}). The lexer stops where Jinja's does,
 * with a fault: at a character no token holds, at a bracket that closes none opened, and at the end, when a bracket
 * is never closed; so brackets always fit in what it reads. How deep they nest {@link TagSyntax} bounds.
 */
final class ExpressionTokens {

    enum Kind { NAME, NUMBER, STRING, REGEX, OPERATOR, END }

    /**
     * @param text  as written: a string with its quotes
     * @param start its offset in the expression
     */
    record Token(Kind kind, String text, int start) {

        /** Whether it is the operator or the name {@code symbol}. */
        boolean is(String symbol) {
            return (kind == Kind.OPERATOR || kind == Kind.NAME) && text.equals(symbol);
        }
    }

    /** What stopped the lexer, at that offset of the expression: a character it cannot read, a bracket never closed. */
    record Fault(int at, String message, String hint) {
    }

    /** Digits with '_' between them, {@code 1_000}; possessive, as a group repeated greedily recurses in Java. */
    private static final String DIGITS = "[0-9]+(?:_[0-9]+)*+";
    /**
     * A number as Jinja's lexer reads one, its float tried first: Python's literals, with '_' between digits
     * ({@code 1_000}); what follows, {@code x} of {@code 3x}, is a token of its own. Then Nunjucks' float ending in
     * its dot, {@code 3.}, where Jinja reads no attribute or item after the dot ({@code 3.a}, {@code 3. 5}), which
     * is all it could read there. Each repetition is possessive, none giving back what it read, so that a long number
     * overflows no stack.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\.)" + DIGITS + "(?:(?:\\." + DIGITS + ")?[eE][+-]?" + DIGITS + "|\\." + DIGITS + ")"
                    + "|(?<!\\.)[0-9]++\\.(?![\\p{javaWhitespace}\\p{javaSpaceChar}]*+(?:[0-9]|"
                    + TemplateLexer.NAME + "))"
                    + "|0[bB](?:_?[01])++|0[oO](?:_?[0-7])++|0[xX](?:_?[0-9a-fA-F])++|[1-9](?:_?[0-9])*+|0(?:_?0)*+");
    /** Jinja's operators, longest first, and Nunjucks' {@code ===} and {@code !==}; '!' alone is none. */
    private static final List<String> OPERATORS = List.of("===", "!==", "//", "**", "==", "!=", ">=", "<=", "+", "-",
            "*", "/", "%", "~", "[", "]", "(", ")", "{", "}", "=", "<", ">", ".", ":", "|", ",", ";");
    private static final Map<String, String> CLOSERS = Map.of("(", ")", "[", "]", "{", "}");
    /** The flags Nunjucks reads after a regular expression. */
    private static final String REGEX_FLAGS = "gimy";

    private final List<Token> tokens;
    private final Optional<Fault> fault;
    private final boolean regexRead;

    private ExpressionTokens(List<Token> tokens, Optional<Fault> fault, boolean regexRead) {
        this.tokens = List.copyOf(tokens);
        this.fault = fault;
        this.regexRead = regexRead;
    }

    /**
     * @param regexes whether {@code r/.../} is read as Nunjucks does, a regular expression, when it is closed; Jinja
     *                reads the name {@code r} divided
     */
    static ExpressionTokens read(String text, boolean regexes) {
        List<Token> tokens = new ArrayList<>();
        Deque<Token> open = new ArrayDeque<>();
        Matcher name = TemplateLexer.IDENTIFIER.matcher(text);
        Matcher number = NUMBER.matcher(text).useTransparentBounds(true);
        boolean regexRead = false;
        int index = 0;
        while (index < text.length()) {
            char c = text.charAt(index);
            // Jinja's lexer skips Unicode's spaces too, a no-break space pasted from a document among them
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                index++;
                continue;
            }
            int regexEnd = regexes ? regexEnd(text, index) : -1;
            Kind kind;
            int end;
            if (regexEnd > 0) {
                kind = Kind.REGEX;
                end = regexEnd;
                regexRead = true;
            } else if (c == '"' || c == '\'') {
                kind = Kind.STRING;
                // a string never closed runs to the end
                int quote = TemplateLexer.stringEnd(text, index);
                end = quote < 0 ? text.length() : quote + 1;
            } else if (number.region(index, text.length()).lookingAt()) {
                kind = Kind.NUMBER;
                end = number.end();
            } else if (name.region(index, text.length()).lookingAt()) {
                kind = Kind.NAME;
                end = name.end();
            } else {
                int at = index;
                Optional<String> operator = OPERATORS.stream().filter(symbol -> text.startsWith(symbol, at))
                        .findFirst();
                if (operator.isEmpty()) {
                    String unread = Character.toString(text.codePointAt(index));
                    return stopped(tokens, new Fault(index, "'" + unread + "' is no part of a name, number, string or"
                            + " operator", "remove it, or write it inside a string, as in {{ '" + unread + "' }}"),
                            regexRead);
                }
                kind = Kind.OPERATOR;
                end = index + operator.get().length();
            }
            Token token = new Token(kind, text.substring(index, end), index);
            Optional<Fault> unfit = kind == Kind.OPERATOR ? fit(token, open) : Optional.empty();
            if (unfit.isPresent()) {
                return stopped(tokens, unfit.get(), regexRead);
            }
            tokens.add(token);
            index = end;
        }
        // the reading stops at the end of the text, after every token, wherever the bracket left open stands
        Token unclosed = open.peek();
        return stopped(tokens, text.length(), Optional.ofNullable(unclosed).map(bracket -> new Fault(bracket.start(),
                "'" + bracket.text() + "' is never closed in this expression", "close it with '"
                        + CLOSERS.get(bracket.text()) + "'")), regexRead);
    }

    /** The tokens read, ending with {@link Kind#END} where the reading stopped, after them all. */
    List<Token> tokens() {
        return tokens;
    }

    /** What stopped the reading before the end of the text, or a bracket never closed. */
    Optional<Fault> fault() {
        return fault;
    }

    /**
     * Whether the lexer read to the end of the text, a bracket left open or not: no character it cannot read, no
     * bracket closing none, stopped it before.
     */
    boolean readAll() {
        // the end of a reading that went on past a bracket left open is past the bracket; of one stopped, at its fault
        return fault.isEmpty() || tokens.get(tokens.size() - 1).start() > fault.get().at();
    }

    /** Whether a regular expression was read, which Jinja would read otherwise. */
    boolean regexRead() {
        return regexRead;
    }

    private static ExpressionTokens stopped(List<Token> tokens, Fault fault, boolean regexRead) {
        return stopped(tokens, fault.at(), Optional.of(fault), regexRead);
    }

    private static ExpressionTokens stopped(List<Token> tokens, int at, Optional<Fault> fault, boolean regexRead) {
        tokens.add(new Token(Kind.END, "", at));
        return new ExpressionTokens(tokens, fault, regexRead);
    }

    /** Keeps the brackets open; a fault for a closing one that fits none, as Jinja's lexer refuses it. */
    private static Optional<Fault> fit(Token token, Deque<Token> open) {
        if (CLOSERS.containsKey(token.text())) {
            open.push(token);
        } else if (CLOSERS.containsValue(token.text())) {
            if (open.isEmpty() || !CLOSERS.get(open.peek().text()).equals(token.text())) {
                return Optional.of(new Fault(token.start(), "'" + token.text() + "' closes no bracket of this"
                        + " expression", open.isEmpty() ? "remove it, or add the bracket it should close"
                                : "close the '" + open.peek().text() + "' first"));
            }
            open.pop();
        }
        return Optional.empty();
    }

    /**
     * The end of the regular expression {@code r/.../flags} Nunjucks reads at {@code index}, past its flags, if it is
     * closed by a '/' no backslash escapes; -1 if none starts there.
     */
    private static int regexEnd(String text, int index) {
        if (!text.startsWith("r/", index)) {
            return -1;
        }
        for (int slash = index + 2; slash < text.length(); slash++) {
            if (text.charAt(slash) == '/' && text.charAt(slash - 1) != '\\') {
                int end = slash + 1;
                while (end < text.length() && REGEX_FLAGS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                return end;
            }
        }
        return -1;
    }
}
