/**
 * Registries as installing sees them: {@link io.prompd.client.install.registry.PackageRegistry} (the
 * documents and tarballs of the static protocol, read through {@code client.http}), the routes that
 * send each package to its registry, and {@link io.prompd.client.install.registry.RegistryIndex},
 * the resolver's sparse, memoised and prefetching view of packuments.
 */
package io.prompd.client.install.registry;
