package io.prompd.client.install;

import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
        return below(allowed(published, range));
    }

    /** The dependencies of a version that keep it from resolving. */
    private List<Need> needs(VersionSummary version) {
        return below(List.of(version)).orElse(List.of());
    }

    private static List<VersionSummary> allowed(PublishedPackage published, VersionRange range) {
        return published.packument().versions().values().stream()
                .filter(version -> version.yanked() == null && range.satisfiedBy(version.version())).toList();
    }

    /**
     * What the highest of the versions needs, when each of them needs something only versions taken down meet; empty
     * when one needs nothing of the kind. A dependency's own range is looked at as it is met, with the versions it
     * allows, down the graph: on a stack of {@link Look}s rather than the thread's, which a chain of a few hundred
     * packages, each needing the next, would overflow.
     *
     * @param versions highest last
     */
    private Optional<List<Need>> below(List<VersionSummary> versions) {
        Deque<Look> looks = new ArrayDeque<>();
        looks.push(new Look(Optional.empty(), versions));
        while (true) {
            Look look = looks.peek();
            if (look.dependencies.hasNext()) {
                Map.Entry<PackageName, VersionRange> dependency = look.dependencies.next();
                String key = dependency.getKey() + " " + dependency.getValue();
                if (!known.containsKey(key) && !looking.contains(key)) {
                    // a hint is a courtesy: a registry that cannot tell leaves the failure's own
                    Optional<PublishedPackage> found = index.findIfReadable(dependency.getKey());
                    if (found.isPresent() && !takenDown(found.get(), dependency.getValue())) {
                        looking.add(key);
                        looks.push(new Look(Optional.of(key), allowed(found.get(), dependency.getValue())));
                        continue;
                    }
                    known.put(key, found.map(published -> new Need(key, Optional.empty())));
                }
                // one looked at further up is a cycle, which blocks nothing that the chain leading to it does not
                known.getOrDefault(key, Optional.empty()).ifPresent(look.needs::add);
                continue;
            }
            Optional<Optional<List<Need>>> found = look.nextVersion();
            if (found.isEmpty()) {
                continue;
            }
            looks.pop();
            if (look.key.isEmpty()) {
                return found.get();
            }
            // one chain down is enough to show why: every one would repeat what packages share, at length
            String key = look.key.get();
            Optional<Need> blocked = found.get().map(needs -> new Need(key, Optional.of(needs.get(0))));
            known.put(key, blocked);
            looking.remove(key);
            blocked.ifPresent(looks.peek().needs::add);
        }
    }

    /** Whether only versions taken down meet the range, or none is left at all. */
    private static boolean takenDown(PublishedPackage published, VersionRange range) {
        return published.packument().hasNoVersionLeft() || published.highestAllowed(List.of(range)).isEmpty()
                && published.takedowns().matching(range).isPresent();
    }

    /**
     * A look at versions, from the highest down, and at the dependencies of the one looked at: where {@link #below}
     * is in them, while it looks further down the graph.
     */
    private static final class Look {

        /** The dependency whose range allows the versions, empty for those a caller asks of. */
        private final Optional<String> key;
        private final List<VersionSummary> versions;
        /** The version looked at; past the highest before the first. */
        private int at;
        private Iterator<Map.Entry<PackageName, VersionRange>> dependencies = Collections.emptyIterator();
        /** What the version looked at needs, as far as its dependencies are looked at. */
        private List<Need> needs = new ArrayList<>();
        private Optional<List<Need>> highestNeeds = Optional.empty();

        Look(Optional<String> key, List<VersionSummary> versions) {
            this.key = key;
            this.versions = versions;
            this.at = versions.size();
        }

        /**
         * Once every dependency of the version looked at is: the answer when that version needs nothing blocked, or
         * when it was the lowest; else empty, and the next version lower is looked at.
         */
        Optional<Optional<List<Need>>> nextVersion() {
            if (at < versions.size()) {
                if (needs.isEmpty()) {
                    // the older versions need no look, nor their dependencies' indexes any fetch, down the whole graph
                    return Optional.of(Optional.empty());
                }
                List<Need> these = List.copyOf(needs);
                highestNeeds = highestNeeds.or(() -> Optional.of(these));
            }
            if (--at < 0) {
                return Optional.of(highestNeeds);
            }
            dependencies = versions.get(at).dependencies().entrySet().iterator();
            needs = new ArrayList<>();
            return Optional.empty();
        }
    }
}
