package io.prompd.generator.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a preview server lets its clients hold: its workers, how long one request may take to arrive, and how
 * long its answer may wait for the client to take more of it, after which its connection is closed, so that stalled
 * clients cannot starve the others.
 *
 * @param workers     the most requests read or answered at once; more wait for a free worker
 * @param requestTime from a request's first byte to its last header line
 * @param sendTime    the longest the answer may wait for the client to take its next part, as nginx's
 *                    {@code send_timeout}: a slow download that keeps taking it runs as long as it needs
 */
public record ServeSettings(int workers, Duration requestTime, Duration sendTime) {

    /**
     * A preview's: workers started as requests come, up to 256, so that clients that stall (a paused download, a
     * killed client, a hundred half-sent requests) leave the others served at once, each stalled one being freed by
     * its limit. 256 is Apache httpd's default for its workers, and each worker holds at most a socket and a file, so
     * they stay well below the 1024 open files Linux allows a process by default. An answer may wait 60 s for its
     * client, nginx's default {@code send_timeout}, and a request's head, a few hundred bytes, has 20 s to arrive.
     */
    public static final ServeSettings PREVIEW = new ServeSettings(256, Duration.ofSeconds(20), Duration.ofSeconds(60));

    public ServeSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("a server needs at least one worker, not " + workers);
        }
        for (Duration limit : new Duration[] {Objects.requireNonNull(requestTime, "requestTime"),
                Objects.requireNonNull(sendTime, "sendTime")}) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("a time limit must be positive, not " + limit);
            }
        }
    }
}
