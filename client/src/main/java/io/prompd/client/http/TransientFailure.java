package io.prompd.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
        UNREACHABLE,
        /**
         * No connection made within the time a connection may take: counted as a failure for now, as a host that is
         * there may be slow to accept, but no answer came, as from a host not reached.
         */
        CONNECT_TIMED_OUT
    }

    /** The proxy that could not be reached, when that is why the host could not be, and what to look into. */
    record UnreachableProxy(ProxyServer server, String hint) {
        UnreachableProxy {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(hint, "hint");
        }
    }

    private final Kind kind;
    private final OptionalInt status;
    private final transient Optional<Duration> retryAfter;
    private final transient Optional<URI> answeredBy;
    private final transient Optional<UnreachableProxy> proxy;

    TransientFailure(String message) {
        this(message, (Throwable) null);
    }

    TransientFailure(String message, Throwable cause) {
        this(message, cause, Kind.FOR_NOW, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private TransientFailure(String message, Throwable cause, Kind kind, OptionalInt status,
                             Optional<Duration> retryAfter, Optional<URI> answeredBy,
                             Optional<UnreachableProxy> proxy) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.answeredBy = answeredBy;
        this.proxy = proxy;
    }

    /** An answer of a status that may pass (5xx, 429), which may say when to come back ({@code Retry-After}). */
    static TransientFailure status(int status, Optional<Duration> retryAfter) {
        return new TransientFailure("HTTP " + status, null, Kind.FOR_NOW, OptionalInt.of(status), retryAfter,
                Optional.empty(), Optional.empty());
    }

    static TransientFailure unreachable(String message, Throwable cause) {
        return new TransientFailure(message, cause, Kind.UNREACHABLE, OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static TransientFailure connectTimedOut(Throwable cause) {
        return new TransientFailure("timed out", cause, Kind.CONNECT_TIMED_OUT, OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static TransientFailure proxyUnreachable(UnreachableProxy proxy, String message, Throwable cause) {
        return new TransientFailure(message, cause, Kind.UNREACHABLE, OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.of(proxy));
    }

    static TransientFailure malformed(String message) {
        return new TransientFailure(message, null, Kind.MALFORMED, OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The same failure of an answer that {@code url} gave, after redirects: when a redirect led to another
     * host, that host failed for now, cut the body short or sent it malformed, and is the one to look at.
     */
    TransientFailure answeredBy(URI url) {
        TransientFailure answered = new TransientFailure(getMessage(), getCause(), kind, status, retryAfter,
                Optional.of(url), proxy);
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

    /** Whether no connection was made, refused or timed out: nothing of the host answered. */
    boolean unconnected() {
        return kind == Kind.UNREACHABLE || kind == Kind.CONNECT_TIMED_OUT;
    }

    /** The status of the answer that failed, when it was one (5xx, 429). */
    OptionalInt status() {
        return status;
    }

    Optional<UnreachableProxy> proxy() {
        return proxy;
    }
}
