package io.prompd.core.testing;

import io.prompd.core.problem.Problem;

/** Where a problem is, as one string for tests to compare: {@code file:line pointer}, each part only when known. */
public final class ProblemLocation {

    private ProblemLocation() {
    }

    public static String of(Problem problem) {
        StringBuilder out = new StringBuilder(problem.file());
        if (problem.line() > 0) {
            out.append(':').append(problem.line());
        }
        if (!problem.pointer().isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(problem.pointer());
        }
        return out.toString();
    }
}
