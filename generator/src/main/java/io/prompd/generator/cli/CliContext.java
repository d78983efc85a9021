package io.prompd.generator.cli;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The world a command runs in, as much of it as the generator reads: the environment variables, whether standard
 * error is a terminal, the folder it runs in and the clock, as the client's context gives them to its commands.
 * {@code main} takes the real ones; tests pass their own, so that what a command does with them (a build's progress
 * line, drawn only at a terminal) turns on what the test says, not on where the test runs.
 *
 * @param environment      the variables, where {@code TERM} may say the terminal is a dumb one and {@code COLUMNS} how
 *                         wide it is
 * @param stderrIsTerminal whether standard error is a terminal, where a build draws its progress
 * @param workingFolder    the folder the command runs in, absolute: a hint suggesting a git command names the
 *                         repository ({@code git -C clone}) unless the run is in it, where git finds it
 * @param clock            the time now, which the check holds a new version's commit time to
 */
public record CliContext(Map<String, String> environment, boolean stderrIsTerminal, Path workingFolder, Clock clock) {

    /**
     * No variables, standard error no terminal, and run at the root of the file system with the system's clock, past
     * the time of every commit a test makes: a run in a pipe, outside every repository a test makes, as tests run
     * commands unless they say otherwise.
     */
    public static final CliContext PIPED = new CliContext(Map.of(), false,
            FileSystems.getDefault().getRootDirectories().iterator().next(), Clock.systemUTC());

    public CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingFolder, "workingFolder");
        Objects.requireNonNull(clock, "clock");
        if (!workingFolder.isAbsolute()) {
            throw new IllegalArgumentException("the working folder must be absolute: " + workingFolder);
        }
    }
}
