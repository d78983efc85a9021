package io.prompd.generator.build;

import java.io.IOException;

/**
 * Writes files derived from the built registry, after every package folder (tarballs,
 * {@code index.json}, version documents) is in place. The JSON documents at the root are one
 * writer; the web site's pages are meant to be another, added to {@link RegistryBuilder}'s list.
 */
@FunctionalInterface
public interface RegistryWriter {

    void write(BuiltRegistry registry, OutputFiles files) throws IOException;
}
