package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which registry serves a package, as npm does: the registry its scope is routed to, else
 * the registry chosen for this run ({@code --registry} or {@code PROMPD_REGISTRY}), else the
 * configured default. The run's registry replaces only the default, so a company's scope never
 * goes to a public mirror given for the rest. There is no built-in default registry: with none
 * configured, the user is told how to configure one rather than sent somewhere silently.
 */
public final class RegistryChooser {

    private final Config config;
    private final Optional<RegistryRef> override;
    private final Map<String, String> environment;
    private final SuggestedCommands commands;

    /**
     * @param override    a registry URL or configured name that overrides the configuration
     * @param environment where credentials kept in environment variables are looked up
     * @param commands    how the hints spell the prompd commands they suggest
     * @throws PrompdException when the override is malformed or names a registry not configured, whatever package
     *                         is asked for later: a typo must not pass unnoticed until a package is not routed
     */
    public RegistryChooser(Config config, Optional<String> override, Map<String, String> environment,
                           SuggestedCommands commands) {
        this.config = Objects.requireNonNull(config, "config");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.override = overrideOf(config, override, commands);
        this.environment = Map.copyOf(environment);
    }

    /** The chooser of this run: the configuration of the settings' home and the settings' registry override. */
    public static RegistryChooser load(Settings settings, Map<String, String> environment) throws IOException {
        return new RegistryChooser(ConfigStore.of(settings).read(), settings.registry(), environment,
                settings.commands());
    }

    /** The registry to fetch the package from, with its credentials. */
    public Registry choose(PackageName packageName) {
        RegistryRef ref = route(packageName).map(scope -> config.scopes().get(scope))
                .or(() -> override)
                .or(config::defaultRegistry)
                .orElseThrow(this::noneConfigured);
        return withCredentials(located(ref));
    }

    /**
     * Why {@link #choose(PackageName)} fails for every package, in its words: no registry chosen for the run, no
     * default and no scope routed; empty when some package has a registry.
     */
    public Optional<PrompdException> servingNone() {
        return override.isEmpty() && config.defaultRegistry().isEmpty() && config.scopes().isEmpty()
                ? Optional.of(noneConfigured()) : Optional.empty();
    }

    /**
     * The package's scope when the configuration routes it to a registry, which {@code --registry}
     * then does not change; empty when the package goes to the run's registry or the default.
     */
    public Optional<Scope> route(PackageName packageName) {
        return Scope.of(packageName).filter(config.scopes()::containsKey);
    }

    /**
     * The registry {@link Config#holding} gives, with its credentials.
     */
    public Optional<Registry> holding(URI url) {
        return config.holding(url).map(entry -> withCredentials(new Registry(entry.getValue(),
                Optional.of(entry.getKey()), Optional.empty(), Optional.empty())));
    }

    /** The names of the configured registries, which a registry a hint suggests adding must not take. */
    public Set<RegistryName> names() {
        return config.registries().keySet();
    }

    /** The registry of work not about one package (login, search once there is one): the override, else the default. */
    public Registry choose() {
        return withCredentials(locate());
    }

    /**
     * The registry {@link #choose()} picks, without credentials: for the commands that change
     * them, which must work even when the current ones cannot be resolved.
     */
    public Registry locate() {
        return located(override.or(config::defaultRegistry).orElseThrow(this::noneConfigured));
    }

    /**
     * The registry {@code --registry} or its variable gives, checked against the configuration.
     *
     * @throws PrompdException when it is malformed, or names a registry the configuration does not
     */
    public static Optional<RegistryRef> overrideOf(Config config, Optional<String> override,
                                                   SuggestedCommands commands) {
        return override.map(text -> {
            RegistryRef ref;
            try {
                ref = RegistryRef.parse(text);
            } catch (IllegalArgumentException invalid) {
                throw new PrompdException(ExitCode.USAGE, invalid.getMessage() + fromOverride(commands),
                        "give a URL such as https://registry.example.com/ or file:///srv/registry/, or the name of a"
                                + " configured registry");
            }
            if (ref instanceof RegistryName name && !config.registries().containsKey(name)) {
                throw unknown(config, name, commands);
            }
            return ref;
        });
    }

