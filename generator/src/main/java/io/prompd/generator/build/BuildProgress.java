package io.prompd.generator.build;

import java.util.List;

/** Hears of packages as they are built; called from worker threads, so an implementation must be thread-safe. */
@FunctionalInterface
public interface BuildProgress {

    BuildProgress NONE = (done, total) -> { };

    void packageBuilt(int done, int total);

    /** Another build into the same folder runs: this one waits for it, and a person should know why. */
    default void waitingForAnotherBuild() {
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
}
