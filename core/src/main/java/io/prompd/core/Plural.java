package io.prompd.core;

/** Counts in messages, which read "1 file" and "2 files" alike. */
public final class Plural {

    private Plural() {
    }

    /** {@code 1 package}, {@code 0 packages}: the nouns of these messages take an s. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
