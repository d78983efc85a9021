package io.prompd.generator.build;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
 */
public record BuildResult(String commit, int packages, int versions, int tarballsWritten, int tarballsReused,
                          boolean unchanged, Duration elapsed, List<BuildWarning> warnings) {

    public BuildResult {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(elapsed, "elapsed");
        warnings = List.copyOf(warnings);
    }

    /** {@link #elapsed} in seconds, to the millisecond. */
    public double seconds() {
        return elapsed.toMillis() / 1000.0;
    }
}
