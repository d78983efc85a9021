package io.prompd.client.install;

import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One look down the dependency graph for what only versions taken down meet. Each package's range is looked at
 * once, however many packages need it, so that a graph of many shared dependencies costs its size, not its
 * number of paths: a command asking of several packages keeps one for all of them. {@link StatusNotes} says what
 * it finds.
 */
final class TakedownGraph {

    private final RegistryIndex index;
    private final Map<String, Optional<Need>> known = new HashMap<>();
    private final Set<String> looking = new HashSet<>();

    TakedownGraph(RegistryIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * A dependency that keeps a version from resolving, as {@code @a/base ^2.1.0}, and what of its own keeps it from
     * resolving in turn, when it is not itself a range only versions taken down meet.
     */
    record Need(String dependency, Optional<Need> through) {

        Need {
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(through, "through");
        }
    }

    /**
     * The version that the ranges allow and that needs nothing only versions taken down meet, however far down: what
     * {@code prompd update} can reach, the one {@link PublishedPackage#preferredAllowed} prefers unless it needs such
     * a thing, and then the highest other one. A resolution skips the versions it passes over silently, as it skips
     * any version that cannot resolve, so {@code outdated} and the commands that resolve say why ({@link
     * StatusNotes#heldBack}).
     *
     * @param version   that version, empty when every version the ranges allow needs such a thing
     * @param preferred the version the ranges allow that {@link PublishedPackage#preferredAllowed} prefers (the one the
     *                  latest tag points at, else the highest), empty when they allow none
     * @param blocking  what {@code preferred} needs that only versions taken down meet, empty when it is
     *                  {@code version}
     */
    record Reach(Optional<Version> version, Optional<Version> preferred, List<Need> blocking) {

        Reach {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(preferred, "preferred");
            blocking = List.copyOf(blocking);
        }
    }

    Reach reach(PublishedPackage published, Collection<VersionRange> ranges) {
        Optional<Version> preferred = published.preferredAllowed(ranges);
        List<Need> blocking = preferred.map(version -> needs(published, version)).orElse(List.of());
        if (blocking.isEmpty()) {
            return new Reach(preferred, preferred, List.of());
        }
        Optional<Version> reachable = published.packument().versions().values().stream()
                .filter(version -> version.yanked() == null && !version.version().equals(preferred.get())
                        && ranges.stream().allMatch(range -> range.satisfiedBy(version.version())))
                .sorted(Comparator.comparing(VersionSummary::version).reversed())
                .filter(version -> needs(version).isEmpty()).map(VersionSummary::version).findFirst();
        return new Reach(reachable, preferred, blocking);
    }

    /**
     * The highest release of a package that is not yanked and needs nothing only versions taken down meet: an
     * install of that version gets past them, as far as its own dependencies tell.
     */
    Optional<Version> highestUnblocked(PublishedPackage published) {
        return published.packument().versions().values().stream()
                .filter(version -> version.yanked() == null && !version.version().isPreRelease())
                .filter(version -> needs(version).isEmpty())
                .map(VersionSummary::version).max(Version::compareTo);
    }

    /**
     * What every version of a package that the range allows needs and only versions taken down meet, however far
     * down, named for the highest of them: a way past it is no range of the package itself. Empty when the range
     * allows none, or one that needs no such thing.
     */
    Optional<List<Need>> blockedBelow(PublishedPackage published, VersionRange range) {
        String key = published.packument().name() + " " + range;
        // a cycle back to the package blocks nothing its own dependencies do not
        boolean seeded = looking.add(key);
        try {
            return below(published, range);
        } finally {
            if (seeded) {
                looking.remove(key);
            }
        }
    }

    /** What the version needs that only versions taken down meet; empty when it needs nothing of the kind. */
    List<Need> needs(PublishedPackage published, Version version) {
        return published.version(version).map(this::needs).orElse(List.of());
    }

    /** What the highest version the range allows needs, when every version it allows is blocked. */
    private Optional<List<Need>> below(PublishedPackage published, VersionRange range) {
        List<VersionSummary> allowed = published.packument().versions().values().stream()
                .filter(version -> version.yanked() == null && range.satisfiedBy(version.version())).toList();
        Optional<List<Need>> highestNeeds = Optional.empty();
        for (int highest = allowed.size() - 1; highest >= 0; highest--) {
            List<Need> needs = needs(allowed.get(highest));
            if (needs.isEmpty()) {
                // the older versions need no look, nor their dependencies' indexes any fetch, down the whole graph
                return Optional.empty();
            }
            highestNeeds = highestNeeds.or(() -> Optional.of(needs));
        }
        return highestNeeds;
    }

    /** The dependencies of a version that keep it from resolving. */
    private List<Need> needs(VersionSummary version) {
        return version.dependencies().entrySet().stream()
                .flatMap(dependency -> blocking(dependency.getKey(), dependency.getValue()).stream()).toList();
    }

    /** The dependency when only versions taken down meet the range, or every version it allows is blocked. */
    private Optional<Need> blocking(PackageName name, VersionRange range) {
        String key = name + " " + range;
        Optional<Need> seen = known.get(key);
        if (seen != null) {
            return seen;
        }
        if (!looking.add(key)) {
            // a cycle blocks nothing that the chain leading to it does not already
            return Optional.empty();
        }
        try {
            Optional<Need> blocked = lookAt(name, range);
            known.put(key, blocked);
            return blocked;
        } finally {
            looking.remove(key);
        }
    }

    private Optional<Need> lookAt(PackageName name, VersionRange range) {
        // a hint is a courtesy: a registry that cannot tell leaves the failure's own
        Optional<PublishedPackage> found = index.findIfReadable(name);
        if (found.filter(published -> published.packument().hasNoVersionLeft()
                || published.highestAllowed(List.of(range)).isEmpty()
                && published.takedowns().matching(range).isPresent()).isPresent()) {
            return Optional.of(new Need(name + " " + range, Optional.empty()));
        }
        // one chain down is enough to show why: every one would repeat what packages share, at length
        return found.flatMap(published -> below(published, range))
                .map(needs -> new Need(name + " " + range, Optional.of(needs.get(0))));
    }
}
