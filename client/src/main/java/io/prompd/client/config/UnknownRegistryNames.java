package io.prompd.client.config;

import io.prompd.core.SortedCopies;
import java.util.Map;
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
     * The file's keys with the values shown for them, those naming registries not configured included, sorted by key:
     * what the file held before a change, as {@link ConfigKey#entries} gives it for a good file.
     */
    SortedMap<String, String> entries() {
        SortedMap<String, String> entries = ConfigKey.entries(without);
        defaultRegistry.ifPresent(ref -> entries.put(new ConfigKey.DefaultRegistry().toString(), ref.toString()));
        scopes.forEach((scope, ref) -> entries.put(new ConfigKey.ScopeRoute(scope).toString(), ref.toString()));
        return entries;
    }

    /**
     * The file's references less those that unsetting the key takes along, as {@link ConfigKey#unset} does in a good
     * file: unsetting a key is a change that replaces a reference without naming another in its place.
     */
    UnknownRegistryNames unsetting(ConfigKey key) {
        Optional<RegistryRef> keptDefault = defaultRegistry;
        SortedMap<Scope, RegistryRef> keptScopes = new TreeMap<>(scopes);
        if (key instanceof ConfigKey.DefaultRegistry) {
            keptDefault = without.defaultRegistry();
        } else if (key instanceof ConfigKey.ScopeRoute route) {
            keptScopes.remove(route.scope());
        } else if (key instanceof ConfigKey.NamedRegistry named) {
            keptDefault = defaultRegistry.filter(ref -> !ref.equals(named.name())).or(without::defaultRegistry);
            keptScopes.values().removeIf(named.name()::equals);
        }
        return new UnknownRegistryNames(without, keptDefault, keptScopes);
    }

    /**
     * The file a change of {@link #without} leaves: every reference of this file that the change did not replace comes
     * back, those still naming no registry included, which keep the file from being used until changes replace them.
     */
    UnknownRegistryNames repaired(Config changed) {
        Optional<RegistryRef> keptDefault = changed.defaultRegistry().equals(without.defaultRegistry())
                ? defaultRegistry : changed.defaultRegistry();
        SortedMap<Scope, RegistryRef> routes = new TreeMap<>(changed.scopes());
        scopes.forEach((scope, ref) -> {
            if (!without.scopes().containsKey(scope)) {
                routes.putIfAbsent(scope, ref);
            }
        });
        return of(keptDefault, changed.registries(), routes, changed.credentials(), changed.http());
    }

    /**
     * The file with these fields, whose default and scope routes may name registries it does not configure: the
     * configuration it holds is the one without those references.
     */
    static UnknownRegistryNames of(Optional<RegistryRef> defaultRegistry,
                                   SortedMap<RegistryName, RegistryUrl> registries,
                                   SortedMap<Scope, RegistryRef> scopes,
                                   SortedMap<RegistryUrl, Credentials> credentials, HttpLimits http) {
        SortedMap<Scope, RegistryRef> configuredRoutes = new TreeMap<>(scopes);
        configuredRoutes.values().removeIf(ref -> !names(ref, registries));
        return new UnknownRegistryNames(new Config(defaultRegistry.filter(ref -> names(ref, registries)), registries,
                configuredRoutes, credentials, http), defaultRegistry, scopes);
    }

    /** How many references name a registry not configured: a change that leaves as many has mended nothing. */
    int unknownCount() {
        return (int) (defaultRegistry.stream().filter(ref -> !names(ref, without.registries())).count()
                + scopes.values().stream().filter(ref -> !names(ref, without.registries())).count());
    }

    /** The configuration as the file holds it, its references to registries not configured included. */
    byte[] json() {
        return ConfigJson.write(new Config(Optional.empty(), without.registries(), new TreeMap<>(),
                without.credentials(), without.http()), defaultRegistry, scopes);
    }

    /** Whether the reference is a URL or the name of one of the registries. */
    private static boolean names(RegistryRef ref, Map<RegistryName, RegistryUrl> registries) {
        return !(ref instanceof RegistryName name) || registries.containsKey(name);
    }
}
