package io.prompd.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One line of progress on a terminal's standard error, redrawn in place with {@code \r}. It is fitted ({@link
 * ProgressText#fitted}) to three columns less than the terminal's width: a line that wraps puts the cursor on its last
 * row, where {@code \r} goes back to, and every redraw would leave the rows above behind; the last column is left free
 * as a line filling it leaves the cursor waiting to wrap, and two more for the {@code ^C} a terminal echoes after it,
 * which would wrap too and leave the line above the one wiped. A message ({@link #say}) wipes the line, goes on a line
 * of its own, and the line is drawn again below it. Once drawn, the line is wiped when the program is stopped (Ctrl-C,
 * {@code kill}) too, so that the shell's prompt does not start on it; the program still exits with 130 or 143.
 */
public final class ProgressLine {

    /** A {@code ^C} that the terminal echoed after the line, wiped with it when the program is stopped. */
    private static final int ECHOED_INTERRUPT = 2;

    private final PrintWriter err;
    /** The columns a drawn line may take. */
    private final int room;
    private final Consumer<Thread> exitHooks;
    private Optional<ProgressText> text = Optional.empty();
    private String drawn = "";
    private boolean hooked;
    /** Set when the program stops: the threads still running must not draw again. */
    private boolean stopped;

    /** @param columns the terminal's width */
    public ProgressLine(PrintWriter err, int columns) {
        this(err, columns, Runtime.getRuntime()::addShutdownHook);
    }

    /**
     * @param exitHooks where the hook that wipes the line when the JVM stops is registered, on the first draw: the
     *                  runtime's, or a test's
     */
    ProgressLine(PrintWriter err, int columns, Consumer<Thread> exitHooks) {
        this.err = Objects.requireNonNull(err, "err");
        this.room = Math.max(0, columns - 1 - ECHOED_INTERRUPT);
        this.exitHooks = Objects.requireNonNull(exitHooks, "exitHooks");
    }

    /**
     * A line for standard error, as wide as {@link Terminal#columns} says, when progress may be drawn there
     * ({@link Terminal#drawsProgress}), else none.
     */
    public static Optional<ProgressLine> on(PrintWriter err, Map<String, String> environment,
                                            boolean stderrIsTerminal) {
        return Terminal.drawsProgress(environment, stderrIsTerminal)
                ? Optional.of(new ProgressLine(err, Terminal.columns(environment)))
                : Optional.empty();
    }

    /** Shows {@code next} in place of what the line said: drawn only when what fits of it changed. */
    public synchronized void show(ProgressText next) {
        text = Optional.of(next);
        draw();
    }

    /** Prints {@code message} on a line of its own, above the progress line, which is drawn again below it. */
    public synchronized void say(String message) {
        wipe(0);
        err.println(message);
        draw();
        err.flush();
    }

    /** Wipes the line, to be drawn again only by the next {@link #show}: what it showed has ended. */
    public synchronized void clear() {
        wipe(0);
        err.flush();
        text = Optional.empty();
    }

    /** What the exit hook does: the line wiped, and the ^C after it, and nothing drawn any more. */
    synchronized void stop() {
        wipe(ECHOED_INTERRUPT);
        err.flush();
        stopped = true;
    }

    private void draw() {
        String next = text.map(shown -> shown.fitted(room)).orElse("");
        if (stopped || next.equals(drawn)) {
            return;
        }
        if (next.isEmpty()) {
            wipe(0);
            return;
        }
        if (!hooked) {
            // never removed: once the line is wiped, the hook has nothing to do
            exitHooks.accept(new Thread(this::stop, "prompd-progress-line"));
            hooked = true;
        }
        // spaces wipe what a longer previous line left behind
        err.print("\r" + next + " ".repeat(Math.max(0, DisplayWidth.of(drawn) - DisplayWidth.of(next))));
        err.flush();
        drawn = next;
    }

    private void wipe(int beyond) {
        if (!drawn.isEmpty()) {
            err.print("\r" + " ".repeat(Math.min(DisplayWidth.of(drawn), room) + beyond) + "\r");
            drawn = "";
        }
    }
}
