package io.prompd.client.http;

import io.prompd.client.config.RegistryUrl;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Scheme, host and port of a URL: the boundary a credential must not cross. Default ports are
 * filled in, so {@code https://r.example} and {@code https://r.example:443} are one origin.
 *
 * @param scheme lower-case {@code http} or {@code https}
 * @param host   lower-case host name or address
 * @param port   the port, explicit or the scheme's default
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("an origin is http or https, not '" + scheme + "'");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("an origin needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The origin of an absolute http or https URL. */
    public static Origin of(URI url) {
        Objects.requireNonNull(url, "url");
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + Urls.display(url));
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : RegistryUrl.defaultPort(scheme);
        return new Origin(scheme, url.getHost(), port);
    }

    /** Whether the URL is on this origin; false for URLs without a host, such as {@code file:}. */
    public boolean contains(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return false;
        }
        String urlScheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!urlScheme.equals("http") && !urlScheme.equals("https")) {
            return false;
        }
        return equals(of(url));
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
