package io.prompd.core.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the word a writer probably meant, for "did you mean ...?" hints. */
public final class Spelling {

    /** Farther than this many edits, a suggestion is more confusing than helpful. */
    private static final int MAX_EDITS = 2;

    /**
     * The letters from which a word may be {@value #MAX_EDITS} edits off: in a shorter one two edits change most of
     * it, and make 'gte' as near 'set' as 'get', and 'lsit' as near 'ls' and 'init' as 'list'.
     */
    private static final int LETTERS_FOR_MAX_EDITS = 6;

    private Spelling() {
    }

    /**
     * The candidate closest to the word ignoring case, within the edits {@link #maxEdits} allows a word of its length;
     * ties go to the first in alphabetical order, so the suggestion is the same on every run.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String folded = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(word))
                .map(candidate -> new Scored(candidate, distance(folded, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.edits() <= maxEdits(word.length()))
                .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** {@code did you mean 'dependencies'?} for the {@link #closest} candidate, if there is one. */
    public static Optional<String> didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(meant -> "did you mean '" + meant + "'?");
    }

    /**
     * The most edits ({@link #distance}) a candidate may be from a word of this many letters to be suggested for it:
     * none for one letter, which one edit turns into any other ('h' into 'v'), one for a short word and
     * {@value #MAX_EDITS} from {@value #LETTERS_FOR_MAX_EDITS} letters. The one rule of every "did you mean" of both
     * command lines, for fields and names in files and for commands and options alike; package names, longer, allow
     * more edits by {@link #maxEdits(int, int)}.
     */
    public static int maxEdits(int letters) {
        return maxEdits(letters, MAX_EDITS);
    }

    /**
     * As {@link #maxEdits(int)}, with {@code most} edits in place of {@value #MAX_EDITS} from
     * {@value #LETTERS_FOR_MAX_EDITS} letters: a short word stays as strictly held whatever the most a long one may be
     * off, so 'ab' is not taken for 'cd' because '@acme/greetr' may be three edits from '@acme/greet'.
     */
    public static int maxEdits(int letters, int most) {
        if (letters < 2) {
            return 0;
        }
        return letters < LETTERS_FOR_MAX_EDITS ? Math.min(1, most) : most;
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
