package io.prompd.core.resolve;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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
            SortedMap<PackageName, VersionRange> declared = dependencies.getOrDefault(name,
                    Collections.emptySortedMap());
            for (PackageName target : declared.keySet()) {
                if (!versions.containsKey(target)) {
                    problems.add(name + " depends on " + target + ", which has no chosen version");
                }
            }
            edges.put(name, SortedCopies.map(declared));
        }
        for (PackageName name : dependencies.keySet()) {
            if (!versions.containsKey(name)) {
                problems.add("dependencies are given for " + name + ", which has no chosen version");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        versions = SortedCopies.map(versions);
        dependencies = Collections.unmodifiableSortedMap(edges);
    }
}
