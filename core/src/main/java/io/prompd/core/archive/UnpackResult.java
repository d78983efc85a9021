package io.prompd.core.archive;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SafeUnpacker} wrote.
 *
 * @param fileCount    files written
 * @param unpackedSize their total size in bytes
 * @param paths        their paths relative to the target folder ({@code package/} removed), sorted
 * @param integrity    of every byte of the archive read, which the unpack compares with the one expected
 */
public record UnpackResult(int fileCount, long unpackedSize, List<String> paths, Integrity integrity) {

    public UnpackResult {
        paths = List.copyOf(paths);
        Objects.requireNonNull(integrity, "integrity");
        if (fileCount != paths.size()) {
            throw new IllegalArgumentException(
                    "file count " + fileCount + " does not match " + paths.size() + " paths");
        }
        if (unpackedSize < 0) {
            throw new IllegalArgumentException("unpacked size " + unpackedSize + " is negative");
        }
    }
}
