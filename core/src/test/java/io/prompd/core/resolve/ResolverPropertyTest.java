package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On small random registries, some versions yanked and some deprecated, the resolver finds a solution exactly when
 * trying every combination does.
 */
class ResolverPropertyTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");
    private static final List<String> VERSIONS = List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0");
    private static final List<String> RANGES = List.of("^1.0.0", "^2.0.0", ">=1.1.0", "<1.2.0", "*", "~1.1.0",
            "1.2.0 || 2.0.0", "^3.0.0");

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithBruteForce(int seed) {
        Random random = new Random(seed);
        TestIndex index = randomIndex(random);
        SortedMap<PackageName, VersionRange> roots = randomDependencies(random, "");
        boolean solvable = bruteForceSolvable(roots, index.packages());
        for (Strategy strategy : Strategy.values()) {
            try {
                Resolution resolution = Resolver.resolve(roots, index,
                        ResolveOptions.defaults().withStrategy(strategy));
                assertTrue(solvable,
                        "seed " + seed + ": resolved although no combination works: " + resolution.versions());
                ResolutionChecks.assertValid(roots, index.packages(), resolution);
            } catch (ResolutionException failure) {
                assertTrue(!solvable,
                        "seed " + seed + ": failed although a combination works: " + failure.getMessage());
                assertTrue(Set.of(ExitCode.CONFLICT, ExitCode.NOT_FOUND).contains(failure.exitCode()));
                // not found means that something needed does not exist: one version of each package for each that
                // needs it, as if no two had to agree, would not do either
                assertTrue(failure.exitCode() == ExitCode.CONFLICT || !solvableApart(roots, index.packages()),
                        "seed " + seed + ": not found, though versions of their own for each that needs them work: "
                                + failure.getMessage());
                assertTrue(failure.getMessage().endsWith("version solving failed."), failure.getMessage());
            }
        }
    }

    /**
     * A root decided first gets the version the strategy tries first (not deprecated before deprecated, then the
     * highest or the lowest) among those with which some combination works.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aRootDecidedFirstGetsTheBestVersionAnyCombinationAllowsIt(int seed) {
        Random random = new Random(seed);
        TestIndex index = randomIndex(random);
        SortedMap<PackageName, VersionRange> roots = randomDependencies(random, "");
        if (roots.isEmpty() || !bruteForceSolvable(roots, index.packages())) {
            return;
        }
        PackageName first = roots.lastKey();
        for (Strategy strategy : Strategy.values()) {
            Comparator<Candidate> byVersion = Comparator.comparing(Candidate::version);
            Optional<Version> best = index.packages().get(first).stream()
                    .filter(candidate -> !candidate.yanked() && roots.get(first).satisfiedBy(candidate.version()))
                    .filter(candidate -> {
                        SortedMap<PackageName, VersionRange> pinned = new TreeMap<>(roots);
                        pinned.put(first, VersionRange.parse(candidate.version().toString()));
                        return bruteForceSolvable(pinned, index.packages());
                    })
                    .min(Comparator.comparing(Candidate::deprecated)
                            .thenComparing(strategy == Strategy.LOWEST ? byVersion : byVersion.reversed()))
                    .map(Candidate::version);
            Resolution resolution = Resolver.resolve(roots, index,
                    ResolveOptions.defaults().withStrategy(strategy).decidingFirst(List.of(first)));
            assertEquals(best, Optional.of(resolution.versions().get(first)), "seed " + seed + " " + strategy);
        }
    }

    /**
     * Versions resolved one after another, some read from a graph solved before, resolve as each resolves alone, the
     * {@code latest} dist-tag of some packages on a version below their highest.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aVersionResolverResolvesEachVersionAsItResolvesAlone(int seed) {
        Random random = new Random(seed);
        TestIndex index = randomIndex(random);
        index.packages().forEach((name, versions) -> {
            if (random.nextInt(3) == 0) {
                index.tagLatest(name.toString(), versions.get(random.nextInt(versions.size())).version().toString());
            }
        });
        List<Candidate> versions = new ArrayList<>(index.packages().values().stream().flatMap(List::stream)
                .filter(candidate -> !candidate.yanked())
                .map(candidate -> Candidate.of(candidate.name(), candidate.version(), candidate.dependencies()))
                .toList());
        // those with the most dependencies first, as those needing others come first in a check
        versions.sort(Comparator.comparing((Candidate version) -> -version.dependencies().size()));
        for (Strategy strategy : Strategy.values()) {
            ResolveOptions options = ResolveOptions.defaults().withStrategy(strategy);
            VersionResolver resolver = new VersionResolver(index, options);
            for (Candidate version : versions) {
                assertEquals(VersionResolverTest.outcome(() -> Resolver.resolveVersion(version, index, options)),
                        VersionResolverTest.outcome(() -> resolver.resolve(version)),
                        "seed " + seed + " " + strategy + " " + version.name() + " " + version.version());
            }
        }
    }

    private static TestIndex randomIndex(Random random) {
        TestIndex index = new TestIndex();
        for (String name : NAMES.subList(0, 4)) {
            for (String version : VERSIONS) {
                if (random.nextInt(3) > 0) {
                    String[] dependencies = flatten(randomDependencies(random, name));
                    int status = random.nextInt(8);
                    if (status == 0) {
                        index.addYanked(name, version, dependencies);
                    } else if (status == 1) {
                        index.addDeprecated(name, version, dependencies);
                    } else {
                        index.add(name, version, dependencies);
                    }
                }
            }
        }
        return index;
    }

    /** Up to two dependencies on other names; {@code e} is never published. */
    private static SortedMap<PackageName, VersionRange> randomDependencies(Random random, String self) {
        List<String> flat = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String target = NAMES.get(random.nextInt(random.nextInt(10) == 0 ? NAMES.size() : NAMES.size() - 1));
            if (!target.equals(self) && !flat.contains(target)) {
                flat.add(target);
                flat.add(RANGES.get(random.nextInt(RANGES.size())));
            }
        }
        return ranges(flat.toArray(String[]::new));
    }

    private static String[] flatten(SortedMap<PackageName, VersionRange> dependencies) {
        List<String> flat = new ArrayList<>();
        dependencies.forEach((name, range) -> {
            flat.add(name.toString());
            flat.add(range.text());
        });
        return flat.toArray(String[]::new);
    }

    /** Tries every choice of one non-yanked version or none for every package. */
    private static boolean bruteForceSolvable(SortedMap<PackageName, VersionRange> roots,
            Map<PackageName, List<Candidate>> published) {
        List<PackageName> names = new ArrayList<>(published.keySet());
        return search(0, names, new HashMap<>(), roots, published);
    }

    private static boolean search(int position, List<PackageName> names, Map<PackageName, Candidate> chosen,
            SortedMap<PackageName, VersionRange> roots, Map<PackageName, List<Candidate>> published) {
        if (position == names.size()) {
            return satisfied(roots, chosen)
                    && chosen.values().stream().allMatch(candidate -> satisfied(candidate.dependencies(), chosen));
        }
        PackageName name = names.get(position);
        if (search(position + 1, names, chosen, roots, published)) {
            return true;
        }
        for (Candidate candidate : published.get(name)) {
            if (!candidate.yanked()) {
                chosen.put(name, candidate);
                boolean found = search(position + 1, names, chosen, roots, published);
                chosen.remove(name);
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the roots could be met if every package needing another could have a version of that one of its own: each
     * range needs only some version not yanked within it whose own ranges can be met so, cycles included.
     */
    private static boolean solvableApart(SortedMap<PackageName, VersionRange> roots,
            Map<PackageName, List<Candidate>> published) {
        List<Candidate> usable = new ArrayList<>(published.values().stream().flatMap(List::stream)
                .filter(candidate -> !candidate.yanked()).toList());
        boolean dropped;
        do {
            // the versions the last pass left without a way to meet one of their ranges
            dropped = usable.removeIf(candidate -> !candidate.dependencies().entrySet().stream()
                    .allMatch(dependency -> meets(dependency.getKey(), dependency.getValue(), usable)));
        } while (dropped);
        return roots.entrySet().stream().allMatch(root -> meets(root.getKey(), root.getValue(), usable));
    }

    private static boolean meets(PackageName name, VersionRange range, List<Candidate> usable) {
        return usable.stream().anyMatch(candidate -> candidate.name().equals(name)
                && range.satisfiedBy(candidate.version()));
    }

    private static boolean satisfied(SortedMap<PackageName, VersionRange> dependencies, Map<PackageName,
            Candidate> chosen) {
        return dependencies.entrySet().stream().allMatch(dependency -> {
            Candidate candidate = chosen.get(dependency.getKey());
            return candidate != null && dependency.getValue().satisfiedBy(candidate.version());
        });
    }
}
