package io.prompd.core.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/** Asserts that a resolution is a solution of the problem it was computed for. */
final class ResolutionChecks {

    private ResolutionChecks() {
    }

    static void assertValid(SortedMap<PackageName, VersionRange> roots, Map<PackageName, List<Candidate>> published,
            Resolution resolution) {
        assertSatisfied("the project", roots, resolution);
        resolution.versions().forEach((name, version) -> {
            Candidate candidate = published.getOrDefault(name, List.of()).stream()
                    .filter(published1 -> published1.version().equals(version)).findFirst().orElse(null);
            assertNotNull(candidate, name + " " + version + " was never published");
            assertFalse(candidate.yanked(), name + " " + version + " is yanked");
            assertEquals(candidate.dependencies(), resolution.dependencies().get(name), "edges of " + name);
            assertSatisfied(name + " " + version, candidate.dependencies(), resolution);
        });
        Set<PackageName> reachable = new HashSet<>();
        Deque<PackageName> pending = new ArrayDeque<>(roots.keySet());
        while (!pending.isEmpty()) {
            PackageName next = pending.pop();
            if (reachable.add(next)) {
                pending.addAll(resolution.dependencies().get(next).keySet());
            }
        }
        assertEquals(reachable, resolution.versions().keySet(), "only and all packages reachable from the roots");
    }

    private static void assertSatisfied(String dependent, SortedMap<PackageName, VersionRange> dependencies,
            Resolution resolution) {
        dependencies.forEach((name, range) -> {
            Version chosen = resolution.versions().get(name);
            assertNotNull(chosen, dependent + " needs " + name);
            assertTrue(range.satisfiedBy(chosen), dependent + " needs " + name + " " + range + ", got " + chosen);
        });
    }
}
