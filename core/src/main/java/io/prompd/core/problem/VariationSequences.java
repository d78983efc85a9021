package io.prompd.core.problem;

import io.prompd.core.CodePointRanges;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Which characters a variation selector of U+FE00–U+FE0F varies: only those Unicode names a sequence of, since a
 * selector after any other character shows as nothing and so can carry data a model reads and no reviewer sees, four
 * bits a selector (one of sixteen) after every accented letter of a paragraph. Loaded the first time a text holds a
 * selector, which nearly none does.
 */
final class VariationSequences {

    /**
     * The standardized variation sequences: Unicode's StandardizedVariants.txt, version 15.0.0, beside this class as
     * published (math symbols, the digit zero, CJK compatibility forms, Myanmar, Phags-pa, Manichaean, Egyptian). To
     * bring it up to date, replace the file with a newer version's: its lines keep one form.
     */
    private static final String STANDARDIZED_VARIANTS = "StandardizedVariants.txt";

    private static final int TEXT_PRESENTATION = 0xFE0E;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    /**
     * The characters Unicode 15.0's emoji-data.txt calls Extended_Pictographic, as ranges (first, last): every base of
     * an emoji variation sequence (emoji-variation-sequences.txt) but the keycaps' ASCII ones is among them. Wider than
     * that list, so that a selector some keyboard writes after a newer emoji passes: one of two selectors after a
     * pictograph carries a bit at most, and text hiding a sentence that way would hold hundreds of emoji.
     */
    private static final int[] PICTOGRAPHS = {
        0xA9, 0xA9, 0xAE, 0xAE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139, 0x2194, 0x2199,
        0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388, 0x23CF, 0x23CF, 0x23E9, 0x23F3, 0x23F8, 0x23FA,
        0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0, 0x25FB, 0x25FE, 0x2600, 0x2605, 0x2607, 0x2612,
        0x2614, 0x2685, 0x2690, 0x2705, 0x2708, 0x2712, 0x2714, 0x2714, 0x2716, 0x2716, 0x271D, 0x271D, 0x2721, 0x2721,
        0x2728, 0x2728, 0x2733, 0x2734, 0x2744, 0x2744, 0x2747, 0x2747, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
        0x2757, 0x2757, 0x2763, 0x2767, 0x2795, 0x2797, 0x27A1, 0x27A1, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2934, 0x2935,
        0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D, 0x3297, 0x3297,
        0x3299, 0x3299, 0x1F000, 0x1F0FF, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F, 0x1F16C, 0x1F171, 0x1F17E, 0x1F17F,
        0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD, 0x1F1E5, 0x1F201, 0x1F20F, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F,
        0x1F232, 0x1F23A, 0x1F23C, 0x1F23F, 0x1F249, 0x1F3FA, 0x1F400, 0x1F53D, 0x1F546, 0x1F64F, 0x1F680, 0x1F6FF,
        0x1F774, 0x1F77F, 0x1F7D5, 0x1F7FF, 0x1F80C, 0x1F80F, 0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F,
        0x1F8AE, 0x1F8FF, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD};

    /** Each standardized sequence as {@link #key} has it. */
    private static final Set<Integer> STANDARDIZED = standardized();

    private VariationSequences() {
    }

    /**
     * Whether {@code selector}, one of U+FE00–U+FE0F, varies {@code base}: a standardized variation sequence, or the
     * text or emoji presentation (U+FE0E, U+FE0F) of a pictograph or of a keycap's base (an ASCII digit, # or *).
     * Any other ASCII base stays refused: no sequence varies a letter, and a selector after one is the plainest way
     * to hide data in English text.
     */
    static boolean varies(int selector, int base) {
        if (STANDARDIZED.contains(key(base, selector))) {
            return true;
        }
        return (selector == TEXT_PRESENTATION || selector == EMOJI_PRESENTATION) && (base >= '0' && base <= '9'
                || base == '#' || base == '*' || CodePointRanges.contains(PICTOGRAPHS, base));
    }

    /** A base and a selector of U+FE00–U+FE0F in one number: the base's bits, then the selector's four. */
    private static int key(int base, int selector) {
        return base << 4 | selector - 0xFE00;
    }

    /**
     * The sequences of {@link #STANDARDIZED_VARIANTS} whose selector is one of U+FE00–U+FE0F, from lines such as
     * {@code 2229 FE00; with serifs; # INTERSECTION}; Mongolian's free variation selectors (U+180B on) are marks of
     * their script that no rule here names.
     */
    private static Set<Integer> standardized() {
        try (InputStream in = VariationSequences.class.getResourceAsStream(STANDARDIZED_VARIANTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STANDARDIZED_VARIANTS + " beside "
                        + VariationSequences.class.getName());
            }
            Set<Integer> sequences = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.replaceFirst("[;#].*", "").strip())
                    .filter(sequence -> !sequence.isEmpty())
                    .map(sequence -> sequence.split(" "))
                    .filter(codes -> Integer.parseInt(codes[1], 16) >= 0xFE00)
                    .forEach(codes -> sequences.add(key(Integer.parseInt(codes[0], 16),
                            Integer.parseInt(codes[1], 16))));
            return Set.copyOf(sequences);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + STANDARDIZED_VARIANTS, e);
        }
    }
}
