package io.prompd.core.prompt;

import io.prompd.core.problem.Spelling;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a prompt body's template as Jinja will: the variables it reads from its caller, the free
 * names of Jinja expressions ({@code {{ x.y | f }}}, {@code {% if %}}, {@code {% for %}}, ...),
 * and the tags that do not fit together, which would stop the template from rendering at all.
 * Names a template binds itself ({@code for}, {@code set}, {@code macro}, {@code with},
 * {@code import}) are not free within their scope. Apart, the legacy {@code {name}} placeholders,
 * which Jinja does not read but leaves in the text as they are written.
 *
 * <p>Jinja renders code blocks too, so {@code {{ }}} counts there; a single-brace placeholder is
 * only taken outside code blocks, fenced or indented, and inline code, where braces are rarely JSON.
 */
final class TemplateScan {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "recursive");
    private static final Set<String> LITERALS = Set.of("true", "false", "none", "null");
    /** Jinja's global functions and the loop variable, which no caller supplies. */
    private static final Set<String> GLOBALS = Set.of("loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace");
    private static final Set<String> MACRO_LOCALS = Set.of("caller", "varargs", "kwargs");

    /**
     * A name as Jinja reads one, Python's identifier (Nunjucks takes any word): {@code {{ 名前 }}} is the variable
     * {@code 名前}, so a parameter may be named so; so is {@code x·y}, as U+00B7 and the few others Unicode adds to
     * the letters and digits of an identifier (Other_ID_Start, Other_ID_Continue) belong to names in Python.
     */
    private static final String NAME = "[\\p{L}\\p{Nl}_\\u1885\\u1886\\u2118\\u212E\\u309B\\u309C]"
            + "[\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}\\u1885\\u1886\\u2118\\u212E\\u309B\\u309C"
            + "\\u00B7\\u0387\\u1369-\\u1371\\u19DA]*";
    private static final Pattern IDENTIFIER = Pattern.compile(NAME);
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
    private static final Pattern FOR = Pattern.compile("^\\s*(.+?)\\s+in\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([^=]+?)\\s*=(?!=)(.*)$", Pattern.DOTALL);
    private static final Pattern MACRO = Pattern.compile("^\\s*(" + NAME + ")\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern IMPORTED_AS = Pattern.compile("\\bas\\s+(" + NAME + ")");
    /** What ends a from-import's list of names: a choice of Jinja's, not a name imported. */
    private static final Pattern CONTEXT_CHOICE = Pattern.compile("\\s+with(out)?\\s+context\\s*$");
    /** The words of a tag that end the expression naming its file: {@code {% from "m.md" import x %}}. */
    private static final Set<String> AFTER_FILE = Set.of("as", "import", "ignore", "with", "without");
    private static final Pattern IGNORE_MISSING = Pattern.compile("ignore\\s+missing\\b");
    /** What stands before and after a literal that is a whole file name: not {@code "a" ~ x}, not {@code f("a")}. */
    private static final Set<String> BEFORE_NAME = Set.of("", "[", "(", ",");
    private static final Set<String> AFTER_NAME = Set.of("", "]", ")", ",");
    /** What may follow the name in {@code {% include %}}: words of the tag, not variables. */
    private static final Pattern INCLUDE_OPTIONS = Pattern.compile("(\\s+ignore\\s+missing)?(\\s+(with|without)\\s+context)?\\s*$");
    /** Tags that open a block Jinja requires to be closed by {@code end<tag>}; {@code set} only without {@code =}. */
    private static final Set<String> BLOCKS = Set.of("if", "for", "macro", "call", "filter", "with", "block", "set",
            "autoescape", "raw", "switch");
    /**
     * The tags of Jinja, with its standard extensions (do, loop controls, i18n), and of Nunjucks, the two
     * engines prompts are written for: any other name fails when the prompt renders, as
     * {@code {% elsif %}} from Ruby or Liquid habits does.
     */
    private static final Set<String> TAGS = Set.of("if", "elif", "elseif", "else", "endif", "for", "endfor", "break",
            "continue", "macro", "endmacro", "call", "endcall", "filter", "endfilter", "set", "endset", "with", "endwith",
            "block", "endblock", "extends", "include", "import", "from", "autoescape", "endautoescape", "raw", "endraw",
            "do", "trans", "pluralize", "endtrans", "verbatim", "endverbatim", "switch", "case", "default", "endswitch",
            "ifAsync", "asyncEach", "endeach", "asyncAll", "endall");
    /** Nunjucks' variants, read as the tags they stand for: its async forms work as if and for do. */
    private static final Map<String, String> VARIANTS = Map.of("elseif", "elif", "ifAsync", "if", "asyncEach", "for",
            "endeach", "endfor", "asyncAll", "for", "endall", "endfor", "verbatim", "raw", "endverbatim", "endraw");
    /**
     * The ends of Nunjucks' variants that open a block: Nunjucks closes each with this end only, and Jinja knows
     * neither, so {@code {% asyncEach %}} closed by the {@code {% endfor %}} of the loop it stands for renders nowhere.
     */
    private static final Map<String, String> ENDS = Map.of("asyncEach", "endeach", "asyncAll", "endall",
            "verbatim", "endverbatim");
    /** The end of a raw or verbatim block, by its name: compiled once, not for each such block of each prompt. */
    private static final Map<String, Pattern> RAW_ENDS = Map.of("endraw", rawEnd("endraw"), "endverbatim",
            rawEnd("endverbatim"));
    private static final Map<Character, Character> CLOSERS = Map.of('(', ')', '[', ']', '{', '}');
    /** Spaces inside the braces as Jinja allows them inside its own, so that {@code { topic }} is one too. */
    private static final Pattern LEGACY = Pattern.compile(
            "(?<![{$\\\\])\\{[ \\t]*(" + NAME + "(?:\\." + NAME + ")*)[ \\t]*}(?!})");

    private final String body;
    private final MarkdownBody markdown;
    private final int[] lineStarts;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Map<String, Integer> firstUses = new LinkedHashMap<>();
    /** The blocks open at the scanning position, innermost first. */
    private final Deque<OpenBlock> blocks = new ArrayDeque<>();
    private final List<TemplateFault> faults = new ArrayList<>();
    private final List<FileUse> files = new ArrayList<>();
    private final List<Placeholder> placeholders = new ArrayList<>();

    /**
     * @param written the tag as written, {@code asyncEach}
     * @param tag     the tag it stands for, {@code for}
     * @param scopes  how many scopes were open before it: whatever closes the block, an end or the end
     *                of an outer block, closes the scopes opened since, its own among them
     */
    private record OpenBlock(String written, String tag, int offset, int scopes) {

        /** The one tag that closes the block. */
        String end() {
            return ENDS.getOrDefault(written, "end" + tag);
        }
    }

    /**
     * A file the template includes, imports or extends by a literal name, {@code {% include "./part.prmd" %}}.
     *
     * @param mayBeMissing whether the template renders without it: {@link ReferenceSite#mayBeMissing()}
     * @param alternatives the other files of the list it is named in: {@link ReferenceSite#alternatives()}
     */
    record FileUse(String written, int line, boolean mayBeMissing, List<String> alternatives) {

        FileUse {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A token of a file expression: a string literal is {@code "}, with its text as {@code literal}. */
    private record Token(String symbol, String literal) {
    }

    /**
     * A legacy single-brace placeholder in the text, {@code {topic}} or {@code { workflow.topic }}, which Jinja
     * leaves as it is written.
     *
     * @param written    the placeholder as written, braces included
     * @param expression what the braces hold, {@code workflow.topic}
     */
    record Placeholder(String written, String expression, int line) {

        /** The variable it names, {@code workflow} for {@code workflow.topic}. */
        String root() {
            int dot = expression.indexOf('.');
            return dot < 0 ? expression : expression.substring(0, dot);
        }
    }

    private TemplateScan(String body, int firstLine) {
        this.body = body;
        this.markdown = new MarkdownBody(body, firstLine);
        this.lineStarts = lineStarts(body);
        scopes.push(new HashSet<>());
    }

    /** Whether a template can read the name as a variable, {@code {{ name }}}. */
    static boolean isVariableName(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** Scans a prompt's body. */
    static TemplateScan of(PromptFile prompt) {
        return of(prompt.body(), prompt.bodyLine());
    }

    /** @param firstLine the file line where {@code body} starts */
    static TemplateScan of(String body, int firstLine) {
        TemplateScan scan = new TemplateScan(body, firstLine);
        scan.scan();
        scan.blocks.descendingIterator().forEachRemaining(open -> scan.fault(open.offset(),
                "{% " + open.written() + " %} is never closed", "add {% " + open.end() + " %} where the block ends"));
        return scan;
    }

    /** The variables the body reads without defining them, each at its first use, in order of first use. */
    List<VariableUse> freeVariables() {
        List<VariableUse> uses = new ArrayList<>();
        firstUses.forEach((name, offset) -> uses.add(new VariableUse(name, fileLine(offset))));
        return uses;
    }

    /**
     * The legacy placeholders of the text, outside code, in order; not those of a name the template binds where
     * they stand, nor of a keyword or a global, which are no parameter's.
     */
    List<Placeholder> placeholders() {
        return List.copyOf(placeholders);
    }

    /** Where the tags do not fit together, in the order found. */
    List<TemplateFault> faults() {
        return List.copyOf(faults);
    }

    /**
     * The files the template names to include, import or extend by string literals, also those it may render
     * without ({@link FileUse#mayBeMissing()}); not a name computed at render time, which cannot be checked here.
     */
    List<FileUse> files() {
        return List.copyOf(files);
    }

    /** The {@link #files()} that are references, with their lines; a name that is none is left out. */
    List<ReferenceSite> referenceSites(List<Alias> aliases) {
        return files.stream()
                .flatMap(use -> References.tryParse(use.written(), aliases).stream()
                        .map(reference -> new ReferenceSite(reference, "", use.line(), use.mayBeMissing(),
                                use.alternatives().stream().flatMap(other -> References.tryParse(other, aliases).stream())
                                        .toList())))
                .toList();
    }

    /**
     * Records the files a tag's expression names by string literals that it may evaluate to as they are: one literal,
     * each of a list or tuple ({@code ["a.md", "b.md"]}), each branch of a condition ({@link #literalNames}).
     *
     * @param rest what follows the tag's name: the expression, then the tag's own words ({@code as}, {@code import},
     *             {@code ignore missing}, {@code with context})
     */
    private void fileUse(String rest, int offset) {
        List<Token> tokens = new ArrayList<>();
        boolean ignoreMissing = false;
        int index = 0;
        while (index < rest.length()) {
            char c = rest.charAt(index);
            Matcher word = IDENTIFIER.matcher(rest).region(index, rest.length());
            if (Character.isWhitespace(c)) {
                index++;
            } else if (c == '"' || c == '\'') {
                int end = stringEnd(rest, index);
                boolean closed = end > index && rest.charAt(end) == c;
                tokens.add(new Token("\"", closed ? rest.substring(index + 1, end) : ""));
                index = end + 1;
            } else if (word.lookingAt() && AFTER_FILE.contains(word.group())) {
                ignoreMissing = IGNORE_MISSING.matcher(rest).region(index, rest.length()).lookingAt();
                break;
            } else {
                int end = word.lookingAt() ? word.end() : index + 1;
                tokens.add(new Token(rest.substring(index, end), ""));
                index = end;
            }
        }
        for (List<Token> branch : branches(tokens)) {
            int line = fileLine(offset);
            Optional<List<String>> candidates = candidates(branch);
            if (candidates.isPresent()) {
                for (String name : candidates.get()) {
                    List<String> others = candidates.get().stream().filter(other -> !other.equals(name)).toList();
                    files.add(new FileUse(name, line, ignoreMissing, others));
                }
            } else {
                // a name computed at render time may be the one there, so no file written beside it is needed
                literalNames(branch).forEach(name -> files.add(new FileUse(name, line, true, List.of())));
            }
        }
    }

    /**
     * The branches of a file expression, of which Jinja renders the one its condition picks, each of which must
     * therefore be there: {@code "a.md" if x else "b.md"} is two; the conditions themselves name no file.
     */
    private static List<List<Token>> branches(List<Token> tokens) {
        List<List<Token>> branches = new ArrayList<>();
        List<Token> part = new ArrayList<>();
        boolean condition = false;
        int depth = 0;
        for (Token token : tokens) {
            String symbol = token.symbol();
            if (depth == 0 && (symbol.equals("if") || symbol.equals("else"))) {
                if (!condition) {
                    branches.add(part);
                }
                part = new ArrayList<>();
                condition = symbol.equals("if");
                continue;
            }
            if (symbol.equals("(") || symbol.equals("[") || symbol.equals("{")) {
                depth++;
            } else if ((symbol.equals(")") || symbol.equals("]") || symbol.equals("}")) && depth > 0) {
                depth--;
            }
            part.add(token);
        }
        if (!condition) {
            branches.add(part);
        }
        return branches;
    }

    /**
     * The files a branch names when it is one literal, or a list or tuple of literals alone ({@code ["a.md", "b.md"]}),
     * of which Jinja renders the first that is there; empty when some part of it is computed.
     */
    private static Optional<List<String>> candidates(List<Token> branch) {
        String first = branch.isEmpty() ? "" : branch.get(0).symbol();
        String last = branch.isEmpty() ? "" : branch.get(branch.size() - 1).symbol();
        boolean bracketed = branch.size() >= 2 && (first.equals("[") && last.equals("]") || first.equals("(")
                && last.equals(")"));
        List<Token> items = bracketed ? branch.subList(1, branch.size() - 1) : branch;
        if (!bracketed && items.size() != 1) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int at = 0; at < items.size(); at++) {
            Token item = items.get(at);
            boolean literal = at % 2 == 0;
            if (literal ? !item.symbol().equals("\"") || item.literal().isEmpty() : !item.symbol().equals(",")) {
                return Optional.empty();
            }
            if (literal) {
                names.add(item.literal());
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    /**
     * The literals of an expression that it may evaluate to as they are, each of a list or tuple, not one joined to
     * others ({@code "parts/" ~ name}), compared, or passed to a call or an index, which is only part of a name.
     */
    private static List<String> literalNames(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        // for each open bracket, whether it groups (a list, a tuple, parentheses) rather than calls or indexes a value
        Deque<Boolean> grouping = new ArrayDeque<>();
        for (int at = 0; at < tokens.size(); at++) {
            String symbol = tokens.get(at).symbol();
            String before = at == 0 ? "" : tokens.get(at - 1).symbol();
            if (symbol.equals("\"")) {
                String after = at + 1 == tokens.size() ? "" : tokens.get(at + 1).symbol();
                if (!tokens.get(at).literal().isEmpty() && !grouping.contains(false) && BEFORE_NAME.contains(before)
                        && AFTER_NAME.contains(after)) {
                    names.add(tokens.get(at).literal());
                }
            } else if (symbol.equals("(") || symbol.equals("[") || symbol.equals("{")) {
                grouping.push(!symbol.equals("{") && !endsOperand(before));
            } else if ((symbol.equals(")") || symbol.equals("]") || symbol.equals("}")) && !grouping.isEmpty()) {
                grouping.pop();
            }
        }
        return names;
    }

    private void fault(int offset, String message, String hint) {
        faults.add(new TemplateFault(fileLine(offset), message, hint));
    }

    private void scan() {
        int textStart = 0;
        int position = 0;
        while (true) {
            int open = body.indexOf('{', position);
            if (open < 0 || open + 1 >= body.length()) {
                placeholders(textStart, body.length());
                return;
            }
            char kind = body.charAt(open + 1);
            if (kind != '{' && kind != '%' && kind != '#') {
                position = open + 1;
                continue;
            }
            placeholders(textStart, open);
            int close = kind == '#' ? body.indexOf("#}", open + 2) : closing(open + 2, kind == '{' ? '}' : '%');
            if (close < 0) {
                String closer = kind == '{' ? "}}" : kind + "}";
                fault(open, "'{" + kind + "' is never closed with '" + closer + "'", "close it with '" + closer
                        + "', or write a literal '{" + kind + "' as {{ '{" + kind + "' }}");
                return;
            }
            int innerStart = open + 2;
            String inner = body.substring(innerStart, close);
            position = close + 2;
            if (kind == '{') {
                String printed = trimControl(inner);
                if (printed.isBlank()) {
                    fault(open, "'{{ }}' holds no expression", "write the variable or expression to print between the"
                            + " braces, or remove them");
                }
                expression(printed, innerStart + leadingControl(inner));
            } else if (kind == '%') {
                position = statement(trimControl(inner), innerStart + leadingControl(inner), position);
            }
            textStart = position;
        }
    }

    /** The index of the closing {@code }}} or {@code %}}, skipping string literals that may hold one. */
    private int closing(int from, char first) {
        for (int index = from; index + 1 < body.length(); index++) {
            char c = body.charAt(index);
            if (c == '"' || c == '\'') {
                index = stringEnd(body, index);
            } else if (c == first && body.charAt(index + 1) == '}') {
                return index;
            }
        }
        return -1;
    }

    /** Handles one {@code {% %}} tag; returns where scanning goes on ({@code raw} skips its content). */
    private int statement(String inner, int offset, int after) {
        Matcher tagMatcher = IDENTIFIER.matcher(inner);
        int tagStart = 0;
        while (tagStart < inner.length() && Character.isWhitespace(inner.charAt(tagStart))) {
            tagStart++;
        }
        int tagOffset = offset - 2;
        if (!tagMatcher.region(tagStart, inner.length()).lookingAt()) {
            fault(tagOffset, "'{% " + (inner.isBlank() ? "" : inner.strip() + " ") + "%}' names no tag", "start it with a tag such as if, for or set,"
                    + " or write a literal '{%' as {{ '{%' }}");
            return after;
        }
        String written = tagMatcher.group();
        if (!TAGS.contains(written)) {
            fault(tagOffset, "{% " + written + " %} is not a tag of Jinja or Nunjucks", Spelling.didYouMean(written, TAGS)
                    .orElse("use one of their tags, such as if, elif, else, for or set, or write a literal '{%' as"
                            + " {{ '{%' }}"));
            return after;
        }
        String tag = VARIANTS.getOrDefault(written, written);
        String rest = inner.substring(tagMatcher.end());
        int restOffset = offset + tagMatcher.end();
        structure(written, tag, rest, tagOffset);
        argumentsRequired(tag, rest, tagOffset);
        switch (tag) {
            case "if", "elif", "do", "switch", "case" -> expression(rest, restOffset);
            case "include", "extends" -> {
                fileUse(rest, tagOffset);
                expression(INCLUDE_OPTIONS.matcher(rest).replaceFirst(""), restOffset);
            }
            case "for" -> forLoop(rest, restOffset);
            case "set" -> assignment(rest, restOffset);
            case "with" -> {
                scopes.push(new HashSet<>());
                for (String part : rest.split(",")) {
                    assignedNames(part).forEach(scopes.peek()::add);
                }
                expression(rest, restOffset);
            }
            case "macro" -> macro(rest);
            case "call", "filter" -> scopes.push(new HashSet<>(MACRO_LOCALS));
            case "import" -> {
                fileUse(rest, tagOffset);
                Matcher as = IMPORTED_AS.matcher(rest);
                while (as.find()) {
                    scopes.peek().add(as.group(1));
                }
            }
            case "from" -> {
                fileUse(rest, tagOffset);
                imports(rest);
            }
            case "raw" -> {
                // everything up to the block's own end is text, other ends included
                Matcher end = RAW_ENDS.get(blocks.peek().end()).matcher(body);
                if (!end.find(after)) {
                    return body.length();
                }
                blocks.pop();
                return end.end();
            }
            default -> { }
        }
        return after;
    }

    private static Pattern rawEnd(String end) {
        return Pattern.compile("\\{%[-+]?\\s*" + end + "\\s*[-+]?%}");
    }

    /** Jinja refuses these tags without what follows their name. */
    private void argumentsRequired(String tag, String rest, int offset) {
        String needed = switch (tag) {
            case "if", "elif" -> "a condition, as in {% " + tag + " topic %}";
            case "for" -> FOR.matcher(rest).matches() ? "" : "'NAME in ITEMS', as in {% for item in items %}";
            case "include", "extends", "import", "from" -> "the file's name, as in {% " + tag + " \"./part.prmd\""
                    + (tag.equals("import") ? " as part" : tag.equals("from") ? " import name" : "") + " %}";
            case "set", "macro", "block" -> "a name, as in {% " + tag + " name" + (tag.equals("macro") ? "()" : "") + " %}";
            default -> "";
        };
        if (!needed.isEmpty() && (rest.isBlank() || tag.equals("for"))) {
            fault(offset, "{% " + tag + " %} needs " + needed, "complete the tag, or remove it");
        }
    }

    /**
     * Keeps the stack of open blocks, and says where an end or a branch does not fit it.
     *
     * @param written the tag as written, {@code endeach}
     * @param tag     the tag it stands for, {@code endfor}
     */
    private void structure(String written, String tag, String rest, int offset) {
        if (BLOCKS.contains(tag) && !(tag.equals("set") && rest.contains("="))) {
            blocks.push(new OpenBlock(written, tag, offset, scopes.size()));
        } else if (tag.equals("case") || tag.equals("default")) {
            OpenBlock open = blocks.peek();
            if (open == null || !open.tag().equals("switch")) {
                fault(offset, "{% " + tag + " %} is not inside a {% switch %}", "remove it, or open the {% switch %} it"
                        + " belongs to");
            }
        } else if (tag.equals("elif") || tag.equals("else")) {
            OpenBlock open = blocks.peek();
            if (open == null || !(open.tag().equals("if") || tag.equals("else") && open.tag().equals("for"))) {
                fault(offset, "{% " + tag + " %} is not inside an {% if %}" + (tag.equals("else") ? " or a {% for %}" : ""),
                        open == null ? "remove it, or open the block it belongs to"
                                : "close the {% " + open.written() + " %} of line " + fileLine(open.offset()) + " first");
            }
        } else if (tag.startsWith("end") && BLOCKS.contains(tag.substring(3))) {
            close(written, tag.substring(3), offset);
        }
    }

    /**
     * @param written the end as written, {@code endeach}
     * @param tag     the block it closes, {@code for}
     */
    private void close(String written, String tag, int offset) {
        boolean opened = blocks.stream().anyMatch(open -> open.tag().equals(tag));
        if (!opened) {
            String opener = ENDS.entrySet().stream().filter(end -> end.getValue().equals(written)).map(Map.Entry::getKey)
                    .findFirst().orElse(tag);
            fault(offset, "{% " + written + " %} closes no {% " + opener + " %}", "remove it, or add the {% " + opener
                    + " %} it should close");
            return;
        }
        // the blocks opened since are the ones left unclosed; reported once, then forgotten
        while (!blocks.peek().tag().equals(tag)) {
            OpenBlock unclosed = blocks.pop();
            fault(unclosed.offset(), "{% " + unclosed.written() + " %} is never closed: {% " + written + " %} on line "
                    + fileLine(offset) + " comes first", "add {% " + unclosed.end() + " %} before it");
        }
        // an end of the block's kind but not its own, endfor for asyncEach, still ends it: one fault, not two
        OpenBlock closed = blocks.pop();
        if (!closed.end().equals(written)) {
            fault(offset, "{% " + written + " %} cannot close the {% " + closed.written() + " %} of line "
                    + fileLine(closed.offset()), "write {% " + closed.end() + " %} in its place");
        }
        while (scopes.size() > closed.scopes()) {
            scopes.pop();
        }
    }

    private void forLoop(String rest, int offset) {
        Matcher loop = FOR.matcher(rest);
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

    private void assignment(String rest, int offset) {
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
        fault(offset, "{% " + tag + " %} cannot assign to '" + name + "', which is no name", "name it with a letter or"
                + " '_' first, then letters, digits or '_', as in {% " + tag + " total" + (tag.equals("set") ? " = 1"
                : " in items") + " %}");
        return false;
    }

    private void macro(String rest) {
        Matcher macro = MACRO.matcher(rest);
        if (!macro.matches()) {
            scopes.push(new HashSet<>(MACRO_LOCALS));
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

    private void imports(String rest) {
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

    private static List<String> assignedNames(String part) {
        Matcher assign = ASSIGNMENT.matcher(part);
        return assign.matches() ? identifiers(assign.group(1)) : List.of();
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
    private void expression(String text, int offset) {
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
                index = stringEnd(text, index) + 1;
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
                    fault(offset + start, "'" + unread + "' is no part of a name, number, string or operator",
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
            fault(offset, "'" + brackets.peek() + "' is never closed in this expression", "close it with '"
                    + CLOSERS.get(brackets.peek()) + "'");
        } else if (previous.equals("|")) {
            fault(offset, "a '|' ends the expression with no filter after it", "name the filter, as in | upper, or"
                    + " remove the '|'");
        }
    }

    /**
     * Whether the token stands right after a value with no operator, which Jinja cannot parse, then with a fault: a
     * test may take one argument so, {@code x is divisibleby 3}.
     */
    private boolean followsValue(String previous, boolean previousIsTest, String token, int offset) {
        if (!endsOperand(previous) || previousIsTest) {
            return false;
        }
        fault(offset, "'" + token + "' follows a value with no operator between them", "join them with an operator"
                + " (~ for text, and, or, +, ...) or a filter (|), or put them in {{ }} of their own");
        return true;
    }

    /** Keeps the open brackets of an expression; false, with a fault, for a closing one that fits none. */
    private boolean bracketFits(char c, Deque<Character> brackets, int offset) {
        if (CLOSERS.containsKey(c)) {
            brackets.push(c);
        } else if (CLOSERS.containsValue(c)) {
            if (brackets.isEmpty() || CLOSERS.get(brackets.peek()) != c) {
                fault(offset, "'" + c + "' closes no bracket of this expression", brackets.isEmpty()
                        ? "remove it, or add the bracket it should close" : "close the '" + brackets.peek() + "' first");
                return false;
            }
            brackets.pop();
        }
        return true;
    }

    /** Whether the token ends a value, after which a name needs an operator first: a name, a literal, a bracket closed. */
    private static boolean endsOperand(String token) {
        return !token.isEmpty() && !KEYWORDS.contains(token)
                && (IDENTIFIER.matcher(token).matches() || token.equals("0") || token.equals("\"")
                        || token.equals(")") || token.equals("]") || token.equals("}"));
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

    /** Whether the name is no caller's at this point of the template: a keyword, a literal, a global or bound here. */
    private boolean isBound(String name) {
        return KEYWORDS.contains(name) || LITERALS.contains(name.toLowerCase(Locale.ROOT)) || GLOBALS.contains(name)
                || scopes.stream().anyMatch(scope -> scope.contains(name));
    }

    /** Legacy {@code {name}} placeholders in plain text between Jinja tags. */
    private void placeholders(int start, int end) {
        int brace = body.indexOf('{', start);
        if (brace < 0 || brace >= end) {
            return;
        }
        Matcher placeholder = LEGACY.matcher(body).region(start, end);
        while (placeholder.find()) {
            int line = lineIndex(placeholder.start());
            Placeholder found = new Placeholder(placeholder.group(), placeholder.group(1), markdown.fileLine(line));
            if (!markdown.isCode(placeholder.start()) && !isBound(found.root())) {
                placeholders.add(found);
            }
        }
    }

    private static int stringEnd(String text, int quote) {
        char delimiter = text.charAt(quote);
        for (int index = quote + 1; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\\') {
                index++;
            } else if (c == delimiter) {
                return index;
            }
        }
        return text.length() - 1;
    }

    private static String trimControl(String inner) {
        String trimmed = inner.substring(leadingControl(inner));
        return !trimmed.isEmpty() && (trimmed.endsWith("-") || trimmed.endsWith("+"))
                ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** 1 when the tag starts with a whitespace-control mark ({@code {{-}, {@code {%+}), else 0. */
    private static int leadingControl(String inner) {
        return !inner.isEmpty() && (inner.charAt(0) == '-' || inner.charAt(0) == '+') ? 1 : 0;
    }

    private int lineIndex(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private int fileLine(int offset) {
        return markdown.fileLine(lineIndex(offset));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
            starts.add(index + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
