package io.prompd.generator.build;

import io.prompd.core.files.RunLock;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Hears of packages as they are built; called from worker threads, so an implementation must be thread-safe, and a
 * count may come after a greater one.
 */
@FunctionalInterface
public interface BuildProgress {

    BuildProgress NONE = (done, total) -> { };

    void packageBuilt(int done, int total);

    /**
     * Another build into the same folder runs: this one waits for it, and a person should know why, and for whom.
     *
     * @param lockFile the file whose lock the other build holds
     * @param holder   the other build's process, when the lock file names it ({@link RunLock#holder})
     */
    default void waitingForAnotherBuild(Path lockFile, OptionalLong holder) {
    }
}
