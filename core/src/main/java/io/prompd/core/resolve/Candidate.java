package io.prompd.core.resolve;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Objects;
import java.util.SortedMap;

/** One published version of a package and what it depends on. */
public record Candidate(PackageName name, Version version, SortedMap<PackageName, VersionRange> dependencies,
        boolean yanked) {

    public Candidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        dependencies = SortedCopies.map(Objects.requireNonNull(dependencies, "dependencies"));
    }

    /** A version that is not yanked. */
    public static Candidate of(PackageName name, Version version, SortedMap<PackageName, VersionRange> dependencies) {
        return new Candidate(name, version, dependencies, false);
    }
}
