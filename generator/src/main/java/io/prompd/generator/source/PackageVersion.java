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
import java.util.stream.Collectors;

/** One version of one package: the key under which the registry stores a published folder. */
public record PackageVersion(PackageName name, Version version) implements Comparable<PackageVersion> {

    private static final Comparator<PackageVersion> ORDER =
            Comparator.comparing(PackageVersion::name).thenComparing(PackageVersion::version);

    /** How many versions a message names at most. */
    private static final int MOST_NAMED = 10;

    public PackageVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public int compareTo(PackageVersion other) {
        return ORDER.compare(this, other);
    }

    /**
     * The versions as a message names them, {@code a@1.0.0, b@2.0.0}, but at most {@value #MOST_NAMED} of them,
     * the last place then saying how many more ({@code … and 291 more}): a message naming hundreds would be one
     * line of kilobytes, which no one reads in a CI log or a pull request's comment.
     */
    public static String named(Collection<PackageVersion> versions) {
        int shown = versions.size() > MOST_NAMED ? MOST_NAMED - 1 : versions.size();
        String named = versions.stream().limit(shown).map(PackageVersion::toString).collect(Collectors.joining(", "));
        return shown < versions.size() ? named + " and " + (versions.size() - shown) + " more" : named;
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
