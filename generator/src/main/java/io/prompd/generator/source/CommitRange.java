package io.prompd.generator.source;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.problem.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What lies between two commits of a registry repository, as a pull request's check reads it: the
 * paths that differ, where the two histories part, and what the commits in between brought and
 * took away again; and whether two trees hold the same files.
 */
public final class CommitRange {

    private CommitRange() {
    }

    /** Every path that differs between two commits, sorted as Git sorts paths. */
    public static List<Change> diff(RegistryRepository registry, ObjectId base, ObjectId head) throws IOException {
        try (ObjectReader reader = registry.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            return TreeDiff.between(reader, Optional.of(RegistryRepository.parseCommit(walk, base).getTree()),
                    RegistryRepository.parseCommit(walk, head).getTree(), TreeFilter.ALL);
        }
    }

    /**
     * An error at each tree that {@code head} changes from {@code base} and that holds an entry whose name is no single
     * name, which no path of {@link #diff} tells: in the registry's folders, published versions' too, or the
     * repository's own.
     */
    public static List<Problem> notOneName(RegistryRepository registry, ObjectId base, ObjectId head)
            throws IOException {
        try (ObjectReader reader = registry.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            return TreeDiff.notOneName(reader, RegistryRepository.parseCommit(walk, base).getTree(),
                    RegistryRepository.parseCommit(walk, head).getTree()).stream().map(RepositoryLayout::notOneName)
                    .toList();
        }
    }

    /** {@link TreeDiff#sameFiles}, read from the registry. */
    public static boolean sameFiles(RegistryRepository registry, ObjectId oldTree, ObjectId newTree)
            throws IOException {
        try (ObjectReader reader = registry.repository().newObjectReader()) {
            return TreeDiff.sameFiles(reader, oldTree, newTree);
        }
    }

    /**
     * The best common ancestor of two commits: a pull request is checked against the merge base,
     * so changes that reached the target branch after the branch point are not counted as its own.
     */
    public static ObjectId mergeBase(RegistryRepository registry, ObjectId base, ObjectId head) throws IOException {
        return commonAncestor(registry, base, head).map(RevCommit::copy).orElseThrow(() -> new PrompdException(
                ExitCode.NOT_FOUND, "commits " + RegistryRepository.shortId(base) + " and "
                + RegistryRepository.shortId(head) + " have no common history",
                "base the pull request on the registry's main branch"));
    }

