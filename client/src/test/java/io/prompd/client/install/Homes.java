package io.prompd.client.install;

import static io.prompd.core.SuggestedCommands.PLAIN;

import io.prompd.client.config.RegistryUrl;
import io.prompd.client.http.HttpSettings;
import io.prompd.client.http.LowSpeedLimit;
import io.prompd.client.http.Proxies;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.http.RetryPolicy;
import io.prompd.client.http.RequestListener;
import io.prompd.client.install.registry.HttpPackageRegistry;
import io.prompd.client.install.registry.RegistryEndpoint;
import io.prompd.client.install.registry.RegistryRoutes;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.version.Version;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Installers for tests: a home folder of the test's own, one registry, retries without waiting. */
public final class Homes {

    /** Patient enough that a flaky test server never makes an install give up. */
    static final HttpSettings TEST_HTTP = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            LowSpeedLimit.DEFAULT, 8, 5, 1 << 24, ArchiveLimits.DEFAULT.maxTarballBytes(),
            new RetryPolicy(12, Duration.ZERO, Duration.ZERO, Duration.ZERO), Proxies.NONE, Optional.empty(),
            Optional.empty());

    private Homes() {
    }

    /** The version the tests' prompd runs as, for packages' engines. */
    static final Version PROMPD_VERSION = Version.parse("1.4.0");

    static Installer installer(Path home, URI registry, boolean offline) {
        return installer(home, registry, offline, TEST_HTTP);
    }

    /**
     * An installer whose registry takes one request at a time, so that an install gets the packages of its lock one
     * after another, in the lock's order.
     */
    static Installer oneAtATime(Path home, URI registry) {
        HttpSettings one = new HttpSettings(TEST_HTTP.connectTimeout(), TEST_HTTP.requestTimeout(),
                TEST_HTTP.idleTimeout(), TEST_HTTP.lowSpeed(), 1, TEST_HTTP.maxRedirects(),
                TEST_HTTP.maxDocumentBytes(), TEST_HTTP.maxTarballBytes(), TEST_HTTP.retry(), TEST_HTTP.proxies(),
                TEST_HTTP.caFile(), TEST_HTTP.clientKeyStore());
        return installer(home, registry, false, one);
    }

    private static Installer installer(Path home, URI registry, boolean offline, HttpSettings settings) {
        return new Installer(home, store(home), cache(home), registry(home, registry, offline, settings), offline,
                InstallListener.SILENT, Optional.of(PROMPD_VERSION), PLAIN);
    }

    static HttpPackageRegistry registry(Path home, URI registry, boolean offline) {
        return registry(home, registry, offline, TEST_HTTP);
    }

    private static HttpPackageRegistry registry(Path home, URI registry, boolean offline, HttpSettings settings) {
        RegistryFetcher fetcher = new RegistryFetcher(home.resolve("cache").resolve(RegistryFetcher.CACHE_FOLDER),
                offline,
                settings, delay -> { }, Clock.systemUTC(), System::nanoTime, RequestListener.NONE);
        return new HttpPackageRegistry(fetcher, RegistryRoutes.single(anonymous(registry)), PLAIN);
    }

    /** The registry at {@code root}, sent no credential and named by its URL alone. */
    public static RegistryEndpoint anonymous(URI root) {
        return new RegistryEndpoint(new RegistryUrl(root), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static PackageStore store(Path home) {
        return new PackageStore(home.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
    }

    static TarballCache cache(Path home) {
        return new TarballCache(home.resolve("cache"));
    }
}
