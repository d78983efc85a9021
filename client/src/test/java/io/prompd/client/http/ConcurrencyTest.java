package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                new Fetchers.RecordingSleeper(), Fetchers.CLOCK, System::nanoTime, WaitListener.NONE);

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
}
