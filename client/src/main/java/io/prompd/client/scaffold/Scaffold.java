package io.prompd.client.scaffold;

import io.prompd.core.name.PackageName;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package about to be written: every file's bytes by package path, and what the user should know.
 *
 * @param name  the package's name
 * @param files file contents by path relative to the package folder, with {@code /}
 * @param notes things the scaffolder could not do for the user (such as a referenced file it did not copy)
 */
public record Scaffold(PackageName name, SortedMap<String, byte[]> files, List<String> notes) {

    public Scaffold {
        Objects.requireNonNull(name, "name");
        files = copyOf(files);
        notes = List.copyOf(notes);
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
