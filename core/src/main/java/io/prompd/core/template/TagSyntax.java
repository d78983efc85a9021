package io.prompd.core.template;

import io.prompd.core.problem.Spelling;
import io.prompd.core.template.ExpressionTokens.Kind;
import io.prompd.core.template.ExpressionTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The syntax of what a template's tags hold, the expression of a {@code {{ }}} and what follows the name of a
 * {@code {% %}}, read by the grammar of Jinja's parser, which refuses the whole template for a fault there: reading
 * stops at the fault, as Jinja's parser does. Where Nunjucks reads more ({@code ===}, a regular expression, an inline
 * {@code if} where Jinja takes none, a keyword argument before a positional one), that is read too, since a prompt
 * may be rendered by either: what either parses passes. A filter or a test that neither has, nor Prompd for a filter,
 * is a fault too, which Jinja's compiler refuses (within an {@code {% if %}}, when the branch renders) and Nunjucks
 * when it renders, but reading goes on after it.
 */
final class TagSyntax {

    /**
     * How deep a template may nest, blocks and expressions together, below what Nunjucks parses: its recursive parser
     * and compiler overflow their stack past about 430 brackets, 730 nested {@code for}, 1100 nested {@code if}, 750
     * attributes in a chain, 1200 filters and 2200 {@code not}, and less when they add up. Jinja parses less of most.
     * The limit also bounds how deep this reading recurses.
     */
    static final int DEEPEST = 400;
    /**
     * Jinja's filters, Nunjucks' ({@code dump}, {@code nl2br}), and those Prompd's own compiler adds, which its editor
     * lists and its packages use ({@code fromjson}, {@code lines}).
     */
    private static final Set<String> FILTERS = Set.of("abs", "attr", "batch", "capitalize", "center", "count", "d",
            "default", "dictsort", "e", "escape", "filesizeformat", "first", "float", "forceescape", "format",
            "groupby", "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min",
            "pprint", "random", "reject", "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr",
            "slice", "sort", "string", "striptags", "sum", "title", "tojson", "trim", "truncate", "unique", "upper",
            "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr",
            "dump", "nl2br",
            "bulletlist", "codeblock", "dedent", "fromcsv", "fromjson", "lines", "numberedlist", "pluck", "sample",
            "shuffle", "where");
    /** Jinja's tests, and Nunjucks' ({@code falsy}, {@code null}, {@code truthy}). */
    private static final Set<String> TESTS = Set.of("boolean", "callable", "defined", "divisibleby", "eq", "equalto",
            "escaped", "even", "false", "filter", "float", "ge", "greaterthan", "gt", "in", "integer", "iterable", "le",
            "lessthan", "lower", "lt", "mapping", "ne", "none", "number", "odd", "sameas", "sequence", "string", "test",
            "true", "undefined", "upper",
            "falsy", "null", "truthy");
    private static final Set<String> COMPARISONS = Set.of("==", "===", "!=", "!==", "<", ">", "<=", ">=");
    /** The words that end a test written without parentheses rather than give it its argument. */
    private static final Set<String> AFTER_TEST = Set.of("and", "or", "else", "if", "in", "not");
    /** The tags whose block may start after a ':', as Python's statements do: Jinja skips one there. */
    private static final Set<String> COLON_BEFORE_BODY = Set.of("if", "elif", "else", "for", "macro", "call", "filter",
            "block", "autoescape");
    /** What Jinja refuses these tags without, as an example completes it. */
    private static final Map<String, String> NEEDED = Map.ofEntries(
            Map.entry("if", "a condition, as in {% if topic %}"),
            Map.entry("elif", "a condition, as in {% elif topic %}"),
            Map.entry("for", "'NAME in ITEMS', as in {% for item in items %}"),
            Map.entry("include", "the file's name, as in {% include \"./part.prmd\" %}"),
            Map.entry("extends", "the file's name, as in {% extends \"./part.prmd\" %}"),
            Map.entry("import", "the file's name, as in {% import \"./part.prmd\" as part %}"),
            Map.entry("from", "the file's name, as in {% from \"./part.prmd\" import name %}"),
            Map.entry("set", "a name, as in {% set name %}"),
            Map.entry("macro", "a name, as in {% macro name() %}"),
            Map.entry("block", "a name, as in {% block name %}"),
            Map.entry("call", "a macro's call, as in {% call list(items) %}"),
            Map.entry("filter", "a filter, as in {% filter upper %}"),
            Map.entry("autoescape", "true or false, as in {% autoescape false %}"),
            Map.entry("do", "an expression, as in {% do items.append(item) %}"),
            Map.entry("switch", "a value, as in {% switch kind %}"),
            Map.entry("case", "a value, as in {% case \"a\" %}"));

