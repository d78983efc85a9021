package io.prompd.client.config;

import io.prompd.core.SortedCopies;
import io.prompd.core.config.ConfigFields;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The user's configuration, as kept in {@code config.json} of the prompd home.
 *
 * @param defaultRegistry the registry used when neither an option nor a scope route says otherwise
 * @param registries      registries by the names the user gave them
 * @param scopes          which registry serves the packages of a scope, as npm's {@code @myorg:registry}
 * @param credentials     credentials by registry URL, so they are found whether the registry is
 *                        named or given by URL
 * @param http            how long a request to a registry waits and how often it is tried, where the user chose it
 */
public record Config(Optional<RegistryRef> defaultRegistry, SortedMap<RegistryName, RegistryUrl> registries,
                     SortedMap<Scope, RegistryRef> scopes, SortedMap<RegistryUrl, Credentials> credentials,
                     HttpLimits http) {

    public static final Config EMPTY = new Config(Optional.empty(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            HttpLimits.NONE);

    public Config {
        Objects.requireNonNull(defaultRegistry, "defaultRegistry");
        registries = SortedCopies.map(Objects.requireNonNull(registries, "registries"));
        scopes = SortedCopies.map(Objects.requireNonNull(scopes, "scopes"));
        credentials = SortedCopies.map(Objects.requireNonNull(credentials, "credentials"));
        Objects.requireNonNull(http, "http");
        List<String> unknown = unknownNames(defaultRegistry, registries.keySet(), scopes).values().stream()
                .map(UnknownName::message).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unknown));
        }
    }

    /**
     * Every reference to a registry name that is not configured, by the JSON pointer of the field
     * holding it, so the file reader can report each where it is.
     */
    static SortedMap<String, UnknownName> unknownNames(Optional<RegistryRef> defaultRegistry,
                                                       Set<RegistryName> configured, Map<Scope, RegistryRef> scopes) {
        SortedMap<String, UnknownName> unknown = new TreeMap<>();
        defaultRegistry.ifPresent(ref -> {
            if (ref instanceof RegistryName name && !configured.contains(name)) {
                unknown.put("/" + ConfigFields.DEFAULT_REGISTRY, new UnknownName(name, new ConfigKey.DefaultRegistry(),
                        "the default registry '" + name
                        + "' is not configured"));
            }
        });
        scopes.forEach((scope, ref) -> {
            if (ref instanceof RegistryName name && !configured.contains(name)) {
                unknown.put("/" + ConfigFields.SCOPES + "/" + scope,
                        new UnknownName(name, new ConfigKey.ScopeRoute(scope),
                        "scope " + scope + " is routed to registry '" + name + "', which is not configured"));
            }
        });
        return unknown;
    }

    /** A registry name referred to but not configured, the key holding the reference, and what to say of it. */
    record UnknownName(RegistryName name, ConfigKey key, String message) {
    }

    /** The URL a reference stands for; empty for a name that is not configured. */
    public Optional<RegistryUrl> urlOf(RegistryRef ref) {
        return ref instanceof RegistryName name ? Optional.ofNullable(registries.get(name))
                : Optional.of((RegistryUrl) ref);
    }

    /**
     * The configured registry whose URL {@linkplain RegistryUrl#holds holds} {@code url}, the deepest when several do:
     * where a URL recorded for a package came from.
     */
    public Optional<Map.Entry<RegistryName, RegistryUrl>> holding(URI url) {
        return registries.entrySet().stream()
                .filter(entry -> entry.getValue().holds(url))
                .max(Comparator.comparingInt(entry -> entry.getValue().uri().getPath().length()));
    }

    public Optional<Credentials> credentialsFor(RegistryUrl url) {
        return Optional.ofNullable(credentials.get(url));
    }

    /** The scopes routed to the named registry, whether by its name or by its URL. */
    public List<Scope> scopesRoutedTo(RegistryName name) {
        RegistryUrl url = registries.get(name);
        return scopes.entrySet().stream()
                .filter(route -> route.getValue().equals(name) || route.getValue().equals(url))
                .map(Map.Entry::getKey)
                .toList();
    }

    public Config withDefaultRegistry(Optional<RegistryRef> registry) {
        return new Config(registry, registries, scopes, credentials, http);
    }

    public Config withRegistry(RegistryName name, RegistryUrl url) {
        return new Config(defaultRegistry, put(registries, name, url), scopes, credentials, http);
    }

    /**
     * Without the named registry nor what only made sense with it: scope routes and the default
     * naming it, and its credentials unless another configured name shares its URL.
     */
    public Config withoutRegistry(RegistryName name) {
        RegistryUrl url = registries.get(name);
        SortedMap<RegistryName, RegistryUrl> remaining = remove(registries, name);
        SortedMap<Scope, RegistryRef> routes = new TreeMap<>(scopes);
        routes.values().removeIf(name::equals);
        Optional<RegistryRef> remainingDefault = defaultRegistry.filter(ref -> !ref.equals(name));
        // another name, a scope or the default may still reach the same URL, and send these credentials there
        boolean urlStillUsed = remaining.containsValue(url) || routes.containsValue(url)
                || remainingDefault.filter(ref -> ref.equals(url)).isPresent();
        return new Config(remainingDefault, remaining, routes,
                url == null || urlStillUsed ? credentials : remove(credentials, url), http);
    }

    public Config withScope(Scope scope, RegistryRef registry) {
        return new Config(defaultRegistry, registries, put(scopes, scope, registry), credentials, http);
    }

    public Config withoutScope(Scope scope) {
        return new Config(defaultRegistry, registries, remove(scopes, scope), credentials, http);
    }

    public Config withCredentials(RegistryUrl url, Credentials registryCredentials) {
        return new Config(defaultRegistry, registries, scopes, put(credentials, url, registryCredentials), http);
    }

    public Config withoutCredentials(RegistryUrl url) {
        return new Config(defaultRegistry, registries, scopes, remove(credentials, url), http);
    }

    public Config withHttp(HttpLimits limits) {
        return new Config(defaultRegistry, registries, scopes, credentials, limits);
    }

    private static <K, V> SortedMap<K, V> put(SortedMap<K, V> map, K key, V value) {
        return changed(map, copy -> copy.put(key, value));
    }

    private static <K, V> SortedMap<K, V> remove(SortedMap<K, V> map, K key) {
        return changed(map, copy -> copy.remove(key));
    }

    private static <K, V> SortedMap<K, V> changed(SortedMap<K, V> map, Consumer<SortedMap<K, V>> change) {
        SortedMap<K, V> copy = new TreeMap<>(map);
        change.accept(copy);
        return copy;
    }
}
