package io.prompd.cli;

import io.prompd.core.CodePointRanges;

/**
 * How many columns a terminal gives text, as the C library's {@code wcwidth} counts them, a code point at a time:
 * East Asian wide and fullwidth characters (漢字, ｆｕｌｌ, most emoji) take two, combining marks (the accent of
 * {@code café} written with U+0301), format characters (the zero-width joiner inside 👨‍👩‍👧‍👦, the variation
 * selectors U+FE00–U+FE0F are marks) and Hangul's medial vowels and final consonants (U+1160–U+11FF, U+D7B0–U+D7FF) take none, and the rest one (the few format characters that show, as U+0600, take one).
 * A string's length counts none of that: a column padded by it comes out too wide or too narrow.
 * <p>
 * The wide ranges are those of glibc 2.36's {@code UTF-8} charmap (Unicode 14), with the whole of the
 * ideographic planes 2 and 3, as Unicode gives their unassigned code points the width of their neighbours. The
 * Java library knows no East Asian width; the marks are read from its character types. No library on Maven Central
 * offers this alone: ICU4J would be 14 MB for one function, JLine a terminal library.
 */
public final class DisplayWidth {

    /** Pairs of the first and last code point of a wide range, in order. */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE,
        0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
        0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
        0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
        0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFB, 0x3000, 0x3029, 0x302E, 0x303E, 0x3041, 0x3096,
        0x309B, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3, 0x31F0, 0x321E, 0x3220, 0xA48C, 0xA490, 0xA4C6,
        0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFA6D, 0xFA70, 0xFAD9, 0xFE10, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE66,
        0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE3, 0x16FF0, 0x16FF1, 0x17000, 0x187F7,
        0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122,
        0x1B150, 0x1B152, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
        0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
        0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3,
        0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D,
        0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F,
        0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DD, 0x1F6DF, 0x1F6EB, 0x1F6EC,
        0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
        0x1FA70, 0x1FA74, 0x1FA78, 0x1FA7C, 0x1FA80, 0x1FA86, 0x1FA90, 0x1FAAC, 0x1FAB0, 0x1FABA, 0x1FAC0, 0x1FAC5,
        0x1FAD0, 0x1FAD9, 0x1FAE0, 0x1FAE7, 0x1FAF0, 0x1FAF6, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    };

    private DisplayWidth() {
    }

    /** The columns {@code text} takes, its code points' {@link #of(int)} added up. */
    public static int of(String text) {
        int width = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            width += of(codePoint);
            index += Character.charCount(codePoint);
        }
        return width;
    }

    /** The columns one code point takes: 0, 1 or 2. */
    public static int of(int codePoint) {
        if (codePoint < 0x300) {
            // ASCII and Latin-1, nearly every character shown: controls act rather than show
            return codePoint < 0x20 || codePoint >= 0x7F && codePoint < 0xA0 ? 0 : 1;
        }
        if (isZeroWidth(codePoint)) {
            return 0;
        }
        return CodePointRanges.contains(WIDE, codePoint) ? 2 : 1;
    }

    /** The longest start of {@code text} that takes at most {@code columns}, with the marks of its last character. */
    public static String cut(String text, int columns) {
        int width = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            width += of(codePoint);
            if (width > columns) {
                return text.substring(0, index);
            }
            index += Character.charCount(codePoint);
        }
        return text;
    }

    private static boolean isZeroWidth(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT && !isPrependedConcatenationMark(codePoint)
                || codePoint >= 0x1160 && codePoint <= 0x11FF || codePoint >= 0xD7B0 && codePoint <= 0xD7FF
                || codePoint == 0x200B;
    }

    /** The format characters that show, as the sign above the digits of an Arabic number (U+0600): wcwidth's 1. */
    private static boolean isPrependedConcatenationMark(int codePoint) {
        return codePoint >= 0x0600 && codePoint <= 0x0605 || codePoint == 0x06DD || codePoint == 0x070F
                || codePoint == 0x08E2 || codePoint == 0x110BD || codePoint == 0x110CD;
    }
}
