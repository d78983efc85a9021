package io.prompd.client.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a failing request is tried and how long to wait in between: exponential backoff with
 * jitter, so many clients failing together do not come back together, or longer when the server
 * asks for longer ({@code Retry-After}).
 *
 * @param maxAttempts tries in all, the first included (at least 1)
 * @param baseDelay   the wait before the second try, doubled for each further one
 * @param maxDelay    the longest wait of the backoff
 * @param maxWait     the longest one request waits in all, the waits the server asks for included: a
 *                    server asking for more is given up on at once, rather than holding a run for
 *                    as long as it likes
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxWait) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxWait.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay <= maxWait");
        }
    }

    /**
     * Pauses of 1-2 s, 2-4 s and 4-8 s, 7 to 14 s in all, as cargo's grow from about a second to several: a
     * registry's server restarting or a CDN's hiccup of a few seconds is ridden out, where pauses of a tenth of a
     * second gave up within one. A minute in all, as other clients bound a {@code Retry-After}: long enough for the
     * pause a CDN or an object store asks of a burst of requests, short enough that a registry asking for hours fails
     * the run at once, saying so, rather than leaving it to hang.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** A single attempt: for a request whose failure is an answer too, which no one should wait for. */
    public static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * This policy with {@code retries} tries after the first, paused as before. The wait in all grows where the longest
     * pauses of so many tries would pass it, so that every try the user asked for is made; a registry asking for
     * longer ({@code Retry-After}) is still given up on at once.
     */
    public RetryPolicy withRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        long longestPauses = 0;
        for (int failedAttempt = 1; failedAttempt <= retries; failedAttempt++) {
            longestPauses += longestDelayMillisAfter(failedAttempt);
        }
        Duration wait = Duration.ofMillis(longestPauses);
        return new RetryPolicy(retries + 1, baseDelay, maxDelay, wait.compareTo(maxWait) > 0 ? wait : maxWait);
    }

    /**
     * The wait after failed attempt {@code failedAttempt} (1-based): half of the exponential step
     * for sure, the other half at random ("equal jitter"), so waits still grow while spreading out.
     */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + failedAttempt);
        }
        long capped = longestDelayMillisAfter(failedAttempt);
        long half = capped / 2;
        return Duration.ofMillis(capped - half + random.nextLong(half + 1));
    }

    /** The exponential step after failed attempt {@code failedAttempt}, capped: the longest wait it can draw. */
    private long longestDelayMillisAfter(int failedAttempt) {
        long step = baseDelay.toMillis() << Math.min(failedAttempt - 1, 30);
        return Math.min(step < 0 ? Long.MAX_VALUE : step, maxDelay.toMillis());
    }
}
