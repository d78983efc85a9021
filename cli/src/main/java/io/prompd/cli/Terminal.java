package io.prompd.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether progress may be drawn on standard error: only when a person sees it. Java 17 cannot ask
 * isatty(2) for one stream ({@link System#console()} answers for standard input and output
 * together), so where Linux's {@code /proc} tells where standard error goes, that answer is used:
 * {@code prompd install > log} still shows progress, and {@code 2> log} keeps it out of the log.
 */
public final class Terminal {

    private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    /**
     * A writer of UTF-8 to a standard stream, whatever the locale: as cargo and git write, since a
     * shell without {@code LANG} (a container, a cron job) mostly sits in a UTF-8 terminal or writes
     * to a file read as UTF-8, where Java's own choice would turn every non-ASCII character into '?'.
     */
    public static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    public static boolean isStandardError() {
        try {
            return isTerminalDevice(Files.readSymbolicLink(STANDARD_ERROR).toString());
        } catch (IOException | UnsupportedOperationException noProcFileSystem) {
            return System.console() != null;
        }
    }

    /** Pseudo-terminals, virtual consoles and serial lines; not pipes, sockets or files. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
