package io.prompd.client.install.registry;

import io.prompd.core.name.PackageName;
import java.net.URI;
import java.util.Optional;

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

    /** Every package from one registry. */
    static RegistryRoutes single(RegistryEndpoint endpoint) {
        return name -> endpoint;
    }
}
