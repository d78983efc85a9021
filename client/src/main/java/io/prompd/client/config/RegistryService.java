package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Adds, removes and lists the configured registries and stores the credentials for them. */
public final class RegistryService {

    private final ConfigStore store;
    private final Optional<String> override;

    /** @param settings where the configuration lives and which registry {@code --registry} chose */
    public RegistryService(Settings settings) {
        this.store = ConfigStore.of(settings);
        this.override = settings.registry();
    }

    public ConfigStore store() {
        return store;
    }

    /**
     * Adds the registry, routes the scopes to it and makes it the default if asked. Adding a name
     * again with the same URL only adds the routes; with another URL it is a conflict, so a typo
     * never silently redirects where packages come from.
     */
    public void add(RegistryName name, RegistryUrl url, List<Scope> scopes, boolean makeDefault) throws IOException {
        Config config = store.read();
        RegistryUrl existing = config.registries().get(name);
        if (existing != null && !existing.equals(url)) {
            throw new PrompdException(ExitCode.CONFLICT, "registry '" + name + "' is already configured as " + existing,
                    "remove it first with 'prompd registry remove " + name + "', or choose another name");
        }
        Config changed = config.withRegistry(name, url);
        for (Scope scope : scopes) {
            changed = changed.withScope(scope, name);
        }
        if (makeDefault) {
            changed = changed.withDefaultRegistry(Optional.of(name));
        }
        store.write(changed);
    }

    /** Removes the registry, the scope routes and default naming it, and its credentials. */
    public Removal remove(RegistryName name) throws IOException {
        Config config = store.read();
        RegistryUrl url = config.registries().get(name);
        if (url == null) {
            throw new PrompdException(ExitCode.NOT_FOUND, "unknown registry '" + name + "'",
                    "'prompd registry list' shows the configured registries");
        }
        Config changed = config.withoutRegistry(name);
        store.write(changed);
        return new Removal(name, url,
                config.scopes().keySet().stream().filter(scope -> !changed.scopes().containsKey(scope)).toList(),
                config.defaultRegistry().isPresent() && changed.defaultRegistry().isEmpty(),
                config.credentials().containsKey(url) && !changed.credentials().containsKey(url));
    }

    /** The configured registries, sorted by name. */
    public List<RegistryEntry> list() throws IOException {
        Config config = store.read();
        return config.registries().entrySet().stream()
                .map(registry -> new RegistryEntry(registry.getKey(), registry.getValue(),
                        config.defaultRegistry().filter(ref -> ref.equals(registry.getKey()) || ref.equals(registry.getValue()))
                                .isPresent(),
                        config.scopesRoutedTo(registry.getKey()),
                        config.credentialsFor(registry.getValue()).map(Credentials::describe)))
                .toList();
    }

    /** Stores the credentials for the registry chosen by {@code --registry}, else the default; returns that registry. */
    public Registry login(Credentials credentials) throws IOException {
        Objects.requireNonNull(credentials, "credentials");
        Config config = store.read();
        Registry registry = loginTarget(config);
        store.write(config.withCredentials(registry.url(), credentials));
        return registry;
    }

    /**
     * The registry {@link #login} would store credentials for, to name it when asking for them.
     *
     * @throws PrompdException USAGE for a {@code file://} registry, which would never use them
     */
    public Registry loginTarget() throws IOException {
        return loginTarget(store.read());
    }

    private Registry loginTarget(Config config) {
        Registry registry = target(config);
        if (registry.url().isFolder()) {
            throw new PrompdException(ExitCode.USAGE, registry.describe() + " is a folder read from disk, and prompd"
                    + " sends credentials only over HTTP: nothing would ever use them", "log in to a registry served over"
                    + " https:// or http://; a folder's access is its file permissions");
        }
        return registry;
    }

    /** Forgets the credentials of the registry chosen by {@code --registry}, else the default. */
    public Logout logout() throws IOException {
        Config config = store.read();
        Registry registry = target(config);
        boolean had = config.credentials().containsKey(registry.url());
        if (had) {
            store.write(config.withoutCredentials(registry.url()));
        }
        return new Logout(registry, had);
    }

    private Registry target(Config config) {
        // Locating reads no environment variable: only resolving credentials does.
        return new RegistryChooser(config, override, Map.of()).locate();
    }

    /**
     * What removing a registry took with it.
     *
     * @param unroutedScopes     the scopes that were routed to it
     * @param wasDefault         whether it was the default registry
     * @param credentialsRemoved whether its credentials were forgotten
     */
    public record Removal(RegistryName name, RegistryUrl url, List<Scope> unroutedScopes, boolean wasDefault,
                          boolean credentialsRemoved) {
        public Removal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            unroutedScopes = List.copyOf(unroutedScopes);
        }
    }

    /**
     * A configured registry as {@code prompd registry list} shows it.
     *
     * @param credentials what kind of credentials are stored, never the secret
     */
    public record RegistryEntry(RegistryName name, RegistryUrl url, boolean isDefault, List<Scope> scopes,
                                Optional<String> credentials) {
        public RegistryEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** @param hadCredentials whether there were credentials to forget */
    public record Logout(Registry registry, boolean hadCredentials) {
        public Logout {
            Objects.requireNonNull(registry, "registry");
        }
    }
}
