package io.prompd.client.config;

import io.prompd.core.SortedCopies;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A configuration file whose only problem is that its default or scope routes name registries it does not
 * configure: a change adding those registries, or naming others in their place, makes it good, so the commands
 * that the file's problems advise ({@code registry add}, {@code config set}) can run on it.
 *
 * @param without         the configuration the file holds, less the references to registries not configured
 * @param defaultRegistry the default as the file gives it
 * @param scopes          the scope routes as the file gives them
 */
record UnknownRegistryNames(Config without, Optional<RegistryRef> defaultRegistry,
                            SortedMap<Scope, RegistryRef> scopes) {

    UnknownRegistryNames {
        Objects.requireNonNull(without, "without");
        Objects.requireNonNull(defaultRegistry, "defaultRegistry");
        scopes = SortedCopies.map(Objects.requireNonNull(scopes, "scopes"));
    }

    /**
     * The configuration a change of {@link #without} leaves, with back every reference of the file that the change
     * did not replace: one still naming no registry keeps it from being used.
     *
     * @throws IllegalArgumentException when the change leaves a reference to a registry not configured
     */
    Config repaired(Config changed) {
        Optional<RegistryRef> keptDefault = changed.defaultRegistry().equals(without.defaultRegistry())
                ? defaultRegistry : changed.defaultRegistry();
        SortedMap<Scope, RegistryRef> routes = new TreeMap<>(changed.scopes());
        scopes.forEach((scope, ref) -> {
            if (!without.scopes().containsKey(scope)) {
                routes.putIfAbsent(scope, ref);
            }
        });
        return new Config(keptDefault, changed.registries(), routes, changed.credentials());
    }
}
