package io.prompd.client.install;

import io.prompd.client.http.ProgressListener;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;

/**
 * Hears how the packages of one install come into place, from the threads that install them in
 * parallel. Closed once they all are, or as soon as one has failed.
 */
public interface InstallProgress extends AutoCloseable {

    InstallProgress NONE = new InstallProgress() {
        @Override
        public ProgressListener downloading(PackageName name, Version version) {
            return ProgressListener.NONE;
        }

        @Override
        public void installed(PackageName name, Version version) {
        }

        @Override
        public void close() {
        }
    };

    /** The listener of one tarball's download. */
    ProgressListener downloading(PackageName name, Version version);

    /**
     * One more package is ready, checked: downloaded, taken from the cache, or there already. They go in place together
     * once all are, so that a refused one leaves the store as it was.
     */
    void installed(PackageName name, Version version);

    @Override
    void close();
}
