package io.prompd.core;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Counts and lists in messages, which read "1 file" and "2 files", "a or b" and "a, b or c" alike. */
public final class Plural {

    /** How many things a message names at most. */
    private static final int MOST_NAMED = 10;

    private Plural() {
    }

    /** {@code 1 package}, {@code 0 packages}: the nouns of these messages take an s. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code it} for one thing, {@code them} for any other number: the pronoun of a hint on {@code n} things. */
    public static String itOrThem(long n) {
        return itIfOne(n == 1);
    }

    /**
     * {@code it} of {@code one} thing, {@code them} of several: for a hint that knows which, not how many. Named apart
     * from {@link #itOrThem(long)}, as {@code true} passed for a count of 1 would read the other way round.
     */
    public static String itIfOne(boolean one) {
        return one ? "it" : "them";
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}: a list as a sentence says it, with "and" or "or". */
    public static String series(List<String> parts, String conjunction) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + conjunction + " "
                + parts.get(parts.size() - 1);
    }

    /**
     * The things as a message names them, {@code @a/b@1.0.0, c@2.0.0}, but at most {@value #MOST_NAMED} of them,
     * the last place then saying how many more ({@code … and 291 more}): a message naming hundreds would be one
     * line of kilobytes, which no one reads in a CI log or a pull request's comment.
     */
    public static String named(Collection<?> things) {
        int shown = things.size() > MOST_NAMED ? MOST_NAMED - 1 : things.size();
        String named = things.stream().limit(shown).map(Object::toString).collect(Collectors.joining(", "));
        return shown < things.size() ? named + " and " + (things.size() - shown) + " more" : named;
    }
}
