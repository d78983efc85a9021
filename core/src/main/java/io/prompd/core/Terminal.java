package io.prompd.core;

import java.io.IOException;
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
