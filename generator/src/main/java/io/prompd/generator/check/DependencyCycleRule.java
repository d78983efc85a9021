package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.core.resolve.DependencyCycles;
import io.prompd.core.resolve.Resolution;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A new version may not close a dependency cycle in its resolved graph. Cycles among older
 * versions that do not pass through the new one are not the pull request's doing and are left
 * alone (the resolver copes with them).
 */
final class DependencyCycleRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            pullRequest.resolution(version).resolution().ifPresent(resolution -> {
                PackageName self = version.folder().name();
                if (!resolution.versions().containsKey(self)) {
                    // nothing in the graph depends back on the package: a pull request adding a chain of thousands
                    // of packages would otherwise look through the graph of each for cycles, each graph nearly all
                    return;
                }
                SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges =
                        new TreeMap<>(resolution.dependencies());
                edges.put(self, pullRequest.dependenciesHere(version));
                for (List<PackageName> cycle : DependencyCycles.find(edges)) {
                    if (cycle.contains(self)) {
                        problems.add(version.manifestError("/dependencies",
                                "the dependencies close a cycle: " + describe(version, resolution, cycle),
                                DependencyCycles.HOW_TO_BREAK));
                    }
                }
            });
        }
    }

    /** {@code @a/x 1.0.0 → @b/y 2.0.0 → @a/x}, starting and ending at the new version's package. */
    private static String describe(NewVersion version, Resolution resolution, List<PackageName> cycle) {
        PackageName self = version.folder().name();
        List<PackageName> round = DependencyCycles.round(cycle, self);
        return round.subList(0, round.size() - 1).stream()
                .map(name -> name + " " + (name.equals(self) ? version.folder().version()
                        : resolution.versions().get(name)))
                .collect(Collectors.joining(" → ")) + " → " + self;
    }
}
