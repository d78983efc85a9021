package io.prompd.client.scaffold;

import io.prompd.core.name.PackageName;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package about to be written: every file's bytes by package path, and what the user should know.
 *
 * @param name  the package's name
 * @param files file contents by path relative to the package folder, with {@code /}
 * @param notes things the scaffolder could not do for the user (such as a referenced file it did not copy)
 * @param keptWhereFound the files of {@code files} that one the folder already holds stands in for, kept as it is:
 *              a README or the terms of a license the user wrote serve the package better than a template, as
 *              {@code cargo init} keeps them in a folder it is run in
 */
public record Scaffold(PackageName name, SortedMap<String, byte[]> files, List<String> notes,
                       Set<String> keptWhereFound) {

    public Scaffold {
        Objects.requireNonNull(name, "name");
        files = copyOf(files);
        notes = List.copyOf(notes);
        keptWhereFound = Set.copyOf(keptWhereFound);
        if (!files.keySet().containsAll(keptWhereFound)) {
            throw new IllegalArgumentException("only a file of the scaffold can be kept where found: "
                    + keptWhereFound);
        }
    }

    /** A copy of the files, each array copied: this scaffold's stay as planned whatever a caller does with them. */
    @Override
    public SortedMap<String, byte[]> files() {
        return copyOf(files);
    }

    /** An immutable copy of files by path, each array copied too: the caller's arrays stay the caller's to change. */
    static SortedMap<String, byte[]> copyOf(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }
}
