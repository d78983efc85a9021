package io.prompd.client.cli;

import io.prompd.cli.ProgressLine;
import io.prompd.cli.ProgressText;
import io.prompd.client.install.registry.IndexProgress;
import io.prompd.core.Plural;
import java.util.Objects;

/**
 * The {@link ProgressLine} while the registry's index documents are read, as cargo's "Updating index": how many are
 * in, from the first request on, so that a slow registry does not leave the terminal blank. It gives the line up to
 * the install's bar, and wipes it when the index closes without one (outdated, a failure).
 */
final class ResolvingLine implements IndexProgress {

    private final ProgressLine progress;
    /** The greatest count heard: the fetching threads tell theirs in any order, and the line must not go back. */
    private int read;
    private boolean done;

    ResolvingLine(ProgressLine progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public synchronized void reading(int read) {
        this.read = Math.max(this.read, read);
        if (!done) {
            progress.show(ProgressText.of("resolving", Plural.count(this.read, "package") + " read"));
        }
    }

    /** The install's bar takes the line over: a document that a prefetch brings in late must not draw over it. */
    synchronized void handOver() {
        done = true;
    }

    @Override
    public synchronized void close() {
        if (!done) {
            done = true;
            progress.clear();
        }
    }
}
