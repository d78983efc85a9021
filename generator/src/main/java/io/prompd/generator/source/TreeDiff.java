package io.prompd.generator.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Paths that differ between two trees. Identical subtrees are skipped by id without being read,
 * so the cost follows the size of the change, not of the registry. An entry whose name is no single name
 * ({@link TreeEntryName#isOneName}) is no path: it is passed over with what it holds, and told apart
 * ({@link #notOneName}), so that no reader takes it for a file of another folder.
 */
final class TreeDiff {

    private TreeDiff() {
    }

    /**
     * @param oldTree the base tree, or empty to diff against nothing (a root commit)
     * @param paths   which paths to look at ({@link TreeFilter#ALL} for every one)
     */
    static List<Change> between(ObjectReader reader, Optional<? extends AnyObjectId> oldTree, AnyObjectId newTree,
                                TreeFilter paths) throws IOException {
        return walk(reader, oldTree, newTree, paths).changes();
    }

    /**
     * The entries whose name is no single name that the new tree holds where it differs from the old one, each
     * with the path of the tree holding it: what a change brought, and what no path of {@link #between} tells.
     */
    static List<TreeEntryName> notOneName(ObjectReader reader, AnyObjectId oldTree, AnyObjectId newTree)
            throws IOException {
        return walk(reader, Optional.of(oldTree), newTree, TreeFilter.ALL).notOneName();
    }

    private record Differences(List<Change> changes, List<TreeEntryName> notOneName) {
    }

    /** Walks the trees, entering by hand what differs, so that an entry whose name is no single name is not. */
    private static Differences walk(ObjectReader reader, Optional<? extends AnyObjectId> oldTree, AnyObjectId newTree,
                                    TreeFilter paths) throws IOException {
        List<Change> changes = new ArrayList<>();
        List<TreeEntryName> notOneName = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            if (oldTree.isPresent()) {
                walk.addTree(new CanonicalTreeParser(null, reader, oldTree.get()));
            } else {
                walk.addTree(new EmptyTreeIterator());
            }
            walk.addTree(new CanonicalTreeParser(null, reader, newTree));
            walk.setFilter(paths == TreeFilter.ALL ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(paths, TreeFilter.ANY_DIFF));
            while (walk.next()) {
                FileMode oldMode = walk.getFileMode(0);
                FileMode newMode = walk.getFileMode(1);
                if (!TreeEntryName.isOneName(walk)) {
                    if (newMode != FileMode.MISSING) {
                        notOneName.add(TreeEntryName.of(walk));
                    }
                } else if (walk.isSubtree()) {
                    walk.enterSubtree();
                } else {
                    ChangeType type = oldMode == FileMode.MISSING ? ChangeType.ADDED
                            : newMode == FileMode.MISSING ? ChangeType.DELETED : ChangeType.MODIFIED;
                    changes.add(new Change(type, GitPaths.of(walk), walk.getObjectId(0), walk.getObjectId(1),
                            oldMode, newMode));
                }
            }
        }
        return new Differences(changes, notOneName);
    }

    /**
     * Whether two trees hold the same files at the same paths, executable bits aside
     * ({@link Change#onlyExecutableBit}): two such version folders pack the same tarball. A tree the
     * repository no longer has (a history rewritten and collected since) cannot be told the same.
     */
    static boolean sameFiles(ObjectReader reader, AnyObjectId oldTree, AnyObjectId newTree) throws IOException {
        return oldTree.equals(newTree) || reader.has(oldTree, Constants.OBJ_TREE) && between(reader,
                Optional.of(oldTree), newTree, TreeFilter.ALL).stream().allMatch(Change::onlyExecutableBit);
    }
}
