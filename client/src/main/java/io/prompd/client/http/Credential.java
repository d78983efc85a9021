package io.prompd.client.http;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code Authorization} header value for one registry origin. It is sent only to URLs of that
 * origin, never across a redirect to another one, and never shown: {@link #toString()} hides it.
 *
 * @param origin        where the credential may be sent
 * @param authorization the whole header value, such as {@code Bearer <token>}
 */
public record Credential(Origin origin, String authorization) {

    public Credential {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(authorization, "authorization");
        if (authorization.isBlank()) {
            throw new IllegalArgumentException("an authorization header value must not be blank");
        }
        // a line break would let the value smuggle further headers into the request
        if (authorization.indexOf('\r') >= 0 || authorization.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an authorization header value must be one line");
        }
    }

    public boolean appliesTo(URI url) {
        return origin.contains(url);
    }

    @Override
    public String toString() {
        return "Credential[origin=" + origin + ", authorization=<hidden>]";
    }
}
