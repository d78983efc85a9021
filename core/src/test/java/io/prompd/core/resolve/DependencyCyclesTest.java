package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DependencyCyclesTest {

    private static SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges(String... fromAndTo) {
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges = new TreeMap<>();
        for (int i = 0; i < fromAndTo.length; i += 2) {
            edges.computeIfAbsent(PackageName.parse(fromAndTo[i]), name -> new TreeMap<>())
                    .putAll(ranges(fromAndTo[i + 1], "^1.0.0"));
        }
        return edges;
    }

    private static List<List<String>> cycles(SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges) {
        return DependencyCycles.find(edges).stream().map(cycle -> cycle.stream().map(PackageName::toString).toList())
                .toList();
    }

    @Test
    void findsNoCycleInATree() {
        assertEquals(List.of(), cycles(edges("a", "b", "a", "c", "b", "d", "c", "d")));
        assertEquals(Optional.empty(), DependencyCycles.first(edges("a", "b")));
    }

    @Test
    void goesRoundACycleFromAnyOfItsPackages() {
        List<PackageName> cycle = DependencyCycles.find(edges("a", "b", "b", "c", "c", "a")).get(0);
        assertEquals(List.of("b", "c", "a", "b"),
                DependencyCycles.round(cycle, PackageName.parse("b")).stream().map(PackageName::toString).toList());
    }

    @Test
    void findsACycleStartingAtItsSmallestName() {
        assertEquals(List.of(List.of("a", "b", "c")), cycles(edges("c", "a", "a", "b", "b", "c", "c", "x")));
    }

    @Test
    void findsTheShortestWayBackWithinAComponent() {
        assertEquals(List.of(List.of("a", "d")), cycles(edges("a", "b", "b", "c", "c", "a", "a", "d", "d", "a")));
    }

    @Test
    void findsOneCyclePerComponentInNameOrder() {
        assertEquals(List.of(List.of("@z/q", "@z/r"), List.of("m", "n")),
                cycles(edges("n", "m", "m", "n", "@z/r", "@z/q", "@z/q", "@z/r", "m", "@z/q")));
    }

    @Test
    void listsCyclesInNameOrderWhereAnEarlierOneNeedsALaterOne() {
        assertEquals(List.of(List.of("a", "b"), List.of("m", "n")),
                cycles(edges("a", "b", "b", "a", "a", "m", "m", "n", "n", "m")));
    }

    @Test
    void findsAPackageThatDependsOnItself() {
        assertEquals(Optional.of(List.of(PackageName.parse("a"))), DependencyCycles.first(edges("a", "a")));
    }

    @Test
    void handlesALongChainWithoutRecursion() {
        String[] chain = new String[2 * 20_000];
        for (int i = 0; i < 20_000; i++) {
            chain[2 * i] = "p" + i;
            chain[2 * i + 1] = i + 1 < 20_000 ? "p" + (i + 1) : "p0";
        }
        assertEquals(20_000, DependencyCycles.first(edges(chain)).orElseThrow().size());
    }
}
