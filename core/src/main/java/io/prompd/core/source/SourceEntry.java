package io.prompd.core.source;

import java.util.Objects;

/**
 * One non-folder entry of a package source.
 *
 * @param path relative path with {@code /} separators, never starting with {@code /}
 * @param kind regular file, symbolic link or other
 * @param size size in bytes (0 for anything but a regular file)
 */
public record SourceEntry(String path, EntryKind kind, long size) {

    public SourceEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("entry path must be relative and non-empty: '" + path + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    public static SourceEntry file(String path, long size) {
        return new SourceEntry(path, EntryKind.FILE, size);
    }

    public boolean isFile() {
        return kind == EntryKind.FILE;
    }
}
