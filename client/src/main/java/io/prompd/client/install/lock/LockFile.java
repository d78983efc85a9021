package io.prompd.client.install.lock;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code prompd.lock}: the exact version of every package a project installs, so every machine
 * installs the same bytes.
 *
 * @param packages every locked package, direct and transitive, by name
 */
public record LockFile(SortedMap<PackageName, LockedPackage> packages) {

    /** Bumped on any change an older client could misread. */
    public static final int VERSION = 1;

    public static final String FILE_NAME = "prompd.lock";

    public LockFile {
        packages = SortedCopies.map(Objects.requireNonNull(packages, "packages"));
    }

    // written out for start-up time, as PackageName's: a warm install compares the lock it read with the one it plans
    @Override
    public boolean equals(Object other) {
        return other instanceof LockFile that && packages.equals(that.packages);
    }

    @Override
    public int hashCode() {
        return packages.hashCode();
    }

    public static LockFile empty() {
        return new LockFile(new TreeMap<>());
    }

    public Optional<LockedPackage> get(PackageName name) {
        return Optional.ofNullable(packages.get(name));
    }

    /** The locked version of every package, as preferences for a new resolution. */
    public SortedMap<PackageName, Version> versions() {
        SortedMap<PackageName, Version> versions = new TreeMap<>();
        packages.forEach((name, locked) -> versions.put(name, locked.version()));
        return versions;
    }

    /**
     * This lock reduced to what the roots need, when it still meets them: every root and every
     * dependency reachable from them is locked at a version its range allows. Empty when the
     * roots ask for something the lock does not hold, so a resolution is needed.
     */
    public Optional<LockFile> satisfying(Map<PackageName, VersionRange> roots) {
        LockFile needed = reachableFrom(roots.keySet());
        Stream<Map.Entry<PackageName, VersionRange>> requirements = Stream.concat(roots.entrySet().stream(),
                needed.packages.values().stream().flatMap(locked -> locked.dependencies().entrySet().stream()));
        boolean met = requirements.allMatch(requirement -> needed.get(requirement.getKey())
                .filter(locked -> requirement.getValue().satisfiedBy(locked.version())).isPresent());
        return met ? Optional.of(needed) : Optional.empty();
    }

    /**
     * What the lock lacks of itself: each dependency a locked package records that has no entry, as
     * {@code @a/x@1.0.0 needs @b/y ^1.1.0, which prompd.lock lacks}; none in a lock that a resolution wrote, as a
     * hand edit or a merge can leave one. (An entry outside a range on it is {@link #satisfying}'s to find.)
     */
    public List<String> lackedDependencies() {
        return lackedDependencies(Set.of());
    }

    /**
     * As {@link #lackedDependencies()}, but for the dependencies the entries of {@code misrecorded} record, which
     * are known to be other than their versions need, so that the lock's record of them says nothing of what is needed.
     */
    public List<String> lackedDependencies(Collection<PackageName> misrecorded) {
        List<String> lacked = new ArrayList<>();
        packages.forEach((name, locked) -> locked.dependencies().forEach((needed, range) -> {
            if (!misrecorded.contains(name) && !packages.containsKey(needed)) {
                lacked.add(name + "@" + locked.version() + " needs " + needed + " " + range + ", which " + FILE_NAME
                        + " lacks");
            }
        }));
        return lacked;
    }

    /**
     * This lock reduced to the entries the named packages lead to through the dependencies it records,
     * whatever their ranges: what stays of it once other packages leave, without a resolution.
     */
    public LockFile reachableFrom(Collection<PackageName> roots) {
        return reachableFrom(roots, name -> true);
    }

    /**
     * As {@link #reachableFrom(Collection)}, following the dependencies of the packages {@code followed} accepts alone:
     * one it refuses is reached, but nothing through it.
     */
    public LockFile reachableFrom(Collection<PackageName> roots, Predicate<PackageName> followed) {
        SortedMap<PackageName, LockedPackage> reached = new TreeMap<>();
        Deque<PackageName> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            PackageName name = pending.pop();
            LockedPackage locked = packages.get(name);
            if (locked != null && reached.put(name, locked) == null && followed.test(name)) {
                pending.addAll(locked.dependencies().keySet());
            }
        }
        return new LockFile(reached);
    }

    /** This lock without the named packages' entries, whatever needs them. */
    public LockFile without(Collection<PackageName> names) {
        SortedMap<PackageName, LockedPackage> kept = new TreeMap<>(packages);
        kept.keySet().removeAll(names);
        return new LockFile(kept);
    }
}
