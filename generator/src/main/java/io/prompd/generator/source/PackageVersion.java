package io.prompd.generator.source;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Collection;
import java.util.Comparator;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /** The versions by package, in name and version order. */
    public static SortedMap<PackageName, SortedSet<Version>> byName(Collection<PackageVersion> versions) {
        SortedMap<PackageName, SortedSet<Version>> byName = new TreeMap<>();
        versions.forEach(id -> byName.computeIfAbsent(id.name(), unseen -> new TreeSet<>()).add(id.version()));
        return Collections.unmodifiableSortedMap(byName);
    }

    /** {@code @scope/name@1.2.3}, as npm writes it. */
    @Override
    public String toString() {
        return name + "@" + version;
    }
}