    private final TemplateFaults faults;

    /**
     * A place the template cannot be read, or the name of a filter or test no engine has.
     *
     * @param offset where in the body, for its line
     * @param stop   how far into the tag's text reading goes
     */
    private record Fault(int offset, int stop, String message, String hint) {
    }

    /**
     * The tag at hand, for the words of its faults.
     *
     * @param where  the tag as a message names it, {@code {% if %}}
     * @param opener what stands before its text: the tag's name, nothing for a {@code {{ }}}
     * @param offset where the tag is, for a fault of the tag as a whole
     * @param blocks how deep the blocks around it nest: {@link BlockStructure#depth()}
     */
    private record Tag(String where, String opener, int offset, int blocks) {
    }

    /** Ends the reading at the first fault of the grammar, as Jinja's parser raises one there. */
    private static final class Unreadable extends RuntimeException {

        private final transient Fault fault;

        Unreadable(Fault fault) {
            super(fault.message(), null, false, false);
            this.fault = fault;
        }
    }

    TagSyntax(TemplateFaults faults) {
        this.faults = faults;
    }

    /** What a fault of nesting says, of what is nested too deep: {@code the expression is nested}. */
    static String tooDeep(String what) {
        return what + " more than " + DEEPEST + " deep here, deeper than Jinja or Nunjucks reads";
    }

    /**
     * The expression of a {@code {{ }}}; one that is blank the lexer tells.
     *
     * @param blocks how deep the blocks around it nest
     * @return where Jinja's parser stops in it, at its fault; empty when it reads all of it
     */
    OptionalInt print(String expression, int offset, int blocks) {
        return expression.isBlank() ? OptionalInt.empty()
                : read(expression, offset, new Tag("{{ }}", "", offset, blocks), Parser::print);
    }

    /**
     * What follows a {@code {% %}}'s name.
     *
     * @param written the tag's name as written, {@code asyncEach}
     * @param tag     the tag it stands for, {@code for}
     * @param offset  where the tag is
     * @param blocks  how deep the blocks around it nest
     * @return where Jinja's parser stops in {@code rest}, at its fault; empty when it reads all of it
     */
    OptionalInt statement(String written, String tag, String rest, int offset, int restOffset, int blocks) {
        return read(rest, restOffset, new Tag("{% " + written + " %}", written, offset, blocks),
                parser -> parser.statement(tag));
    }

    /**
     * Reads the text with Nunjucks' regular expressions, and, if it does not parse so, as Jinja reads the same
     * characters ({@code r/2/x} is {@code r} divided twice); the faults told are those of the first reading.
     */
    private OptionalInt read(String text, int offset, Tag tag, Consumer<Parser> grammar) {
        ExpressionTokens withRegexes = ExpressionTokens.read(text, true);
        Parser parser = new Parser(text, withRegexes, offset, tag);
        Optional<Fault> stop = parser.parse(grammar);
        if (stop.isPresent() && withRegexes.regexRead()) {
            Parser jinja = new Parser(text, ExpressionTokens.read(text, false), offset, tag);
            if (jinja.parse(grammar).isEmpty()) {
                parser = jinja;
                stop = Optional.empty();
            }
        }
        parser.unknown.forEach(fault -> faults.add(fault.offset(), fault.message(), fault.hint()));
        stop.ifPresent(fault -> faults.add(fault.offset(), fault.message(), fault.hint()));
        return stop.map(fault -> OptionalInt.of(fault.stop())).orElse(OptionalInt.empty());
    }

    /** Jinja's recursive descent over the tokens of one tag, which stops at the first fault as Jinja's parser does. */
    private static final class Parser {

