package io.prompd.client.cli;

import io.prompd.cli.ProgressLine;
import io.prompd.cli.ProgressText;
import io.prompd.client.http.ProgressListener;
import io.prompd.client.install.InstallProgress;
import io.prompd.core.Sizes;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Objects;

/**
 * The {@link ProgressLine} of a whole install: packages in place out of all, and the bytes downloaded so far. One
 * line rather than a bar per download, since downloads run in parallel and their bars would overwrite each other.
 * Wiped when the install ends, so what follows starts on a clean line; the summary goes to stdout.
 */
final class InstallProgressBar implements InstallProgress {

    private final ProgressLine progress;
    private final int total;
    private int installed;
    private long downloaded;
    /** After the install ended, a worker still finishing its package must not draw again. */
    private boolean closed;

    InstallProgressBar(ProgressLine progress, int total) {
        this.progress = Objects.requireNonNull(progress, "progress");
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
                // the package is ready only once unpacked and checked: installed() counts it
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

    /** What the line says of what is done so far. */
    synchronized ProgressText line() {
        return ProgressText.of("installing", installed, total,
                downloaded > 0 ? ", " + Sizes.readable(downloaded) + " downloaded" : "");
    }

    private void draw() {
        if (!closed) {
            progress.show(line());
        }
    }

    @Override
    public synchronized void close() {
        progress.clear();
        closed = true;
    }
}
