package io.prompd.client.install.registry;

import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryName;
import io.prompd.client.http.Credential;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry that serves a package, and what to send it.
 *
 * @param root       the registry's root URL, ending with {@code /}
 * @param credential sent only to the root's own origin; never written anywhere
 * @param name       its configured name, when it was chosen by one, so messages name it as the user does
 */
public record RegistryEndpoint(URI root, Optional<Credential> credential, Optional<RegistryName> name) {

    public RegistryEndpoint {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(name, "name");
        if (!root.isAbsolute() || !root.getPath().endsWith("/")) {
            throw new IllegalArgumentException("a registry root is an absolute URL ending with '/': " + root);
        }
    }

    public static RegistryEndpoint anonymous(URI root) {
        return new RegistryEndpoint(root, Optional.empty(), Optional.empty());
    }

    /** As messages name it: {@code work (https://prompd.example.com/)}, or the URL alone. */
    public String describe() {
        return Registry.describe(name, root);
    }

    /** What {@code prompd login --registry} takes to log in to it. */
    public String loginArgument() {
        return name.map(RegistryName::toString).orElse(root.toString());
    }

    /** Whether the URL lies below the root: a URL of this registry, rather than of another or of a mirror. */
    public boolean holds(URI url) {
        return !root.relativize(url).equals(url);
    }

    /** Whether the registry is a folder, read with no network: offline, all of it is at hand. */
    public boolean isFolder() {
        return "file".equalsIgnoreCase(root.getScheme());
    }

    /** A document of the registry, from its path in {@link io.prompd.core.protocol.RegistryLayout}. */
    public URI resolve(String path) {
        return root.resolve(path);
    }
}
