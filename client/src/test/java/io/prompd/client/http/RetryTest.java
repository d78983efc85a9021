package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static io.prompd.client.http.LoopbackServer.respondTruncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.ClosedPort;
import io.prompd.client.testing.RawServer;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    @TempDir
    Path cache;

    private final LoopbackServer server = LoopbackServer.start();
    private final Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();
    /** What the fetcher told of each try again: the wait the server asked for, else the try's number. */
    private final List<String> told = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private RegistryFetcher fetcher() {
        return fetcher(Fetchers.QUICK);
    }

    private RegistryFetcher fetcher(HttpSettings settings) {
        return fetcher(settings, System::nanoTime);
    }

    private RegistryFetcher fetcher(HttpSettings settings, LongSupplier nanoTime) {
        return new RegistryFetcher(cache, false, settings, sleeper, Fetchers.CLOCK, nanoTime,
                retry -> told.add(retry.url() + ": " + retry.failure() + ", " + retry.asked()
                        .map(wait -> wait.toSeconds() + " s")
                        .orElse("attempt " + retry.nextAttempt() + " of " + retry.maxAttempts())));
    }

    private static String documentOf(String path) {
        return "{\"path\":\"" + path + "\"}\n";
    }

    @Test
    void aServerFailingThirtyPercentOfRequestsStillServesEveryDocument() {
        Random dice = new Random(20_261_125);
        Map<String, AtomicInteger> requestsPerPath = new ConcurrentHashMap<>();
        server.handle("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requestsPerPath.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
            boolean fail;
            synchronized (dice) {
                fail = dice.nextDouble() < 0.3;
            }
            respond(exchange, fail ? 500 : 200, fail ? "oops" : documentOf(path));
        });
        RegistryFetcher fetcher = fetcher();

        for (int i = 0; i < 60; i++) {
            String path = "/packages/p" + i + "/index.json";
            assertEquals(documentOf(path), new String(fetcher.fetchDocument(server.url(path))
                    .read(Function.identity()), StandardCharsets.UTF_8));
        }

        assertTrue(server.seen().size() > 60, "some requests failed and were retried");
        assertTrue(requestsPerPath.values().stream().allMatch(count -> count.get() <= 4), requestsPerPath.toString());
        assertEquals(server.seen().size() - 60, sleeper.waits.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void givesUpAfterTheBoundedAttemptsSayingHowMany(int status) {
        server.handle("/", exchange -> respond(exchange, status, "busy"));
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("could not fetch " + url + ": gave up after 4 attempts (last: HTTP " + status + ")",
                failure.getMessage());
        assertEquals("the registry or the network may be down; try again later", failure.hint());
        assertEquals(4, server.seen().size());
        assertEquals(3, sleeper.waits.size());
        assertEquals(List.of(url + ": HTTP " + status + ", attempt 2 of 4",
                url + ": HTTP " + status + ", attempt 3 of 4",
                url + ": HTTP " + status + ", attempt 4 of 4"), told,
                "each try again is told, not only a wait asked for");
    }

    @Test
    void theDefaultPausesRideOutAServerDownForTwoSeconds() {
        // the time each try comes after the first is the sum of the pauses before it
        server.handle("/", exchange -> {
            Duration elapsed = sleeper.waits.stream().reduce(Duration.ZERO, Duration::plus);
            respond(exchange, elapsed.compareTo(Duration.ofSeconds(2)) < 0 ? 503 : 200, documentOf("/registry.json"));
        });

        byte[] body = fetcher(HttpSettings.defaults()).fetchDocument(server.url("/registry.json"))
                .read(Function.identity());

        assertEquals(documentOf("/registry.json"), new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void waitsGrowExponentiallyWithinTheirBounds() {
        server.handle("/", exchange -> respond(exchange, 503, "busy"));

        assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(server.url("/registry.json")).read(Function.identity()));

        long[] waits = sleeper.waits.stream().mapToLong(Duration::toMillis).toArray();
        assertTrue(waits[0] >= 50 && waits[0] <= 100, "first wait " + waits[0]);
        assertTrue(waits[1] >= 100 && waits[1] <= 200, "second wait " + waits[1]);
        assertTrue(waits[2] >= 200 && waits[2] <= 400, "third wait " + waits[2]);
    }

    /** Answers 429 with each {@code Retry-After} in turn, then the document. */
    private void throttles(List<String> retryAfters) {
        AtomicInteger requests = new AtomicInteger();
        server.handle("/", exchange -> {
            int request = requests.getAndIncrement();
            if (request < retryAfters.size()) {
                exchange.getResponseHeaders().set("Retry-After", retryAfters.get(request));
                respond(exchange, 429, "slow down");
            } else {
                respond(exchange, 200, documentOf("/registry.json"));
            }
        });
    }

    @Test
    void waitsAsLongAsTheServerAsksUpToAMinuteInAllSayingSo() {
        throttles(List.of("25", "25"));
        URI url = server.url("/registry.json");

        fetcher().fetchDocument(url).read(Function.identity());

        assertEquals(3, server.seen().size());
        assertEquals(List.of(Duration.ofSeconds(25), Duration.ofSeconds(25)), sleeper.waits);
        assertEquals(List.of(url + ": HTTP 429, 25 s", url + ": HTTP 429, 25 s"), told);
    }

    @Test
    void givesUpOnceTheWaitsTheServerAsksForWouldPassAMinuteInAllSayingWhatItAsked() {
        throttles(List.of("40", "40", "40"));
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("could not fetch " + url + ": gave up after 2 attempts (last: HTTP 429, asked to wait 40 s)",
                failure.getMessage());
        assertEquals("the registry asks to wait 40 s (HTTP 429): try again after that", failure.hint());
        assertEquals(List.of(Duration.ofSeconds(40)), sleeper.waits);
        assertEquals(List.of(url + ": HTTP 429, 40 s"), told);
    }

    @Test
    void waitsUntilTheDateTheServerAsksByTheClockAndNoMoreThanTheBackoffForADateThatHasPassed() {
        throttles(List.of("Wed, 02 Dec 2026 15:59:00 GMT", "Wed, 02 Dec 2026 16:00:01 GMT"));

        fetcher().fetchDocument(server.url("/registry.json")).read(Function.identity());

        assertEquals(3, server.seen().size());
        long afterThePast = sleeper.waits.get(0).toMillis();
        assertTrue(afterThePast >= 50 && afterThePast <= 100,
                "the first backoff, not a negative wait: " + afterThePast);
        assertEquals(Duration.ofSeconds(1), sleeper.waits.get(1), "a second after the clock's 16:00:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3600", "Wed, 02 Dec 2026 17:00:00 GMT"})
    void givesUpAtOnceWhenTheServerAsksForALongerWait(String retryAfter) {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
            respond(exchange, 503, "maintenance");
        });
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(url).read(Function.identity()));

        assertEquals("could not fetch " + url + ": gave up after 1 attempt (last: HTTP 503, asked to wait 3600 s)",
                failure.getMessage());
        assertEquals("the registry asks to wait 3600 s (HTTP 503): try again after that", failure.hint());
        assertEquals(1, server.seen().size());
        assertEquals(0, sleeper.waits.size());
    }

    /** Past nine digits the wait was not read at all, and the failure was retried at once as one without it. */
    @ParameterizedTest
    @CsvSource({"2147483647, 2147483647", "99999999999999999999, 999999999999999999"})
    void givesUpAtOnceWhenTheServerAsksForAWaitOfManyDigits(String retryAfter, String readAs) {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
            respond(exchange, 429, "slow down");
        });
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(url).read(Function.identity()));

        assertEquals("could not fetch " + url + ": gave up after 1 attempt (last: HTTP 429, asked to wait " + readAs
                + " s)", failure.getMessage());
        assertEquals(1, server.seen().size());
    }

    @Test
    void aBodyCutShortIsFetchedAgain() {
        byte[] document = documentOf("/registry.json").repeat(50).getBytes(StandardCharsets.UTF_8);
        AtomicInteger requests = new AtomicInteger();
        server.handle("/", exchange -> {
            if (requests.incrementAndGet() == 1) {
                respondTruncated(exchange, document);
            } else {
                respond(exchange, 200, document);
            }
        });

        byte[] body = fetcher().fetchDocument(server.url("/registry.json")).read(Function.identity());

        assertEquals(new String(document, StandardCharsets.UTF_8), new String(body, StandardCharsets.UTF_8));
        assertEquals(2, server.seen().size());
    }

    @Test
    void aGzippedBodyCutShortIsFetchedAgain() {
        byte[] document = documentOf("/packages.json").repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = LoopbackServer.gzip(document);
        AtomicInteger requests = new AtomicInteger();
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            if (requests.incrementAndGet() == 1) {
                respondTruncated(exchange, compressed);
            } else {
                respond(exchange, 200, compressed);
            }
        });

        byte[] body = fetcher().fetchDocument(server.url("/packages.json")).read(Function.identity());

        assertEquals(new String(document, StandardCharsets.UTF_8), new String(body, StandardCharsets.UTF_8));
        assertEquals(2, server.seen().size());
    }

    @Test
    void aBodyAlwaysCutShortFailsClearly() {
        byte[] document = documentOf("/registry.json").repeat(50).getBytes(StandardCharsets.UTF_8);
        server.handle("/", exchange -> respondTruncated(exchange, document));
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertTrue(failure.getMessage().startsWith("could not fetch " + url + ": gave up after 4 attempts (last: "),
                failure.getMessage());
        assertTrue(failure.getMessage().contains(" of " + document.length + " bytes"), failure.getMessage());
        assertEquals(4, server.seen().size());
    }

    @Test
    void aBodyThatStallsIsGivenUpAndFetchedAgain() throws InterruptedException {
        byte[] document = documentOf("/registry.json").repeat(50).getBytes(StandardCharsets.UTF_8);
        AtomicInteger requests = new AtomicInteger();
        // the first answer stalls until the test ends: only the client's read timeout can end the wait before then
        CountDownLatch stallEnded = new CountDownLatch(1);
        AtomicBoolean askedAgainDuringTheStall = new AtomicBoolean();
        server.handle("/", exchange -> {
            if (requests.incrementAndGet() > 1) {
                askedAgainDuringTheStall.set(stallEnded.getCount() > 0);
                respond(exchange, 200, document);
                return;
            }
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document, 0, 10);
            exchange.getResponseBody().flush();
            try {
                // a hang guard: a client that never gives up ends here, and fails below
                stallEnded.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
        HttpSettings impatient = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(200),
                LowSpeedLimit.DEFAULT, 8, 5,
                1 << 20, 1 << 20, RetryPolicy.defaults(), Proxies.NONE, Optional.empty(), Optional.empty());

        byte[] body;
        try {
            body = fetcher(impatient).fetchDocument(server.url("/registry.json")).read(Function.identity());
        } finally {
            stallEnded.countDown();
        }

        assertEquals(new String(document, StandardCharsets.UTF_8), new String(body, StandardCharsets.UTF_8));
        assertEquals(2, requests.get());
        assertTrue(askedAgainDuringTheStall.get(), "gave up on the stall itself, and asked again while it lasted");
        assertEquals(1, sleeper.waits.size(), "one wait before the second attempt: " + sleeper.waits);
    }

    @Test
    void aServerTricklingBytesFailsEachAttemptOnceTheLowSpeedWindowPassesAndIsRetried() {
        byte[] document = documentOf("/registry.json").repeat(10).getBytes(StandardCharsets.UTF_8);
        TricklingTicker ticker = new TricklingTicker();
        server.handle("/", exchange -> {
            long readings = ticker.readings();
            exchange.sendResponseHeaders(200, document.length);
            try {
                // a byte every 50 ms, 20 bytes/s: each one would restart the idle timeout, so that never fires
                for (byte b : document) {
                    readings = ticker.awaitReadingAfter(readings);
                    exchange.getResponseBody().write(b);
                    exchange.getResponseBody().flush();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
        HttpSettings quick = Fetchers.QUICK;
        HttpSettings demanding = new HttpSettings(quick.connectTimeout(), quick.requestTimeout(), quick.idleTimeout(),
                new LowSpeedLimit(100, Duration.ofMillis(300)), quick.maxConcurrent(), quick.maxRedirects(),
                quick.maxDocumentBytes(), quick.maxTarballBytes(), quick.retry(), quick.proxies(), quick.caFile(),
                quick.clientKeyStore());
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher(demanding, ticker).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("could not fetch " + url + ": gave up after 4 attempts (last: slower than 100 bytes/s over 300 ms,"
                + " after 6 of " + document.length + " bytes)", failure.getMessage(),
                "each attempt ended after its window, 6 bytes in, not after the whole trickle");
        assertEquals(4, server.seen().size());
    }

    /**
     * A ticker that moves 50 ms each time it is read. The client reads it before its first read of a
     * body and after each, so a server that sends its next byte only once the ticker has been read
     * again sends one byte a read, 50 ms apart: a trickle of 20 bytes/s that takes no real time and
     * comes the same however loaded the machine.
     */
    private static final class TricklingTicker implements LongSupplier {

        private static final long STEP_NANOS = Duration.ofMillis(50).toNanos();

        private long readings;

        @Override
        public synchronized long getAsLong() {
            readings++;
            notifyAll();
            return readings * STEP_NANOS;
        }

        synchronized long readings() {
            return readings;
        }

        /** Waits until the ticker has been read more than {@code seen} times, and returns how many. */
        synchronized long awaitReadingAfter(long seen) throws InterruptedException {
            while (readings <= seen) {
                wait();
            }
            return readings;
        }
    }

    @Test
    void aConnectionTheServerResetsOrClosesUnansweredIsSaidToBeClosedByItNotUnreachable() {
        try (RawServer resetting = RawServer.resetting(); RawServer closing = RawServer.answering("")) {
            URI reset = resetting.url("/registry.json");
            URI closed = closing.url("/registry.json");

            PrompdException afterReset = assertThrows(PrompdException.class,
                    () -> fetcher().fetchDocument(reset).read(Function.identity()));
            PrompdException afterClose = assertThrows(PrompdException.class,
                    () -> fetcher().fetchDocument(closed).read(Function.identity()));

            assertEquals("could not fetch " + reset + ": gave up after 4 attempts (last: the server at "
                    + Origin.of(reset) + " closed the connection before answering (Connection reset))",
                    afterReset.getMessage());
            assertEquals("could not fetch " + closed + ": gave up after 4 attempts (last: the server at "
                    + Origin.of(closed)
                    + " closed the connection before answering (Unexpected end of file from server))",
                    afterClose.getMessage());
        }
    }

    @Test
    void aBodyCutShortAfterARedirectToAnotherHostNamesTheUrlThatSentIt() throws Exception {
        try (LoopbackServer cdn = LoopbackServer.start()) {
            URI moved = cdn.urlByName("/mirror/core.tgz");
            cdn.handle("/", exchange -> respondTruncated(exchange, new byte[100]));
            server.redirect("/", 302, moved.toString());
            URI url = server.url("/core.tgz");

            PrompdException failure = assertThrows(PrompdException.class, () -> fetcher().download(url,
                    cache.resolve("core.tgz"), Integrity.of(new byte[100]), OptionalLong.empty(),
                    ProgressListener.NONE));

            assertEquals("could not fetch " + url + " (redirected to " + moved + "): gave up after 4 attempts (last:"
                    + " body ended after 50 of 100 bytes)", failure.getMessage());
        }
    }

    @Test
    void aServerErrorAfterARedirectToAnotherHostNamesTheUrlThatGaveIt() {
        try (LoopbackServer cdn = LoopbackServer.start()) {
            URI moved = cdn.urlByName("/mirror/registry.json");
            cdn.handle("/", exchange -> respond(exchange, 503, "busy"));
            server.redirect("/", 302, moved.toString());
            URI url = server.url("/registry.json");

            PrompdException failure = assertThrows(PrompdException.class,
                    () -> fetcher().fetchDocument(url).read(Function.identity()));

            assertEquals(ExitCode.NETWORK, failure.exitCode());
            assertEquals("could not fetch " + url + " (redirected to " + moved + "): gave up after 4 attempts (last:"
                    + " HTTP 503)", failure.getMessage());
            assertEquals(4, cdn.seen().size());
        }
    }

    @Test
    void aBodyLongerThanItsContentLengthIsSaidToBeLonger() {
        try (RawServer server = RawServer.answering("HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\": 1}\n"
                + " GARBAGE AFTER IT")) {
            URI url = server.url("/registry.json");

            PrompdException failure = assertThrows(PrompdException.class,
                    () -> fetcher().fetchDocument(url).read(Function.identity()));

            assertEquals("could not fetch " + url
                    + ": gave up after 4 attempts (last: body longer than its Content-Length of"
                    + " 10 bytes)", failure.getMessage());
            assertEquals("the registry answered, but malformed: its server, or a proxy on the way, is"
                    + " broken rather than"
                    + " down; try again later, and if it persists tell the registry's maintainers (or the"
                    + " proxy's)", failure.hint(), "it answered, so it is not down; nothing is cached for --offline");
            assertEquals(4, server.connections());
        }
    }

    /**
     * A run that stopped a fetch (as a closed index stops its threads) no longer wants the document: the try that
     * failed is its last, and no further one is announced, which would come after the run's own last word.
     */
    @Test
    void aFetchStoppedAfterATransientFailureAnnouncesNoFurtherTry() {
        Thread fetching = Thread.currentThread();
        server.handle("/", exchange -> {
            // stopped while the request is under way: no blocking read of it ends for an interrupt
            fetching.interrupt();
            respond(exchange, 503, "busy");
        });
        URI url = server.url("/registry.json");

        PrompdException failure;
        try {
            failure = assertThrows(PrompdException.class, () -> fetcher().fetchDocument(url).read(Function.identity()));
        } finally {
            assertTrue(Thread.interrupted(), "the thread stays interrupted for whoever stopped it");
        }

        assertEquals("interrupted while fetching " + url, failure.getMessage());
        assertEquals(List.of(), told);
        assertEquals(List.of(), sleeper.waits);
        assertEquals(1, server.seen().size());
    }

    @Test
    void aClosedPortIsRetriedThenReported() {
        int closedPort = ClosedPort.find();
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> fetcher().fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("could not fetch " + url + ": this run gave up on reaching http://127.0.0.1:" + closedPort
                + " after 4 attempts (last: cannot reach http://127.0.0.1:" + closedPort + " (Connection refused))",
                failure.getMessage());
        assertEquals(3, sleeper.waits.size());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anHttpsUrlOfAServerThatNeverAnswersTheHandshakeFailsAfterTheConnectTimeoutOnceAskingIfItIsPlainHttp() {
        // a read timeout far past the connect one, which bounds the handshake: were it the read timeout that did, the
        // test would hang until its guard fails it
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofMinutes(10),
                LowSpeedLimit.DEFAULT, 8, 5, 1 << 20, 1 << 20, Fetchers.QUICK.retry(), Proxies.NONE, Optional.empty(),
                Optional.empty());
        try (RawServer silent = RawServer.waitingForARequestHead()) {
            URI url = URI.create(silent.url("/registry.json").toString().replaceFirst("^http:", "https:"));

            FetchFailure failure = assertThrows(FetchFailure.class,
                    () -> fetcher(settings).fetchDocument(url).read(Function.identity()));

            assertEquals(ExitCode.NETWORK, failure.exitCode());
            assertEquals(Origin.of(url) + " accepted the connection but did not answer the TLS handshake within 1 s: is"
                    + " this server plain HTTP? One such as 'prompd-registry serve' waits for the rest of a request"
                    + " instead", failure.getMessage());
            assertTrue(failure.hint().startsWith("if the registry is served over plain HTTP, try its http:// URL"),
                    failure.hint());
            assertTrue(failure.urlSuspect());
            assertEquals(1, silent.connections(), "another try would meet the same silence");
            assertEquals(List.of(), told);
        }
    }

    @Test
    void anHttpsUrlOfAServerSpeakingPlainHttpFailsAtOnceSayingSo() {
        try (RawServer plain = RawServer.speakingPlainHttp()) {
            URI url = URI.create(plain.url("/registry.json").toString().replaceFirst("^http:", "https:"));

            FetchFailure failure = assertThrows(FetchFailure.class,
                    () -> fetcher().fetchDocument(url).read(Function.identity()));

            assertEquals(ExitCode.NETWORK, failure.exitCode());
            assertEquals(Origin.of(url) + " answered in plain HTTP, not TLS: a URL of a server that speaks plain HTTP"
                    + " starts with http://", failure.getMessage());
            assertTrue(failure.urlSuspect());
            assertEquals(1, plain.connections(), "another try would meet the same answer");
            assertEquals(List.of(), told);
        }
    }
}
