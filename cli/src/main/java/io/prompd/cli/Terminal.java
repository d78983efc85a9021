package io.prompd.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether progress may be drawn on standard error: only when a person sees it; whether a secret is
 * typed at standard input. Java 17 cannot ask isatty(2) for one stream ({@link System#console()}
 * answers for standard input and output together), so where Linux's {@code /proc} tells where the
 * stream goes, that answer is used: {@code prompd install > log} still shows progress, {@code 2> log}
 * keeps it out of the log, and {@code prompd login > log} still asks without echo.
 */
public final class Terminal {

    private static final Path STANDARD_INPUT = Path.of("/proc/self/fd/0");
    private static final Path STANDARD_OUTPUT = Path.of("/proc/self/fd/1");
    private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    /**
     * The system property the launcher sets to the columns of the terminal on standard error, as {@code stty size}
     * tells them: Java cannot ask a terminal its size (an ioctl), and a process started to ask costs more than the
     * launcher's one {@code stty}.
     */
    static final String COLUMNS_PROPERTY = "prompd.terminal.columns";

    /** The width assumed of a terminal that says none, as npm and cargo assume. */
    static final int DEFAULT_COLUMNS = 80;

    /** The narrowest help: picocli lays out none narrower, its columns of options and descriptions would not fit. */
    static final int MIN_HELP_COLUMNS = 55;

    /** The widest help: longer lines of prose are hard to read, and a wide window is no reason to write them. */
    static final int MAX_HELP_COLUMNS = 120;

    private Terminal() {
    }

    /**
     * A writer of UTF-8 to a standard stream, whatever the locale: as cargo and git write, since a
     * shell without {@code LANG} (a container, a cron job) mostly sits in a UTF-8 terminal or writes
     * to a file read as UTF-8, where Java's own choice would turn every non-ASCII character into '?'.
     */
    public static PrintWriter utf8(OutputStream stream) {
        return new FailureKeepingWriter(stream);
    }

    /**
     * Standard output as {@link #utf8} writes it, straight to the file descriptor: {@link System#out}
     * would hide why a write failed, and a full disk must be told from a closed stream or a reader gone.
     */
    public static PrintWriter standardOutput() {
        return utf8(new FileOutputStream(FileDescriptor.out));
    }

    public static boolean isStandardError() {
        return isTerminal(STANDARD_ERROR);
    }

    /** Whether standard output goes to a terminal, not to a pipe or a file. */
    public static boolean isStandardOutput() {
        return isTerminal(STANDARD_OUTPUT);
    }

    /** Whether a person types standard input, though standard output may go to a file or a pipe. */
    public static boolean isStandardInput() {
        return isTerminal(STANDARD_INPUT);
    }

    private static boolean isTerminal(Path descriptor) {
        try {
            return isTerminalDevice(Files.readSymbolicLink(descriptor).toString());
        } catch (IOException | UnsupportedOperationException noProcFileSystem) {
            return System.console() != null;
        }
    }

    /**
     * Whether progress may be redrawn on standard error: it is a terminal, and not a dumb one ({@code TERM=dumb}, as
     * Emacs's compilation buffer and other line-based readers set), which shows a {@code \r} as {@code ^M} instead of
     * going back to the start of the line, as cargo leaves its progress out there.
     */
    public static boolean drawsProgress(Map<String, String> environment, boolean stderrIsTerminal) {
        return stderrIsTerminal && !isDumb(environment);
    }

    /** Whether the terminal says it moves nothing and colours nothing, showing escapes as text ({@code TERM=dumb}). */
    static boolean isDumb(Map<String, String> environment) {
        return "dumb".equals(environment.get("TERM"));
    }

    /**
     * The columns of the terminal on standard error: {@code COLUMNS} where the shell exports it (a person's or a
     * test's word), else what the launcher measured, else {@value #DEFAULT_COLUMNS}. Read once, at the start: a
     * window narrowed during the run has its next lines of progress wrap.
     */
    public static int columns(Map<String, String> environment) {
        return columns(environment.get("COLUMNS"), System.getProperty(COLUMNS_PROPERTY));
    }

    /**
     * The width usage help is laid out in, by the rule {@link #columns} gives progress lines: {@code COLUMNS} where
     * exported, the person's word whatever the output is; else the terminal's width the launcher measured when
     * standard output is a terminal too; else {@value #DEFAULT_COLUMNS}, so that help piped or written to a file is the
     * same whatever window it was run in. Kept within {@value #MIN_HELP_COLUMNS} and {@value #MAX_HELP_COLUMNS}.
     */
    public static int helpColumns(Map<String, String> environment, boolean stdoutIsTerminal) {
        return helpColumns(environment.get("COLUMNS"), System.getProperty(COLUMNS_PROPERTY), stdoutIsTerminal);
    }

    static int helpColumns(String exported, String measured, boolean stdoutIsTerminal) {
        int columns = columns(exported, stdoutIsTerminal ? measured : null);
        return Math.max(MIN_HELP_COLUMNS, Math.min(MAX_HELP_COLUMNS, columns));
    }

    static int columns(String exported, String measured) {
        return positive(exported).or(() -> positive(measured)).orElse(DEFAULT_COLUMNS);
    }

    private static Optional<Integer> positive(String columns) {
        try {
            return columns == null ? Optional.empty()
                    : Optional.of(Integer.parseInt(columns.strip())).filter(count -> count > 0);
        } catch (NumberFormatException notAWidth) {
            return Optional.empty();
        }
    }

    /** Pseudo-terminals, virtual consoles and serial lines; not pipes, sockets or files. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
