package io.prompd.client.http;

import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A body to read, from a server or a file.
 *
 * @param stream      the bytes; the reader closes it
 * @param length      the announced length, or -1 when unknown
 * @param source      where it came from, after any redirects: the URL a message about its content names
 * @param contentType the {@code Content-Type} it was announced as, if any
 */
record ResponseBody(InputStream stream, long length, URI source, Optional<String> contentType) {

    ResponseBody {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** The same body read through {@code decoded}, of the length given. */
    ResponseBody decodedBy(InputStream decoded, long decodedLength) {
        return new ResponseBody(decoded, decodedLength, source, contentType);
    }
}
