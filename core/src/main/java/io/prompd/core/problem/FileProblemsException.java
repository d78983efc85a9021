package io.prompd.core.problem;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.List;

/**
 * A file a command needs as it is (prompd.json, prompd.lock) holds problems that stop it: the message is a line saying
 * so with each problem listed below it, as a person reads them; a report for a script gives each as it is
 * ({@link #problems}), as {@code build --json} gives a registry's.
 */
public class FileProblemsException extends PrompdException {

    private final transient List<Problem> problems;

    /** @param summary what the problems stop, as in {@code prompd.lock cannot be read:} */
    public FileProblemsException(ExitCode exitCode, String summary, List<Problem> problems, String hint) {
        this(exitCode, problems, summary + "\n" + ProblemReport.text(problems).strip(), hint);
    }

    private FileProblemsException(ExitCode exitCode, List<Problem> problems, String message, String hint) {
        super(exitCode, message, hint);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report: " + message);
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * One problem, told in one line ({@code prompd.lock cannot be read: line 2: …}) where a report of a single line
     * under the file's name would say less in more lines.
     */
    public static FileProblemsException inOneLine(ExitCode exitCode, String summary, Problem problem, String hint) {
        return new FileProblemsException(exitCode, List.of(problem), summary + (problem.line() > 0 ? " line "
                + problem.line() + ":" : "") + " " + problem.message(), hint);
    }

    public List<Problem> problems() {
        return problems;
    }
}
