package io.prompd.client.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a failing request is tried and how long to wait in between: exponential backoff with
 * jitter, so many clients failing together do not come back together.
 *
 * @param maxAttempts tries in all, the first included (at least 1)
 * @param baseDelay   the wait before the second try, doubled for each further one
 * @param maxDelay    the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    /**
     * The wait after failed attempt {@code failedAttempt} (1-based): half of the exponential step
     * for sure, the other half at random ("equal jitter"), so waits still grow while spreading out.
     */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + failedAttempt);
        }
        long step = baseDelay.toMillis() << Math.min(failedAttempt - 1, 30);
        long capped = Math.min(step < 0 ? Long.MAX_VALUE : step, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(capped - half + random.nextLong(half + 1));
    }
}
