package io.prompd.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prompd.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class ProblemReportTest {

    private final List<Problem> problems = List.of(
            Problem.warning("prompts/a.prmd", "", "variable 'x' is not declared", "declare it").atLine(7),
            Problem.error("prompd.json", "/version", "'v1' is not a SemVer 2.0 version", "write 1.0.0").atLine(3),
            Problem.error("prompd.json", "/name", "name missing", ""));

    @Test
    void textGroupsByFileInOrderAndCounts() {
        String text = ProblemReport.text(problems);
        assertEquals("""
                prompd.json
                  error   /name: name missing
                  error   /version, line 3: 'v1' is not a SemVer 2.0 version
                          hint: write 1.0.0
                prompts/a.prmd
                  warning line 7: variable 'x' is not declared
                          hint: declare it
                2 errors, 1 warning
                """, text);
    }

    @Test
    void textSpellsOutTheControlCharactersOfAPointerAsTheFieldNamesInItWereWritten() {
        String text = ProblemReport.text(List.of(Problem.error("prompd.json", "/x-\u001b]0;owned\u0007", "bad", "")));

        assertTrue(text.contains("  error   /x-^[]0;owned^G: bad\n"), text);
    }

    @Test
    void markdownEscapesHtmlAndMarksSeverity() {
        String markdown = ProblemReport.markdown(List.of(Problem.error("a.prmd", "", "bad <script>", "")),
                ProblemReport.PACKAGE);
        assertTrue(markdown.contains("❌ **error**: bad &lt;script&gt;"), markdown);
        assertTrue(markdown.endsWith("**1 error, 0 warnings**\n"), markdown);
    }

    @Test
    void markdownSetsEveryWordWithAnAtAsCodeSoThatGitHubMentionsNobody() {
        assertEquals("`@prompd` is owned through scopes.json; ask `@common/base-prompts's` owners, '`@dave`'"
                        + " (`@bob`). Mail `bob@example.org`, or install `@a/b@^1.0.0`:",
                ProblemReport.markdownText("@prompd is owned through scopes.json; ask @common/base-prompts's owners,"
                        + " '@dave' (@bob). Mail bob@example.org, or install @a/b@^1.0.0:"));
        assertEquals("see `` `@bob` `` and `@x<y>`<br>&lt;b&gt;",
                ProblemReport.markdownText("see `@bob` and @x<y>\n<b>"),
                "inside a code span HTML shows as written, and is escaped outside");
    }

    @Test
    void backticksAndBackslashesOfMarkdownTextCannotPairWithTheFenceOfAMention() {
        assertEquals("\\`x `@bob` \\\\\\`", ProblemReport.markdownText("`x @bob \\`"),
                "an unescaped ` would pair with the span's opening fence and leave @bob outside it");
    }

    @Test
    void markdownTextMakesNoLinkNorEmphasisOfAFilesText() {
        assertEquals("see \\[the fix\\](`http://evil.example`) \\*\\*passed\\*\\* \\_now\\_ \\~\\~old\\~\\~",
                ProblemReport.markdownText("see [the fix](http://evil.example) **passed** _now_ ~~old~~"));
    }

    @Test
    void markdownSetsEveryWordGitHubWouldLinkAsCodeAndLeavesTheRestPlain() {
        assertEquals("Broken; details at `https://evil.example.com/phish` and `www.evil.example.com`, see `#1` and"
                        + " `octo/repo#2`, (`GH-3`) fixed in `1a2b3c4`.",
                ProblemReport.markdownText("Broken; details at https://evil.example.com/phish and www.evil.example.com,"
                        + " see #1 and octo/repo#2, (GH-3) fixed in 1a2b3c4."));
        assertEquals("version 1.2.0 of 2024-01-02, 3 files",
                ProblemReport.markdownText("version 1.2.0 of 2024-01-02, 3 files"));
        assertEquals("see \\[here\\](`https://x.example`)", ProblemReport.markdownText("see [here](https://x.example)"),
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
        Rendered rendered = Rendered.of(ProblemReport.markdownText(reason));

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
        String markdown = ProblemReport.markdownText(reason);
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
    void aMessageOfSeveralLinesKeepsItsColumnInTextAndBreaksLinesInMarkdown() {
        List<Problem> explained = List.of(Problem.error("prompd.json", "/dependencies",
                "Because a needs b.\nSo, it fails.",
                "widen a range"));

        assertEquals("""
                prompd.json
                  error   /dependencies: Because a needs b.
                          So, it fails.
                          hint: widen a range
                1 error, 0 warnings
                """, ProblemReport.text(explained));
        assertTrue(ProblemReport.markdown(explained, ProblemReport.PACKAGE)
                .contains(": Because a needs b.<br>So, it fails.<br>_hint: widen a range_"));
    }

    @Test
    void markdownWithinALimitIsTheSameWhenAllFitAndShowsErrorsFirstWhenNot() {
        assertEquals(ProblemReport.markdown(problems, ProblemReport.PACKAGE),
                ProblemReport.markdown(problems, ProblemReport.PACKAGE, 10_000, "Run it."));
        List<Problem> longWarning = List.of(
                Problem.warning("a.prmd", "", "a warning " + "x".repeat(400), ""),
                Problem.error("b.prmd", "", "an error", ""));
        int limit = ProblemReport.markdown(longWarning, ProblemReport.PACKAGE).length() - 100;

        String cut = ProblemReport.markdown(longWarning, ProblemReport.PACKAGE, limit, "Run it to list them all.");

        assertTrue(cut.length() <= limit, () -> cut.length() + ": " + cut);
        assertTrue(cut.contains("an error") && !cut.contains("a warning"), cut);
        assertTrue(cut.endsWith("GitHub's limit: 0 errors, 1 warning more. Run it to list them all._\n\n"
                + "**1 error, 1 warning**\n"), cut);
    }

    @Test
    void aProblemAsJsonHasItsSixComponentsInSortedOrder() throws Exception {
        String json = Json.writeString(Problem.error("a.prmd", "/id", "bad", "fix").atLine(2));

        List<String> keys = new ArrayList<>();
        Json.reader().readTree(json).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("file", "hint", "line", "message", "pointer", "severity"), keys);
    }

    @Test
    void summaryOfNothing() {
        assertEquals("no problems", ProblemReport.summary(List.of()));
    }

    @Test
    void markdownCodeSpanHoldsAnyTextOnOneLine() {
        assertEquals("`a.md`", ProblemReport.markdownCode("a.md"));
        assertEquals("``odd`name``", ProblemReport.markdownCode("odd`name"));
        assertEquals("``` ``x ```", ProblemReport.markdownCode("``x"));
        assertEquals("`two lines`", ProblemReport.markdownCode("two\nlines"));
    }

    @Test
    void textShowsTheControlCharactersOfAPathAsEscapes() {
        String text = ProblemReport.text(List.of(Problem.error("contexts/a\u001b]0;owned\u0007b\r.md", "", "bad", "")));

        assertTrue(text.startsWith("contexts/a^[]0;owned^Gb^M.md\n"), text);
    }

    @Test
    void textShowsTheInvisibleCharactersOfAPathSoThatItDoesNotReadAsAnother() {
        String text = ProblemReport.text(List.of(Problem.error("contexts/notes\u202Edm.exe", "", "bad", "")));

        assertTrue(text.startsWith("contexts/notes<U+202E>dm.exe\n"), text);
    }

    @Test
    void markdownShowsTheControlAndInvisibleCharactersOfAPathAsTextDoes() {
        String markdown = ProblemReport.markdown(List.of(Problem.error("contexts/a\u001b]0;owned\u0007b\u202E.md", "",
                "bad", "")), ProblemReport.PACKAGE);

        assertTrue(markdown.startsWith("### `contexts/a^[]0;owned^Gb<U+202E>.md`\n"), markdown);
    }

    /** An enum value or default a message quotes is the file's own text, as a path is. */
    @Test
    void theControlAndInvisibleCharactersAMessageOrHintQuotesAreSpeltOutInTextAndMarkdown() {
        List<Problem> quoting = List.of(Problem.warning("prompts/a.prmd", "", "the default \"a\b\u202E\" is not one"
                + " of its enum values", "use one of: a, b\u001b[31m"));

        String text = ProblemReport.text(quoting);
        String markdown = ProblemReport.markdown(quoting, ProblemReport.PACKAGE);

        assertTrue(text.contains("warning the default \"a^H<U+202E>\" is not one of its enum values\n"
                + "          hint: use one of: a, b^[[31m\n"), text);
        assertTrue(markdown.contains("the default \"a^H&lt;U+202E&gt;\" is not one of its enum values<br>_hint: use one"
                + " of: a, b^\\[\\[31m_"), markdown);
    }
}
