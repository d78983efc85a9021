package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

/**
 * Sends GET requests the way every registry read needs: a bounded number at once, tried again
 * with backoff on transient failures, redirects followed by hand so a credential never leaves
 * its origin.
 */
final class Transport {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "prompd";

    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Semaphore permits;
    private final StallGuard stallGuard;
    /** Made on the first network request: a run served from file:// or the store never pays for TLS set-up. */
    private HttpClient client;

    Transport(HttpSettings settings, Sleeper sleeper, RandomGenerator random) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.stallGuard = new StallGuard(settings.idleTimeout());
    }

    /** One client for the whole run: its connection pool keeps HTTP/1.1 connections alive between requests. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(settings.connectTimeout())
                    .build();
        }
        return client;
    }

    /** One try of a request; a {@link TransientFailure} asks for another, anything else ends it. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws TransientFailure, IOException, InterruptedException;
    }

    /**
     * Runs the attempt until it succeeds, fails for good, or the policy's attempts are spent. Each
     * attempt holds one of the permits; waiting between attempts holds none.
     */
    <T> T withRetries(URI url, Attempt<T> attempt) {
        RetryPolicy retry = settings.retry();
        try {
            for (int attemptNumber = 1; ; attemptNumber++) {
                try {
                    return runWithPermit(attempt);
                } catch (TransientFailure failure) {
                    Duration backoff = retry.delayAfter(attemptNumber, random);
                    Duration asked = failure.retryAfter().orElse(Duration.ZERO);
                    if (attemptNumber == retry.maxAttempts() || asked.compareTo(retry.maxDelay()) > 0) {
                        throw gaveUp(url, attemptNumber, failure);
                    }
                    sleeper.sleep(asked.compareTo(backoff) > 0 ? asked : backoff);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PrompdException(ExitCode.NETWORK, "interrupted while fetching " + Urls.display(url), "");
        } catch (IOException local) {
            throw new UncheckedIOException(local);
        }
    }

    private static PrompdException gaveUp(URI url, int attempts, TransientFailure last) {
        String asked = last.retryAfter().map(wait -> ", asked to wait " + wait.toSeconds() + " s").orElse("");
        return new PrompdException(ExitCode.NETWORK, "could not fetch " + Urls.display(url) + ": gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (last: " + last.getMessage() + asked + ")",
                "the registry or the network may be down; try again later, or use --offline to work from the cache", last);
    }

    private <T> T runWithPermit(Attempt<T> attempt) throws TransientFailure, IOException, InterruptedException {
        permits.acquire();
        try {
            return attempt.run();
        } finally {
            permits.release();
        }
    }

    /**
     * Sends a GET and follows redirects, up to the limit. The credential goes only to its own
     * origin, and once a redirect has left that origin it is not sent again for this request.
     *
     * @return the first response that is not a redirect; the caller closes its body
     */
    HttpResponse<InputStream> open(URI url, Optional<Credential> credential, Map<String, String> headers)
            throws TransientFailure, InterruptedException {
        URI current = url;
        Optional<Credential> sent = credential.filter(known -> known.appliesTo(url));
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = send(request(current, sent, headers));
            if (!REDIRECTS.contains(response.statusCode())) {
                return response;
            }
            close(response);
            if (redirects == settings.maxRedirects()) {
                throw new PrompdException(ExitCode.NETWORK, "more than " + settings.maxRedirects() + " redirects from "
                        + Urls.display(url), "the registry's host is misconfigured; check the registry URL");
            }
            URI next = redirectTarget(current, response, url);
            if (sent.isPresent() && !sent.get().appliesTo(next)) {
                sent = Optional.empty();
            }
            current = next;
        }
    }

    /** The body of a 200 response, guarded against stalls; any other status ends the attempt as {@link #requireOk} says. */
    ResponseBody bodyOf(HttpResponse<InputStream> response, URI url) throws TransientFailure {
        try {
            requireOk(response, url);
        } catch (TransientFailure | RuntimeException failed) {
            close(response);
            throw failed;
        }
        return new ResponseBody(stallGuard.guard(response.body()),
                response.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /**
     * Accepts 200; anything else ends the attempt, as a {@link TransientFailure} when a server
     * trouble may pass (5xx, 429) or as the clear final error for the user.
     */
    private static void requireOk(HttpResponse<?> response, URI url) throws TransientFailure {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        String shown = Urls.display(url);
        if (status == 404 || status == 410) {
            throw new PrompdException(ExitCode.NOT_FOUND, "not found in the registry: " + shown,
                    "check the package name and version, and the registry URL");
        }
        if (status == 401 || status == 403) {
            String registry = Origin.of(url).toString();
            throw new PrompdException(ExitCode.NETWORK, "the registry refused access (HTTP " + status + "): " + shown,
                    "log in with: prompd login --registry " + registry);
        }
        if (status == 429 || status >= 500) {
            throw new TransientFailure("HTTP " + status, retryAfter(response));
        }
        throw new PrompdException(ExitCode.NETWORK, "the registry answered HTTP " + status + " for " + shown,
                "check the registry URL");
    }

    /** The {@code Retry-After} header in its seconds form; its date form is rare from static hosts and ignored. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(value -> value.matches("\\d{1,9}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
    }

    private HttpRequest request(URI url, Optional<Credential> credential, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(settings.requestTimeout())
                .header("User-Agent", USER_AGENT);
        headers.forEach(request::header);
        credential.ifPresent(known -> request.header("Authorization", known.authorization()));
        return request.build();
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws TransientFailure, InterruptedException {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException timeout) {
            throw new TransientFailure("timed out", timeout);
        } catch (IOException unreachable) {
            throw new TransientFailure("cannot reach " + Origin.of(request.uri()) + " ("
                    + unreachable.getClass().getSimpleName() + ")", unreachable);
        }
    }

    private static URI redirectTarget(URI current, HttpResponse<InputStream> response, URI requested) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new PrompdException(ExitCode.NETWORK,
                "a redirect without a Location header for " + Urls.display(requested), "the registry's host is misconfigured"));
        URI next;
        try {
            next = current.resolve(location);
        } catch (IllegalArgumentException malformed) {
            throw new PrompdException(ExitCode.NETWORK, "a malformed redirect for " + Urls.display(requested),
                    "the registry's host is misconfigured");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        boolean downgrade = "https".equalsIgnoreCase(current.getScheme()) && !scheme.equals("https");
        if (downgrade || !(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
            throw new PrompdException(ExitCode.NETWORK, "refusing a redirect from " + Urls.display(current) + " to "
                    + Urls.display(next), "a registry served over https must stay on https");
        }
        return next;
    }

    static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the response is finished with either way; a failing close only loses the connection for reuse
        }
    }
}
