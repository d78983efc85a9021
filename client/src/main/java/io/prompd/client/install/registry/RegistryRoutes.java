package io.prompd.client.install.registry;

import io.prompd.client.config.RegistryName;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** Which registry serves which package: scopes may be routed to registries of their own. */
@FunctionalInterface
public interface RegistryRoutes {

    RegistryEndpoint endpointFor(PackageName name);

    /**
     * The configured registry whose URL holds {@code url} (its origin, and its path below the registry's), with its
     * credentials: where a URL a lock recorded came from, when the package's name now routes elsewhere.
     */
    default Optional<RegistryEndpoint> holding(URI url) {
        return Optional.empty();
    }

    /**
     * The configured registry {@code url} is {@linkplain RegistryEndpoint#isOwnTarball one of the tarballs of} the
     * package of: the registry a lock entry with that URL came from, not merely one whose URL lies above it.
     */
    default Optional<RegistryEndpoint> gave(PackageName name, URI url) {
        // the configured registry holding a registry's tarball URL deepest is that registry, when it is configured
        return holding(url).filter(registry -> registry.isOwnTarball(name, url));
    }

    /**
     * Why no package has a registry (none is configured), as {@link #endpointFor} fails for each; empty when some
     * has.
     */
    default Optional<PrompdException> servingNone() {
        return Optional.empty();
    }

    /** The names of the configured registries, which a registry a hint suggests adding must not take. */
    default Set<RegistryName> names() {
        return Set.of();
    }

    /** Every package from one registry. */
    static RegistryRoutes single(RegistryEndpoint endpoint) {
        return name -> endpoint;
    }
}
