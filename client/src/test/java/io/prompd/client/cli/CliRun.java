package io.prompd.client.cli;

import io.prompd.core.concurrent.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs {@code prompd} in-process as a user would type it, with captured output, a home folder of
 * the test's own, a fixed clock and the given working folder.
 */
record CliRun(int exitCode, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T12:00:00Z"), ZoneOffset.UTC);

    /** Returns at once: a test takes a registry's pause as done. */
    static final Sleeper SLEEPER = delay -> { };

    /** A prompd command a message suggests, quoted: {@code 'prompd registry add …'}. */
    private static final Pattern SUGGESTED = Pattern.compile("'prompd ([^']+)'");

    /**
     * The arguments of each prompd command the text suggests, in its order, to run as they are: their words hold no
     * space or quote.
     */
    static List<String[]> suggested(String text) {
        return SUGGESTED.matcher(text).results().map(command -> command.group(1).split(" ")).toList();
    }

    static CliRun in(Path workingDirectory, Path home, String... args) {
        return in(workingDirectory, home, "", Map.of(), args);
    }

    static CliRun in(Path workingDirectory, Path home, String stdin, Map<String, String> variables, String... args) {
        return in(workingDirectory, home, stdin.getBytes(StandardCharsets.UTF_8), variables, args);
    }

    /** With standard input as bytes, which need not be text. */
    static CliRun in(Path workingDirectory, Path home, byte[] stdin, Map<String, String> variables, String... args) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("PROMPD_HOME", home.toString());
        // $PROMPD_HOME leaves the user's home folder unused; a made-up one keeps it so should that fail
        return with(context(environment, workingDirectory, home.resolveSibling("user-home"), stdin), args);
    }

    /** A context without a terminal: a secret is read from standard input, as when it is piped. */
    static CliContext context(Map<String, String> environment, Path workingDirectory, Path userHome, byte[] stdin) {
        return context(environment, workingDirectory, userHome, stdin, OutputStream.nullOutputStream(), false);
    }

    /** As {@link #context}, with standard output's bytes going to {@code stdout}, a terminal or not. */
    static CliContext context(Map<String, String> environment, Path workingDirectory, Path userHome, byte[] stdin,
                              OutputStream stdout, boolean stdoutIsTerminal) {
        return new CliContext(environment, workingDirectory, userHome, CLOCK, SLEEPER, new ByteArrayInputStream(stdin),
                Optional.empty(), false, stdout, stdoutIsTerminal);
    }

    /** In a world of the test's own making, as {@link #context} and more. */
    static CliRun with(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PrompdCommand.commandLine(new PrintWriter(out), new PrintWriter(err), context).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
