package io.prompd.generator.source;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Comparator;
import java.util.Objects;

/** One version of one package: the key under which the registry stores a published folder. */
public record PackageVersion(PackageName name, Version version) implements Comparable<PackageVersion> {

    private static final Comparator<PackageVersion> ORDER =
            Comparator.comparing(PackageVersion::name).thenComparing(PackageVersion::version);

    public PackageVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public int compareTo(PackageVersion other) {
        return ORDER.compare(this, other);
    }

    /** {@code @scope/name@1.2.3}, as npm writes it. */
    @Override
    public String toString() {
        return name + "@" + version;
    }
}