    private Registry located(RegistryRef ref) {
        // a configuration names only registries it configures, and overrideOf lets no other name through
        RegistryUrl url = config.urlOf(ref).orElseThrow();
        Optional<RegistryName> name = ref instanceof RegistryName registryName
                ? Optional.of(registryName) : Optional.empty();
        return new Registry(url, name, Optional.empty(), Optional.empty());
    }

    /** Which of the option or its variable gave the refused registry, as the user is to correct that one. */
    private static String fromOverride(SuggestedCommands commands) {
        return " (from " + Settings.registrySource(commands) + ")";
    }

    private static UnknownRegistry unknown(Config config, RegistryName name, SuggestedCommands commands) {
        String configured = config.registries().keySet().stream().map(RegistryName::toString)
                .collect(Collectors.joining(", "));
        return new UnknownRegistry(name.toString(), "unknown registry '" + name + "'" + fromOverride(commands),
                (configured.isEmpty() ? "no registry is configured" : "the configured registries are " + configured)
                        + "; add one with " + commands.quoted("registry add " + name + " URL") + ", or pass its URL");
    }

    /**
     * Not found, as a --registry naming no configured registry is: the registry to use does not exist, which is no
     * mistake on the command line, and the first thing a fresh project's install meets.
     */
    private NoRegistryChosen noneConfigured() {
        return new NoRegistryChosen(config.registries().isEmpty() ? "no registry configured"
                : "no default registry: the configured ones are " + config.registries().keySet().stream()
                        .map(RegistryName::toString).collect(Collectors.joining(", ")),
                howToSetADefault(config.registries().keySet(), commands) + ", or "
                        + NoRegistryChosen.RUN_REGISTRY_ADVICE, config);
    }

    /**
     * How to make a registry the default, given the registries configured (named in their order): 'registry default'
     * takes only one of them, so its command names one to be run as it is, while 'registry add --default' takes a new
     * one or one of them again.
     */
    public static String howToSetADefault(Set<RegistryName> configured, SuggestedCommands commands) {
        String add = "add one with " + commands.quoted("registry add NAME URL --default");
        if (configured.isEmpty()) {
            return add;
        }
        List<String> names = configured.stream().map(RegistryName::toString).toList();
        String set = commands.quoted("registry default " + names.get(0));
        return (names.size() == 1 ? "make " + names.get(0) + " the default with " + set
                : "make one of " + Plural.series(names, "and") + " the default, as in " + set) + ", or " + add;
    }

    private Registry withCredentials(Registry registry) {
        Optional<Credentials> stored = config.credentialsFor(registry.url());
        if (stored.isEmpty()) {
            return registry;
        }
        Optional<Credentials.FromEnvironment> fromEnvironment = stored.get() instanceof Credentials.FromEnvironment in
                ? Optional.of(in) : Optional.empty();
        Optional<String> user = fromEnvironment.flatMap(Credentials.FromEnvironment::username);
        try {
            Credentials.Resolved resolved = stored.get().resolve(environment).orElseThrow(() -> new PrompdException(
                    ExitCode.USAGE, "registry " + registry.describe() + " takes its " + stored.get().describe()
                            + ", which is unset or blank",
                    "set the variable, or run " + commands.quoted("login --registry " + registry.loginArgument()
                            + user.map(name -> " --username " + ShellWords.quote(name)).orElse(""))
                            + (user.isPresent() ? " to store the password" : " to store a token") + " instead"));
            return new Registry(registry.url(), registry.name(), Optional.of(resolved),
                    fromEnvironment.map(Credentials.FromEnvironment::variable));
        } catch (IllegalArgumentException unusable) {
            throw new PrompdException(ExitCode.USAGE, "registry " + registry.describe() + " takes its "
                    + stored.get().describe() + ", which cannot be used: " + unusable.getMessage(),
                    "set the variable to the " + (user.isPresent() ? "password" : "token") + " alone");
        }
    }
}
