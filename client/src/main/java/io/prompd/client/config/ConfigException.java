package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The configuration file cannot be used; carries every problem found in it, each with its field. */
public final class ConfigException extends PrompdException {

    private final transient List<Problem> problems;
    private final transient Optional<UnknownRegistryNames> repairable;

    public ConfigException(Path file, List<Problem> problems) {
        this(file, problems, Optional.empty());
    }

    /** @param repairable what a change may make good, when that is all the problems are about */
    ConfigException(Path file, List<Problem> problems, Optional<UnknownRegistryNames> repairable) {
        super(ExitCode.FAILURE, message(file, problems),
                "fix the file in an editor, or delete it and configure again with 'prompd registry add'");
        this.problems = List.copyOf(problems);
        this.repairable = Objects.requireNonNull(repairable, "repairable");
    }

    private static String message(Path file, List<Problem> problems) {
        return "the configuration file " + file + " cannot be used:" + problems.stream()
                .map(problem -> System.lineSeparator() + "  " + where(problem) + problem.message()
                        + (problem.hint().isEmpty() ? "" : " (" + problem.hint() + ")"))
                .collect(Collectors.joining());
    }

    /** {@code /scopes/@a, line 6: } as validate shows a field and its line, or what of the two is known. */
    private static String where(Problem problem) {
        String line = problem.line() > 0 ? "line " + problem.line() : "";
        String field = Pointer.readable(problem.pointer());
        return line.isEmpty() && field.isEmpty() ? "" : field + (line.isEmpty() || field.isEmpty() ? "" : ", ") + line
                + ": ";
    }

    public List<Problem> problems() {
        return problems;
    }

    Optional<UnknownRegistryNames> repairable() {
        return repairable;
    }
}
