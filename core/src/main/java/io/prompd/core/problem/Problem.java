package io.prompd.core.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a package, a prompt file or a pull request.
 *
 * @param severity whether it blocks
 * @param file     path of the file, relative to the package or repository root, with {@code /} separators
 * @param pointer  JSON pointer of the field in the file ({@code /dependencies/@a~1b}), or empty
 * @param line     1-based line in the file, or 0 when unknown
 * @param message  what is wrong, in one sentence
 * @param hint     how to fix it, or empty
 */
public record Problem(Severity severity, String file, String pointer, int line, String message, String hint) {

    /** Problems sort by file, then line, then field, so reports are stable. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::pointer)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        file = Objects.requireNonNullElse(file, "");
        pointer = Objects.requireNonNullElse(pointer, "");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or positive: " + line);
        }
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
        hint = Objects.requireNonNullElse(hint, "");
    }

    public static Problem error(String file, String pointer, String message, String hint) {
        return new Problem(Severity.ERROR, file, pointer, 0, message, hint);
    }

    public static Problem warning(String file, String pointer, String message, String hint) {
        return new Problem(Severity.WARNING, file, pointer, 0, message, hint);
    }

    /** Not a JSON property: {@code severity} says it, and the JSON keeps its keys sorted. */
    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether {@code other} is this problem, found again at the same place, whatever its hint. */
    public boolean restatedBy(Problem other) {
        return severity == other.severity && file.equals(other.file) && pointer.equals(other.pointer)
                && line == other.line && message.equals(other.message);
    }

    public Problem atLine(int newLine) {
        return new Problem(severity, file, pointer, newLine, message, hint);
    }

    public Problem withHint(String newHint) {
        return new Problem(severity, file, pointer, line, message, newHint);
    }

    public Problem inFile(String newFile) {
        return new Problem(severity, newFile, pointer, line, message, hint);
    }
}
