package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.RegistryServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The limits a user sets, {@code http.retries} and {@code http.timeout} or the variables over them, as the requests
 * of a run to the registry on 127.0.0.1 keep them.
 */
class HttpLimitsTest extends InstallCommandsFixture {

    /** Answers the first request of the run 503, as a registry that is restarting does, and the others as it is. */
    private void unavailableAtFirst() {
        AtomicInteger requests = new AtomicInteger();
        server.refuseAccess(503).onRequest(path -> {
            if (requests.incrementAndGet() > 1) {
                server.refuseAccess(0);
            }
        });
    }

    @Test
    void byDefaultARequestAnswered503IsTriedAgain() {
        unavailableAtFirst();

        CliRun info = prompd("info", "@acme/util");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.err().contains("(HTTP 503): trying again, attempt 2 of 4…"), info.err());
    }

    @Test
    void withNoRetriesTheFirst503FailsTheRun() {
        unavailableAtFirst();
        assertEquals(0, prompd("config", "set", "http.retries", "0").exitCode());

        CliRun info = prompd("info", "@acme/util");

        assertEquals(5, info.exitCode(), info.err());
        assertTrue(info.err().contains(": gave up after 1 attempt (last: HTTP 503)"), info.err());
        assertEquals(1, server.requests().size(), server.requests().toString());
    }

    @Test
    void theVariableWinsOverTheConfiguration() {
        unavailableAtFirst();
        assertEquals(0, prompd("config", "set", "http.retries", "0").exitCode());

        CliRun info = CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", server.url().toString(),
                "PROMPD_HTTP_RETRIES", "1"), "info", "@acme/util");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.err().contains("(HTTP 503): trying again, attempt 2 of 2…"), info.err());
    }

    /**
     * The default would wait 30 s for each of four tries. Timed in a thread of its own, as a socket's read ignores the
     * interrupt of a timeout.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aShortTimeoutGivesUpOnARegistryThatNeverAnswers() {
        server.onRequest(path -> RegistryServer.sleep(Duration.ofMinutes(2)));
        assertEquals(0, prompd("config", "set", "http.timeout", "1").exitCode());
        long start = System.nanoTime();

        CliRun info = prompd("info", "@acme/util");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(5, info.exitCode(), info.err());
        assertTrue(info.err().contains(": gave up after 4 attempts (last: "), info.err());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, took + ": " + info.err());
    }
}
