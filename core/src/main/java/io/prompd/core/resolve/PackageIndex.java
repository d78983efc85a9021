package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;

/**
 * The published packages the resolver may choose from. The resolver asks only for packages that
 * enter the dependency graph, each at most once per resolution, so an implementation may fetch
 * metadata lazily.
 */
public interface PackageIndex {

    /**
     * Every published version of the package, yanked ones included, in any order; an empty list
     * when no package of that name exists.
     */
    List<Candidate> versions(PackageName name);

    /** Existing names a user may have meant when asking for a name that does not exist, best first. */
    default List<PackageName> similarNames(PackageName name) {
        return List.of();
    }

    /**
     * Announces packages whose {@link #versions} the resolver is about to ask for, so an index
     * backed by a network can fetch them in parallel. Called before those requests, never required.
     */
    default void prefetch(Collection<PackageName> names) {
    }

    /**
     * Announces packages as {@link #prefetch(Collection)} does, with the ranges they are depended on
     * with: an index may guess from them which versions the resolver will choose, and fetch those
     * versions' dependencies ahead too.
     */
    default void prefetch(SortedMap<PackageName, VersionRange> wanted) {
        prefetch(wanted.keySet());
    }
}