        private final String text;
        private final List<Token> tokens;
        /** What stopped the lexer, told when the grammar reaches it. */
        private final Optional<ExpressionTokens.Fault> lexical;
        private final int offset;
        private final Tag tag;
        /** The names of filters and tests no engine has, in order. */
        private final List<Fault> unknown = new ArrayList<>();
        private int at;
        /** Where the last value read ends, after its filters and tests: a name or a literal there lacks an operator. */
        private int valueEnd = -1;
        /**
         * How deep the blocks around the tag nest, as the expression counts them: blocks nested too deep have their
         * fault already, at the block passing {@link #DEEPEST}, so an expression inside them is measured on its own.
         */
        private final int blocks;
        /** How deep the reading position nests, the blocks around the tag included. */
        private int depth;

        Parser(String text, ExpressionTokens read, int offset, Tag tag) {
            this.text = text;
            this.tokens = read.tokens();
            this.lexical = read.fault();
            this.offset = offset;
            this.tag = tag;
            this.blocks = tag.blocks() > DEEPEST ? 0 : tag.blocks();
            this.depth = blocks;
        }

        /** The fault the grammar stops at, if it does. */
        Optional<Fault> parse(Consumer<Parser> grammar) {
            try {
                grammar.accept(this);
                return Optional.empty();
            } catch (Unreadable unreadable) {
                return Optional.of(unreadable.fault);
            }
        }

        void print() {
            tuple(Set.of());
            end();
        }

        void statement(String name) {
            if (atEnd() && lexical.isEmpty() && NEEDED.containsKey(name)) {
                throw needs(name);
            }
            switch (name) {
                case "if", "elif", "do" -> tuple(Set.of());
                case "for" -> forLoop();
                case "set" -> set();
                case "with" -> sequence(this::assignment);
                case "macro" -> {
                    name("the macro's name");
                    signature();
                }
                case "call" -> call();
                case "filter" -> {
                    filterName();
                    while (at("|")) {
                        filter();
                    }
                }
                case "block" -> {
                    name("the block's name");
                    skip("scoped");
                    skip("required");
                }
                case "endblock", "pluralize" -> skipName();
                case "extends", "autoescape", "switch", "case" -> expression();
                case "include" -> {
                    expression();
                    if (skip("ignore")) {
                        word("missing", "write 'ignore missing' to render without the file when it is not there");
                    }
                    context();
                }
                case "import" -> {
                    expression();
                    word("as", "name what the file is imported as, as in {% import \"./part.prmd\" as part %}");
                    name("the name to import it as");
                    context();
                }
                case "from" -> fromImport();
                case "print" -> sequence(this::expression);
                case "trans" -> sequence(this::translated);
                default -> {
                    // the others take nothing: else, break, continue, raw, default and the ends
                }
            }
            if (COLON_BEFORE_BODY.contains(name)) {
                skip(":");
            }
            end();
        }

        /** {@code for a, (b, c) in items recursive}: Jinja's {@code if x} after the items reads as an inline if. */
        private void forLoop() {
            targets("for", Set.of("in"));
            if (!skip("in") || atEnd()) {
                throw lexical.map(stopped -> new Unreadable(lexicalFault(stopped))).orElseGet(() -> needs("for"));
            }
            tuple(Set.of("recursive"));
            skip("recursive");
        }

        /** {@code set a, b = 1, 2}, {@code set ns.total = 1}, or a block, {@code set text | trim}. */
        private void set() {
            targets("set", Set.of("=", "|", ":"));
            if (skip("=")) {
                tuple(Set.of());
                return;
            }
            while (at("|")) {
                filter();
            }
            skip(":");
        }

        /** {@code a = 1} of a {@code with}. */
        private void assignment() {
            targets("with", Set.of("="));
            symbol("=", "give the name its value, as in {% with name = value %}");
            expression();
        }

        /** {@code call(row) table(rows)}: Jinja renders the block through a call, which must end what follows. */
        private void call() {
            if (at("(")) {
                signature();
            }
            primary();
            if (!postfix()) {
                throw new Unreadable(new Fault(tag.offset(), 0, "{% call %} needs " + NEEDED.get("call"),
                        "end it with the macro's call, parentheses and all"));
            }
        }

