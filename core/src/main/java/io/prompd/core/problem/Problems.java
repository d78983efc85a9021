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

    /**
     * Adds a problem, in place of the one found at the same place with the same message: a later
     * rule that knows more than the first one gives the better hint, and a reader sees the problem once.
     */
    public Problems restate(Problem problem) {
        for (int index = 0; index < found.size(); index++) {
            if (found.get(index).restatedBy(problem)) {
                found.set(index, problem);
                return this;
            }
        }
        return add(problem);
    }

    /** The problems in the order found, each {@link #restate restated} one in place of the first. */
    public static List<Problem> restating(List<Problem> first, List<Problem> more) {
        Problems merged = new Problems().addAll(first);
        more.forEach(merged::restate);
        return List.copyOf(merged.found);
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

    /** How many problems were found so far. */
    public int size() {
        return found.size();
    }

    /** The problems found so far, sorted by {@link Problem#ORDER}, as an immutable list. */
    public List<Problem> sorted() {
        return found.stream().sorted(Problem.ORDER).toList();
    }

    public static boolean anyError(Collection<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}
