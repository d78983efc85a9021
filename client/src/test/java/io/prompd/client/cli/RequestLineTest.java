package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.http.RequestListener.Ended;
import io.prompd.client.http.RequestListener.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line {@code --verbose} gives a try of a request: its URL shown without a secret, its size, its time. */
class RequestLineTest {

    private static final URI SIGNED = URI.create("https://ci:pa55w0rd@cdn.example/@acme/x/-/x-1.0.0.tgz?sig=s3cr3t");
    private static final Duration TOOK = Duration.ofNanos(12_600_000);

    @Test
    void aUrlIsShownWithoutItsUserPartOrQuery() {
        assertEquals("verbose: GET https://cdn.example/@acme/x/-/x-1.0.0.tgz?… 200 3.1 KiB 12 ms",
                RequestLine.of(new Ended(SIGNED, SIGNED, Outcome.FETCHED, Optional.empty(), 3_210, TOOK)));
        URI registry = URI.create("https://r.example/@acme/x/-/x-1.0.0.tgz");
        assertEquals("verbose: GET https://r.example/@acme/x/-/x-1.0.0.tgz (redirected to"
                + " https://cdn.example/@acme/x/-/x-1.0.0.tgz?…) failed (HTTP 503) 12 ms",
                RequestLine.of(new Ended(registry, SIGNED, Outcome.FAILED, Optional.of("HTTP 503"), 0, TOOK)));
    }

    @Test
    void eachOutcomeSaysWhatCameAndHowLongItTook() {
        URI index = URI.create("http://127.0.0.1:8080/@acme/x/index.json");
        assertEquals("verbose: GET http://127.0.0.1:8080/@acme/x/index.json 304 12 ms (cache revalidated: the cached"
                + " copy is used)", RequestLine.of(new Ended(index, index, Outcome.REVALIDATED, Optional.empty(), 0,
                TOOK)));
        assertEquals("verbose: cached http://127.0.0.1:8080/@acme/x/index.json (offline: not asked)",
                RequestLine.of(new Ended(index, index, Outcome.CACHED, Optional.empty(), 0, Duration.ZERO)));
        URI file = URI.create("file:///srv/registry/@acme/x/index.json");
        assertEquals("verbose: read /srv/registry/@acme/x/index.json 512 bytes 12 ms",
                RequestLine.of(new Ended(file, file, Outcome.READ, Optional.empty(), 512, TOOK)));
        assertEquals("verbose: GET http://127.0.0.1:8080/@acme/x/index.json 200 2.4 MiB 12 ms",
                RequestLine.of(new Ended(index, index, Outcome.FETCHED, Optional.empty(), 2_500_000, TOOK)));
    }
}
