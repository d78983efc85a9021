package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project's dependency graph as its files state it: the direct ranges of {@code prompd.json} and the versions of
 * {@code prompd.lock}, with the dependencies the lock records for each, or those of the installed copies once
 * {@link #withInstalledDependencies} has read them. Reading it asks no registry.
 *
 * @param roots the direct dependencies and their ranges
 * @param lock  the locked versions
 */
public record ProjectGraph(SortedMap<PackageName, VersionRange> roots, LockFile lock) {

    public ProjectGraph {
        roots = SortedCopies.map(roots);
        Objects.requireNonNull(lock, "lock");
    }

    /**
     * The project's graph; one never installed (a fresh clone) has every dependency not locked, as
     * {@code npm ls} and {@code npm outdated} show a project never installed with every dependency missing.
     */
    public static ProjectGraph of(Project project) {
        return new ProjectGraph(project.manifest().dependencies(), project.lockOrEmpty());
    }

    /**
     * One package of the graph.
     *
     * @param needed whether the direct dependencies need it, themselves or through others: the lock
     *               may still hold a package nothing needs once prompd.json was edited by hand
     * @param unmet  the ranges on it, of prompd.json and of the needed packages, that the locked version
     *               is outside of: prompd.json was edited (by hand, by a merge) since the lock was written
     */
    public record Entry(PackageName name, Version version, boolean direct, boolean needed, List<VersionRange> unmet) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            unmet = List.copyOf(unmet);
        }

        /** Whether the locked version is outside a range asking for it, as npm calls such a package. */
        public boolean invalid() {
            return !unmet.isEmpty();
        }
    }

    /** Every locked package, direct, needed and invalid ones marked, in name order. */
    public List<Entry> entries() {
        Set<PackageName> needed = needed();
        return lock.packages().entrySet().stream()
                .map(entry -> {
                    Version version = entry.getValue().version();
                    List<VersionRange> unmet = rangesOn(entry.getKey(), needed).stream()
                            .filter(range -> !range.satisfiedBy(version)).distinct().toList();
                    return new Entry(entry.getKey(), version, roots.containsKey(entry.getKey()),
                            needed.contains(entry.getKey()), unmet);
                })
                .toList();
    }

    /** The locked packages the direct dependencies lead to. */
    private Set<PackageName> needed() {
        return neededAvoiding(Set.of());
    }

    /** The locked packages the direct dependencies lead to without passing through {@code avoided}. */
    private Set<PackageName> neededAvoiding(Set<PackageName> avoided) {
        Set<PackageName> needed = new HashSet<>();
        Deque<PackageName> next = new ArrayDeque<>(roots.keySet());
        while (!next.isEmpty()) {
            PackageName name = next.pop();
            LockedPackage locked = lock.packages().get(name);
            if (locked != null && !avoided.contains(name) && needed.add(name)) {
                next.addAll(locked.dependencies().keySet());
            }
        }
        return needed;
    }

    /**
     * This graph with the dependencies of each locked version the store holds replaced by those its own
     * {@code prompd.json} declares, which its integrity pins: what it needs, whatever a stale lock (edited by hand, by
     * a merge) records. A version not installed, or whose declaration is not a name and a range each (never so in a
     * published one), keeps the lock's record, and {@link LockAudit} says how the two differ.
     */
    public ProjectGraph withInstalledDependencies(PackageStore store) {
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>(lock.packages());
        packages.replaceAll((name, locked) -> store.declaredRanges(name, locked.version())
                .map(declared -> new LockedPackage(locked.version(), locked.resolved(), locked.integrity(), declared,
                        locked.registry()))
                .orElse(locked));
        return new ProjectGraph(roots, new LockFile(packages));
    }

    /** The direct dependencies the lock lacks: added to prompd.json by hand since the last install. */
    public List<PackageName> unlocked() {
        return roots.keySet().stream().filter(name -> !lock.packages().containsKey(name)).toList();
    }

    /**
     * {@code @a/x@1.0.0 is outside ^2.0.0}: the direct dependencies locked outside their range in prompd.json, as an
     * edit or a merge of prompd.json since the lock was written leaves them.
     */
    public List<String> outsideRoots() {
        return entries().stream()
                .filter(entry -> entry.direct() && entry.unmet().contains(roots.get(entry.name())))
                .map(entry -> entry.name() + "@" + entry.version() + " is outside " + roots.get(entry.name()))
                .toList();
    }

    /**
     * {@code @a/y@1.0.0 is outside ^9.0.0, which prompd.lock's entry of @a/x@1.0.0 records}: the ranges of needed
     * entries that the lock's own versions are outside of, as only an edit or a merge of the lock leaves them.
     */
    public List<String> outsideLockedRanges() {
        Set<PackageName> needed = needed();
        List<String> outside = new ArrayList<>();
        for (Entry entry : entries()) {
            lock.packages().forEach((dependent, locked) -> {
                VersionRange range = locked.dependencies().get(entry.name());
                if (range != null && needed.contains(dependent) && entry.unmet().contains(range)) {
                    outside.add(entry.name() + "@" + entry.version() + " is outside " + range + ", which "
                            + LockFile.FILE_NAME + "'s entry of " + dependent + "@" + locked.version() + " records");
                }
            });
        }
        return outside;
    }

    /**
     * A package in the tree: the range that asked for it, the version locked, and what it needs.
     *
     * @param version  the locked version; absent when the lock lacks the package (run install)
     * @param repeated shown in full elsewhere in the tree already, so its children are left out here
     */
    public record Node(PackageName name, VersionRange range, Optional<Version> version, List<Node> children,
                       boolean repeated) {
        public Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(version, "version");
            children = List.copyOf(children);
        }
    }

    /** The direct dependencies with what they need below them; each package is expanded once, at its first place. */
    public List<Node> tree() {
        Set<PackageName> expanded = new HashSet<>();
        return roots.entrySet().stream().map(root -> node(root.getKey(), root.getValue(), expanded)).toList();
    }

    /** A package being expanded: the dependencies of its locked version still to place, and the nodes placed. */
    private record Expansion(PackageName name, VersionRange range, Version version,
                             Iterator<Map.Entry<PackageName, VersionRange>> dependencies, List<Node> children) {
    }

    /**
     * The package at one place, with what it needs below it, first place first: the packages being expanded are kept
     * on a stack of their own, as a chain of thousands of packages, each needing the next, is as deep.
     */
    private Node node(PackageName name, VersionRange range, Set<PackageName> expanded) {
        Deque<Expansion> expanding = new ArrayDeque<>();
        Optional<Node> done = placed(name, range, expanded, expanding);
        while (!expanding.isEmpty()) {
            Expansion top = expanding.peek();
            if (top.dependencies().hasNext()) {
                Map.Entry<PackageName, VersionRange> dependency = top.dependencies().next();
                placed(dependency.getKey(), dependency.getValue(), expanded, expanding).ifPresent(top.children()::add);
                continue;
            }
            expanding.pop();
            Node node = new Node(top.name(), top.range(), Optional.of(top.version()), top.children(), false);
            if (expanding.isEmpty()) {
                done = Optional.of(node);
            } else {
                expanding.peek().children().add(node);
            }
        }
        return done.orElseThrow();
    }

    /**
     * The package's node at a place, when it has nothing below it there: not locked, or expanded at an earlier place;
     * else empty, and its expansion is pushed onto {@code expanding}.
     */
    private Optional<Node> placed(PackageName name, VersionRange range, Set<PackageName> expanded,
                                  Deque<Expansion> expanding) {
        LockedPackage locked = lock.packages().get(name);
        if (locked == null) {
            return Optional.of(new Node(name, range, Optional.empty(), List.of(), false));
        }
        if (!expanded.add(name)) {
            return Optional.of(new Node(name, range, Optional.of(locked.version()), List.of(),
                    !locked.dependencies().isEmpty()));
        }
        expanding.push(new Expansion(name, range, locked.version(), locked.dependencies().entrySet().iterator(),
                new ArrayList<>()));
        return Optional.empty();
    }

    /**
     * Every range the graph places on the package: its own in prompd.json and those of the locked packages needing it.
     */
    public List<VersionRange> rangesOn(PackageName name) {
        return rangesOn(name, lock.packages().keySet());
    }

    /**
     * The ranges prompd.json and the locked packages needed without {@code besides} place on the package, each with who
     * places it: prompd.json's first, then the locked packages' in name order. A package only the version of
     * {@code besides} leads to is left out: it goes with that version, so its ranges hold no other version back.
     */
    List<InstallNote.Requirement> requirementsOnBesides(PackageName name, PackageName besides) {
        List<InstallNote.Requirement> requirements = new ArrayList<>();
        if (roots.containsKey(name)) {
            requirements.add(new InstallNote.Requirement(name, roots.get(name), Optional.empty()));
        }
        Set<PackageName> staying = neededAvoiding(Set.of(besides));
        lock.packages().forEach((dependent, locked) -> {
            VersionRange range = locked.dependencies().get(name);
            if (range != null && staying.contains(dependent)) {
                requirements.add(new InstallNote.Requirement(name, range,
                        Optional.of(new InstallNote.Dependent(dependent, locked.version()))));
            }
        });
        return requirements;
    }

    /** The locked packages needing the package, in name order. */
    public List<PackageName> dependents(PackageName name) {
        return lock.packages().entrySet().stream().filter(entry -> entry.getValue().dependencies().containsKey(name))
                .map(Map.Entry::getKey).toList();
    }

    /** The ranges the locked packages needing the package place on it, without its own in prompd.json. */
    public List<VersionRange> rangesOfDependents(PackageName name) {
        return rangesOfDependents(name, lock.packages().keySet());
    }

    /** The ranges prompd.json and the locked packages {@code from} place on the package. */
    private List<VersionRange> rangesOn(PackageName name, Set<PackageName> from) {
        List<VersionRange> ranges = new ArrayList<>();
        if (roots.containsKey(name)) {
            ranges.add(roots.get(name));
        }
        ranges.addAll(rangesOfDependents(name, from));
        return ranges;
    }

    /** The ranges the locked packages {@code from} place on the package. */
    private List<VersionRange> rangesOfDependents(PackageName name, Set<PackageName> from) {
        List<VersionRange> ranges = new ArrayList<>();
        lock.packages().forEach((dependent, locked) -> {
            VersionRange range = locked.dependencies().get(name);
            if (range != null && from.contains(dependent)) {
                ranges.add(range);
            }
        });
        return ranges;
    }
}
