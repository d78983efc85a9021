package io.prompd.client.install.registry;

import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryName;
import io.prompd.client.install.lock.LockedPackage;
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

    /**
     * The URL as messages and {@code --json} show it: a user, which may hold a secret, hidden; a registry's URL has no
     * query, and a lock's URL naming no registry is shown as the lock records it ({@link LockedPackage#display}), its
     * query telling it from another package's.
     */
    public String shownUrl() {
        return LockedPackage.display(url);
    }
}
