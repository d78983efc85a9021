package io.prompd.core.prompt;

import static io.prompd.core.prompt.TemplateLexer.IDENTIFIER;
import static io.prompd.core.prompt.TemplateLexer.KEYWORDS;
import static io.prompd.core.prompt.TemplateLexer.NAME;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a template reads from its caller: the free names of its Jinja expressions ({@code {{ x.y | f }}},
 * {@code {% if %}}, {@code {% for %}}, ...), each at its first use. Names the template binds itself ({@code for},
 * {@code set}, {@code macro}, {@code with}, {@code import}) are not free within their scope. An expression Jinja cannot
 * parse is a fault, found in the same pass over its tokens, which stops there as Jinja's parser does.
 */
final class FreeVariables {

    private static final Set<String> LITERALS = Set.of("true", "false", "none", "null");
    /** Jinja's global functions and the loop variable, which no caller supplies. */
    private static final Set<String> GLOBALS = Set.of("loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace");
    private static final Set<String> MACRO_LOCALS = Set.of("caller", "varargs", "kwargs");
    /**
     * A number as Jinja's lexer reads one, its float tried first: Python's literals, with '_' between digits
     * ({@code 1_000}); what follows, {@code x} of {@code 3x}, is a token of its own.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\.)(?:[0-9]+_)*[0-9]+(?:(?:\\.(?:[0-9]+_)*[0-9]+)?[eE][+-]?(?:[0-9]+_)*[0-9]+|\\.(?:[0-9]+_)*[0-9]+)"
                    + "|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?[0-9a-fA-F])+|[1-9](?:_?[0-9])*|0(?:_?0)*");
    /** The characters of Jinja's operators; '!' only in '!='. Any other outside a string stops Jinja's lexer. */
    private static final String OPERATOR_CHARACTERS = "+-*/%~[](){}=!<>.:|,;";
    /** What {@code set} assigns to: a name, or an attribute of a namespace, {@code ns.total}. */
    private static final Pattern SET_TARGET = Pattern.compile(NAME + "(?:\\." + NAME + ")?");
    /** The parentheses of a tuple of targets, {@code (k, v)}, around its first and last name. */
    private static final Pattern TUPLE_PARENTHESES = Pattern.compile("^\\(\\s*|\\s*\\)$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([^=]+?)\\s*=(?!=)(.*)$", Pattern.DOTALL);
    private static final Pattern MACRO = Pattern.compile("^\\s*(" + NAME + ")\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern IMPORTED_AS = Pattern.compile("\\bas\\s+(" + NAME + ")");
    /** What ends a from-import's list of names: a choice of Jinja's, not a name imported. */
    private static final Pattern CONTEXT_CHOICE = Pattern.compile("\\s+with(out)?\\s+context\\s*$");
    /** What may follow the name in {@code {% include %}}: words of the tag, not variables. */
    private static final Pattern INCLUDE_OPTIONS = Pattern.compile("(\\s+ignore\\s+missing)?(\\s+(with|without)\\s+context)?\\s*$");
    private static final Map<Character, Character> CLOSERS = Map.of('(', ')', '[', ']', '{', '}');

    private final TemplateFaults faults;
    /** The names bound at the reading position, innermost scope first; the outermost is the template's own. */
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Map<String, Integer> firstUses = new LinkedHashMap<>();

    FreeVariables(TemplateFaults faults) {
        this.faults = faults;
        scopes.push(new HashSet<>());
    }

    /** The offset of each free variable's first use, in order of first use. */
    Map<String, Integer> firstUses() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(firstUses));
    }

    /** How many scopes are open, for a block to close the scopes opened since it opened. */
    int scopeDepth() {
        return scopes.size();
    }

    /** Closes the scopes opened since {@code depth} were open: their names are free again. */
    void closeScopes(int depth) {
        while (scopes.size() > depth) {
            scopes.pop();
        }
    }

    /** Whether the name is no caller's at this point of the template: a keyword, a literal, a global or bound here. */
    boolean isBound(String name) {
        return KEYWORDS.contains(name) || LITERALS.contains(name.toLowerCase(Locale.ROOT)) || GLOBALS.contains(name)
                || scopes.stream().anyMatch(scope -> scope.contains(name));
    }

    /** The names the template binds at the reading position, in every scope open there. */
    Set<String> boundNames() {
        Set<String> bound = new HashSet<>();
        scopes.forEach(bound::addAll);
        return bound;
    }

    /** The names the template binds in its own scope, outside every {@code for}, {@code macro} and {@code with}. */
    Set<String> topLevelNames() {
        return Set.copyOf(scopes.getLast());
    }

    /** The file expression of an {@code include} or {@code extends}, without the tag's own words after it. */
    void include(String rest, int offset) {
        expression(INCLUDE_OPTIONS.matcher(rest).replaceFirst(""), offset);
    }

    void forLoop(String rest, int offset) {
        Matcher loop = TemplateLexer.FOR.matcher(rest);
        Set<String> bound = new HashSet<>();
        if (loop.matches()) {
            identifiers(loop.group(1)).forEach(bound::add);
            Arrays.stream(loop.group(1).split(",")).forEach(target -> assignable("for", target, IDENTIFIER, offset));
        }
        scopes.push(bound);
        if (loop.matches()) {
            expression(loop.group(2), offset + loop.start(2));
        }
    }

    void assignment(String rest, int offset) {
        Matcher assign = ASSIGNMENT.matcher(rest);
        String targets = assign.matches() ? assign.group(1) : rest;
        if (assign.matches()) {
            expression(assign.group(2), offset + assign.start(2));
        }
        for (String target : targets.split(",")) {
            String trimmed = target.strip();
            int dot = trimmed.indexOf('.');
            if (assign.matches() && !assignable("set", trimmed, SET_TARGET, offset)) {
                continue;
            }
            if (dot > 0) {
                // {% set ns.total = ... %} writes into an existing namespace object.
                expression(trimmed.substring(0, dot), offset + rest.indexOf(trimmed));
            } else if (IDENTIFIER.matcher(trimmed).matches()) {
                scopes.peek().add(trimmed);
            }
        }
    }

    /**
     * Whether Jinja can assign to the target of a {@code set} or {@code for}, a name in a tuple's parentheses or not,
     * in {@code set} also a namespace's attribute ({@code ns.total}); if not, with a fault: {@code {% set 3a = 1 %}}.
     */
    private boolean assignable(String tag, String target, Pattern targets, int offset) {
        String name = TUPLE_PARENTHESES.matcher(target.strip()).replaceAll("");
        if (name.isEmpty() || targets.matcher(name).matches()) {
            return true;
        }
        faults.add(offset, "{% " + tag + " %} cannot assign to '" + name + "', which is no name", "name it with a letter"
                + " or '_' first, then letters, digits or '_', as in {% " + tag + " total" + (tag.equals("set") ? " = 1"
                : " in items") + " %}");
        return false;
    }

    /** {@code {% with a = 1, b = x %}}: a scope binding the names assigned, whose values are read outside it. */
    void with(String rest, int offset) {
        scopes.push(new HashSet<>());
        for (String part : rest.split(",")) {
            Matcher assign = ASSIGNMENT.matcher(part);
            if (assign.matches()) {
                identifiers(assign.group(1)).forEach(scopes.peek()::add);
            }
        }
        expression(rest, offset);
    }

    /** The macro's name is bound where it is defined; its arguments, and what Jinja gives every macro, inside it. */
    void macro(String rest) {
        Matcher macro = MACRO.matcher(rest);
        if (!macro.matches()) {
            callerScope();
            return;
        }
        scopes.peek().add(macro.group(1));
        Set<String> arguments = new HashSet<>(MACRO_LOCALS);
        for (String argument : macro.group(2).split(",")) {
            Matcher name = IDENTIFIER.matcher(argument.strip());
            if (name.lookingAt()) {
                arguments.add(name.group());
            }
        }
        scopes.push(arguments);
    }

    /** The scope of a {@code call} or {@code filter} block, which Jinja runs as a macro. */
    void callerScope() {
        scopes.push(new HashSet<>(MACRO_LOCALS));
    }

    /** {@code {% import "m.md" as lib %}} binds {@code lib}. */
    void importAs(String rest) {
        Matcher as = IMPORTED_AS.matcher(rest);
        while (as.find()) {
            scopes.peek().add(as.group(1));
        }
    }

    /** {@code {% from "m.md" import a, b as c %}} binds {@code a} and {@code c}. */
    void fromImport(String rest) {
        int keyword = rest.indexOf(" import ");
        if (keyword < 0) {
            return;
        }
        String names = CONTEXT_CHOICE.matcher(rest.substring(keyword + " import ".length())).replaceFirst("");
        for (String imported : names.split(",")) {
            String[] words = imported.strip().split("\\s+");
            if (words.length > 0 && !words[0].isEmpty()) {
                scopes.peek().add(words[words.length - 1]);
            }
        }
    }

    private static List<String> identifiers(String text) {
        List<String> names = new ArrayList<>();
        Matcher name = IDENTIFIER.matcher(text);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    /**
     * Records the free names of an expression. A name is not a variable after {@code .} (an
     * attribute), after {@code |} (a filter), after {@code is} / {@code is not} (a test), before a
     * single {@code =} (a keyword argument), or inside a string literal.
     */
    void expression(String text, int offset) {
        String previous = "";
        String beforePrevious = "";
        // a test may take one argument without parentheses: x is divisibleby 3, x is sameas false
        boolean previousIsTest = false;
        Deque<Character> brackets = new ArrayDeque<>();
        Matcher name = IDENTIFIER.matcher(text);
        int index = 0;
        while (index < text.length()) {
            char c = text.charAt(index);
            // Jinja's lexer skips Unicode's spaces too, a no-break space pasted from a document among them
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                index++;
                continue;
            }
            String token;
            int start = index;
            if (c == '"' || c == '\'') {
                index = TemplateLexer.stringEnd(text, index) + 1;
                token = "\"";
            } else if (c >= '0' && c <= '9') {
                Matcher number = NUMBER.matcher(text).useTransparentBounds(true).region(index, text.length());
                number.lookingAt();
                index = number.end();
                token = "0";
                if (followsValue(previous, previousIsTest, number.group(), offset + start)) {
                    return;
                }
            } else if (name.region(index, text.length()).lookingAt()) {
                index = name.end();
                token = name.group();
                boolean test = previous.equals("is") || (previous.equals("not") && beforePrevious.equals("is"));
                if (!KEYWORDS.contains(token) && followsValue(previous, previousIsTest, token, offset + start)) {
                    return;
                }
                if (!previous.equals(".") && !previous.equals("|") && !test && !isKeywordArgument(text, index)) {
                    use(token, offset + start);
                }
                previousIsTest = test;
                beforePrevious = previous;
                previous = token;
                continue;
            } else {
                if (OPERATOR_CHARACTERS.indexOf(c) < 0 || c == '!' && !text.startsWith("!=", index)) {
                    String unread = Character.toString(text.codePointAt(index));
                    faults.add(offset + start, "'" + unread + "' is no part of a name, number, string or operator",
                            "remove it, or write it inside a string, as in {{ '" + unread + "' }}");
                    return;
                }
                index++;
                token = String.valueOf(c);
                if (!bracketFits(c, brackets, offset + start)) {
                    return;
                }
            }
            previousIsTest = false;
            beforePrevious = previous;
            previous = token;
        }
        if (!brackets.isEmpty()) {
            faults.add(offset, "'" + brackets.peek() + "' is never closed in this expression", "close it with '"
                    + CLOSERS.get(brackets.peek()) + "'");
        } else if (previous.equals("|")) {
            faults.add(offset, "a '|' ends the expression with no filter after it", "name the filter, as in | upper, or"
                    + " remove the '|'");
        }
    }

    /**
     * Whether the token stands right after a value with no operator, which Jinja cannot parse, then with a fault: a
     * test may take one argument so, {@code x is divisibleby 3}.
     */
    private boolean followsValue(String previous, boolean previousIsTest, String token, int offset) {
        if (!TemplateLexer.endsOperand(previous) || previousIsTest) {
            return false;
        }
        faults.add(offset, "'" + token + "' follows a value with no operator between them", "join them with an"
                + " operator (~ for text, and, or, +, ...) or a filter (|), or put them in {{ }} of their own");
        return true;
    }

    /** Keeps the open brackets of an expression; false, with a fault, for a closing one that fits none. */
    private boolean bracketFits(char c, Deque<Character> brackets, int offset) {
        if (CLOSERS.containsKey(c)) {
            brackets.push(c);
        } else if (CLOSERS.containsValue(c)) {
            if (brackets.isEmpty() || CLOSERS.get(brackets.peek()) != c) {
                faults.add(offset, "'" + c + "' closes no bracket of this expression", brackets.isEmpty()
                        ? "remove it, or add the bracket it should close" : "close the '" + brackets.peek() + "' first");
                return false;
            }
            brackets.pop();
        }
        return true;
    }

    private static boolean isKeywordArgument(String text, int end) {
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next < text.length() && text.charAt(next) == '='
                && (next + 1 >= text.length() || text.charAt(next + 1) != '=');
    }

    private void use(String name, int offset) {
        if (!firstUses.containsKey(name) && !isBound(name)) {
            firstUses.put(name, offset);
        }
    }
}
