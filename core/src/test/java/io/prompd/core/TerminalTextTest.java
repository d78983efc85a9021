package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    private static final String HOSTILE = "\u001b]0;title\u0007a\rb\nc\td\u007f\u009b2J\u0000";

    @Test
    void controlCharactersAreSpeltOutAsCatVDoesTabAside() {
        assertEquals("^[]0;title^Ga^Mb^Jc\td^?M-^[2J^@", TerminalText.line(HOSTILE));
    }

    @Test
    void severalLinesKeepTheirNewlines() {
        assertEquals("^[]0;title^Ga^Mb\nc\td^?M-^[2J^@", TerminalText.lines(HOSTILE));
    }

    @Test
    void aMessageOfOneLineSpellsOutOnlyTheLineBreaksItQuotes() {
        assertEquals("\u001b]0;title\u0007a\rb^Jc\td\u007f\u009b2J\u0000\u202e",
                TerminalText.oneLine(HOSTILE + "\u202e"));
    }

    /**
     * {@code text} as {@link TerminalText#line} and {@link TerminalText#lines} show it, the latter keeping its newline.
     */
    private static void assertSpeltInALineAndInSeveral(String text, String spelt) {
        assertEquals(spelt, TerminalText.line(text));
        assertEquals(spelt + "\n" + spelt, TerminalText.lines(text + "\n" + text));
    }

    @Test
    void aReasonQuotedInASentenceLosesItsFullStopAndLineBreaksButKeepsAnEllipsis() {
        assertEquals("use 1.1.0", TerminalText.reason(" use 1.1.0. \n"));
        assertEquals("see 1.2.0...", TerminalText.reason("see 1.2.0..."));
        assertEquals("why?", TerminalText.reason("why?"));
        assertEquals("leaked a key.^Jhint: none", TerminalText.reason("leaked a key.\nhint: none."));
    }

    @Test
    void aLabelTakesNoReasonThatIsBlankOrALoneFullStop() {
        assertEquals("yanked: use 1.1.0", TerminalText.labelled("yanked", "use 1.1.0."));
        assertEquals("yanked", TerminalText.labelled("yanked", "  "));
        assertEquals("yanked", TerminalText.labelled("yanked", " . "));
        assertEquals("yanked: ...", TerminalText.labelled("yanked", "..."));
        assertEquals("yanked", TerminalText.labelledWhole("yanked", " . "));
    }

    /** A reason nothing of prompd's follows (a cell of info's table) lost its full stop: it keeps it, on one line. */
    @Test
    void aReasonEndingWhatIsShownKeepsItsFullStop() {
        assertEquals("yanked: Old; use 1.2.0.", TerminalText.labelledWhole("yanked", " Old; use 1.2.0. "));
        assertEquals("yanked: Old^Juse 1.2.0.", TerminalText.labelledWhole("yanked", "Old\nuse 1.2.0."));
    }

    @Test
    void whatAUserGaveIsQuotedOnTheMessagesLine() {
        assertEquals("'@acme'", TerminalText.quoted("@acme"));
        assertEquals("'x^Jhint: y<U+2028>z'", TerminalText.quoted("x\nhint: y\u2028z"));
    }

    /** A browser's log viewer, or JavaScript, breaks a line at them, so that a registry's text could forge a hint. */
    @Test
    void unicodesLineAndParagraphSeparatorsAreSpeltOutAsLineBreaksAreInOneLineAndInSeveral() {
        String forged = "x\u2028hint: run this\u2029y";
        String spelt = "x<U+2028>hint: run this<U+2029>y";

        assertSpeltInALineAndInSeveral(forged, spelt);
        assertEquals(spelt + "^J" + spelt, TerminalText.oneLine(forged + "\n" + forged));
        assertEquals(spelt, TerminalText.message(forged));
    }

    @Test
    void bidiControlsAreSpeltOutInTextAsInAPathAndTheMarksOfRightToLeftTextStay() {
        String reordered = "use 2.0 \u202Eyllaer\u202C or \u2066x\u2069";
        assertSpeltInALineAndInSeveral(reordered, "use 2.0 <U+202E>yllaer<U+202C> or <U+2066>x<U+2069>");
        String hebrew = "\u05E9\u05DC\u05D5\u05DD\u200F (v1)\u200E";
        assertSame(hebrew, TerminalText.lines(hebrew));
    }

    @Test
    void aMessageOrPathSpellsABidiControlOnceThoughLineAlreadyDid() {
        assertEquals("a<U+202E>b^[c<U+200B>", TerminalText.message(TerminalText.line("a\u202Eb\u001bc\u200B")));
        assertEquals("a<U+202E>b", TerminalText.path(TerminalText.line("a\u202Eb")));
    }

    @Test
    void textWithoutControlCharactersIsLeftAsItIs() {
        String plain = "Prompts for résumés — 日本語\tand tabs";
        assertSame(plain, TerminalText.line(plain));
    }

    /** What a field's reader says of the control characters in its text, as {@code PlainText} asks. */
    private static Optional<String> controlCharacters(String text) {
        return TerminalText.holds(text, c -> TerminalText.isControl(c, true), "control character");
    }

    @Test
    void aFieldMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
        assertEquals(Optional.empty(), controlCharacters("one\ttwo\nthree"));
        assertEquals(Optional.of("holds the control character U+000D (^M) at position 2"),
                controlCharacters("a\r\nb"));
        assertEquals(Optional.of("holds the control character U+009B (M-^[) at position 1"),
                controlCharacters("\u009b2J"));
    }

    @Test
    void everyControlCharacterIsNamedWithItsPositionCountedInCodePoints() {
        assertEquals(Optional.of("holds the control characters U+001B (^[) at position 2 and U+0007"
                + " (^G) at position 5"),
                controlCharacters("\uD83D\uDE00\u001b]0\u0007"));
        assertEquals(Optional.of("holds the control characters U+0001 (^A) at position 1, U+0002 (^B) at position 2,"
                + " U+0003 (^C) at position 3 and U+0004 (^D) at position 4"),
                controlCharacters("\u0001\u0002\u0003\u0004"));
        assertEquals(Optional.of("holds the control characters U+001B (^[) at position 1, U+001B (^[) at position 2,"
                + " U+001B (^[) at position 3 and 7 more"), controlCharacters("\u001b".repeat(10)));
    }

    @Test
    void aNameMayHoldTabsButNoLineBreak() {
        assertFalse(TerminalText.isControl('\t', false));
        assertTrue(TerminalText.isControl('\n', false));
        assertFalse(TerminalText.isControl('\n', true));
    }

    @Test
    void aMessageSpellsOutALoneSurrogateWhichHasNoFormToShowButKeepsAPair() {
        assertEquals("'x-<U+DC00>y' and \uD83D\uDE00", TerminalText.message("'x-\uDC00y' and \uD83D\uDE00"));
    }

    @Test
    void aPathSpellsOutItsInvisibleCharactersAndFreeTextKeepsThem() {
        assertEquals("contexts/notes<U+202E>dm.exe", TerminalText.path("contexts/notes\u202Edm.exe"));
        assertEquals("a<U+3164>b^[.md", TerminalText.path("a\u3164b\u001b.md"));
        assertEquals("family \uD83D\uDC68\u200D\uD83D\uDC67",
                TerminalText.line("family \uD83D\uDC68\u200D\uD83D\uDC67"),
                "the joiner inside an emoji stays in text");
    }
}
