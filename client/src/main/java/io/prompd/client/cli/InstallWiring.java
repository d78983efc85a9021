package io.prompd.client.cli;

import io.prompd.client.config.Settings;
import io.prompd.client.http.ProgressListener;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.http.TerminalProgress;
import io.prompd.client.install.InstallListener;
import io.prompd.client.install.Installer;
import io.prompd.client.install.registry.HttpPackageRegistry;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.RegistryEndpoint;
import io.prompd.client.install.registry.RegistryRoutes;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;

/** Builds the install services of a run from its settings: one place that knows how they fit together. */
final class InstallWiring {

    private final PrompdCommand root;
    private final PrintWriter err;

    InstallWiring(PrompdCommand root, PrintWriter err) {
        this.root = root;
        this.err = err;
    }

    Settings settings() {
        return root.settings();
    }

    PackageStore store() {
        return new PackageStore(settings().packagesFolder(), ArchiveLimits.DEFAULT);
    }

    TarballCache cache() {
        return new TarballCache(settings().cacheFolder());
    }

    PackageRegistry registry() {
        Settings settings = settings();
        return new HttpPackageRegistry(RegistryFetcher.of(settings), routes(settings));
    }

    Installer installer() {
        Settings settings = settings();
        return new Installer(settings.home(), store(), cache(), registry(), settings.offline(), listener());
    }

    /** A progress bar per download when stderr is a terminal; nothing when it is piped. */
    private InstallListener listener() {
        boolean interactive = root.context().interactive();
        return new InstallListener() {
            @Override
            public void waitingForLock() {
                err.println("waiting for another prompd run to finish…");
                err.flush();
            }

            @Override
            public ProgressListener downloading(PackageName name, Version version) {
                return interactive ? new TerminalProgress(err, name + "@" + version) : ProgressListener.NONE;
            }
        };
    }

    private static RegistryRoutes routes(Settings settings) {
        String chosen = settings.registry().orElseThrow(() -> new PrompdException(ExitCode.USAGE, "no registry configured",
                "pass --registry URL or set $" + Settings.REGISTRY_VARIABLE));
        return RegistryRoutes.single(RegistryEndpoint.anonymous(rootUrl(chosen)));
    }

    private static URI rootUrl(String text) {
        try {
            URI url = new URI(text.endsWith("/") ? text : text + "/");
            if (!url.isAbsolute()) {
                throw new URISyntaxException(text, "a registry URL needs a scheme such as https:// or file://");
            }
            return url;
        } catch (URISyntaxException invalid) {
            throw new PrompdException(ExitCode.USAGE, "not a registry URL: " + text + " (" + invalid.getReason() + ")",
                    "give a URL such as https://registry.example.com/ or file:///path/to/registry/");
        }
    }
}
