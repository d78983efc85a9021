package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * For every version present at a commit, the commit that published it.
 *
 * <p>History is followed along the {@link FirstParentLine}, from the root to the commit, so a
 * version deleted and added again counts from its last addition, and a version merged from a pull
 * request branch counts from the merge commit. Each step diffs only the changed subtrees under
 * {@code packages/}, so the whole walk costs one pass over history, not one per version.
 *
 * @param commit       the commit the history was computed at
 * @param publications every version present at the commit to where it was published, sorted
 */
public record PublicationHistory(ObjectId commit, SortedMap<PackageVersion, Publication> publications) {

    private static final TreeFilter MANIFESTS = AndTreeFilter.create(
            PathFilter.create(RepositoryLayout.PACKAGES), PathSuffixFilter.create("/" + RepositoryLayout.MANIFEST));

    public PublicationHistory {
        commit = commit.copy();
        publications = SortedCopies.map(publications);
    }

    public Optional<Publication> publication(PackageVersion version) {
        return Optional.ofNullable(publications.get(version));
    }

    /** Walks the whole first-parent history of the commit. */
    public static PublicationHistory compute(RegistryRepository repository, ObjectId commit) throws IOException {
        return walk(repository, Optional.empty(), commit, MANIFESTS);
    }

    /**
     * The publications of only the given versions (those present at the commit), diffing only
     * their manifests at each step, for a check that needs the publisher of a few folders.
     */
    public static PublicationHistory compute(RegistryRepository repository, ObjectId commit,
                                             Collection<PackageVersion> versions) throws IOException {
        if (versions.isEmpty()) {
            return new PublicationHistory(commit, new TreeMap<>());
        }
        TreeFilter manifests = PathFilterGroup.createFromStrings(versions.stream()
                .map(version -> RepositoryLayout.versionFolder(version.name(), version.version()) + "/" + RepositoryLayout.MANIFEST)
                .toList());
        return walk(repository, Optional.empty(), commit, manifests);
    }

    /**
     * The history at a later commit, walking only the commits added since this one. When this
     * history's commit is not on the new commit's first-parent line (history was rewritten, or it
     * came from another branch), the whole history is walked instead, so the result always equals
     * {@link #compute}.
     */
    public PublicationHistory update(RegistryRepository repository, ObjectId newCommit) throws IOException {
        return walk(repository, Optional.of(this), newCommit, MANIFESTS);
    }

    private static PublicationHistory walk(RegistryRepository repository, Optional<PublicationHistory> previous,
                                           ObjectId head, TreeFilter manifests) throws IOException {
        try (ObjectReader reader = repository.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            FirstParentLine line = FirstParentLine.of(walk, head, previous.map(PublicationHistory::commit));
            SortedMap<PackageVersion, Publication> state = new TreeMap<>(
                    line.resumed() ? previous.get().publications() : Map.of());
            line.replay(reader, manifests, (commit, changes) -> changes.forEach(change ->
                    RepositoryLayout.manifestOwner(change.path()).ifPresent(version -> {
                        switch (change.type()) {
                            case ADDED -> state.put(version, commit);
                            case DELETED -> state.remove(version);
                            case MODIFIED -> { /* an edit of a published version does not republish it */ }
                        }
                    })));
            return new PublicationHistory(head, state);
        }
    }
}
