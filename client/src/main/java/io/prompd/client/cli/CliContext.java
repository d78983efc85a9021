package io.prompd.client.cli;

import io.prompd.cli.Terminal;
import io.prompd.client.install.Project;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The world a command runs in: environment variables, working folder, clock, standard input and
 * whether stderr is a terminal. {@code main} takes the real ones; tests pass their own, so no test
 * touches the real home folder or depends on the time of day.
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, Clock clock, InputStream stdin,
                         boolean stderrIsTerminal) {

    public CliContext {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(""), Clock.systemUTC(), System.in, Terminal.isStandardError());
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The project the working folder lies in: the nearest folder from there up holding a prompd.json. */
    public Path projectFolder() {
        return Project.enclosingOrFail(workingDirectory);
    }

    /** A path argument as the user meant it: relative to the working folder. */
    public Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }
}
