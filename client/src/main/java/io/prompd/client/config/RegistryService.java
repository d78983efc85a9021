package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
    public Addition add(RegistryName name, RegistryUrl url, List<Scope> scopes, boolean makeDefault) throws IOException {
        ConfigStore.Change change = store.update(config -> {
            RegistryUrl existing = config.registries().get(name);
            if (existing != null && !existing.equals(url)) {
                throw new PrompdException(ExitCode.CONFLICT, "registry '" + name + "' is already configured as " + existing,
                        "to move it, run 'prompd config set " + ConfigFields.REGISTRIES + "." + name + " " + url
                                + "', which keeps its default and scopes; or choose another name");
            }
            Config changed = config.withRegistry(name, url);
            for (Scope scope : scopes) {
                changed = changed.withScope(scope, name);
            }
            return makeDefault ? changed.withDefaultRegistry(Optional.of(name)) : changed;
        });
        Map<Scope, RegistryRef> movedScopes = new TreeMap<>();
        scopes.forEach(scope -> Optional.ofNullable(change.before().scopes().get(scope))
                .filter(previous -> !previous.equals(name)).ifPresent(previous -> movedScopes.put(scope, previous)));
        return new Addition(change.before().registries().containsKey(name), movedScopes);
    }

    /** Removes the registry, the scope routes and default naming it, and its credentials. */
    public Removal remove(RegistryName name) throws IOException {
        ConfigStore.Change change = store.update(config -> {
            if (!config.registries().containsKey(name)) {
                throw new PrompdException(ExitCode.NOT_FOUND, "unknown registry '" + name + "'",
                        "'prompd registry list' shows the configured registries");
            }
            return config.withoutRegistry(name);
        });
        Config config = change.before();
        Config changed = change.after();
        RegistryUrl url = config.registries().get(name);
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
        ConfigStore.Change change = store.update(config ->
                config.withCredentials(loginTarget(config).url(), credentials));
        return loginTarget(change.before());
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
        ConfigStore.Change change = store.update(config -> config.withoutCredentials(target(config).url()));
        Registry registry = target(change.before());
        return new Logout(registry, change.before().credentials().containsKey(registry.url()));
    }

    private Registry target(Config config) {
        // Locating reads no environment variable: only resolving credentials does.
        return new RegistryChooser(config, override, Map.of()).locate();
    }

    /**
     * What adding a registry changed besides it.
     *
     * @param wasConfigured whether the name was configured already, with that URL
     * @param movedScopes   the scopes that came from another registry before, with that registry
     */
    public record Addition(boolean wasConfigured, Map<Scope, RegistryRef> movedScopes) {
        public Addition {
            movedScopes = SortedCopies.map(movedScopes);
        }
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
