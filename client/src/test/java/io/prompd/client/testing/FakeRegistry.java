package io.prompd.client.testing;

import io.prompd.client.http.HttpSettings;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.RouteChange;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A registry a test makes up: one registry with no routes, no cache and no limit of its own, where
 * {@link io.prompd.client.install.registry.HttpPackageRegistry} works these out from its routes and fetcher. Its
 * packages, documents and tarballs are the test's to give.
 */
public abstract class FakeRegistry implements PackageRegistry {

    /** No route to change: every URL a lock recorded is taken as the registry's own. */
    @Override
    public Optional<RouteChange> routeChange(PackageName name, LockedPackage locked, boolean indexed) {
        return Optional.empty();
    }

    /** It fetches nothing over a network, so it reads the same offline. */
    @Override
    public PackageRegistry cacheOnly() {
        return this;
    }

    @Override
    public int maxConcurrent() {
        return HttpSettings.defaults().maxConcurrent();
    }

    /** It serves every name. */
    @Override
    public Optional<PrompdException> servingNone() {
        return Optional.empty();
    }

    @Override
    public String describe(PackageName name) {
        return "the registry";
    }

    @Override
    public Optional<String> scopeRouting(PackageName name) {
        return Optional.empty();
    }

    @Override
    public boolean isAtHand(PackageName name) {
        return false;
    }

    /** It keeps no cache, so no run leaves anything in one. */
    @Override
    public List<Path> removeLeftovers() {
        return List.of();
    }
}
