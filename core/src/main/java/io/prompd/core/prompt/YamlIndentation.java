package io.prompd.core.prompt;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error that is a line indented otherwise than the line above it, told as such: the parser names it in
 * its own terms, a key indented under another's value as "mapping values are not allowed here", which reads as a value
 * to quote, and a key indented less than those of its map as "expected &lt;block end&gt;, but found '?'", its token
 * for a key.
 */
final class YamlIndentation {

    /** The words of the parser for a key indented more than the one above it, whose value it reads on. */
    private static final String VALUE_GOES_ON = "mapping values are not allowed here";
    /** The words of the parser for a line that ends no block and goes on with none. */
    private static final String NO_BLOCK = "expected <block end>, but found ";
    /** A line's indentation, the {@code - } of the list entries it opens, and its key, if it starts with one. */
    private static final Pattern LINE = Pattern.compile("^( *)((?:- +)*)(?:([\\w$.][\\w$. -]*?|'[^']*'|\"[^\"]*\")"
            + " *:(?: |$))?");

    /**
     * A line of the front matter as its indentation tells it.
     *
     * @param index   0-based, in the front matter
     * @param column  where what the line holds starts, after its indentation and the {@code - } of its entries
     * @param entries whether the line opens entries of a list
     * @param colon   the column of the key's {@code :}; -1 without a key
     */
    private record Line(int index, int column, boolean entries, Optional<String> key, int colon) {

        /** The line, or empty for one that is blank or a comment, which tells nothing of the indentation. */
        static Optional<Line> of(List<String> lines, int index) {
            String text = lines.get(index);
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                return Optional.empty();
            }
            Matcher line = LINE.matcher(text);
            line.lookingAt();
            Optional<String> key = Optional.ofNullable(line.group(3));
            return Optional.of(new Line(index, line.end(2), !line.group(2).isEmpty(), key,
                    key.isEmpty() ? -1 : text.indexOf(':', line.end(3))));
        }

        /** {@code the key above it ('type', line 8)}, or {@code line 8 above it} for a line without a key. */
        String above(int lineShift) {
            int number = lineShift + index + 1;
            return key.map(name -> "the key above it ('" + name + "', line " + number + ")")
                    .orElse("line " + number + " above it");
        }
    }

    /**
     * @param message what the line's indentation says, after "the front matter is not valid YAML: "
     * @param hint    how to indent it
     */
    record Misindented(String message, String hint) {
    }

    private YamlIndentation() {
    }

    /**
     * The parser's error as a line indented otherwise than the one above it, when it is one.
     *
     * @param yaml      the front matter
     * @param lineShift how many lines of the file come before the front matter's first
     */
    static Optional<Misindented> of(String yaml, MarkedYAMLException invalid, int lineShift) {
        Mark mark = invalid.getProblemMark();
        String problem = String.valueOf(invalid.getProblem());
        List<String> lines = yaml.lines().toList();
        if (mark == null || mark.getLine() >= lines.size()) {
            return Optional.empty();
        }
        Optional<Line> here = Line.of(lines, mark.getLine());
        Optional<Line> above = here.flatMap(line -> lineAbove(lines, line.index()));
        if (here.isEmpty() || above.isEmpty()) {
            return Optional.empty();
        }
        Line line = here.get();
        String number = "line " + (lineShift + line.index() + 1);
        boolean inParameters = inParameters(lines, above.get());
        if (problem.equals(VALUE_GOES_ON) && line.colon() == mark.getColumn()
                && line.column() > above.get().column() && above.get().key().isPresent()) {
            // the line is read as more words of the plain value above, and its ':' as one no plain value may hold
            String key = above.get().key().get();
            String goesOn = number + " is indented more than " + above.get().above(lineShift)
                    + ", so YAML reads it as going on with the value of '" + key + "'";
            String word = line.key().orElseThrow();
            if (inParameters && FrontMatterReader.PARAMETER_KEYS.contains(word)) {
                return Optional.of(new Misindented(goesOn, hint(line, true) + "; quote a value that goes on over more"
                        + " lines and holds ': '"));
            }
            // but for a parameter's own key, whose misindenting is common, the line is rather more text of the value
            return Optional.of(new Misindented(goesOn + ", which may not hold ': ' unquoted", "quote the value of '"
                    + key + "', or write it as a block: '>' after '" + key + ":' and its text on the lines under it"
                    + " ('|' keeps its line breaks); if '" + word + "' is a key, indent it as the other keys of its map"
                    + linedUp(inParameters)));
        }
        if (!problem.startsWith(NO_BLOCK)) {
            return Optional.empty();
        }
        int shift = Integer.compare(line.column(), above.get().column());
        String message = shift > 0 ? number + " is indented more than " + above.get().above(lineShift)
                : (shift < 0 ? number + " is indented less than " + above.get().above(lineShift) + ", and" : number)
                        + " is in line with no map or list around it";
        return Optional.of(new Misindented(message, hint(line, inParameters)));
    }

    /** Whether {@code line} lies in the value of the top-level key {@code parameters}, where keys are a parameter's. */
    private static boolean inParameters(List<String> lines, Line line) {
        for (int index = line.index(); index >= 0; index--) {
            Optional<Line> topLevel = Line.of(lines, index).filter(at -> at.column() == 0 && at.key().isPresent());
            if (topLevel.isPresent()) {
                return topLevel.get().key().get().equals("parameters");
            }
        }
        return false;
    }

    /** The line before {@code index} that tells of the indentation. */
    private static Optional<Line> lineAbove(List<String> lines, int index) {
        for (int before = index - 1; before >= 0; before--) {
            Optional<Line> line = Line.of(lines, before);
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }

    /** @param inParameters whether the line's map is a parameter's, whose keys are told how they line up */
    private static String hint(Line line, boolean inParameters) {
        if (line.entries()) {
            return "indent each '- ' entry of a list as the entries before it";
        }
        return line.key().map(key -> "indent '" + key + "' as the other keys of its map" + linedUp(inParameters))
                .orElse("indent the line as the others of its map or list");
    }

    /** How the keys of a parameter's map line up, to add when the map is one; empty for another map. */
    private static String linedUp(boolean inParameters) {
        return inParameters ? " (the keys of a parameter line up under its first)" : "";
    }
}
