package io.prompd.generator.build;

/** Hears of packages as they are built; called from worker threads, so an implementation must be thread-safe. */
@FunctionalInterface
public interface BuildProgress {

    BuildProgress NONE = (done, total) -> { };

    void packageBuilt(int done, int total);

    /** Another build into the same folder runs: this one waits for it, and a person should know why. */
    default void waitingForAnotherBuild() {
    }
}
