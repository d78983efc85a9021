package io.prompd.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The files of one package, wherever they live: a folder on disk (the client), a tree in a Git
 * commit (the generator, which never checks out a working tree), or memory (tests). Validation and
 * packing read packages only through this, so a folder and the same files in Git give the same
 * verdict and byte-identical tarballs.
 */
public interface PackageSource {

    /** A short human name of where the files are, for messages (a folder, or {@code commit:path}). */
    String describe();

    /** Every entry that is not a folder, sorted by path (UTF-16 order of the {@code /}-separated path). */
    List<SourceEntry> entries() throws IOException;

    /** Opens a regular file for reading. */
    InputStream open(String path) throws IOException;

    default byte[] read(String path) throws IOException {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        }
    }

    default Optional<SourceEntry> entry(String path) throws IOException {
        return entries().stream().filter(e -> e.path().equals(path)).findFirst();
    }
}
