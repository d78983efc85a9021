package io.prompd.client.install;

import io.prompd.client.http.ProgressListener;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;

/** Hears what an install is doing while it runs, so a command can show it; the service itself never prints. */
public interface InstallListener {

    InstallListener SILENT = new InstallListener() {
    };

    /** Another run holds the home lock; this one waits for it. */
    default void waitingForLock() {
    }

    /** The listener of one tarball's download. */
    default ProgressListener downloading(PackageName name, Version version) {
        return ProgressListener.NONE;
    }
}
