package io.prompd.core;

import java.util.Arrays;

/**
 * Lookups in tables of Unicode ranges written as pairs of their first and last code point, in order: the form of the
 * tables prompd keeps of a Unicode property (wide characters, pictographs) where Java 17's {@link Character} has none.
 */
public final class CodePointRanges {

    private CodePointRanges() {
    }

    /** Whether {@code codePoint} lies in one of the ranges of {@code firstLastPairs}, sorted and not overlapping. */
    public static boolean contains(int[] firstLastPairs, int codePoint) {
        int found = Arrays.binarySearch(firstLastPairs, codePoint);
        // a range's first or last code point, or between a first (even index) and its last
        return found >= 0 || (-found - 1) % 2 == 1;
    }
}
