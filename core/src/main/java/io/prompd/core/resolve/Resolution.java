package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The chosen versions and the dependency edges between them.
 *
 * @param versions     the chosen version of every package in the graph
 * @param dependencies for every chosen package, the dependencies its chosen version declares
 */
public record Resolution(SortedMap<PackageName, Version> versions,
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> dependencies) {

    public Resolution {
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(dependencies, "dependencies");
        List<String> problems = new ArrayList<>();
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges = new TreeMap<>();
        for (PackageName name : versions.keySet()) {
            SortedMap<PackageName, VersionRange> declared = dependencies.getOrDefault(name, Collections.emptySortedMap());
            for (PackageName target : declared.keySet()) {
                if (!versions.containsKey(target)) {
                    problems.add(name + " depends on " + target + ", which has no chosen version");
                }
            }
            edges.put(name, Collections.unmodifiableSortedMap(new TreeMap<>(declared)));
        }
        for (PackageName name : dependencies.keySet()) {
            if (!versions.containsKey(name)) {
                problems.add("dependencies are given for " + name + ", which has no chosen version");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
        dependencies = Collections.unmodifiableSortedMap(edges);
    }

    /** The chosen packages that depend directly on the given one. */
    public SortedSet<PackageName> dependents(PackageName name) {
        SortedSet<PackageName> dependents = new TreeSet<>();
        dependencies.forEach((from, targets) -> {
            if (targets.containsKey(name)) {
                dependents.add(from);
            }
        });
        return Collections.unmodifiableSortedSet(dependents);
    }

    /**
     * Every chosen package, each after all the packages it depends on, so installing in this order
     * finds dependencies in place; ties in name order. Packages on a dependency cycle cannot all
     * come after each other: the cycle is entered at its smallest name.
     */
    public List<PackageName> topologicalOrder() {
        Map<PackageName, SortedSet<PackageName>> dependents = new HashMap<>();
        Map<PackageName, Integer> missingDependencies = new HashMap<>();
        dependencies.forEach((name, targets) -> {
            missingDependencies.put(name, targets.size());
            targets.keySet().forEach(target -> dependents.computeIfAbsent(target, key -> new TreeSet<>()).add(name));
        });
        TreeSet<PackageName> ready = new TreeSet<>();
        TreeSet<PackageName> waiting = new TreeSet<>();
        missingDependencies.forEach((name, missing) -> (missing == 0 ? ready : waiting).add(name));
        List<PackageName> order = new ArrayList<>(versions.size());
        while (!ready.isEmpty() || !waiting.isEmpty()) {
            PackageName next = ready.isEmpty() ? waiting.pollFirst() : ready.pollFirst();
            order.add(next);
            for (PackageName dependent : dependents.getOrDefault(next, Collections.emptySortedSet())) {
                if (waiting.contains(dependent) && missingDependencies.merge(dependent, -1, Integer::sum) == 0) {
                    waiting.remove(dependent);
                    ready.add(dependent);
                }
            }
        }
        return List.copyOf(order);
    }
}
