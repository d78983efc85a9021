package io.prompd.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Hears of each request about to be tried again, before the wait in between: a registry may ask for a wait of up to
 * {@link RetryPolicy#maxWait()}, and a try may take a timeout's 30 s before it fails, so a user who sees nothing
 * happen takes the run for hung. Calls come from the requesting threads, several at once in an install.
 */
@FunctionalInterface
public interface RequestListener {

    /** Hears nothing. */
    RequestListener NONE = retry -> { };

    void retrying(Retry retry);

    /**
     * A request about to be tried again.
     *
     * @param url         what is asked for again once the wait is over
     * @param failure     why the last try failed, such as {@code HTTP 429} or {@code timed out}
     * @param asked       the wait the registry asked for ({@code Retry-After}); empty for the short pause of prompd's
     *                    own
     * @param nextAttempt the try about to come, counted from 1 for the first
     * @param maxAttempts the tries there are in all
     */
    record Retry(URI url, String failure, Optional<Duration> asked, int nextAttempt, int maxAttempts) {
        public Retry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(asked, "asked");
        }
    }
}
