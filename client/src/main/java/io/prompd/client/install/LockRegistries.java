package io.prompd.client.install;

import io.prompd.client.config.NoRegistryChosen;
import io.prompd.client.config.Scope;
import io.prompd.client.install.lock.LockFile;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registries a lock installs from, each by the root its {@code resolved} URLs name: what a fresh clone's first
 * install, in a home with no registry configured, is told to configure. Installing from these URLs without that
 * configuration is not done: a registry is the user's choice, as npm's is.
 */
final class LockRegistries {

    private LockRegistries() {
    }

    /**
     * {@code none} with a hint naming the registries the lock installs from and the commands that add those not
     * configured, one of several serving one scope alone (none of another's) routed that scope; {@code none} itself
     * when every such registry is configured or the lock names none.
     */
    static PrompdException explained(NoRegistryChosen none, LockFile lock, SuggestedCommands commands) {
        SortedMap<URI, Set<String>> scopesByRoot = new TreeMap<>();
        lock.packages().forEach((name, locked) -> RegistryLayout.rootOfTarball(locked.resolved(), name,
                        locked.version()).ifPresent(root -> scopesByRoot.computeIfAbsent(root, key -> new TreeSet<>())
                .add(Scope.of(name).map(Scope::toString).orElse(""))));
        SortedMap<URI, Optional<String>> routed = new TreeMap<>();
        scopesByRoot.forEach((root, scopes) -> routed.put(root, Optional.of(scopes.iterator().next())
                .filter(scope -> scopesByRoot.size() > 1 && scopes.size() == 1 && !scope.isEmpty()
                        && scopesByRoot.entrySet().stream()
                        .noneMatch(other -> !other.getKey().equals(root) && other.getValue().contains(scope)))));
        List<URI> toAdd = routed.keySet().stream().filter(root -> !none.isConfigured(root)).toList();
        if (toAdd.isEmpty()) {
            return none;
        }
        // one registry for the packages of no scope of their own can be the default; several are only added
        List<URI> unrouted = toAdd.stream().filter(root -> routed.get(root).isEmpty()).toList();
        boolean oneDefault = unrouted.size() == 1;
        // names to copy as they are: a routed scope's own, else one that says what the registry is for
        List<String> adds = toAdd.stream().map(root -> commands.quoted("registry add "
                + routed.get(root).map(scope -> Scope.parse(scope).registryName().toString())
                .orElseGet(() -> oneDefault ? "default" : "registry-" + (unrouted.indexOf(root) + 1)) + " "
                + ShellWords.quote(Urls.display(root)) + routed.get(root).map(scope -> " --scope " + scope)
                .orElse(oneDefault ? " --default" : ""))).toList();
        List<String> installsFrom = routed.entrySet().stream().map(root -> Urls.display(root.getKey())
                + root.getValue().map(scope -> " (" + scope + ")").orElse("")).toList();
        String added = toAdd.size() == routed.size() ? Plural.itOrThem(toAdd.size())
                : Plural.series(toAdd.stream().map(Urls::display).toList(), "and");
        return none.hinting(LockFile.FILE_NAME + " installs from " + Plural.series(installsFrom, "and") + ": add "
                + added + " with " + Plural.series(adds, "and")
                + (routed.size() == 1 && !none.anyConfigured() ? ", or " + NoRegistryChosen.RUN_REGISTRY_ADVICE : ""));
    }
}
