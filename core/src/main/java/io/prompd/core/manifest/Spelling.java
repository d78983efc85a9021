package io.prompd.core.manifest;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the word a writer probably meant, for "did you mean ...?" hints. */
final class Spelling {

    /** Farther than this many edits, a suggestion is more confusing than helpful. */
    private static final int MAX_EDITS = 2;

    private Spelling() {
    }

    /** The candidate closest to the word ignoring case, within {@link #MAX_EDITS} edits; ties go to the first in alphabetical order. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String folded = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(word))
                .map(candidate -> new Scored(candidate, distance(folded, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.edits() <= MAX_EDITS)
                .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String candidate, int edits) {
    }
}
