package io.prompd.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure worth another attempt: no connection, a timeout, a 5xx or 429 answer, a body cut
 * short. Its message names what happened and never a credential.
 */
final class TransientFailure extends Exception {

    /** What failed, which decides how the failure is counted and what its final message tells to look into. */
    enum Kind {
        /** The host answered, or began to, and failed for now: a 5xx or 429, a timeout, a body cut short. */
        FOR_NOW,
        /**
         * An answer that breaks HTTP itself: the server, or a proxy on the way, answered, so the network is up and
         * the hint must not say otherwise.
         */
        MALFORMED,
        /** No connection to the host at all (refused, no route, no such host), which says nothing of one URL alone. */
        UNREACHABLE
    }

    /** The proxy that could not be reached, when that is why the host could not be, and what to look into. */
    record UnreachableProxy(ProxyServer server, String hint) {
        UnreachableProxy {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(hint, "hint");
        }
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;
    private final transient Optional<URI> answeredBy;
    private final transient Optional<UnreachableProxy> proxy;

    TransientFailure(String message) {
        this(message, Optional.empty());
    }

    /** A refusal that says when to come back ({@code Retry-After}). */
    TransientFailure(String message, Optional<Duration> retryAfter) {
        this(message, null, Kind.FOR_NOW, retryAfter, Optional.empty(), Optional.empty());
    }

    TransientFailure(String message, Throwable cause) {
        this(message, cause, Kind.FOR_NOW, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private TransientFailure(String message, Throwable cause, Kind kind, Optional<Duration> retryAfter,
                             Optional<URI> answeredBy, Optional<UnreachableProxy> proxy) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.answeredBy = answeredBy;
        this.proxy = proxy;
    }

    static TransientFailure unreachable(String message, Throwable cause) {
        return new TransientFailure(message, cause, Kind.UNREACHABLE, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static TransientFailure proxyUnreachable(UnreachableProxy proxy, String message, Throwable cause) {
        return new TransientFailure(message, cause, Kind.UNREACHABLE, Optional.empty(), Optional.empty(),
                Optional.of(proxy));
    }

    static TransientFailure malformed(String message) {
        return new TransientFailure(message, null, Kind.MALFORMED, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * The same failure of an answer that {@code url} gave, after redirects: when a redirect led to another
     * host, that host failed for now, cut the body short or sent it malformed, and is the one to look at.
     */
    TransientFailure answeredBy(URI url) {
        TransientFailure answered = new TransientFailure(getMessage(), getCause(), kind, retryAfter, Optional.of(url),
                proxy);
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
        return kind == Kind.MALFORMED;
    }

    boolean unreachable() {
        return kind == Kind.UNREACHABLE;
    }

    Optional<UnreachableProxy> proxy() {
        return proxy;
    }
}
