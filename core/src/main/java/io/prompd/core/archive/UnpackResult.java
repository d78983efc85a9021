package io.prompd.core.archive;

import java.util.List;

/**
 * What {@link SafeUnpacker} wrote.
 *
 * @param fileCount    files written
 * @param unpackedSize their total size in bytes
 * @param paths        their paths relative to the target folder ({@code package/} removed), sorted
 */
public record UnpackResult(int fileCount, long unpackedSize, List<String> paths) {

    public UnpackResult {
        paths = List.copyOf(paths);
        if (fileCount != paths.size() || unpackedSize < 0) {
            throw new IllegalArgumentException("file count " + fileCount + " does not match " + paths.size() + " paths");
        }
    }
}
