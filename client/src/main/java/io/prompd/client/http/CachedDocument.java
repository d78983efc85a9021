package io.prompd.client.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as last received, with the validators to ask the server whether it changed.
 *
 * @param body         the bytes received
 * @param etag         the {@code ETag} response header, if any
 * @param lastModified the {@code Last-Modified} response header, if any
 */
record CachedDocument(byte[] body, Optional<String> etag, Optional<String> lastModified) {

    CachedDocument {
        body = body.clone();
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** {@code If-None-Match} and {@code If-Modified-Since}, for the validators known. */
    Map<String, String> conditionalHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        etag.ifPresent(value -> headers.put("If-None-Match", value));
        lastModified.ifPresent(value -> headers.put("If-Modified-Since", value));
        return Map.copyOf(headers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CachedDocument that && Arrays.equals(body, that.body) && etag.equals(that.etag)
                && lastModified.equals(that.lastModified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(body), etag, lastModified);
    }

    @Override
    public String toString() {
        return "CachedDocument[" + body.length + " bytes, etag=" + etag + ", lastModified=" + lastModified + "]";
    }
}
