package io.prompd.core.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every problem found by a validation, so all of them are reported together
 * rather than only the first. A collector lives for one validation run and is never shared.
 */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public Problems add(Problem problem) {
        found.add(problem);
        return this;
    }

    public Problems addAll(Collection<Problem> problems) {
        found.addAll(problems);
        return this;
    }

    public Problems error(String file, String pointer, String message, String hint) {
        return add(Problem.error(file, pointer, message, hint));
    }

    public Problems warning(String file, String pointer, String message, String hint) {
        return add(Problem.warning(file, pointer, message, hint));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    /** The problems found so far, sorted by {@link Problem#ORDER}, as an immutable list. */
    public List<Problem> sorted() {
        return found.stream().sorted(Problem.ORDER).toList();
    }

    public static boolean anyError(Collection<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
