package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.cli.ProgressLine;
import io.prompd.client.config.ConfigStore;
import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryChooser;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.Scope;
import io.prompd.client.config.Settings;
import io.prompd.client.home.CacheService;
import io.prompd.client.home.StoreService;
import io.prompd.client.http.Credential;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.http.RequestListener;
import io.prompd.client.install.InstallListener;
import io.prompd.client.install.InstallNote;
import io.prompd.client.install.InstallProgress;
import io.prompd.client.install.InstallReport;
import io.prompd.client.install.Installer;
import io.prompd.client.install.Project;
import io.prompd.client.install.Redownloads;
import io.prompd.client.install.registry.HttpPackageRegistry;
import io.prompd.client.install.registry.IndexProgress;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.RegistryEndpoint;
import io.prompd.client.install.registry.RegistryRoutes;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds the install services of a run from its settings: one place that knows how they fit together. */
final class InstallWiring {

    private final PrompdCommand root;
    private final PrintWriter err;
    /** Read once: reading them consults the environment and the file system. */
    private final Settings settings;
    /**
     * The progress line of the run when stderr is a terminal: every message goes through it, so the two never share a
     * line.
     */
    private final Optional<ProgressLine> progress;
    /** The line of the index being read, given up to the install's bar once the packages are put in place. */
    private volatile Optional<ResolvingLine> resolving = Optional.empty();
    /** What the run warned of so far, each once, which a failing run says before its error. */
    private final CopyOnWriteArrayList<InstallNote> warned = new CopyOnWriteArrayList<>();

    InstallWiring(PrompdCommand root, PrintWriter err) {
        this.root = root;
        this.err = err;
        this.settings = root.settings();
        this.progress = ProgressLine.on(err, root.context().environment(), root.context().stderrIsTerminal());
    }

    /**
     * Runs the install and prints its report, its paths as seen from where the user is; when it fails after its plan
     * or getting versions warned of something, says those warnings before its error, as npm says its warnings as they
     * come, and returns its exit code; a failure with none is thrown, for the command line to say as every other.
     *
     * @param project the project the install is of, or the working folder of a global one
     */
    int report(Operation install, Path project, boolean json, PrintWriter out) throws Exception {
        try {
            InstallReportView.print(install.run(), root.context().fromHere(project), json, out, err);
            return ExitCode.OK.code();
        } catch (Exception failed) {
            if (warned.isEmpty()) {
                throw failed;
            }
            return InstallReportView.failed(failed, warned, json, root.verbose(), out, err);
        }
    }

    /** An install, update or uninstall. */
    @FunctionalInterface
    interface Operation {
        InstallReport run() throws Exception;
    }

    Settings settings() {
        return settings;
    }

    PackageStore store() {
        return new PackageStore(settings.packagesFolder(), ArchiveLimits.DEFAULT, settings.commands());
    }

    /**
     * The project the working folder lies in, for list and tree, which take no lock: an installed package in a store is
     * refused up front, as install refuses it, rather than listed as a project never installed, with advice to run the
     * install that is refused there.
     */
    Project project() throws IOException {
        Path folder = root.context().projectFolder(root.commands());
        InstalledCopy.requireOutside(folder, Optional.of(settings.packagesFolder()), "");
        return Project.load(folder, root.commands());
    }

    TarballCache cache() {
        return new TarballCache(settings.cacheFolder());
    }

    PackageRegistry registry() throws IOException {
        return registry(fetcher());
    }

    private PackageRegistry registry(RegistryFetcher fetcher) throws IOException {
        return new HttpPackageRegistry(fetcher, routes(), settings.commands());
    }

    /**
     * The run's fetcher, with the limits the configuration chose, which says on stderr why it waits before trying a
     * request again, and with {@code --verbose} how each try of a request ended. The configuration is read as a login
     * reads it, as the login of a registry whose entry cannot be used (which mends it) checks its new credentials here.
     */
    RegistryFetcher fetcher() throws IOException {
        return RegistryFetcher.of(settings, ConfigStore.of(settings).readForCredentials().http(),
                root.context().clock(), root.context().sleeper(), requestListener());
    }

    private RequestListener requestListener() {
        if (!root.verbose()) {
            return this::retrying;
        }
        return new RequestListener() {
            @Override
            public void retrying(Retry retry) {
                InstallWiring.this.retrying(retry);
            }

            @Override
            public void ended(Ended ended) {
                say(RequestLine.of(ended));
            }
        };
    }

