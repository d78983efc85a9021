package io.prompd.client.cli;

import io.prompd.client.http.ProgressListener;
import io.prompd.client.install.InstallProgress;
import io.prompd.core.Sizes;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * One line on a terminal for a whole install, redrawn in place with {@code \r}: packages in place
 * out of all, and the bytes downloaded so far. One line rather than a bar per download, since
 * downloads run in parallel and their bars would overwrite each other. Wiped when the install ends,
 * so what follows starts on a clean line; the summary goes to stdout. A message shown meanwhile
 * ({@link #say}) wipes it too, and it is drawn again below the message.
 */
final class InstallProgressBar implements InstallProgress {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final int total;
    private int installed;
    private long downloaded;
    private String shown = "";
    /** After the install ended, a worker still finishing its package must not draw again. */
    private boolean closed;

    InstallProgressBar(PrintWriter err, int total) {
        this.err = Objects.requireNonNull(err, "err");
        this.total = total;
    }

    @Override
    public ProgressListener downloading(PackageName name, Version version) {
        return new ProgressListener() {
            /** This download's bytes so far, taken back when a retry starts over. */
            private long counted;

            @Override
            public void started(long totalBytes) {
                add(-counted);
                counted = 0;
            }

            @Override
            public void advanced(long bytes) {
                counted += bytes;
                add(bytes);
            }

            @Override
            public void finished() {
                // the package is in place only once unpacked: installed() counts it
            }
        };
    }

    @Override
    public synchronized void installed(PackageName name, Version version) {
        installed++;
        draw();
    }

    private synchronized void add(long bytes) {
        downloaded += bytes;
        draw();
    }

    /** The text of the line for what is done so far. */
    synchronized String line() {
        int filled = total == 0 ? BAR_WIDTH : BAR_WIDTH * installed / total;
        return "installing [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + installed + "/" + total
                + (downloaded > 0 ? ", " + Sizes.readable(downloaded) + " downloaded" : "");
    }

    private void draw() {
        String next = line();
        if (closed || next.equals(shown)) {
            return;
        }
        // spaces wipe what a longer previous line left behind
        err.print("\r" + next + " ".repeat(Math.max(0, shown.length() - next.length())));
        err.flush();
        shown = next;
    }

    /**
     * Prints a line of its own: on the bar's line, the message would run into the bar, and the bar's next
     * redraw would overwrite the message.
     */
    synchronized void say(String message) {
        wipe();
        err.println(message);
        draw();
        err.flush();
    }

    @Override
    public synchronized void close() {
        wipe();
        err.flush();
        closed = true;
    }

    private void wipe() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            shown = "";
        }
    }

}
