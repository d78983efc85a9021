package io.prompd.client.cli;

import io.prompd.cli.Terminal;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Asks for a secret at the terminal standard input is, without echo, whatever standard output is, as sudo, ssh and
 * npm do. {@link Console} cannot: Java 17 has none when standard output goes to a file or a pipe ({@code prompd login
 * > log}, {@code | tee log}), and its echo, turned off once, comes back after Ctrl-Z and {@code fg}, as the shell sets
 * its own terminal modes while the job is stopped. So echo is turned off with stty(1) on standard input, the prompt
 * written to {@code /dev/tty}, and, as sudo does, echo restored when the job is stopped and turned off again, the
 * prompt repeated, when it goes on, and restored at exit (Ctrl-C) as well. Where there is no stty (Windows), the
 * {@link Console} asks.
 */
final class TerminalPrompt implements CliContext.SecretPrompt {

    private static final String TERMINAL = "/dev/tty";

    private final InputStream stdin;

    private TerminalPrompt(InputStream stdin) {
        this.stdin = stdin;
    }

    /** @return empty when standard input is no terminal, whose first line is then the secret */
    static Optional<CliContext.SecretPrompt> ofStandardInput() {
        return Terminal.isStandardInput() ? Optional.of(new TerminalPrompt(System.in)) : Optional.empty();
    }

    @Override
    public Optional<char[]> ask(String prompt) throws IOException {
        Optional<String> modes = stty("-g");
        if (modes.isEmpty()) {
            return byConsole(prompt);
        }
        String saved = modes.get().strip();
        Optional<OutputStream> opened = openTerminal();
        // standard error is flushed, never closed: closing it would lose every message the run writes after the prompt
        PrintWriter terminal = Terminal.utf8(opened.orElseGet(() -> new FileOutputStream(FileDescriptor.err)));
        try {
            Runnable ask = () -> {
                stty("-echo");
                terminal.print(prompt + ": ");
                terminal.flush();
            };
            Thread restore = new Thread(() -> restore(saved, terminal));
            Runtime.getRuntime().addShutdownHook(restore);
            SignalHandler stopped = Signal.handle(new Signal("TSTP"), signal -> {
                restore(saved, terminal);
                stop();
            });
            SignalHandler resumed = Signal.handle(new Signal("CONT"), signal -> ask.run());
            try {
                ask.run();
                return SecretInput.firstLine(stdin, prompt).map(String::toCharArray);
            } finally {
                Signal.handle(new Signal("TSTP"), stopped);
                Signal.handle(new Signal("CONT"), resumed);
                restore(saved, terminal);
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException exiting) {
                    // the hook restores the modes as the JVM exits
                }
            }
        } finally {
            terminal.flush();
            if (opened.isPresent()) {
                opened.get().close();
            }
        }
    }

    private static Optional<char[]> byConsole(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new PrompdException(ExitCode.USAGE, "the " + prompt + " cannot be typed without echo here: found"
                    + " neither stty nor a console", SecretInput.pipeIn(prompt));
        }
        return Optional.ofNullable(console.readPassword("%s: ", prompt));
    }

    /** The modes as they were, and the line the unechoed Enter did not end. */
    private static void restore(String saved, PrintWriter terminal) {
        stty(saved);
        terminal.print("\n");
        terminal.flush();
    }

    /**
     * Where the prompt goes: the terminal itself; empty when there is none to open (no controlling terminal, as under
     * setsid), the prompt then going to standard error, which a person may still see.
     */
    private static Optional<OutputStream> openTerminal() {
        try {
            return Optional.of(new FileOutputStream(TERMINAL));
        } catch (IOException noTerminal) {
            return Optional.empty();
        }
    }

    /** Stops the process as Ctrl-Z would have, once the handler that caught it has restored echo. */
    private static void stop() {
        run("kill", "-STOP", String.valueOf(ProcessHandle.current().pid()));
    }

    /** @return what stty printed, empty when it could not be run or failed */
    private static Optional<String> stty(String argument) {
        return run("stty", argument);
    }

    private static Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? Optional.of(printed) : Optional.empty();
        } catch (IOException notRun) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
