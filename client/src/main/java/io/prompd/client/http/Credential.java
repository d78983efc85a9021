package io.prompd.client.http;

import io.prompd.client.config.Credentials;
import io.prompd.client.config.RegistryUrl;
import java.net.URI;
import java.util.Objects;

/**
 * The credentials of one registry, sent in the {@code Authorization} header. They are sent only to URLs the
 * registry's URL {@linkplain RegistryUrl#holds holds}, as npm sends a registry's: not to another path of its host,
 * which may be another's, and not again once a redirect has left it. They are never shown: {@link #toString()} hides
 * them.
 *
 * @param registry    where the credentials may be sent: URLs under it
 * @param credentials what is sent, whose records allow no value that could split the header or smuggle another in
 */
public record Credential(RegistryUrl registry, Credentials.Resolved credentials) {

    public Credential {
        Objects.requireNonNull(registry, "registry");
        if (registry.isFolder()) {
            throw new IllegalArgumentException("a credential goes to a server, not to a folder: " + registry);
        }
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The whole header value, such as {@code Bearer <token>}. */
    public String authorization() {
        return credentials.authorizationHeader();
    }

    public boolean appliesTo(URI url) {
        return registry.holds(url);
    }

    @Override
    public String toString() {
        return "Credential[registry=" + registry + ", credentials=" + credentials + "]";
    }
}
