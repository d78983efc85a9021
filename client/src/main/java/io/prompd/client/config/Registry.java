package io.prompd.client.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry a command talks to, with the credentials to send it.
 *
 * @param url         its root URL, ending with {@code /}
 * @param name        its configured name, when it was chosen by name
 * @param credentials the credentials to send, resolved from the environment already
 */
public record Registry(RegistryUrl url, Optional<RegistryName> name, Optional<Credentials.Resolved> credentials) {

    public Registry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The URL of a document of the registry, from its path relative to the root (see RegistryLayout). */
    public URI resolve(String relativePath) {
        return url.resolve(relativePath);
    }

    /**
     * Whether a URL is served by this registry's own origin (same scheme, host and port), the only
     * place its credentials may be sent: a tarball hosted elsewhere must not receive them.
     */
    public boolean ownsUrl(URI other) {
        URI own = url.uri();
        String scheme = lower(own.getScheme());
        return scheme.equals(lower(other.getScheme()))
                && lower(own.getHost()).equals(lower(other.getHost()))
                && port(scheme, own) == port(scheme, other);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static int port(String scheme, URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : RegistryUrl.defaultPort(scheme);
    }

    /** The {@code Authorization} header value for requests to URLs this registry {@linkplain #ownsUrl owns}. */
    public Optional<String> authorizationHeader() {
        return credentials.map(Credentials.Resolved::authorizationHeader);
    }

    /** {@code work (https://prompd.example.com/)}, or the URL alone, for messages. */
    public String describe() {
        return name.map(registryName -> registryName + " (" + url + ")").orElse(url.toString());
    }
}