        /** {@code from "m.prmd" import a, b as c with context}. */
        private void fromImport() {
            expression();
            word("import", "name what to import, as in {% from \"./part.prmd\" import name %}");
            if (context()) {
                return;
            }
            do {
                Token imported = current();
                name("a name to import");
                if (imported.text().startsWith("_")) {
                    throw new Unreadable(fault(imported, "'" + imported.text() + "' cannot be imported: a name"
                            + " starting with '_' is the file's own", "import another name, or rename the macro"));
                }
                if (skip("as")) {
                    name("the name to import it as");
                }
            } while (!context() && skip(","));
        }

        /** {@code count=n} or {@code user} of Jinja's i18n {@code trans}: a name its text reads. */
        private void translated() {
            name("a name");
            if (skip("=")) {
                expression();
            }
        }

        /**
         * {@code (a, b=1)} of a macro or a call block: names, each with a default or not, and no comma after the last,
         * which Jinja and Nunjucks refuse there.
         */
        private void signature() {
            if (!at("(")) {
                throw expected("'('", "write the arguments in parentheses, even none, as in {% macro name() %}");
            }
            bracketed(")", false, () -> {
                name("an argument's name");
                if (skip("=")) {
                    expression();
                }
            });
        }

        /** Whether {@code with} or {@code without context} ends an include or an import, read if so. */
        private boolean context() {
            if (!at("with") && !at("without")) {
                return false;
            }
            at++;
            word("context", "write 'with context' or 'without context'");
            return true;
        }

        /**
         * What a {@code for}, {@code set} or {@code with} assigns to: names, in parentheses or not, and in {@code set}
         * a namespace's attribute ({@code ns.total}). In parentheses, as in Jinja's tuples, there may be one with a
         * comma after it, {@code (a,)}, or none; out of them, no comma ends them, as Jinja and Nunjucks refuse
         * {@code for a, in items}.
         *
         * @param ends the words or operators that follow them
         */
        private void targets(String name, Set<String> ends) {
            do {
                target(name, ends);
            } while (skip(","));
        }

        private void target(String name, Set<String> ends) {
            int first = at;
            if (atEnd() || at(",") || ends.stream().anyMatch(this::at) && !keywordTarget(ends)) {
                throw expected("a name to assign to", "name what to assign to, as in " + assigning(name));
            }
            if (at("(")) {
                bracketed(")", () -> target(name, Set.of(")")));
            } else if (skipName() && name.equals("set") && skip(".") && !skipName()) {
                throw unassignable(name, first, ends);
            }
            if (at == first || !endsTarget(current(), ends)) {
                throw unassignable(name, first, ends);
            }
        }

        /**
         * Whether the word that would end the targets is one of them, as what follows it shows: Jinja and Nunjucks
         * take any name, so {@code for in in items} loops with {@code in}.
         */
        private boolean keywordTarget(Set<String> ends) {
            return current().kind() == Kind.NAME && endsTarget(tokens.get(at + 1), ends);
        }

        private static boolean endsTarget(Token next, Set<String> ends) {
            return next.kind() == Kind.END || next.is(",") || next.is(")") || ends.stream().anyMatch(next::is);
        }

        /**
         * A target that is no name, quoted as far as its comma or the tag's next word, at its own depth; one that runs
         * to where the lexer stopped is rather what stopped it, a bracket never closed.
         */
        private Unreadable unassignable(String name, int first, Set<String> ends) {
            int open = 0;
            int last = first;
            for (; tokens.get(last).kind() != Kind.END; last++) {
                Token token = tokens.get(last);
                if (open == 0 && (token.is(",") || ends.stream().anyMatch(token::is))) {
                    break;
                }
                open += token.is("(") || token.is("[") || token.is("{") ? 1 : 0;
                open -= token.is(")") || token.is("]") || token.is("}") ? 1 : 0;
                if (open < 0) {
                    break;
                }
            }
            if (tokens.get(last).kind() == Kind.END && lexical.isPresent()) {
                return new Unreadable(lexicalFault(lexical.get()));
            }
            Token start = tokens.get(first);
            String target = text.substring(start.start(), tokens.get(last).start()).strip();
            return new Unreadable(fault(start, "{% " + name + " %} cannot assign to '" + target + "', which is no name",
                    "name it with a letter or '_' first, then letters, digits or '_', as in " + assigning(name)));
        }

