package io.prompd.core.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a template includes, imports or extends by string literals, read from the expressions of those tags: only
 * a name written out can be checked before rendering, not one computed at render time.
 */
final class TemplateFileReferences {

    /** The words of a tag that end the expression naming its file: {@code {% from "m.md" import x %}}. */
    private static final Set<String> AFTER_FILE = Set.of("as", "import", "ignore", "with", "without");
    private static final Pattern IGNORE_MISSING = Pattern.compile("ignore\\s+missing\\b");
    /** What stands before and after a literal that is a whole file name: not {@code "a" ~ x}, not {@code f("a")}. */
    private static final Set<String> BEFORE_NAME = Set.of("", "[", "(", ",");
    private static final Set<String> AFTER_NAME = Set.of("", "]", ")", ",");

    private final BodyLines lines;
    private final List<TemplateScan.FileUse> found = new ArrayList<>();
    private final List<TemplateScan.ComputedFile> computed = new ArrayList<>();

    /** A token of a file expression: a string literal is {@code "}, with its text as {@code literal}. */
    private record Token(String symbol, String literal) {
    }

    TemplateFileReferences(BodyLines lines) {
        this.lines = lines;
    }

    /** The files found so far, in the order of the template. */
    List<TemplateScan.FileUse> found() {
        return List.copyOf(found);
    }

    /** The tags found so far that name a file by an expression computed at render time. */
    List<TemplateScan.ComputedFile> computed() {
        return List.copyOf(computed);
    }

    /**
     * Records the files a tag's expression names by string literals that it may evaluate to as they are: one literal,
     * each of a list or tuple ({@code ["a.md", "b.md"]}), each branch of a condition ({@link #literalNames}).
     *
     * @param written the tag, its name and expression as written, for {@link #computed}
     * @param rest   what follows the tag's name: the expression, then the tag's own words ({@code as}, {@code import},
     *               {@code ignore missing}, {@code with context})
     * @param offset where the tag is, for the line of its files
     * @param times  how many times the tag loads them: {@link TemplateScan.FileUse#times()}
     */
    void read(String written, String rest, int offset, long times) {
        List<Token> tokens = new ArrayList<>();
        boolean ignoreMissing = false;
        int index = 0;
        while (index < rest.length()) {
            char c = rest.charAt(index);
            Matcher word = TemplateLexer.IDENTIFIER.matcher(rest).region(index, rest.length());
            if (Character.isWhitespace(c)) {
                index++;
            } else if (c == '"' || c == '\'') {
                int end = TemplateLexer.stringEnd(rest, index);
                tokens.add(new Token("\"", end < 0 ? "" : rest.substring(index + 1, end)));
                index = end < 0 ? rest.length() : end + 1;
            } else if (word.lookingAt() && AFTER_FILE.contains(word.group())) {
                ignoreMissing = IGNORE_MISSING.matcher(rest).region(index, rest.length()).lookingAt();
                break;
            } else {
                int end = word.lookingAt() ? word.end() : index + 1;
                tokens.add(new Token(rest.substring(index, end), ""));
                index = end;
            }
        }
        int line = lines.fileLine(offset);
        boolean anyComputed = false;
        for (List<Token> branch : branches(tokens)) {
            Optional<List<String>> candidates = candidates(branch);
            if (candidates.isPresent()) {
                for (String name : candidates.get()) {
                    List<String> others = candidates.get().stream().filter(other -> !other.equals(name)).toList();
                    found.add(new TemplateScan.FileUse(name, line, ignoreMissing, others, times));
                }
            } else if (!branch.isEmpty()) {
                anyComputed = true;
                // a name computed at render time may be the one there, so no file written beside it is needed
                literalNames(branch)
                        .forEach(name -> found.add(new TemplateScan.FileUse(name, line, true, List.of(), times)));
            }
        }
        // the tag once, however many of its branches are computed
        if (anyComputed) {
            computed.add(new TemplateScan.ComputedFile(written, line));
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
                grouping.push(!symbol.equals("{") && !TemplateLexer.endsOperand(before));
            } else if ((symbol.equals(")") || symbol.equals("]") || symbol.equals("}")) && !grouping.isEmpty()) {
                grouping.pop();
            }
        }
        return names;
    }
}
