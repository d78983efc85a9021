package io.prompd.client.install;

import io.prompd.client.config.Config;
import io.prompd.client.config.NoRegistryChosen;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Scope;
import io.prompd.client.install.lock.LockFile;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registries a lock installs from, each by the root its {@code resolved} URLs name: what a fresh clone's first
 * install, in a home with no registry configured, is told to configure. Installing from these URLs without that
 * configuration is not done: a registry is the user's choice, as npm's is.
 */
final class LockRegistries {

    /** The lock's packages of no scope first, as only the default registry serves them, then its scopes in order. */
    private static final Comparator<Optional<Scope>> NO_SCOPE_FIRST = Comparator.comparing(
            (Optional<Scope> scope) -> scope.orElse(null), Comparator.nullsFirst(Comparator.<Scope>naturalOrder()));

    private LockRegistries() {
    }

    /**
     * {@code none} with a hint naming the registries the lock installs from and the commands that configure them, so
     * that the next install finds each package where the lock has it: each registry is routed the scopes it alone
     * serves, and the one serving the packages of no scope, or scopes several serve, is the default, as is the only
     * one; when several serve those, none can be the default for them all, which the hint says, with the commands
     * that choose one. A registry is added under a name no configured one has. {@code none} itself when nothing is to
     * be configured or the lock names no registry.
     */
    static PrompdException explained(NoRegistryChosen none, LockFile lock, SuggestedCommands commands) {
        LockScopes scopes = LockScopes.of(lock, none.config());
        List<URI> defaults = scopes.defaults();
        Set<RegistryName> taken = new TreeSet<>(none.config().registries().keySet());
        List<Planned> plans = new ArrayList<>();
        for (URI root : scopes.byRoot().keySet()) {
            plans.add(plan(root, scopes, defaults, taken, commands));
        }
        if (plans.stream().allMatch(plan -> plan.command().isEmpty())) {
            return none;
        }
        return none.hinting(hint(plans, scopes, defaults, commands));
    }

    /**
     * What the hint says of the registry at {@code root}.
     *
     * @param defaults the roots of the registries that serve scopes only the default registry can
     * @param taken    the names of the registries configured and of those the hint adds before this one, to which the
     *                 name this one is added under is added
     */
    private static Planned plan(URI root, LockScopes scopes, List<URI> defaults, Set<RegistryName> taken,
                                SuggestedCommands commands) {
        boolean isDefault = defaults.equals(List.of(root));
        boolean contested = defaults.size() > 1 && defaults.contains(root);
        List<Scope> alone = isDefault ? List.of() : scopes.servedAloneBy(root);
        String routes = alone.stream().filter(scope -> !scopes.routed(scope)).map(scope -> " --scope " + scope)
                .collect(Collectors.joining()) + (isDefault ? " --default" : "");
        Optional<Map.Entry<RegistryName, RegistryUrl>> configured = scopes.config().holding(root);
        if (configured.isPresent()) {
            RegistryName name = configured.get().getKey();
            Optional<String> command = isDefault ? Optional.of(commands.quoted("registry default " + name))
                    : routes.isEmpty() ? Optional.empty()
                    // adding a configured registry again with its URL adds the routes alone
                    : Optional.of(commands.quoted("registry add " + name + " "
                    + ShellWords.quote(configured.get().getValue().toString()) + routes));
            return new Planned(root, alone, command, false, contested ? Optional.of(name) : Optional.empty());
        }
        if (routes.isEmpty() && !isDefault && !contested) {
            return new Planned(root, alone, Optional.empty(), false, Optional.empty());
        }
        // names to copy as they are: its first scope's, else one that says what the registry is for
        RegistryName name = (alone.isEmpty() ? RegistryName.parse(isDefault ? "default" : "registry")
                : alone.get(0).registryName()).freeAmong(taken);
        taken.add(name);
        String add = commands.quoted("registry add " + name + " " + ShellWords.quote(Urls.display(root)) + routes);
        return new Planned(root, alone, Optional.of(add), true, contested ? Optional.of(name) : Optional.empty());
    }

