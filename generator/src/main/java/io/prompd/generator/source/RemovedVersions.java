package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * The versions of some packages that were published on a branch once and are gone at a commit
 * (taken down, or deleted by a push past the check). Their numbers stay taken: lock files pin
 * each one with the integrity of its old tarball, so other content under the same number would
 * fail every such install. Read from the {@link FirstParentLine}, diffing only the manifests of
 * the packages asked about.
 *
 * @param removals each removed version to when it was first published and when it was last removed, sorted
 */
public record RemovedVersions(SortedMap<PackageVersion, Removal> removals) {

    /**
     * @param published the commit that first added the version's manifest
     * @param removed   the commit that last deleted it
     */
    public record Removal(Publication published, Publication removed) {

        public Removal {
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(removed, "removed");
        }
    }

    public RemovedVersions {
        removals = SortedCopies.map(removals);
    }

    public Optional<Removal> removal(PackageVersion version) {
        return Optional.ofNullable(removals.get(version));
    }

    /** The removed versions of the packages, walking the commit's first-parent history once. */
    public static RemovedVersions compute(RegistryRepository repository, ObjectId commit,
                                          Collection<PackageName> packages) throws IOException {
        if (packages.isEmpty()) {
            return new RemovedVersions(new TreeMap<>());
        }
        Map<PackageVersion, Publication> firstPublished = new HashMap<>();
        SortedMap<PackageVersion, Removal> removals = new TreeMap<>();
        try (ObjectReader reader = repository.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            FirstParentLine.of(walk, commit, Optional.empty()).replay(reader, AndTreeFilter.create(
                    PathFilterGroup.createFromStrings(packages.stream().map(RepositoryLayout::packageFolder).toList()),
                    PathSuffixFilter.create("/" + RepositoryLayout.MANIFEST)), (step, changes) -> changes.forEach(
                    change -> RepositoryLayout.manifestOwner(change.path()).ifPresent(version -> {
                        switch (change.type()) {
                            case ADDED -> {
                                firstPublished.putIfAbsent(version, step);
                                removals.remove(version);
                            }
                            case DELETED -> {
                                removals.put(version, new Removal(firstPublished.get(version), step));
                            }
                            case MODIFIED -> { /* the version stays */ }
                        }
                    })));
        }
        return new RemovedVersions(removals);
    }
}
