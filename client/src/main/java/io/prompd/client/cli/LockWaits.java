package io.prompd.client.cli;

import io.prompd.core.files.RunLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** What a command says while another prompd run holds a lock it needs, so that the user knows why nothing happens. */
final class LockWaits {

    private LockWaits() {
    }

    /** Which lock is waited for, and whose it is if the lock tells. */
    static String note(Path lock) {
        OptionalLong holder = RunLock.holder(lock);
        return "note: waiting for another prompd run to finish ("
                + (holder.isPresent() ? "process " + holder.getAsLong() : "it") + " holds " + lock + ")…";
    }

    /** Says {@link #note} on stderr, for a command with no progress line to share it with. */
    static Consumer<Path> on(PrintWriter err) {
        return lock -> {
            err.println(note(lock));
            err.flush();
        };
    }
}
