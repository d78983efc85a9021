package io.prompd.client.install;

import io.prompd.client.install.registry.IndexProgress;
import java.nio.file.Path;

/** Hears what an install is doing while it runs, so a command can show it; the service itself never prints. */
public interface InstallListener {

    InstallListener SILENT = new InstallListener() {
    };

    /** Another run holds the lock in {@code lock}, the home's or the project's; this one waits for it. */
    default void waitingForLock(Path lock) {
    }

    /** The registry's index documents are about to be read, to resolve what to install (or what is outdated). */
    default IndexProgress reading() {
        return IndexProgress.NONE;
    }

    /** The packages of a lock, {@code count} of them, are about to be put in place. */
    default InstallProgress installing(int count) {
        return InstallProgress.NONE;
    }
}
