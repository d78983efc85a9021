package io.prompd.core.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the word a writer probably meant, for "did you mean ...?" hints. */
public final class Spelling {

    /** Farther than this many edits, a suggestion is more confusing than helpful. */
    private static final int MAX_EDITS = 2;

    private Spelling() {
    }

    /**
     * The candidate closest to the word ignoring case, within {@link #MAX_EDITS} edits and fewer edits
     * than the word has letters; ties go to
     * the first in alphabetical order, so the suggestion is the same on every run.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String folded = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(word))
                .map(candidate -> new Scored(candidate, distance(folded, candidate.toLowerCase(Locale.ROOT))))
                // two edits turn a one- or two-letter word into almost anything ('h' into 'id')
                .filter(scored -> scored.edits() <= MAX_EDITS && scored.edits() < word.length())
                .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** {@code did you mean 'dependencies'?} for the {@link #closest} candidate, if there is one. */
    public static Optional<String> didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(meant -> "did you mean '" + meant + "'?");
    }

    /** Edits between two words: insertions, deletions, substitutions and swaps of neighbours, the commonest typos. */
    public static int distance(String a, String b) {
        int[][] edits = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            edits[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            edits[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = edits[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                edits[i][j] = Math.min(substitution, Math.min(edits[i - 1][j], edits[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    edits[i][j] = Math.min(edits[i][j], edits[i - 2][j - 2] + 1);
                }
            }
        }
        return edits[a.length()][b.length()];
    }

    private record Scored(String candidate, int edits) {
    }
}
