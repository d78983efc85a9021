package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.SuspectCharacters;
import io.prompd.core.source.Utf8;
import java.util.List;
import java.util.Optional;

/**
 * A prompt file cut in two: the YAML between the {@code ---} lines that open the file, and the
 * Markdown body after them. Line endings are normalised to {@code \n} and a byte-order mark is dropped.
 *
 * @param yaml         the front matter text
 * @param firstYamlLine the 1-based file line of the first front-matter line
 * @param body         the text after the closing delimiter line
 * @param bodyLine     the 1-based file line where the body starts
 */
public record FrontMatter(String yaml, int firstYamlLine, String body, int bodyLine) {

    private static final String DELIMITER = "---";
    private static final String HINT = "start the file with a line '---', then the YAML front matter (id, name,"
            + " version, parameters, ...), then a line '---', then the Markdown body";

    /** The front matter of a prompt file's text, when it opens with one that is closed. */
    public static Optional<FrontMatter> of(String text) {
        return split("", text, new Problems());
    }

    static Optional<FrontMatter> split(String file, String text, Problems problems) {
        String normalised = normalise(text);
        int firstEnd = lineEnd(normalised, 0);
        if (!isDelimiter(normalised, 0, firstEnd) && normalised.substring(0, firstEnd).indexOf('\r') >= 0) {
            problems.add(Problem.error(file, "", "the file's lines end with a CR alone, as classic Mac OS wrote them,"
                    + " which Git, a pull request's diff and prompd read as one line", "save the file with LF (or CR"
                    + " LF) line ends").atLine(1));
            return Optional.empty();
        }
        if (!isDelimiter(normalised, 0, firstEnd)) {
            problems.add(Problem.error(file, "", normalised.isBlank() ? "the file is empty"
                    : "the file does not start with YAML front matter (a first line '---')", HINT).atLine(1));
            return Optional.empty();
        }
        int line = 2;
        for (int start = firstEnd + 1; start <= normalised.length(); line++) {
            int end = lineEnd(normalised, start);
            if (isDelimiter(normalised, start, end)) {
                String yaml = normalised.substring(firstEnd + 1, start);
                String body = end >= normalised.length() ? "" : normalised.substring(end + 1);
                return Optional.of(new FrontMatter(yaml, 2, body, line + 1));
            }
            if (end >= normalised.length()) {
                break;
            }
            start = end + 1;
        }
        problems.add(Problem.error(file, "", "the front matter opened on line 1 is never closed"
                + " by a line '---'", HINT).atLine(1));
        return Optional.empty();
    }

    /** The front matter without the characters of {@code dropped}, none of them a line break: its lines stay. */
    FrontMatter without(List<SuspectCharacters.Rule> dropped) {
        String kept = yaml;
        for (SuspectCharacters.Rule rule : dropped) {
            kept = rule.without(kept);
        }
        return new FrontMatter(kept, firstYamlLine, body, bodyLine);
    }

    /**
     * The text without its byte order mark, its CR LF line ends read as LF. A CR alone stays in its line, as Git and
     * a diff show it: read as a line break, it would make a key no reviewer sees ({@code description: x<CR>system: y}
     * is one line in a diff), which the front matter's rule on control characters refuses at its line.
     */
    private static String normalise(String text) {
        String withoutBom = Utf8.withoutByteOrderMark(text);
        return withoutBom.indexOf('\r') < 0 ? withoutBom : withoutBom.replace("\r\n", "\n");
    }

    private static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    private static boolean isDelimiter(String text, int start, int end) {
        return start <= end && text.substring(start, end).stripTrailing().equals(DELIMITER);
    }
}
