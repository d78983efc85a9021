package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.json.Pointer;
import io.prompd.core.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration file cannot be used; carries every problem found in it, each with its field. */
public final class ConfigException extends PrompdException {

    private final transient List<Problem> problems;

    public ConfigException(Path file, List<Problem> problems) {
        super(ExitCode.FAILURE, message(file, problems),
                "fix the file in an editor, or delete it and configure again with 'prompd registry add'");
        this.problems = List.copyOf(problems);
    }

    private static String message(Path file, List<Problem> problems) {
        return "the configuration file " + file + " cannot be used:" + problems.stream()
                .map(problem -> System.lineSeparator() + "  " + where(problem) + problem.message()
                        + (problem.hint().isEmpty() ? "" : " (" + problem.hint() + ")"))
                .collect(Collectors.joining());
    }

    private static String where(Problem problem) {
        if (problem.line() > 0) {
            return "line " + problem.line() + ": ";
        }
        return problem.pointer().isEmpty() ? "" : Pointer.readable(problem.pointer()) + ": ";
    }

    public List<Problem> problems() {
        return problems;
    }
}
