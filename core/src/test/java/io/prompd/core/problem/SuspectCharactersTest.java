package io.prompd.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuspectCharactersTest {

    private static List<String> described(List<Problem> problems) {
        return problems.stream().map(problem -> problem.severity().label() + " " + problem.line() + " "
                + problem.message()).toList();
    }

    @Test
    void eachLineIsNamedWithItsNumberCountedFromTheFirstAndThePositionsThere() {
        List<String> lines = List.of("plain", "a\u001b]0;PWNED\u0007b", "c\u202Ed", "e\u001b[2J");

        assertEquals(List.of("error 11 the line holds the control characters U+001B (^[) at position 2 and U+0007 (^G)"
                        + " at position 11", "error 13 the line holds the control character U+001B (^[) at position 2",
                        "error 12 the line holds the bidi control U+202E at position 2"),
                described(SuspectCharacters.eachLine("a.md", lines, 10, SuspectCharacters.IN_TEXT_FILES)));
    }

    @Test
    void aFilesKindIsNamedAtItsFirstLineWithHowManyMoreHoldSomeAndTheHintForAll() {
        List<String> lines = List.of("ok", "x\u009b31m", "\u007f", "y\u0000", "fine");

        List<Problem> problems = SuspectCharacters.atFirstLine("README.md", lines, 1, SuspectCharacters.IN_TEXT_FILES);

        assertEquals(List.of("error 2 the line holds the control character U+009B (M-^[) at position 2"
                + " (and 2 more lines hold some)"), described(problems));
        assertEquals("remove them: a terminal showing the file (cat, git diff, a pager) would act on them instead of"
                + " showing them, and could hide from a reviewer text that a model reads (a tab, a line break or a"
                + " page break is fine)", problems.get(0).hint());
    }

    /** A page break is no harm in a terminal, and GNU license texts (the LGPL's) hold some; a tab and CR LF neither. */
    @Test
    void aTextFileMayHoldATabAPageBreakAndLinesEndingInCrLfButAStringMayNotHoldThePageBreak() {
        String text = "Preamble\r\n\f\r\n\tGNU LESSER GENERAL PUBLIC LICENSE\r\n";

        assertEquals(List.of(), SuspectCharacters.atFirstLine("COPYING", text.lines().toList(), 1,
                SuspectCharacters.IN_TEXT_FILES));
        assertEquals(List.of("error 2 the line holds the control character U+000C (^L) at position 1"),
                described(SuspectCharacters.eachLine("a.prmd", text.lines().toList(), 1,
                        SuspectCharacters.FRONT_MATTER_UNREAD)));
    }

    @Test
    void aRuleLeavesTheTextWithoutItsCharacters() {
        assertEquals("abc", SuspectCharacters.BIDI_CONTROL.without("a\u202Eb\u2066c"));
        assertEquals("plain", SuspectCharacters.BIDI_CONTROL.without("plain"));
    }
}
