package io.prompd.core.protocol;

import io.prompd.core.archive.Integrity;
import java.util.Objects;

/**
 * Where a version's tarball is and how to check it, as npm's {@code dist}.
 *
 * @param tarball      URL of the tarball, relative to the document holding this record unless absolute
 * @param integrity    sha512 of the tarball's bytes
 * @param size         bytes of the tarball
 * @param fileCount    files in the tarball
 * @param unpackedSize bytes of the files once unpacked
 */
public record Dist(String tarball, Integrity integrity, long size, int fileCount, long unpackedSize) {

    public Dist {
        Objects.requireNonNull(tarball, "tarball");
        Objects.requireNonNull(integrity, "integrity");
        Checks.notNegative(size, "size");
        Checks.notNegative(fileCount, "fileCount");
        Checks.notNegative(unpackedSize, "unpackedSize");
    }
}
