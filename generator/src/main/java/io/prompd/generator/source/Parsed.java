package io.prompd.generator.source;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one registry file: the value read (absent when the file is too broken to
 * give one) and every problem found on the way, so a checker can report them all at once.
 *
 * @param value    what was read; for lenient formats, the valid part of the file
 * @param problems every problem found, sorted
 */
public record Parsed<T>(Optional<T> value, List<Problem> problems) {

    public Parsed {
        Objects.requireNonNull(value, "value");
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    public static <T> Parsed<T> of(T value, List<Problem> problems) {
        return new Parsed<>(Optional.of(value), problems);
    }

    public static <T> Parsed<T> failed(List<Problem> problems) {
        return new Parsed<>(Optional.empty(), problems);
    }

    public boolean hasErrors() {
        return value.isEmpty() || problems.stream().anyMatch(Problem::isError);
    }

    /** The value when the file had no errors; otherwise a {@link ValidationException} carrying them all. */
    public T orElseThrow(String summary) {
        if (hasErrors()) {
            throw new ValidationException(summary, problems);
        }
        return value.orElseThrow();
    }
}
