package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * For every version present at a commit, the commit that published it, and for every package, when its folder
 * last changed.
 *
 * <p>History is followed along first parents only, from the root to the commit, diffing each
 * commit with its first parent. On the first-parent line the state after each step is exactly
 * the versions present at that commit, so a version deleted and added again counts from its
 * last addition, and a version merged from a pull request branch counts from the merge commit:
 * the moment it reached the registry's branch. Each step diffs only the changed subtrees under
 * {@code packages/}, so the whole walk costs one pass over history, not one per version.
 *
 * @param commit       the commit the history was computed at
 * @param publications every version present at the commit to where it was published, sorted
 * @param lastChanges  every package whose folder a commit of the line changed (its meta.json, a version published,
 *                     changed or deleted) to the time of the latest such commit: when its index.json last changed,
 *                     a yank, deprecation, dist-tag or takedown as much as a version; empty in the history of given
 *                     versions, which walks their manifests alone
 */
public record PublicationHistory(ObjectId commit, SortedMap<PackageVersion, Publication> publications,
                                 SortedMap<PackageName, Instant> lastChanges) {

    private static final TreeFilter PACKAGE_FOLDERS = PathFilter.create(RepositoryLayout.PACKAGES);

    public PublicationHistory {
        commit = commit.copy();
        publications = SortedCopies.map(publications);
        lastChanges = SortedCopies.map(lastChanges);
    }

    public Optional<Publication> publication(PackageVersion version) {
        return Optional.ofNullable(publications.get(version));
    }

    /** Walks the whole first-parent history of the commit. */
    public static PublicationHistory compute(RegistryRepository repository, ObjectId commit) throws IOException {
        return walk(repository, Optional.empty(), commit, PACKAGE_FOLDERS);
    }

    /**
     * The publications of only the given versions (those present at the commit), diffing only
     * their manifests at each step, for a check that needs the publisher of a few folders.
     */
    public static PublicationHistory compute(RegistryRepository repository, ObjectId commit,
                                             Collection<PackageVersion> versions) throws IOException {
        if (versions.isEmpty()) {
            return new PublicationHistory(commit, new TreeMap<>(), new TreeMap<>());
        }
        TreeFilter manifests = PathFilterGroup.createFromStrings(versions.stream()
                .map(version -> RepositoryLayout.versionFolder(version.name(), version.version()) + "/"
                        + RepositoryLayout.MANIFEST)
                .toList());
        return new PublicationHistory(commit, walk(repository, Optional.empty(), commit, manifests).publications(),
                new TreeMap<>());
    }

    /**
     * The history at a later commit, walking only the commits added since this one. When this
     * history's commit is not on the new commit's first-parent line (history was rewritten, or it
     * came from another branch), the whole history is walked instead, so the result always equals
     * {@link #compute}.
     */
    public PublicationHistory update(RegistryRepository repository, ObjectId newCommit) throws IOException {
        return walk(repository, Optional.of(this), newCommit, PACKAGE_FOLDERS);
    }

    private static PublicationHistory walk(RegistryRepository repository, Optional<PublicationHistory> previous,
                                           ObjectId head, TreeFilter paths) throws IOException {
        try (ObjectReader reader = repository.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Optional<ObjectId> stop = previous.map(PublicationHistory::commit);
            Deque<RevCommit> line = new ArrayDeque<>();
            RevCommit current = RegistryRepository.parseCommit(walk, head);
            while (current != null && !stop.map(current::equals).orElse(false)) {
                line.push(current);
                current = current.getParentCount() == 0 ? null : walk.parseCommit(current.getParent(0));
            }
            boolean resumed = current != null;
            SortedMap<PackageVersion, Publication> state = new TreeMap<>(
                    resumed ? previous.get().publications() : Map.of());
            SortedMap<PackageName, Instant> lastChanges = new TreeMap<>(
                    resumed ? previous.get().lastChanges() : Map.of());
            for (RevCommit commit : line) {
                apply(reader, walk, commit, paths, state, lastChanges);
            }
            return new PublicationHistory(head, state, lastChanges);
        }
    }

    private static void apply(ObjectReader reader, RevWalk walk, RevCommit commit, TreeFilter paths,
                              SortedMap<PackageVersion, Publication> state,
                              SortedMap<PackageName, Instant> lastChanges) throws IOException {
        Optional<ObjectId> parentTree = commit.getParentCount() == 0 ? Optional.empty()
                : Optional.of(walk.parseCommit(commit.getParent(0)).getTree());
        Publication publication = new Publication(commit, Instant.ofEpochSecond(commit.getCommitTime()));
        for (Change change : TreeDiff.between(reader, parentTree, commit.getTree(), paths)) {
            RepositoryLayout.folderOwner(change.path()).ifPresent(name -> lastChanges.put(name, publication.time()));
            Optional<PackageVersion> version = RepositoryLayout.manifestOwner(change.path());
            if (version.isEmpty()) {
                continue;
            }
            switch (change.type()) {
                case ADDED -> state.put(version.get(), publication);
                case DELETED -> state.remove(version.get());
                case MODIFIED -> { /* an edit of a published version does not republish it */ }
            }
        }
    }
}
