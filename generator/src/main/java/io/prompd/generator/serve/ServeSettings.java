package io.prompd.generator.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a preview server lets its clients hold: its workers, and how long one request may take to arrive and
 * its answer to be taken, after which its connection is closed, so that stalled clients cannot starve the others.
 *
 * @param workers      the most requests read or answered at once; more wait for a free worker
 * @param requestTime  from a request's first byte to its last header line
 * @param responseTime from the last header line to the answer's last byte read by the client
 */
public record ServeSettings(int workers, Duration requestTime, Duration responseTime) {

    /**
     * A preview's: 32 workers, so that a handful of stalled clients (a paused download, a killed client) leaves
     * the others served at once, and limits a slow network still fits, a registry's files being small.
     */
    public static final ServeSettings PREVIEW = new ServeSettings(32, Duration.ofSeconds(20), Duration.ofSeconds(60));

    public ServeSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("a server needs at least one worker, not " + workers);
        }
        for (Duration limit : new Duration[] {Objects.requireNonNull(requestTime, "requestTime"),
                Objects.requireNonNull(responseTime, "responseTime")}) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("a time limit must be positive, not " + limit);
            }
        }
    }
}
