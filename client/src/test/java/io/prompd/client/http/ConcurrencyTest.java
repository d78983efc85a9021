package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.ClosedPort;
import io.prompd.core.PrompdException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    private static final int LIMIT = 3;
    private static final int DOCUMENTS = 24;

    @TempDir
    Path cache;

    private final LoopbackServer server = LoopbackServer.start();
    private final ExecutorService callers = Executors.newFixedThreadPool(DOCUMENTS);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        server.close();
    }

    @Test
    void theServerNeverSeesMoreRequestsAtOnceThanTheLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        server.handle("/", exchange -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(40);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } finally {
                // no longer counted once answering: the client frees its slot when the answer has
                // arrived, and the next request may reach the server before this thread gets here
                inFlight.decrementAndGet();
            }
            respond(exchange, 200, exchange.getRequestURI().getPath());
        });
        RegistryFetcher fetcher = new RegistryFetcher(cache, false, Fetchers.quick(LIMIT),
                new Fetchers.RecordingSleeper(), Fetchers.CLOCK, System::nanoTime, RequestListener.NONE);

        List<Future<String>> fetched = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String path = "/packages/p" + i + ".json";
            fetched.add(callers.submit(() -> new String(fetcher.fetchDocument(server.url(path))
                    .read(Function.identity()), StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < DOCUMENTS; i++) {
            assertEquals("/packages/p" + i + ".json", fetched.get(i).get());
        }

        assertTrue(mostAtOnce.get() <= LIMIT, "at most " + LIMIT + " at once, saw " + mostAtOnce.get());
        assertTrue(mostAtOnce.get() > 1, "requests did run in parallel");
        assertEquals(DOCUMENTS, server.seen().size());
    }

    /**
     * Which of the requests in flight to a host that cannot be reached tries it again, and which wait for its tries,
     * is a race: each fails in the same words all the same, run after run, for output to be deterministic.
     */
    @Test
    void requestsInFlightToAHostThatCannotBeReachedEachFailInTheSameWordsWhicheverTriedItAgain() throws Exception {
        String down = "http://127.0.0.1:" + ClosedPort.find();
        for (int run = 0; run < 5; run++) {
            // pauses that take time, as a run's do, so that the requests in flight overlap
            RegistryFetcher fetcher = new RegistryFetcher(cache, false, Fetchers.quick(LIMIT),
                    delay -> Thread.sleep(20), Fetchers.CLOCK, System::nanoTime, RequestListener.NONE);
            List<Future<String>> failed = new ArrayList<>();
            for (int i = 0; i < LIMIT * 2; i++) {
                URI url = URI.create(down + "/packages/p" + i + "/index.json");
                failed.add(callers.submit(() -> assertThrows(PrompdException.class,
                        () -> fetcher.fetchDocument(url).read(Function.identity())).getMessage()));
            }
            for (int i = 0; i < LIMIT * 2; i++) {
                assertEquals("could not fetch " + down + "/packages/p" + i + "/index.json: this run gave up on"
                        + " reaching " + down + " after 4 attempts (last: cannot reach " + down
                        + " (Connection refused))",
                        failed.get(i).get(), "run " + run);
            }
        }
    }
}
