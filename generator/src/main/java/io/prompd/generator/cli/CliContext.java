package io.prompd.generator.cli;

import java.util.Map;

/**
 * The world a command runs in, as much of it as the generator reads: the environment variables and whether standard
 * error is a terminal, as the client's context gives them to its commands. {@code main} takes the real ones; tests pass
 * their own, so that what a command does with them (a build's progress line, drawn only at a terminal) turns on what
 * the test says, not on where the test runs.
 *
 * @param environment      the variables, where {@code TERM} may say the terminal is a dumb one and {@code COLUMNS} how
 *                         wide it is
 * @param stderrIsTerminal whether standard error is a terminal, where a build draws its progress
 */
public record CliContext(Map<String, String> environment, boolean stderrIsTerminal) {

    /** No variables, and standard error no terminal: a run in a pipe, as tests run commands unless they say otherwise. */
    public static final CliContext PIPED = new CliContext(Map.of(), false);

    public CliContext {
        environment = Map.copyOf(environment);
    }
}
