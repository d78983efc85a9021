package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
