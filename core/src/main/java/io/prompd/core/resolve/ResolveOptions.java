package io.prompd.core.resolve;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Collection;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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
 */
public record ResolveOptions(Strategy strategy, SortedMap<PackageName, Version> preferred,
                             SortedMap<PackageName, Version> pinned, String rootName) {

    private static final String PROJECT = "your project";

    public ResolveOptions {
        Objects.requireNonNull(strategy, "strategy");
        preferred = SortedCopies.map(Objects.requireNonNull(preferred, "preferred"));
        pinned = SortedCopies.map(Objects.requireNonNull(pinned, "pinned"));
        Objects.requireNonNull(rootName, "rootName");
    }

    /** The newest versions, nothing preferred. */
    public static ResolveOptions defaults() {
        return new ResolveOptions(Strategy.HIGHEST, new TreeMap<>(), new TreeMap<>(), PROJECT);
    }

    public ResolveOptions withStrategy(Strategy newStrategy) {
        return new ResolveOptions(newStrategy, preferred, pinned, rootName);
    }

    /** These options preferring the locked versions, yanked or not. */
    public ResolveOptions withLocked(SortedMap<PackageName, Version> locked) {
        return new ResolveOptions(strategy, locked, locked, rootName);
    }

    /**
     * These options no longer preferring the versions of {@code names}, which may then move: their
     * pinned versions remain, yanked or not, for when no other fits.
     */
    public ResolveOptions freeing(Collection<PackageName> names) {
        SortedMap<PackageName, Version> kept = new TreeMap<>(preferred);
        kept.keySet().removeAll(names);
        return new ResolveOptions(strategy, kept, pinned, rootName);
    }

    /** These options with the root called {@code name} in explanations, as in {@code @a/x 1.0.0 depends on ...}. */
    public ResolveOptions withRootName(String name) {
        return new ResolveOptions(strategy, preferred, pinned, name);
    }
}
