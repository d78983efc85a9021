package io.prompd.generator.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * An entry of a Git tree as that tree names it: the tree's path, and the entry's own name, which a tool writing trees
 * by hand ({@code git hash-object -t tree --literally}) may give a '/', so that no path alone tells the two apart.
 *
 * @param tree the path of the tree holding the entry, empty for the tree walked from
 * @param name the entry's name, read as {@link GitPaths#of} reads a path
 */
record TreeEntryName(String tree, String name) {

    TreeEntryName {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(name, "name");
    }

    /** The walk's current entry. */
    static TreeEntryName of(TreeWalk walk) {
        AbstractTreeIterator entry = current(walk);
        byte[] path = entry.getEntryPathBuffer();
        int nameStart = entry.getNameOffset();
        return new TreeEntryName(new String(path, 0, Math.max(0, nameStart - 1), StandardCharsets.UTF_8),
                new String(path, nameStart, entry.getNameLength(), StandardCharsets.UTF_8));
    }

    /**
     * Whether the walk's current entry has one name, as Git writes every one: not empty, neither {@code .} nor
     * {@code ..}, and without '/'. A tree's format ends a name at its first NUL, so no name read holds one. Read from
     * the walk's bytes, as a diff asks it of every entry it passes.
     */
    static boolean isOneName(TreeWalk walk) {
        AbstractTreeIterator entry = current(walk);
        byte[] path = entry.getEntryPathBuffer();
        int start = entry.getNameOffset();
        int end = start + entry.getNameLength();
        if (end == start || end - start <= 2 && path[start] == '.' && path[end - 1] == '.') {
            return false;
        }
        for (int index = start; index < end; index++) {
            if (path[index] == '/') {
                return false;
            }
        }
        return true;
    }

    /** The iterator of the first of the walk's trees that holds its current entry, as not all of a diff's may. */
    private static AbstractTreeIterator current(TreeWalk walk) {
        for (int tree = 0; ; tree++) {
            AbstractTreeIterator holding = walk.getTree(tree, AbstractTreeIterator.class);
            if (holding != null) {
                return holding;
            }
        }
    }

    /** The entry with its tree's path taken from below {@code folder}, the path of the tree walked from. */
    TreeEntryName below(String folder) {
        return new TreeEntryName(folder.isEmpty() || tree.isEmpty() ? folder + tree : folder + "/" + tree, name);
    }
}
