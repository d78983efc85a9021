package io.prompd.generator.build;

import io.prompd.core.files.RunLock;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Hears of packages as they are built; called from worker threads, so an implementation must be thread-safe. */
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

    /**
     * The build, {@linkplain BuildOptions#force forced}, serves again versions that the output's build took down,
     * a thing nobody should miss.
     *
     * @param outputCommit the commit the output held
     * @param versions     each version with its takedown's reason, as {@code @a/b@1.0.0: reason}
     */
    default void servingTakenDownAgain(String outputCommit, List<String> versions) {
    }

    /**
     * The build, {@linkplain BuildOptions#force forced}, leaves out versions the output served with no takedown
     * record, which lock files pin.
     *
     * @param outputCommit the commit the output held
     * @param versions     each version, as {@code @a/b@1.0.0}
     */
    default void leavingOutServedVersions(String outputCommit, List<String> versions) {
    }
}