        private static String assigning(String name) {
            return "{% " + name + " total" + (name.equals("for") ? " in items" : " = 1") + " %}";
        }

        /** Expressions separated by commas, a trailing one too: Python's tuple without its parentheses. */
        private void tuple(Set<String> ends) {
            expression();
            while (skip(",")) {
                if (atEnd() || ends.stream().anyMatch(this::at)) {
                    return;
                }
                expression();
            }
        }

        /**
         * Jinja's condexpr: {@code a if b else c}, the {@code else} left out as Jinja and Nunjucks allow. Read in a
         * loop, as are chains of signs, of {@code not} and of filters, each step a level deeper all the same, as
         * Jinja and Nunjucks recurse into each: only brackets recurse here, as deep as {@link #deepen} lets them.
         */
        private void expression() {
            int outer = depth;
            or();
            while (skip("if")) {
                or();
                if (at("else")) {
                    deepen(current());
                    at++;
                    or();
                }
            }
            depth = outer;
        }

        private void or() {
            and();
            while (skip("or")) {
                and();
            }
        }

        private void and() {
            not();
            while (skip("and")) {
                not();
            }
        }

        private void not() {
            int outer = depth;
            while (at("not")) {
                deepen(current());
                at++;
            }
            compare();
            depth = outer;
        }

        private void compare() {
            math1();
            while (true) {
                if (current().kind() == Kind.OPERATOR && COMPARISONS.contains(current().text()) || at("in")) {
                    at++;
                } else if (at("not") && tokens.get(at + 1).is("in")) {
                    at += 2;
                } else {
                    return;
                }
                math1();
            }
        }

        private void math1() {
            concat();
            while (skip("+") || skip("-")) {
                concat();
            }
        }

        private void concat() {
            math2();
            while (skip("~")) {
                math2();
            }
        }

        private void math2() {
            pow();
            while (skip("*") || skip("/") || skip("//") || skip("%")) {
                pow();
            }
        }

        private void pow() {
            unary();
            while (skip("**")) {
                unary();
            }
        }

        /** A sign binds to what follows it, before its filters: {@code -x | abs} is the absolute value of -x. */
        private void unary() {
            int outer = depth;
            while (at("-") || at("+")) {
                deepen(current());
                at++;
            }
            primary();
            postfix();
            filters();
            valueEnd = at;
            depth = outer;
        }

        /** A name (a keyword too: Jinja reads {@code {{ if }}} as a variable), a literal or a bracketed value. */
        private void primary() {
            switch (current().kind()) {
                case NAME, NUMBER, REGEX -> at++;
                case STRING -> {
                    // Python's adjacent strings: 'a' 'b' is 'ab'
                    while (current().kind() == Kind.STRING) {
                        at++;
                    }
                }
                default -> {
                    if (at("(") || at("[")) {
                        bracketed(at("(") ? ")" : "]", this::expression);
                    } else if (at("{")) {
                        bracketed("}", () -> {
                            expression();
                            symbol(":", "give the key its value after a ':', as in {'key': value}");
                            expression();
                        });
                    } else {
                        throw expected("an expression", atEnd() ? "complete the expression, or remove " + previous()
                                : "write a value there: a name, a number, a string or a bracket");
                    }
                }
            }
        }

        /**
         * Attributes, items and calls of a value: {@code user.name}, {@code row[0]}, {@code f(x)}.
         *
         * @return whether a call is the last
         */
        private boolean postfix() {
            boolean called = false;
            while (true) {
                Token step = current();
                if (skip(".")) {
                    if (current().kind() != Kind.NAME && current().kind() != Kind.NUMBER) {
                        throw expected("an attribute's name", "name the attribute after the '.', as in user.name");
                    }
                    at++;
                    called = false;
                } else if (at("[")) {
                    subscript();
                    called = false;
                } else if (at("(")) {
                    arguments();
                    called = true;
                } else {
                    return called;
                }
                // what follows applies to the value so far, a level deeper
                deepen(step);
            }
        }