    Installer installer() throws IOException {
        return new Installer(settings.home(), store(), cache(), registry(), settings.offline(), listener(),
                VersionProvider.running(), settings.commands());
    }

    StoreService storeService() {
        return new StoreService(settings.home(), store(), cache(), settings.commands());
    }

    /** Whether installed versions can be downloaded again, read from the registries their names resolve in. */
    Redownloads redownloads() {
        return new Redownloads(this::registry, InstallWiring::failureText);
    }

    /**
     * As {@link #redownloads}, for a look at the registries made before emptying the cache, with the home locked: each
     * index asked once and not cached ({@link RegistryFetcher#lookingOnly}), so that a registry that cannot be reached
     * holds no other run up, and the look leaves nothing in the cache it empties. Not tried again, as a failure costs
     * no copy: the tarball of a version whose index could not be read is kept, for a run later to ask again.
     */
    Redownloads redownloadsAtAGlance() {
        return new Redownloads(() -> registry(fetcher().lookingOnly()), InstallWiring::failureText);
    }

    /** A failure in the words the command line gives it. */
    private static String failureText(Exception failure) {
        return Failures.explain(failure).message();
    }

    CacheService cacheService() {
        return new CacheService(settings.home(), store(), cache(), settings.cacheFolder(), settings.commands());
    }

    /**
     * Says why nothing happens while another run holds a lock this one needs, which, and whose it is if the lock tells.
     */
    void waitingForLock(Path lock) {
        say(LockWaits.note(lock));
    }

    /**
     * Says why nothing happens while a request is tried again, on a terminal and piped alike: a registry that asked
     * for a pause ({@code Retry-After}) is waited for, and each try of one that does not answer may take a timeout. A
     * warning, as cargo's of a spurious network error: a request failed, though the run may yet succeed.
     */
    private void retrying(RequestListener.Retry retry) {
        String url = Urls.display(retry.url());
        say(retry.asked().map(wait -> "warning: the registry asks to wait " + wait.toSeconds() + " s ("
                + retry.failure() + "): waiting, then fetching " + url + " again…")
                .orElse("warning: could not fetch " + url + " (" + retry.failure() + "): trying again, attempt "
                        + retry.nextAttempt() + " of " + retry.maxAttempts() + "…"));
    }

    /** Says it on a line of its own, whole, though requests of other threads end meanwhile. */
    private void say(String message) {
        progress.ifPresentOrElse(line -> line.say(message), () -> {
            synchronized (err) {
                err.println(message);
                err.flush();
            }
        });
    }

    /** One progress line for the install when stderr is a terminal; nothing when it is piped. */
    private InstallListener listener() {
        return new InstallListener() {
            @Override
            public void waitingForLock(Path lock) {
                InstallWiring.this.waitingForLock(lock);
            }

            @Override
            public IndexProgress reading() {
                resolving = progress.map(ResolvingLine::new);
                return resolving.<IndexProgress>map(line -> line).orElse(IndexProgress.NONE);
            }

            @Override
            public void warned(InstallNote warning) {
                warned.addIfAbsent(warning);
            }

            @Override
            public InstallProgress installing(int count) {
                resolving.ifPresent(ResolvingLine::handOver);
                return progress.<InstallProgress>map(line -> new InstallProgressBar(line, count))
                        .orElse(InstallProgress.NONE);
            }
        };
    }

    /** Each package to the registry the configuration routes its scope to, with that registry's credentials. */
    private RegistryRoutes routes() throws IOException {
        RegistryChooser chooser = RegistryChooser.load(settings, root.context().environment());
        return new RegistryRoutes() {
            @Override
            public RegistryEndpoint endpointFor(PackageName name) {
                return endpoint(chooser.choose(name), chooser.route(name));
            }

            @Override
            public Optional<RegistryEndpoint> holding(URI url) {
                return chooser.holding(url).map(registry -> endpoint(registry, Optional.empty()));
            }

            @Override
            public Optional<PrompdException> servingNone() {
                return chooser.servingNone();
            }

            @Override
            public Set<RegistryName> names() {
                return chooser.names();
            }
        };
    }

    static RegistryEndpoint endpoint(Registry registry, Optional<Scope> route) {
        // file registries take no credentials: there is no server to send them to
        Optional<Credential> credential = registry.credentials()
                .filter(credentials -> !registry.url().isFolder())
                .map(credentials -> new Credential(registry.url(), credentials));
        return new RegistryEndpoint(registry.url(), credential, registry.name(), route,
                registry.secretVariable().filter(variable -> credential.isPresent()));
    }
}
