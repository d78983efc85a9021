package io.prompd.core.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks shared by the document records' constructors. */
final class Checks {

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");

    private Checks() {
    }

    /** A full Git commit id, in lower-case hex, as the documents record it. */
    static String commitId(String id) {
        Objects.requireNonNull(id, "commit");
        if (!COMMIT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a full commit id (40 lower-case hex digits): '" + id + "'");
        }
        return id;
    }

    static long notNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }
}
