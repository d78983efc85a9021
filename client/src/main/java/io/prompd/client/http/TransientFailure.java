package io.prompd.client.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure worth another attempt: no connection, a timeout, a 5xx or 429 answer, a body cut
 * short. Its message names what happened and never a credential.
 */
final class TransientFailure extends Exception {

    private final transient Optional<Duration> retryAfter;

    TransientFailure(String message) {
        this(message, Optional.empty());
    }

    /** A refusal that says when to come back ({@code Retry-After}). */
    TransientFailure(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    TransientFailure(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = Optional.empty();
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
