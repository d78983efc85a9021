package io.prompd.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A failure worth another attempt: no connection, a timeout, a 5xx or 429 answer, a body cut
 * short. Its message names what happened and never a credential.
 */
final class TransientFailure extends Exception {

    private final transient Optional<Duration> retryAfter;
    private final boolean malformed;
    private final boolean unreachable;
    private final transient Optional<URI> answeredBy;
    /** What to look into once it is given up on, when not the registry or the network: a proxy that is down. */
    private final transient Optional<String> hint;
    /** The proxy that could not be reached, when that is why the host could not be. */
    private final transient Optional<ProxyServer> proxy;

    TransientFailure(String message) {
        this(message, Optional.empty());
    }

    /** A refusal that says when to come back ({@code Retry-After}). */
    TransientFailure(String message, Optional<Duration> retryAfter) {
        this(message, null, retryAfter, false, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    TransientFailure(String message, Throwable cause) {
        this(message, cause, Optional.empty(), false, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private TransientFailure(String message, Throwable cause, Optional<Duration> retryAfter, boolean malformed,
                             boolean unreachable, Optional<URI> answeredBy, Optional<String> hint,
                             Optional<ProxyServer> proxy) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.malformed = malformed;
        this.unreachable = unreachable;
        this.answeredBy = answeredBy;
        this.hint = hint;
        this.proxy = proxy;
    }

    /** No connection to the host at all (refused, no route, no such host), which says nothing of one URL alone. */
    static TransientFailure unreachable(String message, Throwable cause) {
        return new TransientFailure(message, cause, Optional.empty(), false, true, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** No connection to the proxy the host is reached through, whose hint says what to look into. */
    static TransientFailure proxyUnreachable(ProxyServer proxy, String message, String hint, Throwable cause) {
        return new TransientFailure(message, cause, Optional.empty(), false, true, Optional.empty(),
                Optional.of(hint), Optional.of(proxy));
    }

    /**
     * An answer that breaks HTTP itself, such as a body longer than its {@code Content-Length}: the
     * server, or a proxy on the way, answered, so the network is up and its hint must not say otherwise.
     */
    static TransientFailure malformed(String message) {
        return new TransientFailure(message, null, Optional.empty(), true, false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * The same failure of an answer that {@code url} gave, after redirects: when a redirect led to another
     * host, that host failed for now, cut the body short or sent it malformed, and is the one to look at.
     */
    TransientFailure answeredBy(URI url) {
        TransientFailure answered = new TransientFailure(getMessage(), getCause(), retryAfter, malformed, unreachable,
                Optional.of(url), hint, proxy);
        answered.setStackTrace(getStackTrace());
        return answered;
    }

    Optional<URI> answeredBy() {
        return answeredBy;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean malformed() {
        return malformed;
    }

    boolean unreachable() {
        return unreachable;
    }

    Optional<String> hint() {
        return hint;
    }

    Optional<ProxyServer> proxy() {
        return proxy;
    }
}
