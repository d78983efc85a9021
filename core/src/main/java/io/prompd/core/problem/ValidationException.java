package io.prompd.core.problem;

import java.util.List;

/** Thrown when work cannot go on because the input has errors; carries all of them. */
public final class ValidationException extends RuntimeException {

    private final transient List<Problem> problems;

    public ValidationException(String summary, List<Problem> problems) {
        super(summary);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
