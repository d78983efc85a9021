package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A registry the size of a busy project's graph, as a benchmark would build it. */
class ResolverGraphTest {

    private static final int PACKAGES = 150;
    private static final List<String> VERSIONS = List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0");
    private static final Version ONE = Version.parse("1.0.0");
    private static final Version ONE_ONE = Version.parse("1.1.0");

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void resolvesAGeneratedGraphOfOneHundredFiftyPackages() {
        TestIndex index = generated(new Random(150));
        SortedMap<PackageName, VersionRange> roots = ranges("p000", "^1.0.0", "p001", "^1.0.0", "p002", "^1.0.0");
        Resolution resolution = Resolver.resolve(roots, index, ResolveOptions.defaults());
        ResolutionChecks.assertValid(roots, index.packages(), resolution);
        assertEquals(resolution.versions().size(), index.asked.size(), "each package fetched once");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void resolvesTheGeneratedGraphWithTheLowestVersionsToo() {
        TestIndex index = generated(new Random(151));
        SortedMap<PackageName, VersionRange> roots = ranges("p000", "^1.0.0");
        Resolution resolution = Resolver.resolve(roots, index, ResolveOptions.defaults().withStrategy(Strategy.LOWEST));
        ResolutionChecks.assertValid(roots, index.packages(), resolution);

        // every dependency of the graph wants ^1.1, which 1.1.0 meets: no conflict moves any package off its lowest,
        // so the root is at 1.0.0 and what its 1.0.0 needs, down the graph, at 1.1.0
        SortedMap<PackageName, Version> lowest = new TreeMap<>(Map.of(PackageName.parse("p000"), ONE));
        Deque<PackageName> toVisit = new ArrayDeque<>(lowest.keySet());
        while (!toVisit.isEmpty()) {
            PackageName next = toVisit.pop();
            Version version = lowest.get(next);
            index.packages().get(next).stream().filter(candidate -> candidate.version().equals(version)).findFirst()
                    .orElseThrow().dependencies().keySet().forEach(dependency -> {
                        if (lowest.putIfAbsent(dependency, ONE_ONE) == null) {
                            toVisit.push(dependency);
                        }
                    });
        }
        assertTrue(lowest.size() > 10, "the graph goes some way down: " + lowest);
        assertEquals(lowest, resolution.versions());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void resolvesAChainOfTwentyThousandPackagesEachNeedingTheNext() {
        int links = 20_000;
        TestIndex index = new TestIndex();
        for (int link = 0; link < links; link++) {
            index.add(name(link), "1.0.0", link + 1 < links ? new String[] {name(link + 1), "^1.0.0"} : new String[0]);
        }

        Resolution resolution = Resolver.resolve(ranges(name(0), "^1.0.0"), index, ResolveOptions.defaults());

        assertEquals(links, resolution.versions().size());
        assertEquals(links, index.asked.size(), "each package fetched once");
    }

    /**
     * The work counted is how often the solver asks whether a package is one to decide first, which it does each time
     * it weighs one package still to decide against another: a look through every package known at each decision
     * weighed n packages needed at once n² times, keeping them in the order taken n log n. (The speed of a long chain
     * is bench/'s to measure.)
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void choosesTheNextPackageToDecideInWorkNearlyLinearInHowManyWait() {
        long few = weighingsToResolveRootsOf(300);
        long many = weighingsToResolveRootsOf(1_200);

        assertTrue(few > 0, "the count sees the solver's work");
        // four times as many: about four times the work and a little more for the log, sixteen times if quadratic
        assertTrue(many < 8 * few, few + " weighings for 300 packages, " + many + " for 1,200");
    }

    /** How often the solver looks in its set of packages to decide first, resolving that many roots at once. */
    private static long weighingsToResolveRootsOf(int packages) {
        TestIndex index = new TestIndex();
        List<String> roots = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            index.add(name(p), "1.0.0");
            roots.add(name(p));
            roots.add("^1.0.0");
        }
        AtomicLong weighings = new AtomicLong();
        // the options keep this set's order, so each look in it is a comparison counted here
        SortedSet<PackageName> first = new TreeSet<>((one, other) -> {
            weighings.incrementAndGet();
            return one.compareTo(other);
        });
        first.add(PackageName.parse(name(0)));
        weighings.set(0);
        ResolveOptions options = new ResolveOptions(Strategy.HIGHEST, new TreeMap<>(), new TreeMap<>(), "your project",
                first);

        Resolution resolution = Resolver.resolve(ranges(roots.toArray(String[]::new)), index, options);

        assertEquals(packages, resolution.versions().size());
        return weighings.get();
    }

    /** Each version depends on up to three later packages with {@code ^1.1}, so the graph has no cycle. */
    private static TestIndex generated(Random random) {
        TestIndex index = new TestIndex();
        for (int p = 0; p < PACKAGES; p++) {
            for (String version : VERSIONS) {
                List<String> dependencies = new ArrayList<>();
                int count = p + 1 < PACKAGES ? random.nextInt(4) : 0;
                for (int d = 0; d < count; d++) {
                    String target = name(p + 1 + random.nextInt(Math.min(20, PACKAGES - p - 1)));
                    if (!dependencies.contains(target)) {
                        dependencies.add(target);
                        dependencies.add("^1.1");
                    }
                }
                index.add(name(p), version, dependencies.toArray(String[]::new));
            }
        }
        return index;
    }

    private static String name(int number) {
        return "p%03d".formatted(number);
    }
}
