package io.prompd.client.http;

import io.prompd.client.config.ClientKeyStore;
import io.prompd.client.config.HttpLimits;
import io.prompd.core.archive.ArchiveLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits of every registry request.
 *
 * @param connectTimeout   how long to wait for a connection, its TLS handshake included, as curl's --connect-timeout
 * @param requestTimeout   how long to wait for a response's headers, per attempt
 * @param idleTimeout      how long a body may send nothing before the attempt is given up
 * @param lowSpeed         how slow a body may arrive, on average, before the attempt is given up
 * @param maxConcurrent    requests in flight at once, across threads; bounds what a registry or
 *                         CDN sees from one install
 * @param maxRedirects     redirects followed per request
 * @param maxDocumentBytes the largest JSON document accepted; tarballs are streamed to disk instead
 * @param maxTarballBytes  the largest tarball downloaded: a registry sending more (an endless body)
 *                         would otherwise fill the disk before the integrity check could refuse it
 * @param retry            which failures are tried again, and after how long
 * @param proxies          which proxy each request goes through
 * @param caFile           a PEM file of CA certificates to trust beside Java's
 * @param clientKeyStore   the key store of the client certificate for a registry that requires one (mutual TLS)
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, Duration idleTimeout,
                           LowSpeedLimit lowSpeed,
                           int maxConcurrent, int maxRedirects,
                           long maxDocumentBytes, long maxTarballBytes, RetryPolicy retry, Proxies proxies,
                           Optional<Path> caFile, Optional<ClientKeyStore> clientKeyStore) {

    public HttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(lowSpeed, "lowSpeed");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, not " + maxConcurrent);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive: " + maxDocumentBytes);
        }
        if (maxTarballBytes < 1) {
            throw new IllegalArgumentException("maxTarballBytes must be positive: " + maxTarballBytes);
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(proxies, "proxies");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(clientKeyStore, "clientKeyStore");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                LowSpeedLimit.DEFAULT, 8, 5,
                64L << 20, ArchiveLimits.DEFAULT.maxTarballBytes(), RetryPolicy.defaults(),
                Proxies.NONE, Optional.empty(), Optional.empty());
    }

    /**
     * These limits with those the user chose: a timeout bounds each wait on the registry (the connection, the answer's
     * headers, a body's silence) and is the window of the low-speed limit, as cargo's {@code http.timeout} is both
     * curl's connect time and its low-speed time; retries are the tries after the first.
     */
    public HttpSettings withLimits(HttpLimits limits) {
        Duration connect = connectTimeout;
        Duration request = requestTimeout;
        Duration idle = idleTimeout;
        LowSpeedLimit slowest = lowSpeed;
        if (limits.timeoutSeconds().isPresent()) {
            Duration timeout = Duration.ofSeconds(limits.timeoutSeconds().getAsInt());
            connect = timeout;
            request = timeout;
            idle = timeout;
            slowest = new LowSpeedLimit(lowSpeed.bytesPerSecond(), timeout);
        }
        RetryPolicy tries = limits.retries().isPresent() ? retry.withRetries(limits.retries().getAsInt()) : retry;
        return new HttpSettings(connect, request, idle, slowest, maxConcurrent, maxRedirects, maxDocumentBytes,
                maxTarballBytes, tries, proxies, caFile, clientKeyStore);
    }

    /**
     * These limits, with the proxies, the extra CA certificates and the client certificate of a network that needs
     * them.
     */
    public HttpSettings withNetwork(Proxies newProxies, Optional<Path> newCaFile,
                                    Optional<ClientKeyStore> newClientKeyStore) {
        return new HttpSettings(connectTimeout, requestTimeout, idleTimeout, lowSpeed, maxConcurrent, maxRedirects,
                maxDocumentBytes, maxTarballBytes, retry,
                newProxies, newCaFile, newClientKeyStore);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
