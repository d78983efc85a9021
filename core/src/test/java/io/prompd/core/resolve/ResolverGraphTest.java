package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** A registry the size of a busy project's graph, as a benchmark would build it. */
class ResolverGraphTest {

    private static final int PACKAGES = 150;
    private static final List<String> VERSIONS = List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0");

    @Test
    void resolvesAGeneratedGraphOfOneHundredFiftyPackages() {
        TestIndex index = generated(new Random(150));
        SortedMap<PackageName, VersionRange> roots = ranges("p000", "^1.0.0", "p001", "^1.0.0", "p002", "^1.0.0");
        Resolution resolution = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Resolver.resolve(roots, index, ResolveOptions.defaults()));
        ResolutionChecks.assertValid(roots, index.packages(), resolution);
        assertEquals(resolution.versions().size(), index.asked.size(), "each package fetched once");
    }

    @Test
    void resolvesTheGeneratedGraphWithTheLowestVersionsToo() {
        TestIndex index = generated(new Random(151));
        SortedMap<PackageName, VersionRange> roots = ranges("p000", "^1.0.0");
        Resolution resolution = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Resolver.resolve(roots, index, ResolveOptions.defaults().withStrategy(Strategy.LOWEST)));
        ResolutionChecks.assertValid(roots, index.packages(), resolution);
    }

    @Test
    void resolvesAChainOfTwentyThousandPackagesEachNeedingTheNextInTimeLinearInItsLength() {
        int links = 20_000;
        TestIndex index = new TestIndex();
        for (int link = 0; link < links; link++) {
            index.add(name(link), "1.0.0", link + 1 < links ? new String[] {name(link + 1), "^1.0.0"} : new String[0]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "the time this thread computes is what is measured");
        long start = threads.getCurrentThreadCpuTime();

        Resolution resolution = Resolver.resolve(ranges(name(0), "^1.0.0"), index, ResolveOptions.defaults());

        // the processor time of this thread, which other work on the machine does not stretch: a look through every
        // package at each decision took some 20 s, the square of the chain's length, where half of one is enough
        long millis = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start).toMillis();
        assertEquals(links, resolution.versions().size());
        assertTrue(millis < 3_000, millis + " ms");
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
