package io.prompd.core.template;

import static io.prompd.core.template.TemplateLexer.IDENTIFIER;
import static io.prompd.core.template.TemplateLexer.KEYWORDS;
import static io.prompd.core.template.TemplateLexer.NAME;

import io.prompd.core.template.ExpressionTokens.Kind;
import io.prompd.core.template.ExpressionTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a template reads from its caller: the free names of its Jinja expressions ({@code {{ x.y | f }}},
 * {@code {% if %}}, {@code {% for %}}, ...), each at its first use. Names the template binds itself ({@code for},
 * {@code set}, {@code macro}, {@code with}, {@code import}) are not free within their scope. Of an expression Jinja
 * cannot parse, only the names before its fault are read, as Jinja's parser stops there; {@link TagSyntax} tells it.
 */
final class FreeVariables {

    private static final Set<String> LITERALS = Set.of("true", "false", "none", "null");
    /**
     * Jinja's global functions, the loop variable and {@code self}, the template's own blocks, which no caller
     * supplies.
     */
    private static final Set<String> GLOBALS = Set.of("loop", "range", "dict", "lipsum", "cycler",
            "joiner", "namespace", "self");
    private static final Set<String> MACRO_LOCALS = Set.of("caller", "varargs", "kwargs");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([^=]+?)\\s*=(?!=)(.*)$", Pattern.DOTALL);
    private static final Pattern MACRO = Pattern.compile("^\\s*(" + NAME + ")\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern IMPORTED_AS = Pattern.compile("\\bas\\s+(" + NAME + ")");
    /** What ends a from-import's list of names: a choice of Jinja's, not a name imported. */
    private static final Pattern CONTEXT_CHOICE = Pattern.compile("\\s+with(out)?\\s+context\\s*$");
    /**
     * What may follow the name in {@code {% include %}}: words of the tag, not variables, also of a tag Jinja cannot
     * parse, {@code ignore} without {@code missing}.
     */
    private static final Pattern INCLUDE_OPTIONS = Pattern.compile(
            "(\\s+ignore(\\s+missing)?)?(\\s+(with|without)(\\s+context)?)?\\s*$");

    /** The names bound at the reading position, innermost scope first; the outermost is the template's own. */
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Map<String, Integer> firstUses = new LinkedHashMap<>();
    /** The names an import of the template may take, in the order they are defined. */
    private final Set<String> exported = new LinkedHashSet<>();

    FreeVariables() {
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

    /** The literals and globals, which Jinja gives every template: no caller's, wherever they stand. */
    static Set<String> globalNames() {
        Set<String> names = new HashSet<>(LITERALS);
        names.addAll(GLOBALS);
        return Set.copyOf(names);
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

    /**
     * The names the template binds in its own scope, outside every {@code for}, {@code macro}, {@code block} and
     * {@code with}.
     */
    Set<String> topLevelNames() {
        return Set.copyOf(scopes.getLast());
    }

    /**
     * The names the template defines by {@code set} or {@code macro} outside every {@code for}, {@code macro},
     * {@code block}, {@code call}, {@code filter} and {@code with}, which an import of it may take; not one starting with {@code _},
     * which Jinja and Nunjucks keep the template's own, nor one it imports itself, which they do not pass on.
     */
    Set<String> exported() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(exported));
    }

    /** Binds a name defined in the innermost scope, exported when that is the template's own. */
    private void define(String name) {
        scopes.peek().add(name);
        if (scopes.size() == 1 && !name.startsWith("_")) {
            exported.add(name);
        }
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
            if (dot > 0) {
                // {% set ns.total = ... %} writes into an existing namespace object.
                expression(trimmed.substring(0, dot), offset + rest.indexOf(trimmed));
            } else {
                // a name, or names in parentheses: (a, b), (a,)
                identifiers(trimmed).forEach(this::define);
            }
        }
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
        define(macro.group(1));
        Set<String> arguments = new HashSet<>(MACRO_LOCALS);
        for (String argument : macro.group(2).split(",")) {
            Matcher name = IDENTIFIER.matcher(argument.strip());
            if (name.lookingAt()) {
                arguments.add(name.group());
            }
        }
        scopes.push(arguments);
    }

    /**
     * The scope of a {@code block}, which Jinja renders as a function of its own: what it sets stays inside it, and
     * {@code super()} renders the block it overrides.
     */
    void blockScope() {
        scopes.push(new HashSet<>(Set.of("super")));
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

    /**
     * {@code {% from "m.md" import a, b as c %}} binds {@code a} and {@code c}.
     *
     * @return the names taken from the file, {@code a} and {@code b}
     */
    List<String> fromImport(String rest) {
        int keyword = rest.indexOf(" import ");
        if (keyword < 0) {
            return List.of();
        }
        String names = CONTEXT_CHOICE.matcher(rest.substring(keyword + " import ".length())).replaceFirst("");
        List<String> taken = new ArrayList<>();
        for (String imported : names.split(",")) {
            String[] words = imported.strip().split("\\s+");
            if (words.length > 0 && !words[0].isEmpty()) {
                scopes.peek().add(words[words.length - 1]);
                taken.add(words[0]);
            }
        }
        return List.copyOf(taken);
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
     * Records the free names of an expression, as far as it can be read: a name is not a variable after {@code .}
     * (an attribute), after {@code |} (a filter), after {@code is} / {@code is not} (a test), or before a single
     * {@code =} (a keyword argument).
     */
    void expression(String text, int offset) {
        String previous = "";
        String beforePrevious = "";
        List<Token> tokens = ExpressionTokens.read(text, true).tokens();
        for (int at = 0; tokens.get(at).kind() != Kind.END; at++) {
            Token token = tokens.get(at);
            if (token.kind() == Kind.NAME) {
                boolean test = previous.equals("is") || previous.equals("not") && beforePrevious.equals("is");
                if (!previous.equals(".") && !previous.equals("|") && !test && !tokens.get(at + 1).is("=")) {
                    use(token.text(), offset + token.start());
                }
            }
            beforePrevious = previous;
            previous = token.kind() == Kind.NAME || token.kind() == Kind.OPERATOR ? token.text() : "";
        }
    }

    private void use(String name, int offset) {
        if (!firstUses.containsKey(name) && !isBound(name)) {
            firstUses.put(name, offset);
        }
    }
}
