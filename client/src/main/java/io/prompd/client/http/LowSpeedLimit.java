package io.prompd.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The slowest body accepted, as curl's {@code --speed-limit}/{@code --speed-time} and cargo's
 * {@code http.low-speed-limit}: an attempt that receives fewer than {@code bytesPerSecond} on average
 * over a whole {@code window} is given up, and retried as other transient failures are. The idle
 * timeout cannot catch a server that trickles a byte now and then, since every byte restarts it.
 * Only the rate is bounded, as in cargo, not a whole transfer's time: a deadline that let a large
 * tarball through a slow link would let a small one trickle as long.
 *
 * @param bytesPerSecond the lowest average rate, in bytes per second
 * @param window         how long the rate may stay below it
 */
public record LowSpeedLimit(long bytesPerSecond, Duration window) {

    public static final LowSpeedLimit DEFAULT = new LowSpeedLimit(10, Duration.ofSeconds(30));

    public LowSpeedLimit {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
        }
        Objects.requireNonNull(window, "window");
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least a millisecond: " + window);
        }
    }

    /** The fewest bytes a window must bring. */
    long bytesPerWindow() {
        return Math.max(1, bytesPerSecond * window.toMillis() / 1000);
    }

    @Override
    public String toString() {
        long millis = window.toMillis();
        return bytesPerSecond + " bytes/s over " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }
}