    /** The best common ancestor of two commits, parsed, so that its time can be read; empty when they share none. */
    public static Optional<RevCommit> commonAncestor(RegistryRepository registry, ObjectId one, ObjectId other)
            throws IOException {
        try (RevWalk walk = new RevWalk(registry.repository())) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(RegistryRepository.parseCommit(walk, one));
            walk.markStart(RegistryRepository.parseCommit(walk, other));
            return Optional.ofNullable(walk.next());
        }
    }

    /**
     * The file contents, and symbolic links' targets, that the commits of {@code head} which {@code base} lacks brought
     * to a path, but that neither the merge base nor the head holds there: what a pull request added and then changed
     * or deleted again. A content counts where a commit differs from each of its parents, so that a merge brings in
     * only what it resolved itself, and is named with the oldest commit that brought it. Only those commits' trees
     * are read, identical subtrees skipped by id, so the cost follows the size of the pull request.
     */
    public static List<IntermediateFile> intermediateFiles(RegistryRepository registry, ObjectId base,
                                                           ObjectId mergeBase, ObjectId head) throws IOException {
        try (ObjectReader reader = registry.repository().newObjectReader();
             RevWalk walk = oldestFirst(reader, base, head)) {
            Map<Map.Entry<String, ObjectId>, IntermediateFile> brought = new LinkedHashMap<>();
            for (RevCommit commit : walk) {
                try (TreeWalk tree = againstParents(reader, walk, commit)) {
                    tree.setRecursive(true);
                    while (tree.next()) {
                        FileMode mode = tree.getFileMode(0);
                        boolean link = mode == FileMode.SYMLINK;
                        if ((Change.isFile(mode) || link) && newInCommit(tree)) {
                            String path = GitPaths.of(tree);
                            ObjectId blob = tree.getObjectId(0);
                            brought.putIfAbsent(Map.entry(path, blob), new IntermediateFile(commit, path, blob, link));
                        }
                    }
                }
            }
            if (brought.isEmpty()) {
                return List.of();
            }
            Set<String> paths = brought.values().stream().map(IntermediateFile::path).collect(Collectors.toSet());
            try (TreeWalk ends = new TreeWalk(reader)) {
                ends.addTree(RegistryRepository.parseCommit(walk, mergeBase).getTree());
                ends.addTree(RegistryRepository.parseCommit(walk, head).getTree());
                ends.setRecursive(true);
                ends.setFilter(PathFilterGroup.createFromStrings(paths));
                while (ends.next()) {
                    String path = GitPaths.of(ends);
                    brought.remove(Map.entry(path, ends.getObjectId(0)));
                    brought.remove(Map.entry(path, ends.getObjectId(1)));
                }
            }
            return List.copyOf(brought.values());
        }
    }

    /** The messages of the commits of {@code head} which {@code base} lacks, each after its parents'. */
    public static List<CommitMessage> messages(RegistryRepository registry, ObjectId base, ObjectId head)
            throws IOException {
        try (ObjectReader reader = registry.repository().newObjectReader();
             RevWalk walk = oldestFirst(reader, base, head)) {
            List<CommitMessage> messages = new ArrayList<>();
            for (RevCommit commit : walk) {
                messages.add(new CommitMessage(commit, commit.getFullMessage()));
            }
            return List.copyOf(messages);
        }
    }

    /**
     * Where the commits of {@code head} which {@code base} lacks first bring a tree entry holding {@code object} whose
     * mode is of another type's, {@code type} ("blob", as Git names it), which Git never writes: a commit written by
     * hand, which only writing it again mends. Empty when none does, as when the entry is in {@code base}'s history.
     * An entry counts where a commit differs from each of its parents there, as in {@link #intermediateFiles}, whose
     * cost this shares.
     */
    static Optional<EntryInCommit> bringing(RegistryRepository registry, ObjectId base, ObjectId head,
                                            AnyObjectId object, String type) throws IOException {
        try (ObjectReader reader = registry.repository().newObjectReader();
             RevWalk walk = oldestFirst(reader, base, head)) {
            for (RevCommit commit : walk) {
                try (TreeWalk tree = againstParents(reader, walk, commit)) {
                    while (tree.next()) {
                        // an entry holding the object is not a missing one, whose mode names no type
                        if (tree.getObjectId(0).equals(object) && newInCommit(tree)
                                && Constants.typeString(tree.getFileMode(0).getObjectType()).equals(type)) {
                            return Optional.of(new EntryInCommit(commit, GitPaths.of(tree)));
                        }
                        // only the commit's own folders: a parent's folder it has no longer brings nothing
                        if (tree.getFileMode(0) == FileMode.TREE) {
                            tree.enterSubtree();
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A tree entry at a path of a commit.
     *
     * @param commit the commit
     * @param path   the entry's path, {@code /}-separated
     */
    record EntryInCommit(ObjectId commit, String path) {

        EntryInCommit {
            commit = commit.copy();
            Objects.requireNonNull(path, "path");
        }
    }

    /** The commits of {@code head} which {@code base} lacks, each after its parents. */
    private static RevWalk oldestFirst(ObjectReader reader, ObjectId base, ObjectId head) throws IOException {
        RevWalk walk = new RevWalk(reader);
        walk.markStart(RegistryRepository.parseCommit(walk, head));
        walk.markUninteresting(RegistryRepository.parseCommit(walk, base));
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        return walk;
    }

    /** A walk of the paths where the commit's tree, the first, differs from any of its parents'. */
    private static TreeWalk againstParents(ObjectReader reader, RevWalk walk, RevCommit commit) throws IOException {
        TreeWalk tree = new TreeWalk(reader);
        tree.addTree(commit.getTree());
        if (commit.getParentCount() == 0) {
            tree.addTree(new EmptyTreeIterator());
        }
        for (RevCommit parent : commit.getParents()) {
            tree.addTree(walk.parseCommit(parent).getTree());
        }
        tree.setFilter(TreeFilter.ANY_DIFF);
        return tree;
    }

    /** Whether the first tree of the walk holds, at its path, a content none of the others (the parents) does. */
    private static boolean newInCommit(TreeWalk tree) {
        for (int parent = 1; parent < tree.getTreeCount(); parent++) {
            if (tree.getObjectId(parent).equals(tree.getObjectId(0))) {
                return false;
            }
        }
        return true;
    }
}
