package io.prompd.client.install.registry;

import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryName;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry as a warning names it, apart, so that a script compares two of them and looks the name up in
 * {@code prompd registry list --json} without parsing a sentence.
 *
 * @param name its configured name; empty for a URL that no configured registry has a name for
 * @param url  its root URL; for a URL a lock recorded that does not end as a tarball's path, that URL
 */
public record RegistryMention(Optional<RegistryName> name, URI url) {

    public RegistryMention {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }

    /** {@code work (https://prompd.example.com/)}, or the URL alone, as messages name a registry. */
    public String describe() {
        return Registry.describe(name, url);
    }

    /** The URL as messages and {@code --json} show it: a query or a user, which may hold a secret, hidden. */
    public String shownUrl() {
        return Urls.display(url);
    }
}
