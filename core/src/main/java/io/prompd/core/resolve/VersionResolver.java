package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Resolves the dependencies of one version after another, each as {@link Resolver#resolveVersion} resolves it alone,
 * as the registry's check resolves each version a pull request adds. A version whose graph lies within one solved
 * before, at the versions a solution of its own would choose, is read from that graph rather than solved again: a
 * pull request adding a chain of n packages, each needing the next, would otherwise solve graphs of n, n - 1, ... 1
 * packages. Given the versions that need others before those, it solves the first and reads the rest.
 *
 * <p>A graph read so is the one a solution of its own finds. A solver decides each package of the graph once a
 * version decided before it needs the package, at the version {@link Solver#choose} takes among those the ranges of
 * the versions decided so far allow; that version is always the first of them in one order of the package's
 * versions. When, for every range on a package within the graph, the version taken among those that range alone
 * allows is the one the graph holds, it is the one taken among those of any of those ranges together: each decision
 * takes the graph's version, whose dependencies the graph meets, so no decision meets a conflict, and the solution is
 * the graph. The version's graph is not read where it reaches the package of the version solved before, nor its own
 * package again (a cycle): each stands for its own version alone in one of the two solutions, with dependencies the
 * index may list otherwise, and not in the other. Nor is it read where it holds a package above its {@code latest}
 * dist-tag, which a solution of its own solves again to hold the rollback ({@link Solver#resolve}), maybe otherwise.
 *
 * <p>For one check: the index must not change while it is used.
 */
public final class VersionResolver {

    /** A graph solved, and the version whose dependencies it resolves. */
    private record Solved(Candidate version, Resolution graph) {
    }

    private final PackageIndex index;
    private final ResolveOptions options;
    private final List<Solved> solved = new ArrayList<>();
    private final Map<PackageName, Domain> domains = new HashMap<>();
    /** For a package and a range on it, the version a solver takes when that range alone is on it. */
    private final Map<Map.Entry<PackageName, VersionRange>, Optional<Version>> firstChoices = new HashMap<>();

    public VersionResolver(PackageIndex index, ResolveOptions options) {
        this.index = Objects.requireNonNull(index, "index");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * As {@link Resolver#resolveVersion} with this resolver's index and options.
     *
     * @throws ResolutionException when no choice satisfies every range, explaining why
     */
    public Resolution resolve(Candidate version) {
        Objects.requireNonNull(version, "version");
        for (Solved before : solved) {
            Optional<Resolution> within = within(before, version);
            if (within.isPresent()) {
                return within.get();
            }
        }
        Resolution resolution = Resolver.resolveVersion(version, index, options);
        solved.add(new Solved(version, resolution));
        return resolution;
    }

    /** The version's graph read from the one solved before, when it lies within it as the class says. */
    private Optional<Resolution> within(Solved before, Candidate version) {
        PackageName root = before.version().name();
        SortedMap<PackageName, Version> versions = new TreeMap<>();
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> dependencies = new TreeMap<>();
        Deque<Map.Entry<PackageName, VersionRange>> ranges = new ArrayDeque<>(version.dependencies().entrySet());
        while (!ranges.isEmpty()) {
            Map.Entry<PackageName, VersionRange> range = ranges.pop();
            PackageName name = range.getKey();
            Version held = before.graph().versions().get(name);
            if (name.equals(root) || name.equals(version.name()) || held == null
                    || !firstChoice(range).filter(held::equals).isPresent() || domain(name).isAboveLatest(held)) {
                return Optional.empty();
            }
            if (versions.put(name, held) == null) {
                SortedMap<PackageName, VersionRange> needed = before.graph().dependencies().get(name);
                dependencies.put(name, needed);
                ranges.addAll(needed.entrySet());
            }
        }
        return Optional.of(new Resolution(versions, dependencies));
    }

    /** The version a solver takes of the package when the range alone is on it; empty when the range allows none. */
    private Optional<Version> firstChoice(Map.Entry<PackageName, VersionRange> range) {
        return firstChoices.computeIfAbsent(Map.entry(range.getKey(), range.getValue()), key -> {
            Domain domain = domain(key.getKey());
            BitSet allowed = domain.matching(key.getValue());
            return allowed.isEmpty() ? Optional.empty()
                    : Optional.of(domain.version(Solver.choose(domain, allowed, options)));
        });
    }

    private Domain domain(PackageName name) {
        return domains.computeIfAbsent(name, published -> Solver.published(published, index, options));
    }
}