    /** The hint of the registries planned, one or more of which has a command to run. */
    private static String hint(List<Planned> plans, LockScopes scopes, List<URI> defaults,
                               SuggestedCommands commands) {
        List<String> run = plans.stream().flatMap(plan -> plan.command().stream()).toList();
        List<URI> added = plans.stream().filter(Planned::adds).map(Planned::root).toList();
        String configure = added.size() < run.size() ? "run " : "add " + (added.size() == plans.size()
                ? Plural.itOrThem(added.size()) : Plural.series(added.stream().map(Urls::display).toList(), "and"))
                + " with ";
        String noDefault = defaults.size() < 2 ? "" : "; as more than one of them serves " + Plural.series(
                scopes.forTheDefault().stream().map(scope -> scope.map(Scope::toString)
                        .orElse("the packages of no scope")).toList(), "and")
                + ", no one registry can be the default for all of those: make the one to take them from the default"
                + " with " + Plural.series(plans.stream().flatMap(plan -> plan.candidate().stream())
                .map(name -> commands.quoted("registry default " + name)).toList(), "or");
        return LockFile.FILE_NAME + " installs from " + Plural.series(plans.stream().map(Planned::installsFrom)
                .toList(), "and") + ": " + configure + Plural.series(run, "and") + noDefault
                + (plans.size() == 1 && scopes.config().registries().isEmpty()
                ? ", or " + NoRegistryChosen.RUN_REGISTRY_ADVICE : "");
    }

    /**
     * The scopes of the lock's packages by the root of the registry they install from, an empty one for its packages
     * of no scope, and how many registries serve each.
     */
    private record LockScopes(Config config, SortedMap<URI, SortedSet<Optional<Scope>>> byRoot,
                              Map<Optional<Scope>, Long> servers) {

        LockScopes {
            Objects.requireNonNull(config, "config");
            SortedMap<URI, SortedSet<Optional<Scope>>> copy = new TreeMap<>();
            // each set copied as a SortedSet, so that the copy keeps its order, NO_SCOPE_FIRST
            byRoot.forEach((root, scopes) -> copy.put(root, Collections.unmodifiableSortedSet(new TreeSet<>(
                    Objects.requireNonNull(scopes, () -> "no scopes for " + root)))));
            byRoot = Collections.unmodifiableSortedMap(copy);
            servers = Map.copyOf(servers);
        }

        static LockScopes of(LockFile lock, Config config) {
            SortedMap<URI, SortedSet<Optional<Scope>>> byRoot = new TreeMap<>();
            lock.packages().forEach((name, locked) -> RegistryLayout.rootOfTarball(locked.resolved(), name,
                    locked.version()).ifPresent(root -> byRoot.computeIfAbsent(root,
                    key -> new TreeSet<>(NO_SCOPE_FIRST)).add(Scope.of(name))));
            return new LockScopes(config, byRoot, byRoot.values().stream()
                    .flatMap(Set::stream).collect(Collectors.groupingBy(scope -> scope, Collectors.counting())));
        }

        /** A scope the configuration routes keeps its route: one elsewhere is the route change hint's to explain. */
        boolean routed(Scope scope) {
            return config.scopes().containsKey(scope);
        }

        /** The scopes of the registry at {@code root} that no other serves. */
        List<Scope> servedAloneBy(URI root) {
            return byRoot.get(root).stream().flatMap(Optional::stream)
                    .filter(scope -> servers.get(Optional.of(scope)) == 1).toList();
        }

        /**
         * Whether only the default registry can serve the scope: the packages of no scope, and a scope not routed that
         * several registries serve, or any when the lock installs from one registry alone.
         */
        boolean forTheDefault(Optional<Scope> scope) {
            return scope.isEmpty() || !routed(scope.get()) && (servers.get(scope) > 1 || byRoot.size() == 1);
        }

        /** Each scope {@link #forTheDefault}, of the registries in order. */
        List<Optional<Scope>> forTheDefault() {
            return byRoot.values().stream().flatMap(Set::stream).distinct().filter(this::forTheDefault).toList();
        }

        /** The roots of the registries serving a scope {@link #forTheDefault}. */
        List<URI> defaults() {
            return byRoot.keySet().stream().filter(root -> byRoot.get(root).stream().anyMatch(this::forTheDefault))
                    .toList();
        }
    }

    /**
     * One registry the lock installs from, as the hint tells it.
     *
     * @param root      the root its {@code resolved} URLs name
     * @param alone     the scopes it alone serves, which its command routes to it unless the configuration does
     * @param command   the command that configures it, empty when the configuration has it as the lock needs it
     * @param adds      whether the command adds it, as the configuration has it not
     * @param candidate its name, configured or added under, when it is one of several the default is chosen among
     */
    private record Planned(URI root, List<Scope> alone, Optional<String> command, boolean adds,
                           Optional<RegistryName> candidate) {

        Planned {
            Objects.requireNonNull(root, "root");
            alone = List.copyOf(alone);
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(candidate, "candidate");
            if (adds && command.isEmpty()) {
                throw new IllegalArgumentException("a registry the hint adds has the command that adds it: " + root);
            }
        }

        String installsFrom() {
            return Urls.display(root) + (alone.isEmpty() ? ""
                    : " (" + alone.stream().map(Scope::toString).collect(Collectors.joining(", ")) + ")");
        }
    }
}
