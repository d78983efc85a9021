package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.client.http.RequestListener.Ended;
import io.prompd.client.http.RequestListener.Outcome;
import io.prompd.core.archive.Integrity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each try of a request is told to the listener as it ends, for {@code --verbose} to list: what it was, which bytes
 * came and how long it took by the fetcher's ticker, which here moves only while the server answers.
 */
class EndedRequestsTest {

    private static final String INDEX = "{\"name\":\"@acme/x\"}\n";
    private static final Duration SERVER_TIME = Duration.ofMillis(12);

    @TempDir
    Path work;

    private final LoopbackServer server = LoopbackServer.start();
    /** The fetcher's ticker: the server moves it on by {@link #SERVER_TIME} for each request it answers. */
    private final AtomicLong now = new AtomicLong();
    /** What the listener heard, in order: each {@link Ended}, and each retry as "retrying N". */
    private final List<Object> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private RegistryFetcher fetcher(boolean offline) {
        return new RegistryFetcher(work.resolve("cache"), offline, Fetchers.QUICK, new Fetchers.RecordingSleeper(),
                Fetchers.CLOCK, now::get, new RequestListener() {
                    @Override
                    public void retrying(Retry retry) {
                        heard.add("retrying " + retry.nextAttempt());
                    }

                    @Override
                    public void ended(Ended ended) {
                        heard.add(ended);
                    }
                });
    }

    /** Answers the first {@code failures} requests 503, then {@code body} with an ETag, and 304 to one naming it. */
    private URI serve(String path, int failures, byte[] body) {
        AtomicInteger requests = new AtomicInteger();
        server.handle(path, exchange -> {
            now.addAndGet(SERVER_TIME.toNanos());
            if (requests.getAndIncrement() < failures) {
                respond(exchange, 503, "");
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            respond(exchange, "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200,
                    body);
        });
        return server.url(path);
    }

    @Test
    void aDocumentIsToldFetchedThenRevalidatedThenTakenFromTheCacheOffline() {
        URI url = serve("/@acme/x/index.json", 0, INDEX.getBytes(StandardCharsets.UTF_8));

        fetcher(false).fetchDocument(url).read(Function.identity());
        fetcher(false).fetchDocument(url).read(Function.identity());
        fetcher(true).fetchDocument(url).read(Function.identity());

        assertEquals(List.of(new Ended(url, url, Outcome.FETCHED, Optional.empty(), INDEX.length(), SERVER_TIME),
                new Ended(url, url, Outcome.REVALIDATED, Optional.empty(), 0, SERVER_TIME),
                new Ended(url, url, Outcome.CACHED, Optional.empty(), 0, Duration.ZERO)), heard);
    }

    @Test
    void aFailedTryIsToldBeforeTheRetryAndTheTryThatGotThrough() {
        byte[] tarball = "not really gzip".getBytes(StandardCharsets.UTF_8);
        URI url = serve("/@acme/x/-/x-1.0.0.tgz", 1, tarball);

        fetcher(false).download(url, work.resolve("x.tgz"), Integrity.of(tarball), OptionalLong.of(tarball.length),
                ProgressListener.NONE);

        assertEquals(List.of(new Ended(url, url, Outcome.FAILED, Optional.of("HTTP 503"), 0, SERVER_TIME),
                "retrying 2", new Ended(url, url, Outcome.FETCHED, Optional.empty(), tarball.length, SERVER_TIME)),
                heard);
    }

    @Test
    void aFileIsToldReadAndAMissingOneNotFound() throws IOException {
        Path index = Files.createDirectories(work.resolve("registry/@acme/x")).resolve("index.json");
        Files.writeString(index, INDEX);
        URI missing = work.resolve("registry/@acme/y/index.json").toUri();

        fetcher(false).fetchDocument(index.toUri()).read(Function.identity());
        assertThrows(NotFound.class, () -> fetcher(false).fetchDocument(missing));

        assertEquals(List.of(new Ended(index.toUri(), index.toUri(), Outcome.READ, Optional.empty(), INDEX.length(),
                Duration.ZERO), new Ended(missing, missing, Outcome.FAILED, Optional.of("not found"), 0,
                Duration.ZERO)), heard);
    }
}
