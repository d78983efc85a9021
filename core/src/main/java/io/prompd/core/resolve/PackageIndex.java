package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import java.util.Collection;
import java.util.List;

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
}
