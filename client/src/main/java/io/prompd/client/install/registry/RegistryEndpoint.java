package io.prompd.client.install.registry;

import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Scope;
import io.prompd.client.config.Settings;
import io.prompd.client.http.Credential;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.config.ConfigFields;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry that serves a package, and what to send it.
 *
 * @param root       the registry's root URL
 * @param credential sent only to URLs under the root; never written anywhere
 * @param name       its configured name, when it was chosen by one, so messages name it as the user does
 * @param route      the package's scope, when the configuration routes it here: then a wrong URL is
 *                   corrected in that route, not with {@code --registry}
 * @param secretVariable the environment variable the credential's token or password is read from, so that a refusal
 *                   of it says to update the variable rather than to log in again
 */
public record RegistryEndpoint(RegistryUrl root, Optional<Credential> credential, Optional<RegistryName> name,
                               Optional<Scope> route, Optional<String> secretVariable) {

    public RegistryEndpoint {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(secretVariable, "secretVariable");
        if (secretVariable.isPresent() && credential.isEmpty()) {
            throw new IllegalArgumentException("a secret's variable comes with the credential read from it");
        }
    }

    /** As messages name it: {@code work (https://prompd.example.com/)}, or the URL alone. */
    public String describe() {
        return Registry.describe(name, root.uri());
    }

    /** Its name and root URL, for a warning to give apart. */
    public RegistryMention mention() {
        return new RegistryMention(name, root.uri());
    }

    /**
     * Where to correct the URL when no registry is found there: the scope's route, else the run's or default registry.
     *
     * @param commands how the hint spells the prompd commands that correct it
     */
    public String urlCorrection(SuggestedCommands commands) {
        if (route.isEmpty()) {
            return "check the registry URL: --registry, $" + Settings.REGISTRY_VARIABLE + ", or "
                    + commands.quoted("registry list");
        }
        Scope scope = route.get();
        String moveRoute = "route " + scope + " to another registry with "
                + commands.quoted("registry add NAME URL --scope " + scope);
        return name.map(registry -> scope + " is routed to registry " + registry + ", which --registry does not change:"
                        + " correct its URL with " + commands.quoted("config set " + ConfigFields.REGISTRIES + "."
                        + registry + " URL") + ", " + moveRoute + ", or remove it with its routes with "
                        + commands.quoted("registry remove " + registry))
                .orElseGet(() -> scope + " is routed to this URL, which --registry does not change: " + moveRoute
                        + ", or remove the route with " + commands.quoted("config unset " + ConfigFields.SCOPES + "."
                        + scope));
    }

    /**
     * For a package it lacks, how to send the package's scope to the registry holding it: a scope's packages are
     * usually all in one registry, so a scope no route sends anywhere, reaching this one, may be served by another.
     * Empty for an unscoped name, and for a scope routed here on purpose.
     */
    public Optional<String> scopeRouting(PackageName name, SuggestedCommands commands) {
        if (!name.isScoped() || route.isPresent()) {
            return Optional.empty();
        }
        String scope = name.scopeWithAt();
        return Optional.of("if " + scope + "'s packages are in another registry, route " + scope + " to it with "
                + commands.quoted("config set " + ConfigFields.SCOPES + "." + scope + " NAME") + " or "
                + commands.quoted("registry add NAME URL --scope " + scope));
    }

    /** What {@code prompd login --registry} takes to log in to it. */
    public String loginArgument() {
        return Registry.loginArgument(name, root);
    }

    /**
     * Whether the root {@link RegistryUrl#holds holds} the URL, as npm scopes a registry's credentials: which
     * registry's credentials it gets. Not whether the registry gave what is there ({@link #isOwnTarball}).
     */
    public boolean holds(URI url) {
        return root.holds(url);
    }

    /** Its own tarball URL of the version: the root, then the layout's tarball path, as its index.json gives it. */
    public URI tarball(PackageName name, Version version) {
        return resolve(RegistryLayout.url(RegistryLayout.tarball(name, version)));
    }

    /**
     * Whether the URL is one of its own tarballs of the package, however written ({@link #holds} tells a host's case,
     * a default port, escapes apart): a file of its tarball folder, {@code packages/<name>/-/}, below its root, as it
     * serves the package's tarballs and its index.json gives them. A lock entry with such a URL came from this
     * registry (edited, when the file is not the version's). A URL merely below the root is not one, as it may be
     * another registry's, served from a folder of this one's site (a registry moved to a parent URL of its old one,
     * whose output stayed where it was), or a file of no registry. A query does not make it another file: a registry
     * served from a bucket gives its tarballs pre-signed, the signature in the query.
     */
    public boolean isOwnTarball(PackageName name, URI url) {
        if (!holds(url)) {
            return false;
        }
        String folder = resolve(RegistryLayout.url(RegistryLayout.packageFolder(name) + "/"
                + RegistryLayout.TARBALL_FOLDER + "/")).getPath();
        String path = url.normalize().getPath();
        return path.length() > folder.length() && path.startsWith(folder) && path.indexOf('/', folder.length()) < 0;
    }

    /**
     * Whether the URL is one of its own tarballs of the package ({@link #isOwnTarball}), or, {@code indexed} (its
     * index gives the version's tarball there), one it {@link #holds}: a registry may address its tarballs by a query
     * ({@code /dl?f=…}) and serve none at the layout's path, where every download tried first would fail.
     */
    public boolean isOwnTarball(PackageName name, URI url, boolean indexed) {
        return isOwnTarball(name, url) || indexed && holds(url);
    }

    /**
     * Whether a tarball URL it sent, or a lock recorded for it, may be read: a file: URL only for a registry in a
     * folder.
     */
    public boolean mayRead(URI tarball) {
        return isFolder() || !RegistryLayout.isFileUrl(tarball);
    }

    /** Why a file: URL it does not {@link #mayRead} is not read: {@code registry … is not a folder, and …}. */
    public String fileUrlRefused() {
        return "registry " + describe() + " is not a folder, and only a registry in a folder may send a file: URL";
    }

    /** Whether its credentials, once stored, go to the URL: only to URLs it {@link #holds}, and a folder takes none. */
    public boolean sendsCredentialsTo(URI url) {
        return !isFolder() && holds(url);
    }

    /** Whether the registry is a folder, read with no network: offline, all of it is at hand. */
    public boolean isFolder() {
        return root.isFolder();
    }

    /** A document of the registry, from its path in {@link io.prompd.core.protocol.RegistryLayout}. */
    public URI resolve(String path) {
        return root.resolve(path);
    }
}
