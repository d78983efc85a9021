package io.prompd.generator.source;

import io.prompd.core.problem.Pointer;
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

    /**
     * Whether the part of the file at the JSON pointer was read as written: no error is at it, inside
     * it (an entry of it left out) or at a part holding it (a field of the wrong type, or the whole
     * file), so that its value is what the file says rather than a stand-in for what did not read.
     */
    public boolean reads(String pointer) {
        return problems.stream().filter(Problem::isError).map(Problem::pointer)
                .noneMatch(error -> Pointer.isWithin(error, pointer) || Pointer.isWithin(pointer, error));
    }

    /**
     * {@link #reads} for an entry of a map that the value keeps: an error at the entry itself judges it as a whole (a
     * scope with no owners and no teams), since one that does not read is left out of the value, so it is read as
     * written unless an error is inside it or at a part holding it.
     */
    public boolean readsKept(String pointer) {
        return problems.stream().filter(Problem::isError).map(Problem::pointer).filter(error -> !error.equals(pointer))
                .noneMatch(error -> Pointer.isWithin(error, pointer) || Pointer.isWithin(pointer, error));
    }

    /** The value when the file had no errors; otherwise a {@link ValidationException} carrying them all. */
    public T orElseThrow(String summary) {
        if (hasErrors()) {
            throw new ValidationException(summary, problems);
        }
        return value.orElseThrow();
    }
}
