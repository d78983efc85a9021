package io.prompd.generator.cli;

import io.prompd.core.TerminalText;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problems as the Markdown of a pull request's comment, grouped and counted as {@link ProblemReport#text} does for a
 * terminal, and text from users made safe in it: the check's own rendering, which no other command writes.
 */
final class MarkdownReport {

    /** What Markdown would read as its own syntax in a line of text, each escaped by a backslash. */
    private static final Pattern PUNCTUATION = Pattern.compile("[\\\\`|\\[\\]*_~]");

    /**
     * A word (group 1), without the brackets, quotes and punctuation around it, so that "'@dave'." keeps its quotes
     * and full stop outside the code span; a Markdown link's "](" parts its text from its URL, so that
     * "[here](https://x.example)" sets only the URL as code.
     */
    private static final Pattern WORD = Pattern.compile(
            "(?<=^|\\s|\\]\\()[(\\[{'\"]*((?:(?!\\]\\()\\S)+?)[.,;:!?)\\]}'\"]*(?=\\s|$|\\]\\()");

    /**
     * What GitHub makes a link of in a word of a comment: a mention or an e-mail address ('@'), a URL ("://"), a
     * host of an extended www autolink ("www.", in any case), a reference to an issue or pull request ("#1",
     * "octo/repo#2", "GH-3") and a commit hash (7 to 40 hexadecimal digits).
     */
    private static final Pattern LINKING = Pattern.compile(
            "@|://|(?i:www\\.)|#\\d|(?i:gh-\\d)|(?<!\\p{Alnum})\\p{XDigit}{7,40}(?!\\p{Alnum})");

    /**
     * How much of a problem's message and of its hint the Markdown shows: enough for a resolver's explanation,
     * while one quoting a whole file's text (a reason of 100,000 characters) cannot fill a comment by itself.
     */
    private static final int SHOWN = 2_000;

    private MarkdownReport() {
    }

    /** @param unfiled the heading of the problems that belong to no one file */
    static String of(List<Problem> problems, String unfiled) {
        return body(problems, unfiled) + "**" + ProblemReport.summary(problems) + "**\n";
    }

    /**
     * {@link #of(List, String)} in at most {@code maxChars} characters, for a pull request's
     * comment (GitHub refuses one over 65,536). When not all fit, errors come before warnings, as
     * many as fit, and a line says how many are left out, then {@code howToListAll}; the count at the
     * end is of all of them. Only a limit below the length of that line and the count is not kept to.
     *
     * @param howToListAll a sentence telling the reader where every problem is listed
     */
    static String of(List<Problem> problems, String unfiled, int maxChars, String howToListAll) {
        String all = of(problems, unfiled);
        if (all.length() <= maxChars) {
            return all;
        }
        List<Problem> errorsFirst = problems.stream()
                .sorted(Comparator.comparing((Problem problem) -> !problem.isError()).thenComparing(Problem.ORDER))
                .toList();
        int fitting = 0;
        int tooMany = errorsFirst.size();
        while (tooMany - fitting > 1) {
            int tried = (fitting + tooMany) >>> 1;
            if (shortened(errorsFirst, tried, unfiled, howToListAll).length() <= maxChars) {
                fitting = tried;
            } else {
                tooMany = tried;
            }
        }
        return shortened(errorsFirst, fitting, unfiled, howToListAll);
    }

    private static String shortened(List<Problem> errorsFirst, int shown, String unfiled, String howToListAll) {
        List<Problem> left = errorsFirst.subList(shown, errorsFirst.size());
        return body(errorsFirst.subList(0, shown), unfiled) + "_Not shown here, to keep this comment within"
                + " GitHub's limit: " + ProblemReport.summary(left) + " more. " + howToListAll + "_\n\n**"
                + ProblemReport.summary(errorsFirst) + "**\n";
    }

    private static String body(List<Problem> problems, String unfiled) {
        StringBuilder out = new StringBuilder();
        ProblemReport.byFile(problems).forEach((file, inFile) -> {
            out.append("### ").append(code(file.isEmpty() ? unfiled : TerminalText.path(file))).append("\n\n");
            for (Problem problem : inFile) {
                out.append("- ").append(problem.isError() ? "❌ **error**" : "⚠️ warning");
                String where = ProblemReport.where(problem);
                if (!where.isEmpty()) {
                    out.append(' ').append(code(where));
                }
                out.append(": ").append(shown(problem.message()));
                if (!problem.hint().isEmpty()) {
                    out.append("<br>_hint: ").append(shown(problem.hint())).append('_');
                }
                out.append('\n');
            }
            out.append('\n');
        });
        return out.toString();
    }

    /** A problem's message or hint, as much of it as {@link #SHOWN} allows, its control characters spelt out. */
    private static String shown(String text) {
        return text(TerminalText.message(ProblemReport.abbreviated(text, SHOWN)));
    }

    /**
     * Text from users (a message quoting a file, a yank reason) as Markdown that shows it as
     * written: no HTML of its own (a {@code <!--} would hide the rest of a comment), its lines
     * kept within one list item, and no mention nor link: GitHub notifies whoever {@code @login} or
     * {@code @org/team} names, and package names and scopes read as such, and it links a URL, a
     * {@code www.} host, an e-mail address, an issue or pull request reference and a commit hash,
     * so each word holding one ({@link #LINKING}) is set as a code span, the one place where neither
     * the autolinks of GitHub's Markdown nor the references and mentions it finds in the rendered
     * text apply. Escaping would not do: a backslash ({@code https\://}) stops the Markdown's autolink
     * but is gone from the rendered text, where GitHub still finds {@code #1}. A code span rather
     * than an invisible joiner: it shows the word as the name or address it is, and a name copied
     * from the comment stays that name, where a joiner would be copied along and make it another.
     * The text's own backticks and backslashes are escaped, so that none can pair with a span's
     * fence and leave the word outside it; and its brackets, asterisks, underscores and tildes, so
     * that a file's text cannot make a link hiding where it leads, or emphasis passing for the
     * report's own. Its ampersands are escaped too, since GitHub shows a character reference such as
     * {@code &#x202E;} as the character, which may be a bidi control the check refuses as raw text; and
     * each dollar sign is set in a span of its own, the way GitHub's documentation gives to keep one
     * outside math, since two of them in a line make a LaTeX expression ({@code $\Huge\text{passed}$}),
     * and one escaped by a backslash still counts as a delimiter there.
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder();
        Matcher word = WORD.matcher(text);
        int written = 0;
        while (word.find()) {
            if (LINKING.matcher(word.group(1)).find()) {
                out.append(plain(text.substring(written, word.start(1)))).append(code(word.group(1)));
                written = word.end(1);
            }
        }
        return out.append(plain(text.substring(written))).toString();
    }

    private static String plain(String text) {
        return PUNCTUATION.matcher(text).replaceAll("\\\\$0").replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("$", "<span>$</span>").replace("\n", "<br>");
    }

    /**
     * Text from users (a path, a name) as one Markdown code span, whatever it holds: the fence is
     * longer than any run of backticks inside, so none of them ends it early, and line breaks,
     * which would end a heading or a list item, become spaces.
     */
    static String code(String text) {
        String line = text.replaceAll("\\R", " ");
        int longestRun = 0;
        int run = 0;
        for (char c : line.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        // a span starting or ending with a backtick needs a space there, which Markdown then strips
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }
}
