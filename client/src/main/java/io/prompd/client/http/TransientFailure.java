package io.prompd.client.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure worth another attempt: no connection, a timeout, a 5xx or 429 answer, a body cut
 * short. Its message names what happened and never a credential.
 */
final class TransientFailure extends Exception {

    private final transient Optional<Duration> retryAfter;
    private final boolean malformed;

    TransientFailure(String message) {
        this(message, Optional.empty());
    }

    /** A refusal that says when to come back ({@code Retry-After}). */
    TransientFailure(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
        this.malformed = false;
    }

    TransientFailure(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = Optional.empty();
        this.malformed = false;
    }

    private TransientFailure(String message, boolean malformed) {
        super(message);
        this.retryAfter = Optional.empty();
        this.malformed = malformed;
    }

    /**
     * An answer that breaks HTTP itself, such as a body longer than its {@code Content-Length}: the
     * server, or a proxy on the way, answered, so the network is up and its hint must not say otherwise.
     */
    static TransientFailure malformed(String message) {
        return new TransientFailure(message, true);
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean malformed() {
        return malformed;
    }
}
