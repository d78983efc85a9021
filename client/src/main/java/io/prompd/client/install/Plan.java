package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.core.name.PackageName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The new lock with the ranges it meets, and whether it took a resolution: what {@link InstallPlanner} decides, a type
 * of its own as {@link RangesFromLatest} and {@link ResolutionFailures} take plans without depending on the planner.
 *
 * @param downloaded the versions whose tarballs planning downloaded, to tell an index wrong from a lock wrong,
 *                   which the install then finds in the cache
 */
record Plan(ProjectGraph graph, boolean resolved, List<InstallNote> warnings, Set<PackageName> downloaded) {

    Plan {
        Objects.requireNonNull(graph, "graph");
        warnings = List.copyOf(warnings);
        downloaded = Set.copyOf(downloaded);
    }

    Plan(ProjectGraph graph, boolean resolved, List<InstallNote> warnings) {
        this(graph, resolved, warnings, Set.of());
    }

    LockFile lock() {
        return graph.lock();
    }

    /**
     * The plan with {@code first} before its own warnings: what the run decided before planning (a stale lock, a
     * range kept or set aside, versions left out) reads ahead of the notes on the versions the plan locks.
     */
    Plan withWarningsFirst(List<? extends InstallNote> first) {
        List<InstallNote> all = new ArrayList<>(first);
        all.addAll(warnings);
        return new Plan(graph, resolved, all, downloaded);
    }

    /** The plan with {@code last} after its own warnings: notes on what the run did not do, read after what it did. */
    Plan withWarningsLast(List<? extends InstallNote> last) {
        return new Plan(graph, resolved, Stream.concat(warnings.stream(), last.stream()).toList(), downloaded);
    }

    /** The plan without the warnings another of the run's tells already. */
    Plan without(Collection<? extends InstallNote> told) {
        return new Plan(graph, resolved, warnings.stream().filter(warning -> !told.contains(warning)).toList(),
                downloaded);
    }
}
