package io.prompd.cli;

import io.prompd.core.DisplayWidth;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of progress on a terminal's standard error, redrawn in place with {@code \r}. It is cut to one column
 * less than the terminal's width: a line that wraps puts the cursor on its last row, where {@code \r} goes back to,
 * and every redraw would leave the rows above behind; the last column is left free as a line filling it leaves the
 * cursor waiting to wrap. A message ({@link #say}) wipes the line, goes on a line of its own, and the line is drawn
 * again below it.
 */
public final class ProgressLine {

    private final PrintWriter err;
    /** The columns a drawn line may take. */
    private final int room;
    private String text = "";
    private String drawn = "";

    /** @param columns the terminal's width */
    public ProgressLine(PrintWriter err, int columns) {
        this.err = Objects.requireNonNull(err, "err");
        this.room = Math.max(0, columns - 1);
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
    public synchronized void show(String next) {
        text = Objects.requireNonNull(next, "next");
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
        text = "";
    }

    private void draw() {
        String next = DisplayWidth.cut(text, room);
        if (next.equals(drawn)) {
            return;
        }
        if (next.isEmpty()) {
            wipe(0);
            return;
        }
        // spaces wipe what a longer previous line left behind
        err.print("\r" + next + " ".repeat(Math.max(0, DisplayWidth.of(drawn) - DisplayWidth.of(next))));
        err.flush();
        drawn = next;
    }

    private void wipe(int beyond) {
        if (!drawn.isEmpty()) {
            err.print("\r" + " ".repeat(Math.min(DisplayWidth.of(drawn) + beyond, room)) + "\r");
            drawn = "";
        }
    }
}
