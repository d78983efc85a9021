package io.prompd.client.install.registry;

import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Scope;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.ShellWords;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.config.ConfigFields;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tarball URL recorded for a version that is none of the package's {@linkplain
 * RegistryEndpoint#isOwnTarball(PackageName, URI, boolean) tarballs} of the registry its name routes to now, even
 * where it lies below that registry's URL (unless its index gives the version's tarball there): the version
 * came from another registry (its scope was routed there, or a one-off {@code --registry} chose it), and the current
 * registry's versions of the same name may be another's package, which no update should swap in.
 *
 * @param recorded   the tarball URL recorded for the version
 * @param givenBy    the registry the lock records its index gave the URL, when that lies outside it ({@link
 *                   LockedPackage#registry})
 * @param current    the registry the name routes to now
 * @param recordedIn the configured registry the recorded URL is one of the package's tarballs of, or that the lock
 *                   records gave it, if any
 * @param configured the names of the configured registries, which a registry added to route back must not take
 */
public record RouteChange(PackageName name, Version version, URI recorded, Optional<RegistryUrl> givenBy,
                          RegistryEndpoint current, Optional<RegistryEndpoint> recordedIn,
                          Set<RegistryName> configured) {

    public RouteChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(givenBy, "givenBy");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(recordedIn, "recordedIn");
        configured = SortedCopies.set(configured);
    }

    /**
     * Where the version came from: the configured registry whose tarball it is, else that registry's root, else the
     * URL.
     */
    public RegistryMention lockedFrom() {
        return recordedIn.map(RegistryEndpoint::mention)
                .orElseGet(() -> new RegistryMention(Optional.empty(), recordedRoot()));
    }

    /** {@link #lockedFrom} as messages say it. */
    public String recordedRegistry() {
        return origin(lockedFrom());
    }

    /**
     * Where a locked version came from, as messages say it: {@code registry corp (https://…/)} for a configured
     * registry, else the URL alone, as it may be a tarball's rather than a registry's root.
     */
    public static String origin(RegistryMention lockedFrom) {
        return lockedFrom.name().isPresent() ? "registry " + lockedFrom.describe() : lockedFrom.shownUrl();
    }

    /** What the configuration routes: the name's scope, or the name when it has none. */
    public String routed() {
        return Scope.of(name).map(Scope::toString).orElse(name.toString());
    }

    /**
     * Whether the recorded URL names a registry: it is a configured one's tarball, or its path ends as the layout's
     * tarball path. One that does neither names no registry to route back to: an install wrote it only where a
     * registry's index gave it for the version (a CDN's address of the tarball) and it gave the bytes, or they were
     * cached; else the {@code prompd.lock} was edited by hand, or planted.
     */
    public boolean fromARegistry() {
        return recordedIn.isPresent() || !recordedRoot().equals(recorded);
    }

    /**
     * How to have the name resolve in the registry the version came from again. A registry not configured is added
     * under its scope's name, else the first free one after it ({@code acme-2}): the registry configured under that
     * name (the one at a new URL, as like as not) keeps its URL, its other scopes and its default, as npm's {@code
     * @acme:registry} moves the scope alone, where moving that registry back would move them all.
     *
     * @param commands how it spells the prompd commands that route the name
     */
    public String routeBack(SuggestedCommands commands) {
        if (!fromARegistry()) {
            return LockedPackage.display(recorded) + " is no registry's tarball path, so it names no registry to route "
                    + routed() + " back to: unless a registry's index gave that URL for " + name + "@" + version
                    + ", find out who edited that entry before you trust it";
        }
        String registry = recordedIn.flatMap(RegistryEndpoint::name).map(RegistryName::toString)
                .orElse(Urls.display(recordedRoot()));
        Optional<Scope> scope = Scope.of(name);
        if (scope.isPresent()) {
            return "route " + scope.get() + " back to " + recordedRegistry() + " with " + routing(scope.get(),
                    recordedIn.flatMap(RegistryEndpoint::name), recordedRoot(), commands);
        }
        return "install with '--registry " + ShellWords.quote(registry) + "'" + recordedIn
                .flatMap(RegistryEndpoint::name).map(named -> ", or make it the default with "
                        + commands.quoted("config set " + ConfigFields.DEFAULT_REGISTRY + " " + named)).orElse("");
    }

    /**
     * How to route the name's scope to the registry it resolves in now, which it reaches without a route (the default,
     * or one chosen for the run): so the user says that registry serves the scope, as for a mirror of the registry the
     * version came from, or that registry at its new URL. Empty for an unscoped name, which no route sends anywhere.
     *
     * @param commands how it spells the prompd commands that route the scope
     */
    public Optional<String> routeHere(SuggestedCommands commands) {
        return Scope.of(name).map(scope -> "route " + scope + " to it with "
                + routing(scope, current.name(), current.root().uri(), commands));
    }

    /** The command routing {@code scope} to the registry configured as {@code named}, else added at {@code url}. */
    private String routing(Scope scope, Optional<RegistryName> named, URI url, SuggestedCommands commands) {
        return named.map(registry -> commands.quoted("config set " + ConfigFields.SCOPES + "." + scope + " "
                        + registry))
                .orElseGet(() -> commands.quoted("registry add " + scope.registryName().freeAmong(configured) + " "
                        + ShellWords.quote(Urls.display(url)) + " --scope " + scope));
    }

    /**
     * The root of the registry the lock records gave the URL; else the registry's root the recorded URL's path shows,
     * when it ends as the layout's tarball path; else the URL.
     */
    private URI recordedRoot() {
        return givenBy.map(RegistryUrl::uri)
                .orElseGet(() -> RegistryLayout.rootOfTarball(recorded, name, version).orElse(recorded));
    }
}
