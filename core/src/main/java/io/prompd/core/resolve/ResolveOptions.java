package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How to choose among allowed versions.
 *
 * @param strategy             which allowed version to try first
 * @param preferred            versions to try before any other, usually those of a lock file
 * @param allowYankedPreferred whether a preferred version may be chosen although it is yanked, so
 *                             that a yank does not break an existing lock; other yanked versions
 *                             are never chosen
 * @param rootName             what a conflict's explanation calls whatever has the root dependencies:
 *                             "your project" for the client, the new version for the registry's check
 */
public record ResolveOptions(Strategy strategy, SortedMap<PackageName, Version> preferred, boolean allowYankedPreferred,
                             String rootName) {

    private static final String PROJECT = "your project";

    public ResolveOptions {
        Objects.requireNonNull(strategy, "strategy");
        preferred = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(preferred, "preferred")));
        Objects.requireNonNull(rootName, "rootName");
    }

    /** The newest versions, nothing preferred. */
    public static ResolveOptions defaults() {
        return new ResolveOptions(Strategy.HIGHEST, new TreeMap<>(), false, PROJECT);
    }

    public ResolveOptions withStrategy(Strategy newStrategy) {
        return new ResolveOptions(newStrategy, preferred, allowYankedPreferred, rootName);
    }

    /** These options preferring the locked versions, yanked or not. */
    public ResolveOptions withLocked(SortedMap<PackageName, Version> locked) {
        return new ResolveOptions(strategy, locked, true, rootName);
    }

    /** These options with the root called {@code name} in explanations, as in {@code @a/x 1.0.0 depends on ...}. */
    public ResolveOptions withRootName(String name) {
        return new ResolveOptions(strategy, preferred, allowYankedPreferred, name);
    }
}
