package io.prompd.core.archive;

import java.util.Objects;

/**
 * A tarball written by {@link Packer}.
 *
 * @param integrity    sha512 of the compressed bytes, as recorded in the registry
 * @param size         compressed size in bytes
 * @param fileCount    files in the tarball
 * @param unpackedSize total size of the files in bytes
 */
public record PackResult(Integrity integrity, long size, int fileCount, long unpackedSize) {

    public PackResult {
        Objects.requireNonNull(integrity, "integrity");
        if (size < 0 || fileCount < 0 || unpackedSize < 0) {
            throw new IllegalArgumentException("sizes and counts must not be negative");
        }
    }
}
