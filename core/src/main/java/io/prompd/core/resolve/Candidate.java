package io.prompd.core.resolve;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One published version of a package and what it depends on.
 *
 * @param yanked     withdrawn: chosen only where pinned
 * @param deprecated still choosable, but only when the range allows no version that is not deprecated
 */
public record Candidate(PackageName name, Version version, SortedMap<PackageName, VersionRange> dependencies,
        boolean yanked, boolean deprecated) {

    public Candidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        dependencies = SortedCopies.map(Objects.requireNonNull(dependencies, "dependencies"));
    }

    /** A version that is neither yanked nor deprecated. */
    public static Candidate of(PackageName name, Version version, SortedMap<PackageName, VersionRange> dependencies) {
        return new Candidate(name, version, dependencies, false, false);
    }
}