        /** Filters, tests and calls, in any order: {@code x | f}, {@code x is defined}, {@code x | f()()}. */
        private void filters() {
            while (true) {
                if (at("|")) {
                    filter();
                } else if (at("is")) {
                    test();
                } else if (at("(")) {
                    Token call = current();
                    arguments();
                    deepen(call);
                } else {
                    return;
                }
            }
        }

        private void filter() {
            Token pipe = current();
            at++;
            if (atEnd() && lexical.isEmpty()) {
                throw new Unreadable(fault(pipe, "a '|' ends the expression with no filter after it", "name the"
                        + " filter, as in | upper, or remove the '|'"));
            }
            filterName();
            deepen(pipe);
        }

        /** A filter's name, known to Jinja, Nunjucks or Prompd, and its arguments. */
        private void filterName() {
            Token name = current();
            String filter = dottedName("a filter's name", "name the filter, as in | upper");
            if (!FILTERS.contains(filter)) {
                unknown.add(fault(name, "no filter named '" + filter + "' in Jinja, Nunjucks or Prompd", Spelling
                        .didYouMean(filter, FILTERS).orElse("use one of their filters, such as default, join, lower,"
                                + " replace, trim or upper")));
            }
            if (at("(")) {
                arguments();
            }
        }

        /** {@code is defined}, {@code is not divisibleby(3)}, {@code is sameas false}: one argument needs none. */
        private void test() {
            Token is = current();
            at++;
            skip("not");
            Token name = current();
            String test = dottedName("a test's name", "name the test, as in is defined");
            if (!TESTS.contains(test)) {
                unknown.add(fault(name, "no test named '" + test + "' in Jinja or Nunjucks", Spelling
                        .didYouMean(test, TESTS).orElse("use one of their tests, such as defined, none, number or"
                                + " string")));
            }
            if (at("(")) {
                arguments();
            } else if (at("is")) {
                throw new Unreadable(fault(current(), "a test cannot take another 'is' as its argument", "join the"
                        + " tests with 'and', as in x is defined and x is string"));
            } else if (startsArgument(current())) {
                primary();
                postfix();
            }
            deepen(is);
        }

        /** Whether what follows a test written without parentheses is its one argument, as Jinja takes a value. */
        private static boolean startsArgument(Token next) {
            return switch (next.kind()) {
                case NAME -> !AFTER_TEST.contains(next.text());
                case NUMBER, STRING, REGEX -> true;
                case OPERATOR -> next.is("[") || next.is("{");
                case END -> false;
            };
        }

        /** The arguments of a call, a filter or a test, in parentheses: {@link Arguments}. */
        private void arguments() {
            bracketed(")", new Arguments()::next);
        }

        /**
         * The arguments of one call in the order Jinja takes them: positional ones, keyword ones ({@code key=x}, a
         * name or, in Nunjucks, a string before the '='), then {@code *args} and {@code **kwargs}, one of each, a
         * keyword between them too. Nunjucks takes a keyword before a positional one, but has no {@code *} or
         * {@code **}, so a call with either takes Jinja's order alone.
         */
        private final class Arguments {

            /** The first {@code *args}, {@code **kwargs} and keyword argument read, as written; empty before. */
            private String starred = "";
            private String doubleStarred = "";
            private String keyword = "";
            /** A positional argument after a keyword one, told if a {@code *} or {@code **} comes. */
            private Optional<Fault> afterKeyword = Optional.empty();

