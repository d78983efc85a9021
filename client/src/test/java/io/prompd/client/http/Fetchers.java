package io.prompd.client.http;

import io.prompd.core.concurrent.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fetchers for tests: quick timeouts, and a sleeper that records the waits instead of waiting. */
final class Fetchers {

    static final HttpSettings QUICK = quick(8);

    /** The moment every test fetcher takes for now, against which a Retry-After date is measured. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T16:00:00Z"), ZoneOffset.UTC);

    private Fetchers() {
    }

    /** Quick timeouts, with at most {@code maxConcurrent} requests in flight at once. */
    static HttpSettings quick(int maxConcurrent) {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2),
                LowSpeedLimit.DEFAULT,
                maxConcurrent, 5, 1 << 20, 1 << 20,
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)), Proxies.NONE,
                Optional.empty(), Optional.empty());
    }

    /** Records each wait and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration delay) {
            waits.add(delay);
        }
    }

    static RegistryFetcher online(Path cache) {
        return new RegistryFetcher(cache, false, QUICK, new RecordingSleeper(), CLOCK, System::nanoTime,
                RequestListener.NONE);
    }

    static RegistryFetcher offline(Path cache) {
        return new RegistryFetcher(cache, true, QUICK, new RecordingSleeper(), CLOCK, System::nanoTime,
                RequestListener.NONE);
    }
}
