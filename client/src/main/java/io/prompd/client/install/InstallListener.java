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

    /**
     * The run warned of this: its plan (a version deprecated, a latest passed over), once it goes to get the versions,
     * or getting a version (its tarball came from another URL than the registry's), once every version is got or one
     * failed, in the order of the versions, as the report of a run that succeeds gives them, not in the order their
     * parallel downloads ended. The report of a run that succeeds says it again, and a run that fails has no report to
     * say it; a plan may warn of what getting a version warns of again. Told on the run's thread.
     */
    default void warned(InstallNote warning) {
    }

    /** The packages of a lock, {@code count} of them, are about to be put in place. */
    default InstallProgress installing(int count) {
        return InstallProgress.NONE;
    }
}
