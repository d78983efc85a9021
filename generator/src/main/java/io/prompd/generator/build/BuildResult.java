package io.prompd.generator.build;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build did.
 *
 * @param commit           the registry commit built
 * @param packages         packages in the output
 * @param versions         versions in the output
 * @param tarballsWritten  tarballs packed by this build
 * @param tarballsReused   tarballs kept from the previous output
 * @param unchanged        whether the previous output was already of this commit with these options, and left untouched
 * @param elapsed          wall time of the build
 * @param warnings         what the build did that nobody should miss, in the order it did it
 * @param otherStateFormat the format of the output's build state when another prompd-registry wrote it, whose
 *                         output this one does not build on: every version was packed again
 * @param takenDownAtHead  the versions the commit holds that the build left out since HEAD, another commit, takes
 *                         them down; empty when it left out none
 */
public record BuildResult(String commit, int packages, int versions, int tarballsWritten, int tarballsReused,
                          boolean unchanged, Duration elapsed, List<BuildWarning> warnings,
                          Optional<Integer> otherStateFormat, Optional<HeadTakedowns> takenDownAtHead) {

    public BuildResult {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(elapsed, "elapsed");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(otherStateFormat, "otherStateFormat");
        Objects.requireNonNull(takenDownAtHead, "takenDownAtHead");
    }

    /**
     * The result of a build into a new or empty folder, or onto an output of this generator's format, that left out no
     * version HEAD takes down.
     */
    public BuildResult(String commit, int packages, int versions, int tarballsWritten, int tarballsReused,
                       boolean unchanged, Duration elapsed, List<BuildWarning> warnings) {
        this(commit, packages, versions, tarballsWritten, tarballsReused, unchanged, elapsed, warnings,
                Optional.empty(), Optional.empty());
    }

    /** The format of the build state this generator writes, and builds on. */
    public static int stateFormat() {
        return BuildState.FORMAT;
    }

    /** {@link #elapsed} in seconds, to the millisecond. */
    public double seconds() {
        return elapsed.toMillis() / 1000.0;
    }
}
