package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
    void textWithoutControlCharactersIsLeftAsItIs() {
        String plain = "Prompts for résumés — 日本語\tand tabs";
        assertSame(plain, TerminalText.line(plain));
    }

    @Test
    void aFieldMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
        assertEquals(Optional.empty(), TerminalText.controlCharacter("one\ttwo\nthree"));
        assertEquals(Optional.of("holds the control character U+000D"), TerminalText.controlCharacter("a\r\nb"));
        assertEquals(Optional.of("holds the control character U+009B"), TerminalText.controlCharacter("\u009b2J"));
    }
}