            /** One argument, in its place after those before it. */
            void next() {
                Token start = current();
                boolean star = skip("*");
                boolean doubleStar = !star && skip("**");
                boolean named = !star && !doubleStar && (current().kind() == Kind.NAME
                        || current().kind() == Kind.STRING) && tokens.get(at + 1).is("=");
                at += named ? 2 : 0;
                expression();
                String argument = text.substring(start.start(), current().start()).strip();
                if (at("=")) {
                    throw new Unreadable(fault(current(), "'" + argument + "' cannot take a value with '=': a"
                            + " keyword argument is a name", "write name=value, as in f(key=value)"));
                }
                if (star || doubleStar) {
                    String same = star ? starred : doubleStarred;
                    if (!same.isEmpty()) {
                        throw new Unreadable(fault(start, "'" + argument + "' follows '" + same + "' in the call's"
                                + " arguments", "a call takes one *args and one **kwargs"));
                    }
                    if (star && !doubleStarred.isEmpty()) {
                        throw disorder(start, argument, doubleStarred);
                    }
                    if (afterKeyword.isPresent()) {
                        throw new Unreadable(afterKeyword.get());
                    }
                    starred = star ? argument : starred;
                    doubleStarred = doubleStar ? argument : doubleStarred;
                } else if (named) {
                    if (!doubleStarred.isEmpty()) {
                        throw disorder(start, argument, doubleStarred);
                    }
                    keyword = keyword.isEmpty() ? argument : keyword;
                } else if (!doubleStarred.isEmpty() || !starred.isEmpty()) {
                    throw disorder(start, argument, doubleStarred.isEmpty() ? starred : doubleStarred);
                } else if (!keyword.isEmpty() && afterKeyword.isEmpty()) {
                    afterKeyword = Optional.of(fault(start, "'" + argument + "' follows '" + keyword + "' in a call"
                            + " with *args or **kwargs", "write the positional arguments first: Nunjucks, which takes"
                            + " them after keyword ones, has no * or **"));
                }
            }

            private Unreadable disorder(Token start, String argument, String before) {
                return new Unreadable(fault(start, "'" + argument + "' follows '" + before + "' in the call's"
                        + " arguments", "write them in Jinja's order: positional arguments, keyword ones"
                        + " (name=value), then *args and **kwargs"));
            }
        }

        /** {@code [1]}, {@code [1:2]}, {@code [::2]}, {@code [1, 2]}: Python's slices. */
        private void subscript() {
            deepen(current());
            at++;
            for (boolean first = true; !at("]"); first = false) {
                if (!first) {
                    symbol(",", "separate the items with ','");
                }
                if (!skip(":")) {
                    expression();
                    if (!skip(":")) {
                        continue;
                    }
                }
                if (!at(":") && !at("]") && !at(",")) {
                    expression();
                }
                if (skip(":") && !at("]") && !at(",")) {
                    expression();
                }
            }
            at++;
            depth--;
        }

        /** Items up to the bracket closing them, separated by commas, a trailing one too. */
        private void bracketed(String closer, Runnable item) {
            bracketed(closer, true, item);
        }

        /** @param trailingComma whether a comma may end the items, as everywhere but in a macro's arguments */
        private void bracketed(String closer, boolean trailingComma, Runnable item) {
            deepen(current());
            at++;
            for (boolean first = true; !at(closer); first = false) {
                if (!first) {
                    symbol(",", "separate the items with ','");
                    if (trailingComma && at(closer)) {
                        break;
                    }
                }
                item.run();
            }
            at++;
            depth--;
        }

        /** One level deeper, at the token that goes there: a fault past {@link #DEEPEST}. */
        private void deepen(Token token) {
            depth++;
            if (depth > DEEPEST) {
                throw new Unreadable(fault(token, tooDeep("the expression is nested") + (blocks > 0
                        ? ", counting the blocks around it, " + blocks + " deep" : ""), "take the expression"
                        + " apart, naming its inner parts with {% set name = ... %}: each bracket, 'not', sign,"
                        + " attribute, item, call, filter, test and inline else nests it one level deeper"
                        + (blocks > 0 ? ", as does each block around it" : "")));
            }
        }

        /** Items separated by commas up to the end of the tag, none too. */
        private void sequence(Runnable item) {
            for (boolean first = true; !atEnd(); first = false) {
                if (!first) {
                    symbol(",", "separate the items with ','");
                }
                item.run();
            }
        }

        /** A name with its dots, {@code yaml.dump}, as Jinja reads the name of a filter or a test. */
        private String dottedName(String what, String hint) {
            StringBuilder dotted = new StringBuilder(current().text());
            if (!skipName()) {
                throw expected(what, hint);
            }
            while (skip(".")) {
                dotted.append('.').append(current().text());
                if (!skipName()) {
                    throw expected(what, hint);
                }
            }
            return dotted.toString();
        }

