package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void asciiAndLatinTakeAColumnEach() {
        assertEquals(5, DisplayWidth.of("hello"));
        assertEquals(4, DisplayWidth.of("café"));
        assertEquals(1, DisplayWidth.of("\u00ad"), "the soft hyphen shows, as in wcwidth");
    }

    @Test
    void eastAsianWideAndFullwidthCharactersTakeTwo() {
        assertEquals(4, DisplayWidth.of("漢字"));
        assertEquals(6, DisplayWidth.of("ひらが"));
        assertEquals(4, DisplayWidth.of("한글"));
        assertEquals(8, DisplayWidth.of("ｆｕｌｌ"));
        assertEquals(2, DisplayWidth.of("\u3000"), "the ideographic space");
        assertEquals(2, DisplayWidth.of("𠀋"), "an ideograph beyond the BMP");
        assertEquals(1, DisplayWidth.of("ｱ"), "halfwidth katakana");
    }

    @Test
    void emojiTakeTwoAndTheirJoinersAndSelectorsNone() {
        assertEquals(2, DisplayWidth.of("😀"));
        assertEquals(2, DisplayWidth.of("⌚"));
        // four people, three zero-width joiners: as wcwidth adds them up, a code point at a time
        assertEquals(8, DisplayWidth.of("👨\u200d👩\u200d👧\u200d👦"));
        assertEquals(1, DisplayWidth.of("\u2764\ufe0f"), "a variation selector adds nothing to its character");
        assertEquals(4, DisplayWidth.of("👍🏽"), "a skin tone shows as a swatch of its own where not joined");
    }

    @Test
    void combiningMarksFormatCharactersAndJamoVowelsTakeNone() {
        assertEquals(4, DisplayWidth.of("cafe\u0301"));
        assertEquals(1, DisplayWidth.of("a\u20dd"), "an enclosing mark");
        assertEquals(0, DisplayWidth.of("\u200b\u200d\u2060\ufeff"));
        assertEquals(2, DisplayWidth.of("\u1100\u1161"), "a Hangul syllable of jamo is the width of its first");
        assertEquals(0, DisplayWidth.of("\u001b\u0007\u009b"), "controls act rather than show");
        assertEquals(2, DisplayWidth.of("\u06001"), "the Arabic number sign is a format character that shows");
    }

    @Test
    void aCutKeepsWholeCharactersWithinTheColumnsAndTheMarksOfTheLast() {
        assertEquals("instal", DisplayWidth.cut("installing", 6));
        assertEquals("漢", DisplayWidth.cut("漢字", 3));
        assertEquals("cafe\u0301", DisplayWidth.cut("cafe\u0301s", 4));
        assertEquals("", DisplayWidth.cut("漢", 1));
        assertEquals("short", DisplayWidth.cut("short", 80));
    }
}
