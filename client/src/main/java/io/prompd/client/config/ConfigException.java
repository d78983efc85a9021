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
    private final transient Optional<UnusableCredentials> unusableCredentials;

    /**
     * Deleting the file is no fix to offer: it holds the registries and routes configured, and the credentials of every
     * login, which would all be lost.
     */
    private static final String KEEP = "; deleting the file would lose the registries configured in it and the"
            + " credentials 'prompd login' stored there";

    public ConfigException(Path file, List<Problem> problems) {
        this(file, problems, Optional.empty(), Optional.empty(), false);
    }

    /**
     * @param repairable what a change may make good, when that is all the problems are about
     * @param unusableCredentials the credential entries that could not be read, when they are all the problems are
     *                            about: a login or logout of their registries mends them
     * @param unknown    whether it holds fields or credentials of a kind this prompd does not know, as a newer prompd
     *                   may write: then updating prompd is the fix, not changing the file
     */
    ConfigException(Path file, List<Problem> problems, Optional<UnknownRegistryNames> repairable,
                    Optional<UnusableCredentials> unusableCredentials, boolean unknown) {
        super(ExitCode.FAILURE, message(file, problems), (unknown ? "if a newer prompd wrote it, update prompd to one"
                + " that reads it; else fix" : "fix") + " each problem as its hint says, with the commands it names or"
                + " in an editor" + KEEP);
        this.problems = List.copyOf(problems);
        this.repairable = Objects.requireNonNull(repairable, "repairable");
        this.unusableCredentials = Objects.requireNonNull(unusableCredentials, "unusableCredentials");
    }

    private static String message(Path file, List<Problem> problems) {
        return "the configuration file " + file + " cannot be used:" + problems.stream()
                .map(problem -> "\n  " + where(problem) + problem.message()
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

    Optional<UnusableCredentials> unusableCredentials() {
        return unusableCredentials;
    }
}
