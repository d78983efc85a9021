package io.prompd.generator.check;

import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import java.util.Objects;
import java.util.Optional;

/**
 * A published version a maintainer's pull request removes, with where it was published: the
 * reviewer sees which content leaves the registry, and where history still holds it.
 *
 * @param version     the version taken down
 * @param publication the commit that published it; empty for a folder that never had a manifest
 */
public record Takedown(PackageVersion version, Optional<Publication> publication) {

    public Takedown {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publication, "publication");
    }
}
