package io.prompd.client.install;

/** Hears what an install is doing while it runs, so a command can show it; the service itself never prints. */
public interface InstallListener {

    InstallListener SILENT = new InstallListener() {
    };

    /** Another run holds the home lock; this one waits for it. */
    default void waitingForLock() {
    }

    /** The packages of a lock, {@code count} of them, are about to be put in place. */
    default InstallProgress installing(int count) {
        return InstallProgress.NONE;
    }
}