        private void name(String what) {
            if (!skipName()) {
                throw expected(what, "write a name there: a letter or '_' first, then letters, digits or '_'");
            }
        }

        private void word(String word, String hint) {
            if (!skip(word)) {
                throw expected("'" + word + "'", hint);
            }
        }

        /** A separator or an operator the grammar needs there; a value standing there lacks an operator before it. */
        private void symbol(String symbol, String hint) {
            if (!skip(symbol)) {
                throw followsValue().orElseGet(() -> expected("'" + symbol + "'", hint));
            }
        }

        /** The end of the tag, where nothing is left to read. */
        private void end() {
            if (!atEnd()) {
                throw followsValue().orElseGet(() -> expected("the end of the " + tag.where(), leftOverHint()));
            }
            lexical.ifPresent(stopped -> {
                throw new Unreadable(lexicalFault(stopped));
            });
        }

        /** What to do with what is left in the tag, for the mistakes of other languages' habits first. */
        private String leftOverHint() {
            if (at("=")) {
                return "compare with '=='; give a variable a value with {% set name = value %}";
            }
            if (tag.opener().equals("else") && at("if")) {
                return "write {% elif ... %} for another condition";
            }
            return at == 0 ? "remove what follows '" + tag.opener() + "'"
                    : "remove it, or join it to what comes before with an operator or a filter";
        }

        /** A name, number or string right after a value: the fault Jinja names at it, said so. */
        private Optional<Unreadable> followsValue() {
            Token found = current();
            boolean startsValue = found.kind() == Kind.NAME ? !TemplateLexer.KEYWORDS.contains(found.text())
                    : found.kind() == Kind.NUMBER || found.kind() == Kind.STRING || found.kind() == Kind.REGEX;
            if (!startsValue || at != valueEnd) {
                return Optional.empty();
            }
            return Optional.of(new Unreadable(fault(found, describe(found) + " follows a value with no operator"
                    + " between them", "join them with an operator (~ for text, and, or, +, ...) or a filter (|), or"
                    + " put them in {{ }} of their own")));
        }

        /** The grammar needs {@code what} where it stands, which the lexer's fault may explain better. */
        private Unreadable expected(String what, String hint) {
            Token found = current();
            if (found.kind() == Kind.END && lexical.isPresent()) {
                return new Unreadable(lexicalFault(lexical.get()));
            }
            String after = previous().isEmpty() ? "" : " after " + previous();
            return new Unreadable(fault(found, "expected " + what + after + (found.kind() == Kind.END
                    ? " before the end of the " + tag.where() : ", found " + describe(found)), hint));
        }

        private Unreadable needs(String name) {
            return new Unreadable(new Fault(tag.offset(), 0, "{% " + name + " %} needs " + NEEDED.get(name),
                    "complete the tag, or remove it"));
        }

        /** The token read last, as a message names it, or the tag's name before the first. */
        private String previous() {
            return at > 0 ? describe(tokens.get(at - 1)) : tag.opener().isEmpty() ? "" : "'" + tag.opener() + "'";
        }

        private static String describe(Token token) {
            return switch (token.kind()) {
                case STRING -> "the string " + token.text();
                case REGEX -> "the regular expression " + token.text();
                default -> "'" + token.text() + "'";
            };
        }

        private Fault fault(Token token, String message, String hint) {
            return new Fault(offset + token.start(), token.start(), message, hint);
        }

        private Fault lexicalFault(ExpressionTokens.Fault stopped) {
            return new Fault(offset + stopped.at(), stopped.at(), stopped.message(), stopped.hint());
        }

        private Token current() {
            return tokens.get(at);
        }

        private boolean atEnd() {
            return current().kind() == Kind.END;
        }

        private boolean at(String symbol) {
            return current().is(symbol);
        }

        private boolean skip(String symbol) {
            if (!at(symbol)) {
                return false;
            }
            at++;
            return true;
        }

        private boolean skipName() {
            if (current().kind() != Kind.NAME) {
                return false;
            }
            at++;
            return true;
        }
    }
}
