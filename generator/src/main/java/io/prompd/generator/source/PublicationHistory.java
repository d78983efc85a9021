package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * For every version present at a commit, the commit that published it, and for every package, when its folder
 * last changed.
 *
 * <p>A version's publication is the commit that added its {@code prompd.json}, reached through any parent: a
 * commit whose first parent holds the manifest keeps that parent's publication, one that adds it to its first
 * parent's tree keeps the publication of the first other parent that holds it, and only a commit none of whose
 * parents holds it publishes it. So a version merged from a pull request branch counts from the branch's commit that
 * added it, and a publication never moves when {@code main} is fast-forwarded onto a branch that merged {@code main}
 * in, as a maintainer's {@code git pull} then push does: a version document, cached forever, cannot change with the
 * shape of history. Nor does it move with a version deleted and added back (a revert of its takedown): its folder
 * holding again the very files it was published with keeps its first publication, whatever commit made it so; with
 * other files it counts from the commit that brought them, and is {@linkplain #reused reused}.
 *
 * <p>History is walked along first parents, from the root to the commit, diffing each commit with its first
 * parent: the state after each step is exactly the versions present at that commit. Only a merge that adds
 * manifests has its other parents followed, and only back to those manifests' publications. Each step diffs
 * only the changed subtrees under {@code packages/}, so the whole walk costs one pass over history, not one per
 * version. A package's last change is the latest commit of the first-parent line that changed its folder, the
 * moment the change reached the registry's branch, so that a mirror syncing by it misses none. A version a commit of
 * the line deletes leaves the tree of its folder as the line last held it, so that the integrity of the tarball it
 * had can still be given once it is taken down, and that the number keeps those files.
 *
 * @param commit       the commit the history was computed at
 * @param publications every version present at the commit to where it was published, sorted
 * @param lastChanges  every package whose folder a commit of the line changed (its meta.json, a version published,
 *                     changed or deleted) to the time of the latest such commit: when its index.json last changed,
 *                     a yank, deprecation, dist-tag or takedown as much as a version; empty in the history of given
 *                     versions, which walks their manifests alone
 * @param removed      every version a commit of the line deleted, added back since or not, to its first such
 *                     removal: the files the registry served under the number, as a published version folder never
 *                     changes, so the tarball a lock pins (a takedown's); in the history of given versions, theirs
 */
public record PublicationHistory(ObjectId commit, SortedMap<PackageVersion, Publication> publications,
                                 SortedMap<PackageName, Instant> lastChanges,
                                 SortedMap<PackageVersion, Removal> removed) {

    private static final TreeFilter PACKAGE_FOLDERS = PathFilter.create(RepositoryLayout.PACKAGES);

    public PublicationHistory {
        commit = commit.copy();
        publications = SortedCopies.map(publications);
        lastChanges = SortedCopies.map(lastChanges);
        removed = SortedCopies.map(removed);
    }

    public Optional<Publication> publication(PackageVersion version) {
        return Optional.ofNullable(publications.get(version));
    }

    /**
     * The removal of the version, else of one that differs from it in build metadata alone ({@code 1.0.0} for
     * {@code 1.0.0+x}), which clients take for it, so that its number is no more free: the version removed to it.
     */
    public Optional<Map.Entry<PackageVersion, Removal>> removedAlike(PackageVersion version) {
        Removal exact = removed.get(version);
        if (exact != null) {
            return Optional.of(Map.entry(version, exact));
        }
        // looked up for every version present by a build: the versions of one precedence lie together in the map,
        // from the one without build metadata, so one step into it finds them rather than a pass over every removal
        PackageVersion first = new PackageVersion(version.name(), version.version().withoutBuild());
        return removed.tailMap(first).entrySet().stream().findFirst()
                .filter(entry -> entry.getKey().name().equals(version.name())
                        && entry.getKey().version().samePrecedence(version.version()))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()));
    }

    /** Where the version was published, present or {@linkplain #removed removed} since. */
    public Optional<Publication> publishedOnce(PackageVersion version) {
        return publication(version).or(() -> Optional.ofNullable(removed.get(version)).map(Removal::publication));
    }

    /**
     * The versions present whose folder holds other files than those their number was published with before its
     * {@linkplain #removed removal}, to that removal: a number reused, pushed past the check, whose old tarball lock
     * files pin. The number is found {@linkplain #removedAlike as the check finds it}, so {@code 1.0.0+x} reuses
     * a {@code 1.0.0} deleted, which clients take it for.
     */
    public SortedMap<PackageVersion, Removal> reused() {
        SortedMap<PackageVersion, Removal> reused = new TreeMap<>();
        publications.forEach((version, publication) -> removedAlike(version).map(Map.Entry::getValue)
                .filter(removal -> !publication.equals(removal.publication()))
                .ifPresent(removal -> reused.put(version, removal)));
        return Collections.unmodifiableSortedMap(reused);
    }

    /** Walks the whole history of the commit. */
    public static PublicationHistory compute(RegistryRepository repository, ObjectId commit) throws IOException {
        return walk(repository, Optional.empty(), commit, PACKAGE_FOLDERS);
    }

    /**
     * The publications and removals of only the given versions and of those that differ from one in build metadata
     * alone, which clients take for it, diffing only their packages' folders at each step, for a check that needs the
     * publisher of a few folders, or whether the numbers it adds were published before, under whatever metadata.
     */
    public static PublicationHistory compute(RegistryRepository repository, ObjectId commit,
                                             Collection<PackageVersion> versions) throws IOException {
        if (versions.isEmpty()) {
            return new PublicationHistory(commit, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        }
        TreeFilter folders = PathFilterGroup.createFromStrings(versions.stream()
                .map(version -> RepositoryLayout.packageFolder(version.name())).distinct().toList());
        PublicationHistory walked = walk(repository, Optional.empty(), commit, folders);
        return new PublicationHistory(commit, alike(walked.publications(), versions), new TreeMap<>(),
                alike(walked.removed(), versions));
    }

    /** The entries of versions that one of the given ones is, or has the SemVer precedence of. */
    private static <V> SortedMap<PackageVersion, V> alike(SortedMap<PackageVersion, V> entries,
                                                        Collection<PackageVersion> versions) {
        SortedMap<PackageVersion, V> alike = new TreeMap<>(entries);
        alike.keySet().removeIf(version -> versions.stream().noneMatch(given -> given.name().equals(version.name())
                && given.version().samePrecedence(version.version())));
        return alike;
    }

    /**
     * The history at a later commit, walking only the commits added since this one. When this
     * history's commit is not on the new commit's first-parent line (history was rewritten, it
     * came from another branch, or the branch was fast-forwarded onto one that merged it in), the
     * whole history is walked instead, so the result always equals {@link #compute}.
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
            SortedMap<PackageVersion, Removal> removed = new TreeMap<>(
                    resumed ? previous.get().removed() : Map.of());
            for (RevCommit commit : line) {
                apply(reader, walk, commit, paths, new Walked(state, lastChanges, removed));
            }
            return new PublicationHistory(head, state, lastChanges, removed);
        }
    }

    /** What the walk found so far, which each commit's step changes. */
    private record Walked(SortedMap<PackageVersion, Publication> publications,
                          SortedMap<PackageName, Instant> lastChanges, SortedMap<PackageVersion, Removal> removed) {
    }

    private static void apply(ObjectReader reader, RevWalk walk, RevCommit commit, TreeFilter paths, Walked walked)
            throws IOException {
        Optional<ObjectId> parentTree = commit.getParentCount() == 0 ? Optional.empty()
                : Optional.of(walk.parseCommit(commit.getParent(0)).getTree());
        Publication publication = publicationBy(commit);
        List<Change> changes = TreeDiff.between(reader, parentTree, commit.getTree(), paths);
        Map<String, Publication> inherited = commit.getParentCount() < 2 ? Map.of()
                : inherited(reader, walk, commit, changes.stream()
                        .filter(change -> change.type() == ChangeType.ADDED)
                        .map(Change::path)
                        .filter(path -> RepositoryLayout.manifestOwner(path).isPresent())
                        .collect(Collectors.toSet()));
        Set<PackageVersion> backAfterRemoval = new HashSet<>();
        for (Change change : changes) {
            RepositoryLayout.folderOwner(change.path())
                    .ifPresent(name -> walked.lastChanges().put(name, publication.time()));
            RepositoryLayout.versionOwner(change.path()).filter(walked.removed()::containsKey)
                    .ifPresent(backAfterRemoval::add);
            Optional<PackageVersion> version = RepositoryLayout.manifestOwner(change.path());
            if (version.isEmpty()) {
                continue;
            }
            switch (change.type()) {
                case ADDED -> walked.publications().put(version.get(),
                        inherited.getOrDefault(change.path(), publication));
                case DELETED -> {
                    Publication gone = walked.publications().remove(version.get());
                    if (gone != null && !walked.removed().containsKey(version.get())) {
                        folderTree(reader, parentTree.orElseThrow(), version.get()).ifPresent(tree ->
                                walked.removed().put(version.get(), new Removal(tree, gone, commit)));
                    }
                }
                case MODIFIED -> { /* an edit of a published version does not republish it */ }
            }
        }
        for (PackageVersion version : backAfterRemoval) {
            Publication now = walked.publications().get(version);
            if (now != null) {
                walked.publications().put(version, afterRemoval(reader, commit, version,
                        walked.removed().get(version), now));
            }
        }
    }

    /**
     * The publication of a version whose folder a commit changed after a removal: the first one while the folder holds
     * the files published then, else the one it has, or this commit's when the change is what made the files other.
     */
    private static Publication afterRemoval(ObjectReader reader, RevCommit commit, PackageVersion version,
                                            Removal removal, Publication now) throws IOException {
        Optional<ObjectId> tree = folderTree(reader, commit.getTree(), version);
        if (tree.isPresent() && TreeDiff.sameFiles(reader, removal.tree(), tree.get())) {
            return removal.publication();
        }
        return now.equals(removal.publication()) ? publicationBy(commit) : now;
    }

    /** The tree of the version's folder in {@code root}; empty when the path there is no folder. */
    static Optional<ObjectId> folderTree(ObjectReader reader, ObjectId root, PackageVersion version)
            throws IOException {
        try (TreeWalk folder = TreeWalk.forPath(reader, RepositoryLayout.versionFolder(version.name(),
                version.version()), root)) {
            return folder == null || folder.getFileMode(0) != FileMode.TREE ? Optional.empty()
                    : Optional.of(folder.getObjectId(0));
        }
    }

    /**
     * Of the manifests a merge commit adds to its first parent's tree, those another parent holds, to the
     * publication that parent's history gives them. Manifests that meet on a commit are followed on together, the
     * newest commit first, so a long line of commits is read once however many manifests come down it.
     */
    private static Map<String, Publication> inherited(ObjectReader reader, RevWalk walk, RevCommit merge,
                                                      Set<String> added) throws IOException {
        Map<String, Publication> publications = new HashMap<>();
        Map<RevCommit, Set<String>> holders = new HashMap<>();
        // the order only saves reading a line twice: the time as unsigned seconds orders 1970 to 2106 without parsing
        Queue<RevCommit> newestFirst = new PriorityQueue<>(
                Comparator.comparingLong((RevCommit commit) -> Integer.toUnsignedLong(commit.getCommitTime()))
                        .reversed());
        handToParents(reader, walk, merge, 1, added, holders, newestFirst);
        while (!newestFirst.isEmpty()) {
            RevCommit commit = newestFirst.remove();
            Set<String> published = handToParents(reader, walk, commit, 0, holders.remove(commit), holders,
                    newestFirst);
            Publication publication = publicationBy(commit);
            published.forEach(manifest -> publications.put(manifest, publication));
        }
        return publications;
    }

    /**
     * Hands each of the manifests the commit holds to its first parent, from the given one on, that holds it too,
     * queueing that parent; returns those no such parent holds, which the commit published. Which ones a parent
     * holds is told by a diff with the commit, which skips unread the subtrees the two share, most of them.
     */
    private static Set<String> handToParents(ObjectReader reader, RevWalk walk, RevCommit commit, int firstParent,
                                             Set<String> manifests, Map<RevCommit, Set<String>> holders,
                                             Queue<RevCommit> queue) throws IOException {
        Set<String> left = new HashSet<>(manifests);
        for (int index = firstParent; index < commit.getParentCount() && !left.isEmpty(); index++) {
            RevCommit parent = walk.parseCommit(commit.getParent(index));
            Set<String> held = new HashSet<>(left);
            TreeDiff.between(reader, Optional.of(parent.getTree()), commit.getTree(),
                            PathFilterGroup.createFromStrings(left)).stream()
                    .filter(change -> change.type() == ChangeType.ADDED)
                    .forEach(change -> held.remove(change.path()));
            if (!held.isEmpty()) {
                left.removeAll(held);
                holders.computeIfAbsent(parent, queued -> {
                    queue.add(queued);
                    return new HashSet<>();
                }).addAll(held);
            }
        }
        return left;
    }

    private static Publication publicationBy(RevCommit commit) {
        return new Publication(commit, committed(commit));
    }

    /**
     * The commit's committer time as Git keeps it: {@link RevCommit#getCommitTime()} is 32 bits of seconds, which a
     * time past 2038-01-19 overflows into 1903 or 1962.
     */
    public static Instant committed(RevCommit commit) {
        return commit.getCommitterIdent().getWhenAsInstant();
    }
}
