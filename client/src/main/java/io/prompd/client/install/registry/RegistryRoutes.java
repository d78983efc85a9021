package io.prompd.client.install.registry;

import io.prompd.core.name.PackageName;

/** Which registry serves which package: scopes may be routed to registries of their own. */
@FunctionalInterface
public interface RegistryRoutes {

    RegistryEndpoint endpointFor(PackageName name);

    /** Every package from one registry. */
    static RegistryRoutes single(RegistryEndpoint endpoint) {
        return name -> endpoint;
    }
}
