package io.prompd.generator.check;

import io.prompd.core.resolve.Resolution;
import io.prompd.core.resolve.ResolutionException;
import java.util.Objects;
import java.util.Optional;

/**
 * How the dependencies of a new version resolve over the head of the pull request: the chosen
 * versions, or why there are none.
 */
record DependencyResolution(Optional<Resolution> resolution, Optional<ResolutionException> failure) {

    DependencyResolution {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(failure, "failure");
        if (resolution.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a dependency resolution either succeeds or fails");
        }
    }

    static DependencyResolution of(Resolution resolution) {
        return new DependencyResolution(Optional.of(resolution), Optional.empty());
    }

    static DependencyResolution failed(ResolutionException failure) {
        return new DependencyResolution(Optional.empty(), Optional.of(failure));
    }
}
