package io.prompd.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.json.Json;
import java.util.ArrayList;
import java.util.List;
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
    void aMessageOfSeveralLinesKeepsItsColumnInText() {
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
    void textShowsTheControlCharactersOfAPathAsEscapes() {
        String text = ProblemReport.text(List.of(Problem.error("contexts/a\u001b]0;owned\u0007b\r.md", "", "bad", "")));

        assertTrue(text.startsWith("contexts/a^[]0;owned^Gb^M.md\n"), text);
    }

    @Test
    void textShowsTheInvisibleCharactersOfAPathSoThatItDoesNotReadAsAnother() {
        String text = ProblemReport.text(List.of(Problem.error("contexts/notes\u202Edm.exe", "", "bad", "")));

        assertTrue(text.startsWith("contexts/notes<U+202E>dm.exe\n"), text);
    }

    /** An enum value or default a message quotes is the file's own text, as a path is. */
    @Test
    void theControlAndInvisibleCharactersAMessageOrHintQuotesAreSpeltOutInText() {
        List<Problem> quoting = List.of(Problem.warning("prompts/a.prmd", "", "the default \"a\b\u202E\" is not one"
                + " of its enum values", "use one of: a, b\u001b[31m"));

        String text = ProblemReport.text(quoting);

        assertTrue(text.contains("warning the default \"a^H<U+202E>\" is not one of its enum values\n"
                + "          hint: use one of: a, b^[[31m\n"), text);
    }
}
