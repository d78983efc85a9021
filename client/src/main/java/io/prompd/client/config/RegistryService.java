package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.config.ConfigFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Adds, removes and lists the configured registries and stores the credentials for them. Each change is told
 * {@code onWait}, as {@link ConfigStore#update} is, should another run be changing the configuration.
 */
public final class RegistryService {

    private final ConfigStore store;
    private final Optional<String> override;
    private final SuggestedCommands commands;

    /**
     * @param settings where the configuration lives, which registry {@code --registry} chose, and how hints spell the
     *                 commands they suggest
     */
    public RegistryService(Settings settings) {
        this.store = ConfigStore.of(settings);
        this.override = settings.registry();
        this.commands = settings.commands();
    }

    public ConfigStore store() {
        return store;
    }

    /**
     * Adds the registry, routes the scopes to it and makes it the default if asked. Adding a name
     * again with the same URL only adds the routes; with another URL it is a conflict, so a typo
     * never silently redirects where packages come from.
     */
    public Addition add(RegistryName name, RegistryUrl url, List<Scope> scopes, boolean makeDefault,
                        Consumer<Path> onWait) throws IOException {
        ConfigStore.Change change = store.update(config -> {
            RegistryUrl existing = config.registries().get(name);
            if (existing != null && !existing.equals(url)) {
                throw new PrompdException(ExitCode.CONFLICT, "registry '" + name + "' is already configured as "
                        + existing,
                        "to move it, run " + commands.quoted("config set " + ConfigFields.REGISTRIES + "." + name
                                + " " + ShellWords.quote(url.toString())) + ", which keeps its default and scopes;"
                                + " or choose another name");
            }
            Config changed = config.withRegistry(name, url);
            for (Scope scope : scopes) {
                changed = changed.withScope(scope, name);
            }
            return makeDefault ? changed.withDefaultRegistry(Optional.of(name)) : changed;
        }, onWait);
        Map<Scope, RegistryRef> movedScopes = new TreeMap<>();
        scopes.forEach(scope -> Optional.ofNullable(change.before().scopes().get(scope))
                .filter(previous -> !previous.equals(name)).ifPresent(previous -> movedScopes.put(scope, previous)));
        return new Addition(change.before().registries().containsKey(name), movedScopes);
    }

    /**
     * Removes the registry, the scope routes and default naming it, and its credentials.
     *
     * @param given its name; a URL or a folder's path is a usage error whose hint names the registries configured
     *              with it, or else the keys of the configuration that use the URL itself
     */
    public Removal remove(GivenRegistry given, Consumer<Path> onWait) throws IOException {
        RegistryName name = named("remove", given, (config, registry) -> {
            List<String> unsets = new ArrayList<>();
            if (config.defaultRegistry().filter(registry::equals).isPresent()) {
                unsets.add(new ConfigKey.DefaultRegistry().toString());
            }
            config.scopes().forEach((scope, routed) -> {
                if (routed.equals(registry)) {
                    unsets.add(new ConfigKey.ScopeRoute(scope).toString());
                }
            });
            return unsets.isEmpty() ? commands.quoted("registry list") + " shows the configured registries"
                    : "it is the value of " + Plural.series(unsets, "and") + ", which "
                            + Plural.series(unsets.stream().map(key -> commands.quoted("config unset " + key)).toList(),
                                    "and") + " remove" + (unsets.size() == 1 ? "s" : "");
        });
        ConfigStore.Change change = store.update(config -> configured(config, name).withoutRegistry(name), onWait);
        Config config = change.before();
        Config changed = change.after();
        RegistryUrl url = config.registries().get(name);
        return new Removal(name, url,
                config.scopes().keySet().stream().filter(scope -> !changed.scopes().containsKey(scope)).toList(),
                config.defaultRegistry().isPresent() && changed.defaultRegistry().isEmpty(),
                changed.defaultRegistry().isPresent(),
                config.credentials().containsKey(url) && !changed.credentials().containsKey(url),
                changed.registries().keySet());
    }

    /**
     * Makes the configured registry the default, as {@link #add} does when asked.
     *
     * @param given its name; a URL or a folder's path is a usage error whose hint names the registries configured
     *              with it, or else the command that makes the URL itself the default, which {@code config set
     *              registry} takes
     * @return the default before, which may have been this registry already
     */
    public Optional<RegistryRef> makeDefault(GivenRegistry given, Consumer<Path> onWait) throws IOException {
        RegistryName name = named("default", given, (config, registry) -> {
            String url = ShellWords.quote(registry.toString());
            String addNamed = commands.quoted("registry add NAME " + url + " --default");
            // 'config set registry' with the URL it holds already would change nothing
            return config.defaultRegistry().filter(registry::equals).isPresent()
                    ? "it is the default already, as the value of " + new ConfigKey.DefaultRegistry() + "; to name it, "
                            + addNamed
                    : "make the URL itself the default with " + commands.quoted("config set registry " + url)
                            + ", or name it with " + addNamed;
        });
        return store.update(config -> configured(config, name).withDefaultRegistry(Optional.of(name)), onWait)
                .before().defaultRegistry();
    }

    /**
     * The registry a {@code registry} subcommand taking a configured registry's name was given.
     *
     * @param subcommand  as in {@code registry default}
     * @param unnamedHint for a URL no registry is configured with, what to do instead, by the configuration and the URL
     * @throws PrompdException (usage) for a URL or a folder's path, naming the registries configured with it; and for
     *                         a name no registry has, which is a folder of the working folder that the configuration
     *                         uses, as its path would be
     */
    private RegistryName named(String subcommand, GivenRegistry given,
                               BiFunction<Config, RegistryRef, String> unnamedHint) throws IOException {
        RegistryRef registry = given.registry();
        if (registry instanceof RegistryName name) {
            Optional<GivenRegistry> folder = given.asFolder();
            return folder.isPresent() && isFolderInUse(name, folder.get().registry())
                    ? named(subcommand, folder.get(), unnamedHint) : name;
        }
        Config config = store.read();
        List<String> names = config.registries().entrySet().stream()
                .filter(named -> named.getValue().equals(registry))
                .map(named -> named.getKey().toString()).toList();
        Optional<String> folder = given.folder().map(TerminalText::oneLine);
        String configured = folder.map(path -> path + " is the folder of " + (names.size() == 1 ? "registry "
                : "registries ")).orElse(registry + " is the URL of ");
        String unnamed = folder.map(path -> path + " is the folder whose URL is " + registry + "; no registry is"
                + " configured with that URL").orElse("no registry is configured with " + registry);
        throw new PrompdException(ExitCode.USAGE, "'registry " + subcommand + "' takes the name of a configured"
                + " registry, not " + (folder.isPresent() ? "a folder" : "a URL"), names.isEmpty()
                ? unnamed + ": " + unnamedHint.apply(config, registry)
                : configured + Plural.series(names, "and") + ": run "
                        + commands.quoted("registry " + subcommand + " " + names.get(0)));
    }

    /**
     * Whether no registry has the name, but the configuration uses the folder's URL: as a registry's, or itself, as the
     * default or a scope's registry ({@code config set registry file://…}). The name keeps its meaning where both a
     * registry and a folder have it, and a name of neither is an unknown registry, as any other.
     */
    private boolean isFolderInUse(RegistryName name, RegistryRef folder) throws IOException {
        Config config = store.read();
        return !config.registries().containsKey(name) && (config.registries().containsValue(folder)
                || config.defaultRegistry().filter(folder::equals).isPresent()
                || config.scopes().containsValue(folder));
    }

    /** @throws PrompdException NOT_FOUND when the configuration has no registry of that name */
    private Config configured(Config config, RegistryName name) {
        if (!config.registries().containsKey(name)) {
            throw new UnknownRegistry(name.toString(), "unknown registry '" + name + "'",
                    commands.quoted("registry list") + " shows the configured registries");
        }
        return config;
    }

    /**
     * The configured registries, sorted by name, then the URLs that the default, a scope or this run's
     * {@code --registry} names without a registry name ({@code config set registry URL}), sorted, so that nothing the
     * run routes to is left out.
     *
     * @throws io.prompd.core.PrompdException when {@code --registry} names a registry not configured
     */
    public List<RegistryEntry> list() throws IOException {
        Config config = store.read();
        // the list is read to see what a run uses: a --registry that names no registry configured must not pass
        Optional<RegistryRef> chosen = RegistryChooser.overrideOf(config, override, commands);
        // the registry an install of a package no scope route names fetches from, as RegistryChooser chooses it
        Optional<RegistryRef> inUse = chosen.or(config::defaultRegistry);
        List<RegistryEntry> entries = new ArrayList<>();
        config.registries().forEach((name, url) -> entries.add(new RegistryEntry(Optional.of(name), url,
                config.defaultRegistry().filter(ref -> ref.equals(name) || ref.equals(url)).isPresent(),
                inUse.filter(ref -> ref.equals(name) || ref.equals(url)).isPresent(),
                config.scopesRoutedTo(name), config.credentialsFor(url).map(Credentials::shown))));
        SortedSet<RegistryUrl> unnamed = new TreeSet<>(Comparator.comparing(RegistryUrl::toString));
        config.defaultRegistry().ifPresent(ref -> addUnnamed(ref, config, unnamed));
        config.scopes().values().forEach(ref -> addUnnamed(ref, config, unnamed));
        chosen.ifPresent(ref -> addUnnamed(ref, config, unnamed));
        unnamed.forEach(url -> entries.add(new RegistryEntry(Optional.empty(), url,
                config.defaultRegistry().filter(url::equals).isPresent(), inUse.filter(url::equals).isPresent(),
                config.scopes().entrySet().stream().filter(route -> route.getValue().equals(url)).map(Map.Entry::getKey)
                        .toList(),
                config.credentialsFor(url).map(Credentials::shown))));
        return List.copyOf(entries);
    }

    private static void addUnnamed(RegistryRef ref, Config config, Set<RegistryUrl> unnamed) {
        if (ref instanceof RegistryUrl url && !config.registries().containsValue(url)) {
            unnamed.add(url);
        }
    }

    /**
     * Stores the credentials for the registry chosen by {@code --registry}, else the default; returns that registry.
     */
    public Registry login(Credentials credentials, Consumer<Path> onWait) throws IOException {
        Objects.requireNonNull(credentials, "credentials");
        ConfigStore.Change change = store.updateCredentials(config -> loginTarget(config).url(), config ->
                config.withCredentials(loginTarget(config).url(), credentials), onWait);
        return loginTarget(change.before());
    }

    /**
     * The registry {@link #login} would store credentials for, to name it when asking for them.
     *
     * @throws PrompdException USAGE for a {@code file://} registry, which would never use them
     */
    public Registry loginTarget() throws IOException {
        return loginTarget(store.readForCredentials());
    }

    private Registry loginTarget(Config config) {
        Registry registry = target(config);
        if (registry.url().isFolder()) {
            throw noCredentialsForFolder(registry.describe());
        }
        return registry;
    }

    /** Credentials given for a folder read from disk, {@code described} as the user named it. */
    static PrompdException noCredentialsForFolder(String described) {
        return new PrompdException(ExitCode.USAGE, described + " is a folder read from disk, and prompd sends"
                + " credentials only over HTTP: nothing would ever use them", "log in to a registry served over"
                + " https:// or http://; a folder's access is its file permissions");
    }

    /** Forgets the credentials of the registry chosen by {@code --registry}, else the default. */
    public Logout logout(Consumer<Path> onWait) throws IOException {
        ConfigStore.Change change = store.updateCredentials(config -> target(config).url(),
                config -> config.withoutCredentials(target(config).url()), onWait);
        Registry registry = target(change.before());
        return new Logout(registry, change.replacedUnusable()
                || change.before().credentials().containsKey(registry.url()));
    }

    private Registry target(Config config) {
        // Locating reads no environment variable: only resolving credentials does.
        return new RegistryChooser(config, override, Map.of(), commands).locate();
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
     * @param defaultRemains     whether a default registry is configured without it, to serve the unrouted scopes
     * @param credentialsRemoved whether its credentials were forgotten
     * @param remaining          the registries still configured, in name order, one of which may become the default
     */
    public record Removal(RegistryName name, RegistryUrl url, List<Scope> unroutedScopes, boolean wasDefault,
                          boolean defaultRemains, boolean credentialsRemoved, Set<RegistryName> remaining) {
        public Removal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            unroutedScopes = List.copyOf(unroutedScopes);
            remaining = SortedCopies.set(remaining);
        }
    }

    /**
     * A configured registry as {@code prompd registry list} shows it.
     *
     * @param name        empty for a URL that the default, a scope or the run's {@code --registry} names directly
     * @param isDefault   whether the configuration makes it the default
     * @param inUse       whether the run fetches the packages no scope route names from it: the registry
     *                    {@code --registry} or {@code PROMPD_REGISTRY} chooses, else the default
     * @param credentials what kind of credentials are stored, never the secret
     */
    public record RegistryEntry(Optional<RegistryName> name, RegistryUrl url, boolean isDefault, boolean inUse,
                                List<Scope> scopes, Optional<Credentials.Shown> credentials) {
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
