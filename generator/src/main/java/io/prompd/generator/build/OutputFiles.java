package io.prompd.generator.build;

import java.io.IOException;

/** The output of a build being written, as a {@link RegistryWriter} sees it. */
public interface OutputFiles {

    /**
     * Writes a file at a path relative to the output root, with {@code /} separators. A file
     * with the same bytes in the previous output is carried over instead, keeping its time, so a
     * sync to a CDN sees it unchanged.
     */
    void write(String path, byte[] bytes) throws IOException;
}
