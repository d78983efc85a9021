package io.prompd.client.http;

import io.prompd.client.config.RegistryUrl;
import java.net.URI;
import java.util.Objects;

/**
 * The {@code Authorization} header value of one registry. It is sent only to URLs the registry's URL
 * {@linkplain RegistryUrl#holds holds}, as npm sends a registry's: not to another path of its host, which may be
 * another's, and not again once a redirect has left it. It is never shown: {@link #toString()} hides it.
 *
 * @param registry      where the credential may be sent: URLs under it
 * @param authorization the whole header value, such as {@code Bearer <token>}
 */
public record Credential(RegistryUrl registry, String authorization) {

    public Credential {
        Objects.requireNonNull(registry, "registry");
        if (registry.isFolder()) {
            throw new IllegalArgumentException("a credential goes to a server, not to a folder: " + registry);
        }
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
        return registry.holds(url);
    }

    @Override
    public String toString() {
        return "Credential[registry=" + registry + ", authorization=<hidden>]";
    }
}
