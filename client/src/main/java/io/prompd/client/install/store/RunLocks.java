package io.prompd.client.install.store;

/**
 * Where the client's {@link io.prompd.core.files.RunLock}s live: one on a home's store and cache,
 * one on a project's files, which runs with different homes may share. Runs take the home's lock
 * before a project's, so two runs never wait for each other.
 */
public final class RunLocks {

    /** In the home folder. */
    public static final String HOME_FILE = "install.lock";
    /** In a project folder; {@code .prompd} is never packed. */
    public static final String PROJECT_FILE = ".prompd/install.lock";

    private RunLocks() {
    }
}
