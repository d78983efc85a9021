package io.prompd.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a machine does not offer a test, such as a group besides the process's own: the test is aborted on a
 * developer's machine, and fails under CI (the variable {@code CI} set, as GitHub's runners set it), where no test
 * may be skipped unseen.
 */
public final class Unavailable {

    private Unavailable() {
    }

    /** Aborts the test, or fails it under CI, saying why it cannot run here. */
    public static <T> T here(String why) {
        if (System.getenv("CI") != null) {
            return fail(why + " (the variable CI is set: every test must run there)");
        }
        return Assumptions.abort(why);
    }
}
