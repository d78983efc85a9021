package io.prompd.client.http;

import java.net.URI;
import java.time.Duration;

/**
 * Hears of each wait a registry asks for ({@code Retry-After}) before a request is tried again: one
 * may last up to {@link RetryPolicy#maxWait()}, and a user who sees nothing happen for that long
 * takes the run for hung. Calls come from the requesting threads, several at once in an install.
 */
@FunctionalInterface
public interface WaitListener {

    /** Hears nothing. */
    WaitListener NONE = (url, answer, delay) -> { };

    /**
     * @param url    what is asked for again once the wait is over
     * @param answer the registry's answer that asked for the wait, such as {@code HTTP 429}
     * @param delay  how long the wait lasts
     */
    void waiting(URI url, String answer, Duration delay);
}
