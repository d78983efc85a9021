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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The registries a lock installs from, each by the root its {@code resolved} URLs name: what a fresh clone's first
 * install, in a home with no registry configured, is told to configure. Installing from these URLs without that
 * configuration is not done: a registry is the user's choice, as npm's is.
 */
final class LockRegistries {

    /** Where the lock's packages of no scope stand among its scopes: only the default registry serves them. */
    private static final String UNSCOPED = "";

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
        Config config = none.config();
        SortedMap<URI, SortedSet<String>> scopesByRoot = new TreeMap<>();
        lock.packages().forEach((name, locked) -> RegistryLayout.rootOfTarball(locked.resolved(), name,
                        locked.version()).ifPresent(root -> scopesByRoot.computeIfAbsent(root, key -> new TreeSet<>())
                .add(Scope.of(name).map(Scope::toString).orElse(UNSCOPED))));
        Map<String, Long> servers = scopesByRoot.values().stream().flatMap(Set::stream)
                .collect(Collectors.groupingBy(scope -> scope, Collectors.counting()));
        // a scope the configuration routes keeps its route: one elsewhere is for the route change's hint to explain
        Predicate<String> unrouted = scope -> scope.equals(UNSCOPED)
                || !config.scopes().containsKey(Scope.parse(scope));
        Predicate<String> forTheDefault = scope -> unrouted.test(scope)
                && (scope.equals(UNSCOPED) || servers.get(scope) > 1 || scopesByRoot.size() == 1);
        List<URI> defaults = scopesByRoot.keySet().stream()
                .filter(root -> scopesByRoot.get(root).stream().anyMatch(forTheDefault)).toList();
        Set<RegistryName> taken = new TreeSet<>(config.registries().keySet());
        List<String> run = new ArrayList<>();
        List<URI> added = new ArrayList<>();
        List<String> installsFrom = new ArrayList<>();
        List<RegistryName> candidates = new ArrayList<>();
        scopesByRoot.forEach((root, scopes) -> {
            boolean isDefault = defaults.equals(List.of(root));
            boolean contested = defaults.size() > 1 && defaults.contains(root);
            List<String> alone = isDefault ? List.of() : scopes.stream()
                    .filter(scope -> !scope.equals(UNSCOPED) && servers.get(scope) == 1).toList();
            installsFrom.add(Urls.display(root) + (alone.isEmpty() ? "" : " (" + String.join(", ", alone) + ")"));
            String routes = alone.stream().filter(unrouted).map(scope -> " --scope " + scope)
                    .collect(Collectors.joining()) + (isDefault ? " --default" : "");
            Optional<Map.Entry<RegistryName, RegistryUrl>> configured = config.holding(root);
            RegistryName name;
            if (configured.isPresent()) {
                name = configured.get().getKey();
                if (isDefault) {
                    run.add(commands.quoted("registry default " + name));
                } else if (!routes.isEmpty()) {
                    // adding a configured registry again with its URL adds the routes alone
                    run.add(commands.quoted("registry add " + name + " "
                            + ShellWords.quote(configured.get().getValue().toString()) + routes));
                }
            } else if (!routes.isEmpty() || isDefault || contested) {
                // names to copy as they are: its first scope's, else one that says what the registry is for
                name = (alone.isEmpty() ? RegistryName.parse(isDefault ? "default" : "registry")
                        : Scope.parse(alone.get(0)).registryName()).freeAmong(taken);
                taken.add(name);
                added.add(root);
                run.add(commands.quoted("registry add " + name + " " + ShellWords.quote(Urls.display(root)) + routes));
            } else {
                return;
            }
            if (contested) {
                candidates.add(name);
            }
        });
        if (run.isEmpty()) {
            return none;
        }
        String configure = added.size() < run.size() ? "run " : "add " + (added.size() == scopesByRoot.size()
                ? Plural.itOrThem(added.size()) : Plural.series(added.stream().map(Urls::display).toList(), "and"))
                + " with ";
        String noDefault = defaults.size() < 2 ? "" : "; as more than one of them serves " + Plural.series(scopesByRoot
                .values().stream().flatMap(Set::stream).distinct().filter(forTheDefault)
                .map(scope -> scope.equals(UNSCOPED) ? "the packages of no scope" : scope).toList(), "and")
                + ", no one registry can be the default for all of those: make the one to take them from the default"
                + " with " + Plural.series(
                candidates.stream().map(name -> commands.quoted("registry default " + name)).toList(), "or");
        return none.hinting(LockFile.FILE_NAME + " installs from " + Plural.series(installsFrom, "and") + ": "
                + configure + Plural.series(run, "and") + noDefault
                + (scopesByRoot.size() == 1 && config.registries().isEmpty()
                ? ", or " + NoRegistryChosen.RUN_REGISTRY_ADVICE : ""));
    }
}
