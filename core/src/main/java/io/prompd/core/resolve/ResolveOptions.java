package io.prompd.core.resolve;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How to choose among allowed versions.
 *
 * @param strategy  which allowed version to try first
 * @param preferred versions to try before any other, usually those of a lock file
 * @param pinned    versions a lock file pins, which stay choosable once yanked, as cargo keeps them,
 *                  so that a yank breaks neither an existing lock nor an update that finds nothing
 *                  else; tried after every other allowed version unless preferred. Other yanked
 *                  versions are never chosen
 * @param rootName  what a conflict's explanation calls whatever has the root dependencies:
 *                  "your project" for the client, the new version for the registry's check
 * @param first     packages to decide before any other, so that each in turn gets the version the strategy tries
 *                  first among those some solution allows it (given those decided before it), not among those the
 *                  other packages' first choices leave it: a package named alone, which another's preferred (locked)
 *                  version would otherwise hold back
 */
public record ResolveOptions(Strategy strategy, SortedMap<PackageName, Version> preferred,
                             SortedMap<PackageName, Version> pinned, String rootName, SortedSet<PackageName> first) {

    private static final String PROJECT = "your project";

    public ResolveOptions {
        Objects.requireNonNull(strategy, "strategy");
        preferred = SortedCopies.map(Objects.requireNonNull(preferred, "preferred"));
        pinned = SortedCopies.map(Objects.requireNonNull(pinned, "pinned"));
        Objects.requireNonNull(rootName, "rootName");
        first = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(first, "first")));
    }

    /** The newest versions, nothing preferred. */
    public static ResolveOptions defaults() {
        return new ResolveOptions(Strategy.HIGHEST, new TreeMap<>(), new TreeMap<>(), PROJECT, new TreeSet<>());
    }

    public ResolveOptions withStrategy(Strategy newStrategy) {
        return new ResolveOptions(newStrategy, preferred, pinned, rootName, first);
    }

    /** These options preferring the locked versions, yanked or not. */
    public ResolveOptions withLocked(SortedMap<PackageName, Version> locked) {
        return new ResolveOptions(strategy, locked, locked, rootName, first);
    }

    /** These options preferring {@code versions} too, over any other of their packages, deprecated or not. */
    public ResolveOptions preferring(SortedMap<PackageName, Version> versions) {
        SortedMap<PackageName, Version> all = new TreeMap<>(preferred);
        all.putAll(versions);
        return new ResolveOptions(strategy, all, pinned, rootName, first);
    }

    /**
     * These options no longer preferring the versions of {@code names}, which may then move: their
     * pinned versions remain, yanked or not, for when no other fits.
     */
    public ResolveOptions freeing(Collection<PackageName> names) {
        SortedMap<PackageName, Version> kept = new TreeMap<>(preferred);
        kept.keySet().removeAll(names);
        return new ResolveOptions(strategy, kept, pinned, rootName, first);
    }

    /** These options deciding {@code names} before any other package, as {@link #first} says. */
    public ResolveOptions decidingFirst(Collection<PackageName> names) {
        return new ResolveOptions(strategy, preferred, pinned, rootName, new TreeSet<>(names));
    }

    /** These options with the root called {@code name} in explanations, as in {@code @a/x 1.0.0 depends on ...}. */
    public ResolveOptions withRootName(String name) {
        return new ResolveOptions(strategy, preferred, pinned, name, first);
    }
}
