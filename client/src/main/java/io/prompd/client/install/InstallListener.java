package io.prompd.client.install;

import java.nio.file.Path;

/** Hears what an install is doing while it runs, so a command can show it; the service itself never prints. */
public interface InstallListener {

    InstallListener SILENT = new InstallListener() {
    };

    /** Another run holds the lock in {@code lock}, the home's or the project's; this one waits for it. */
    default void waitingForLock(Path lock) {
    }

    /** The packages of a lock, {@code count} of them, are about to be put in place. */
    default InstallProgress installing(int count) {
        return InstallProgress.NONE;
    }
}
