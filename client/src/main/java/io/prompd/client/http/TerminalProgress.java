package io.prompd.client.http;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line progress bar, redrawn in place with {@code \r}: for stderr when it is a terminal.
 * Redraws only when the shown text changes, so a fast download does not flood the terminal.
 */
public final class TerminalProgress implements ProgressListener {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final String label;
    private long total = -1;
    private long done;
    private String shown = "";

    public TerminalProgress(PrintWriter out, String label) {
        this.out = Objects.requireNonNull(out, "out");
        this.label = Objects.requireNonNull(label, "label");
    }

    @Override
    public void started(long totalBytes) {
        total = totalBytes;
        done = 0;
        draw();
    }

    @Override
    public void advanced(long bytes) {
        done += bytes;
        draw();
    }

    @Override
    public void finished() {
        if (!shown.isEmpty()) {
            synchronized (out) {
                out.println();
                out.flush();
            }
            shown = "";
        }
    }

    /** The text of the line for the bytes received so far. */
    String line() {
        if (total <= 0) {
            return label + " " + size(done);
        }
        long shownDone = Math.min(done, total);
        int filled = (int) (BAR_WIDTH * shownDone / total);
        int percent = (int) (100 * shownDone / total);
        return label + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% %s / %s", percent, size(shownDone), size(total));
    }

    private void draw() {
        String next = line();
        if (next.equals(shown)) {
            return;
        }
        // spaces wipe what a longer previous line left behind
        String padding = " ".repeat(Math.max(0, shown.length() - next.length()));
        // Downloads run in parallel and share the terminal: one whole line at a time.
        synchronized (out) {
            out.print("\r" + next + padding);
            out.flush();
        }
        shown = next;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
