package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void markdownEscapesHtmlAndMarksSeverity() {
        String markdown = MarkdownReport.of(List.of(Problem.error("a.prmd", "", "bad <script>", "")),
                ProblemReport.PACKAGE);
        assertTrue(markdown.contains("❌ **error**: bad &lt;script&gt;"), markdown);
        assertTrue(markdown.endsWith("**1 error, 0 warnings**\n"), markdown);
    }

    @Test
    void markdownSetsEveryWordWithAnAtAsCodeSoThatGitHubMentionsNobody() {
        assertEquals("`@prompd` is owned through scopes.json; ask `@common/base-prompts's` owners, '`@dave`'"
                        + " (`@bob`). Mail `bob@example.org`, or install `@a/b@^1.0.0`:",
                MarkdownReport.text("@prompd is owned through scopes.json; ask @common/base-prompts's owners,"
                        + " '@dave' (@bob). Mail bob@example.org, or install @a/b@^1.0.0:"));
        assertEquals("see `` `@bob` `` and `@x<y>`<br>&lt;b&gt;",
                MarkdownReport.text("see `@bob` and @x<y>\n<b>"),
                "inside a code span HTML shows as written, and is escaped outside");
    }

    @Test
    void backticksAndBackslashesOfMarkdownTextCannotPairWithTheFenceOfAMention() {
        assertEquals("\\`x `@bob` \\\\\\`", MarkdownReport.text("`x @bob \\`"),
                "an unescaped ` would pair with the span's opening fence and leave @bob outside it");
    }

    @Test
    void markdownTextMakesNoLinkNorEmphasisOfAFilesText() {
        assertEquals("see \\[the fix\\](`http://evil.example`) \\*\\*passed\\*\\* \\_now\\_ \\~\\~old\\~\\~",
                MarkdownReport.text("see [the fix](http://evil.example) **passed** _now_ ~~old~~"));
    }

    @Test
    void markdownSetsEveryWordGitHubWouldLinkAsCodeAndLeavesTheRestPlain() {
        assertEquals("Broken; details at `https://evil.example.com/phish` and `www.evil.example.com`, see `#1` and"
                        + " `octo/repo#2`, (`GH-3`) fixed in `1a2b3c4`.",
                MarkdownReport.text("Broken; details at https://evil.example.com/phish and www.evil.example.com,"
                        + " see #1 and octo/repo#2, (GH-3) fixed in 1a2b3c4."));
        assertEquals("version 1.2.0 of 2024-01-02, 3 files",
                MarkdownReport.text("version 1.2.0 of 2024-01-02, 3 files"));
        assertEquals("see \\[here\\](`https://x.example`)", MarkdownReport.text("see [here](https://x.example)"),
                "a Markdown link's text stays out of the code span of its URL");
    }

    /**
     * GitHub's Markdown autolinks URLs, www. hosts and e-mail addresses in text, and GitHub then finds mentions and
     * references to issues, pull requests and commits in the rendered text, but neither looks into a code span: so
     * each of them must be in one, and the text must still read as written.
     */
    @Test
    void noWordGitHubWouldLinkIsLeftInTheTextOfTheRenderedMarkdown() {
        String reason = "see https://evil.example.com/phish, (www.evil.example.com), WWW.Evil.example.com and"
                + " x*ftp://evil.example.com*; mail bob@evil.example.com; fixed by #1, octo/repo#2, GH-3 and"
                + " 1a2b3c4d5e6f; [go](https://evil.example.com) <https://evil.example.com>";
        Rendered rendered = Rendered.of(MarkdownReport.text(reason));

        assertEquals(reason, rendered.shown());
        for (String linked : List.of("://", "www.", "WWW.", "@", "#", "GH-3", "1a2b3c4d5e6f")) {
            assertTrue(rendered.text().stream().noneMatch(plain -> plain.contains(linked)),
                    linked + " in the text " + rendered.text());
        }
    }

    /**
     * A character reference would show as its character, and GitHub finds math between two dollar signs in the
     * rendered text: so the text reads as written, each dollar sign alone in a text of its own, while in the code
     * span of a URL, where Markdown reads no reference, an ampersand stays as it is.
     */
    @Test
    void markdownTextShowsCharacterReferencesAndDollarSignsAsWrittenAndSetsEachDollarApart() {
        String reason = "Use &#x202E;2.0&#x2069; &lt;b&gt; &amp; $\\Huge\\text{passed}$ $$x$$ see"
                + " https://x.example/?a=1&amp;b";
        String markdown = MarkdownReport.text(reason);
        Rendered rendered = Rendered.of(markdown);

        assertEquals(reason, rendered.shown());
        assertTrue(rendered.text().stream().noneMatch(plain -> plain.contains("$") && !plain.equals("$")),
                rendered.text()::toString);
        assertTrue(markdown.endsWith(" see `https://x.example/?a=1&amp;b`"), markdown);
    }

    /**
     * Markdown as a reader sees it: {@code shown}, its text and code spans in a row, and {@code text}, its pieces of
     * text outside code spans, where GitHub looks for links and math; a link fails the test.
     */
    private record Rendered(String shown, List<String> text) {

        static Rendered of(String markdown) {
            List<String> text = new ArrayList<>();
            StringBuilder shown = new StringBuilder();
            Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
                @Override
                public void visit(Text node) {
                    text.add(node.getLiteral());
                    shown.append(node.getLiteral());
                }

                @Override
                public void visit(Code node) {
                    shown.append(node.getLiteral());
                }

                @Override
                public void visit(Link link) {
                    fail("a link to " + link.getDestination());
                }
            });
            return new Rendered(shown.toString(), List.copyOf(text));
        }
    }

    @Test
    void aMessageOfSeveralLinesBreaksLinesInMarkdown() {
        List<Problem> explained = List.of(Problem.error("prompd.json", "/dependencies",
                "Because a needs b.\nSo, it fails.",
                "widen a range"));

        assertTrue(MarkdownReport.of(explained, ProblemReport.PACKAGE)
                .contains(": Because a needs b.<br>So, it fails.<br>_hint: widen a range_"));
    }

    @Test
    void markdownWithinALimitIsTheSameWhenAllFitAndShowsErrorsFirstWhenNot() {
        List<Problem> fitting = List.of(Problem.warning("prompts/a.prmd", "", "variable 'x' is not declared",
                "declare it").atLine(7), Problem.error("prompd.json", "/name", "name missing", ""));
        assertEquals(MarkdownReport.of(fitting, ProblemReport.PACKAGE),
                MarkdownReport.of(fitting, ProblemReport.PACKAGE, 10_000, "Run it."));
        List<Problem> longWarning = List.of(
                Problem.warning("a.prmd", "", "a warning " + "x".repeat(400), ""),
                Problem.error("b.prmd", "", "an error", ""));
        int limit = MarkdownReport.of(longWarning, ProblemReport.PACKAGE).length() - 100;

        String cut = MarkdownReport.of(longWarning, ProblemReport.PACKAGE, limit, "Run it to list them all.");

        assertTrue(cut.length() <= limit, () -> cut.length() + ": " + cut);
        assertTrue(cut.contains("an error") && !cut.contains("a warning"), cut);
        assertTrue(cut.endsWith("GitHub's limit: 0 errors, 1 warning more. Run it to list them all._\n\n"
                + "**1 error, 1 warning**\n"), cut);
    }

    @Test
    void markdownCodeSpanHoldsAnyTextOnOneLine() {
        assertEquals("`a.md`", MarkdownReport.code("a.md"));
        assertEquals("``odd`name``", MarkdownReport.code("odd`name"));
        assertEquals("``` ``x ```", MarkdownReport.code("``x"));
        assertEquals("`two lines`", MarkdownReport.code("two\nlines"));
    }

    @Test
    void markdownShowsTheControlAndInvisibleCharactersOfAPathAsTextDoes() {
        String markdown = MarkdownReport.of(List.of(Problem.error("contexts/a\u001b]0;owned\u0007b\u202E.md", "",
                "bad", "")), ProblemReport.PACKAGE);

        assertTrue(markdown.startsWith("### `contexts/a^[]0;owned^Gb<U+202E>.md`\n"), markdown);
    }

    /** An enum value or default a message quotes is the file's own text, as a path is. */
    @Test
    void theControlAndInvisibleCharactersAMessageOrHintQuotesAreSpeltOutInMarkdownAsInText() {
        List<Problem> quoting = List.of(Problem.warning("prompts/a.prmd", "", "the default \"a\b\u202E\" is not one"
                + " of its enum values", "use one of: a, b\u001b[31m"));

        String markdown = MarkdownReport.of(quoting, ProblemReport.PACKAGE);

        assertTrue(markdown.contains("the default \"a^H&lt;U+202E&gt;\" is not one of its enum values<br>_hint: use one"
                + " of: a, b^\\[\\[31m_"), markdown);
    }
}
