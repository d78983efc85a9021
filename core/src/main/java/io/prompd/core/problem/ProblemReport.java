package io.prompd.core.problem;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders problems for people: grouped by file, errors and warnings with their field or line and
 * hint, then a count. The registry check's pull-request comment lists them alike in Markdown, which its command
 * renders ({@link #byFile}, {@link #where}).
 */
public final class ProblemReport {

    /** The heading of problems that belong to no one file, in a package's report. */
    public static final String PACKAGE = "(package)";

    /** Where a problem's message and hint start on their lines; their further lines start there too. */
    private static final String TEXT_INDENT = " ".repeat(10);

    private ProblemReport() {
    }

    public static String text(List<Problem> problems) {
        return text(problems, PACKAGE);
    }

    /** @param unfiled the heading of the problems that belong to no one file, such as {@code (pull request)} */
    public static String text(List<Problem> problems, String unfiled) {
        StringBuilder out = new StringBuilder();
        byFile(problems).forEach((file, inFile) -> {
            // a path is the pull request's or package's own, and may hold what a terminal would act on
            out.append(file.isEmpty() ? unfiled : TerminalText.path(file)).append('\n');
            for (Problem problem : inFile) {
                out.append("  ").append(String.format(Locale.ROOT, "%-8s", problem.severity().label()));
                String where = where(problem);
                if (!where.isEmpty()) {
                    out.append(where).append(": ");
                }
                out.append(indented(TerminalText.message(problem.message()))).append('\n');
                if (!problem.hint().isEmpty()) {
                    out.append(TEXT_INDENT).append("hint: ").append(indented(TerminalText.message(problem.hint())))
                            .append('\n');
                }
            }
        });
        out.append(summary(problems)).append('\n');
        return out.toString();
    }

    /**
     * The text's first {@code max} characters and an ellipsis, when it is longer; a character
     * outside the Basic Multilingual Plane is kept whole.
     */
    public static String abbreviated(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    /** {@code 2 errors, 1 warning}, or {@code no problems}. */
    public static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (problems.isEmpty()) {
            return "no problems";
        }
        return Plural.count(errors, "error") + ", " + Plural.count(warnings, "warning");
    }

    /**
     * Where in its file a problem is, its field and line ({@code /version, line 3}), or empty: for a report in another
     * form too, the registry check's Markdown comment, so that both say it alike.
     */
    public static String where(Problem problem) {
        List<String> parts = new ArrayList<>(2);
        if (!problem.pointer().isEmpty()) {
            parts.add(Pointer.shown(problem.pointer()));
        }
        if (problem.line() > 0) {
            parts.add("line " + problem.line());
        }
        return String.join(", ", parts);
    }

    /**
     * The problems by file, in {@link Problem#ORDER}, the problems of no one file under {@code ""}: for a report in
     * another form too, the registry check's Markdown comment, so that both list them alike.
     */
    public static Map<String, List<Problem>> byFile(List<Problem> problems) {
        return Collections.unmodifiableMap(problems.stream().sorted(Problem.ORDER)
                .collect(Collectors.groupingBy(Problem::file, LinkedHashMap::new, Collectors.toUnmodifiableList())));
    }

    /** A message of several lines, such as a resolver's explanation, kept in the column it starts in. */
    private static String indented(String text) {
        return text.replace("\n", "\n" + TEXT_INDENT);
    }
}
