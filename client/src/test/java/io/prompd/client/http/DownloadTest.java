package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static io.prompd.client.http.LoopbackServer.respondTruncated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloadTest {

    private static final String TARBALL_PATH = "/packages/@prompd/core/-/core-1.0.0.tgz";

    @TempDir
    Path cache;

    @TempDir
    Path store;

    private final LoopbackServer server = LoopbackServer.start();
    private final byte[] tarball = randomBytes(200_000);

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /** Records the calls a download makes, in order. */
    private static final class RecordingProgress implements ProgressListener {
        final List<String> calls = new ArrayList<>();
        long advanced;

        @Override
        public void started(long totalBytes) {
            calls.add("started " + totalBytes);
        }

        @Override
        public void advanced(long bytes) {
            advanced += bytes;
        }

        @Override
        public void finished() {
            calls.add("finished");
        }
    }

    private List<Path> storeContents() throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            return files.toList();
        }
    }

    /** The failure of downloading the tarball from {@code url}. */
    private PrompdException failedDownload(URI url) {
        return assertThrows(PrompdException.class, () -> Fetchers.online(cache)
                .download(url, store.resolve("core-1.0.0.tgz"), Integrity.of(tarball), OptionalLong.empty(),
                        ProgressListener.NONE));
    }

    @Test
    void savesAVerifiedTarballAndReportsProgress() throws IOException {
        server.handle("/", exchange -> respond(exchange, 200, tarball));
        Path target = store.resolve("core-1.0.0.tgz");
        RecordingProgress progress = new RecordingProgress();

        Fetchers.online(cache)
                .download(server.url(TARBALL_PATH), target, Integrity.of(tarball), OptionalLong.empty(), progress);

        assertArrayEquals(tarball, Files.readAllBytes(target));
        assertEquals(List.of("started " + tarball.length, "finished"), progress.calls);
        assertEquals(tarball.length, progress.advanced);
        assertEquals(List.of(target), storeContents());
    }

    @Test
    void anEmptyTarballWhereItsIndexRecordsASizeIsTriedAgainThenANetworkErrorNamingBothSizes() throws IOException {
        server.handle("/", exchange -> respond(exchange, 200, new byte[0]));
        URI url = server.url(TARBALL_PATH);
        Path target = store.resolve("core-1.0.0.tgz");

        PrompdException failure = assertThrows(PrompdException.class, () -> Fetchers.online(cache).download(url, target,
                Integrity.of(tarball), OptionalLong.of(tarball.length), ProgressListener.NONE));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("could not fetch " + url + ": gave up after 4 attempts (last: received 0 bytes of a tarball whose"
                + " index records " + tarball.length + ")", failure.getMessage());
        assertEquals(4, server.seen().size(), "retried as a body cut short is");
        assertEquals(List.of(), storeContents());
    }

    /** The failure of downloading from {@code url} the tarball, as the index records its size. */
    private PrompdException failedSizedDownload(URI url, RecordingProgress progress) {
        return assertThrows(PrompdException.class, () -> Fetchers.online(cache).download(url,
                store.resolve("core-1.0.0.tgz"), Integrity.of(tarball), OptionalLong.of(tarball.length), progress));
    }

    @Test
    void aWholeTarballShorterThanItsIndexRecordsIsAnIntegrityErrorNotTriedAgain() throws IOException {
        byte[] shorter = Arrays.copyOf(tarball, tarball.length - 100);
        server.handle("/", exchange -> respond(exchange, 200, shorter));
        URI url = server.url(TARBALL_PATH);

        PrompdException failure = failedSizedDownload(url, new RecordingProgress());

        assertEquals(ExitCode.INTEGRITY, failure.exitCode());
        assertEquals("integrity check failed for " + url + ": its index records " + tarball.length + " bytes but "
                + shorter.length + " were received", failure.getMessage());
        assertEquals("the file differs from what the registry recorded and was not kept; try again later, and tell"
                + " the registry's maintainers if it persists", failure.hint());
        assertEquals(1, server.seen().size(), "the registry would serve the same bytes again");
        assertEquals(List.of(), storeContents());
    }

    /** A longer body, announced ({@code length}, its true one) or not (0: chunked): one byte too many tells. */
    @ParameterizedTest
    @ValueSource(longs = {8 * 64 * 1024, 0})
    void aTarballLongerThanItsIndexRecordsIsReadOneByteBeyondAndIsAnIntegrityError(long length) throws IOException {
        server.handle("/", exchange -> {
            exchange.sendResponseHeaders(200, length);
            try (var out = exchange.getResponseBody()) {
                for (int sent = 0; sent < 8; sent++) {
                    out.write(new byte[64 * 1024]);
                }
            } catch (IOException dropped) {
                // the client stopped reading
            }
        });
        URI url = server.url(TARBALL_PATH);
        RecordingProgress progress = new RecordingProgress();

        PrompdException failure = failedSizedDownload(url, progress);

        assertEquals(ExitCode.INTEGRITY, failure.exitCode());
        assertEquals("integrity check failed for " + url + ": its index records " + tarball.length + " bytes but"
                + " more were received", failure.getMessage());
        assertEquals(tarball.length + 1, progress.advanced, "read no further than a byte beyond the recorded size");
        assertEquals(1, server.seen().size());
        assertEquals(List.of(), storeContents());
    }

    @Test
    void aTarballCutShortOfItsContentLengthStaysANetworkErrorTriedAgain() throws IOException {
        byte[] other = randomBytes(tarball.length + 1000);
        server.handle("/", exchange -> respondTruncated(exchange, other));
        URI url = server.url(TARBALL_PATH);

        PrompdException failure = failedSizedDownload(url, new RecordingProgress());

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("could not fetch " + url + ": gave up after 4 attempts (last: body ended after "
                + other.length / 2 + " of " + other.length + " bytes)", failure.getMessage());
        assertEquals(4, server.seen().size());
    }

    @Test
    void aTamperedTarballIsAnIntegrityErrorAndLeavesNoFile() throws IOException {
        byte[] tampered = tarball.clone();
        tampered[1000] ^= 1;
        server.handle("/", exchange -> respond(exchange, 200, tampered));
        URI url = server.url(TARBALL_PATH);
        Path target = store.resolve("core-1.0.0.tgz");
        Integrity expected = Integrity.of(tarball);
        RecordingProgress progress = new RecordingProgress();

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache)
                        .download(url, target, expected, OptionalLong.of(tarball.length), progress));

        assertEquals(ExitCode.INTEGRITY, failure.exitCode());
        assertEquals("integrity check failed for " + url + ": expected " + expected + " but got "
                + Integrity.of(tampered),
                failure.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), storeContents());
        assertEquals(1, server.seen().size(), "a mismatch is not retried: the registry would serve the same bytes");
        assertEquals("finished", progress.calls.get(progress.calls.size() - 1));
    }

    @Test
    void aWebPageInPlaceOfTheTarballIsCalledOneWithTheNetworksExitCodeAndLeavesNoFile() throws IOException {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            respond(exchange, 200, "<!DOCTYPE html><title>503 Service Unavailable</title>");
        });
        URI url = server.url(TARBALL_PATH);

        PrompdException failure = failedDownload(url);

        assertEquals(ExitCode.NETWORK, failure.exitCode(),
                "an answer the run cannot use, as a page in a document's place");
        assertEquals("got a web page instead of a gzip tarball from " + url, failure.getMessage());
        assertEquals("nothing of it was kept: the registry's host, or a proxy or CDN in front of it,"
                + " answered with an error"
                + " or login page; try again later, and tell the registry's maintainers if it persists",
                failure.hint());
        assertEquals(List.of(), storeContents());
    }

    /** Another port of the registry's own host name is another server as much as another host name is. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSignInPageAnotherServerAnsweredWithIsNamedAsInADocumentsPlace(boolean byHostName) throws IOException {
        try (LoopbackServer portal = LoopbackServer.start()) {
            portal.handle("/", exchange -> respond(exchange, 200, "\n  <html><form action=/login></form></html>"));
            URI login = byHostName ? portal.urlByName("/login") : portal.url("/login");
            server.redirect("/", 302, login.toString());
            URI url = server.url(TARBALL_PATH);

            PrompdException failure = failedDownload(url);

            assertEquals(ExitCode.NETWORK, failure.exitCode());
            assertEquals("got a web page instead of a gzip tarball from " + url + " (redirected to " + login + ")",
                    failure.getMessage());
            assertEquals("http://" + login.getHost() + ":" + login.getPort() + " answered in the registry's place, as a"
                    + " network's sign-in page or a proxy does: open " + url
                    + " in a browser, sign in if asked, then try"
                    + " again", failure.hint());
            assertEquals(List.of(), storeContents());
        }
    }

    /** A body that never ends, as a hostile registry sends, announcing {@code length} (0: none, chunked). */
    @ParameterizedTest
    @ValueSource(longs = {100_000_000_000L, 0})
    void anEndlessTarballStopsAtTheLimitAndLeavesNoFile(long length) throws IOException {
        server.handle("/", exchange -> {
            exchange.sendResponseHeaders(200, length);
            byte[] zeros = new byte[64 * 1024];
            // a bound, so that a client that does not stop fails the test rather than filling the disk
            for (int sent = 0; sent < 64; sent++) {
                exchange.getResponseBody().write(zeros);
            }
        });
        URI url = server.url(TARBALL_PATH);

        PrompdException failure = failedDownload(url);

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("larger than " + Fetchers.QUICK.maxTarballBytes() + " bytes: " + url, failure.getMessage());
        assertEquals("no package's tarball is this large, so the registry sent something else, and nothing of it was"
                + " kept; tell the registry's maintainers", failure.hint());
        assertEquals(List.of(), storeContents());
        assertEquals(1, server.seen().size(), "not retried: the registry would send the same again");
    }

    @Test
    void aTamperedTarballLeavesAnEarlierFileAtTheTargetAlone() throws IOException {
        server.handle("/", exchange -> respond(exchange, 200, "tampered"));
        Path target = store.resolve("core-1.0.0.tgz");
        Files.write(target, tarball);

        assertThrows(PrompdException.class, () -> Fetchers.online(cache)
                .download(server.url(TARBALL_PATH), target, Integrity.of(tarball), OptionalLong.empty(),
                        ProgressListener.NONE));

        assertArrayEquals(tarball, Files.readAllBytes(target));
        assertEquals(List.of(target), storeContents());
    }

    @Test
    void aDownloadCutShortStartsOverAndSucceeds() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server.handle("/", exchange -> {
            if (requests.incrementAndGet() == 1) {
                respondTruncated(exchange, tarball);
            } else {
                respond(exchange, 200, tarball);
            }
        });
        Path target = store.resolve("core-1.0.0.tgz");
        RecordingProgress progress = new RecordingProgress();

        Fetchers.online(cache)
                .download(server.url(TARBALL_PATH), target, Integrity.of(tarball), OptionalLong.empty(), progress);

        assertArrayEquals(tarball, Files.readAllBytes(target));
        assertEquals(List.of("started " + tarball.length, "started " + tarball.length, "finished"), progress.calls);
        assertEquals(List.of(target), storeContents());
    }

    @Test
    void aMissingTarballIsNotFoundAndLeavesNoFile() throws IOException {
        server.handle("/", exchange -> respond(exchange, 404, "no"));
        URI url = server.url(TARBALL_PATH);

        PrompdException failure = failedDownload(url);

        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals(List.of(), storeContents());
    }

    @Test
    void aTarballMissingWhereARedirectLedIsNamedByBothUrls() throws IOException {
        try (LoopbackServer cdn = LoopbackServer.start()) {
            cdn.handle("/", exchange -> respond(exchange, 410, "gone"));
            URI moved = cdn.url("/cdn/core-1.0.0.tgz");
            server.redirect("/", 307, moved.toString());
            URI url = server.url(TARBALL_PATH);

            PrompdException failure = failedDownload(url);

            assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
            assertEquals("not found in the registry: " + url + " (redirected to " + moved + ")", failure.getMessage());
            assertEquals(List.of(), storeContents());
        }
    }

    @Test
    void downloadsAreNotHttpCached() throws IOException {
        server.handle("/", exchange -> respond(exchange, 200, tarball));

        Fetchers.online(cache).download(server.url(TARBALL_PATH), store.resolve("a.tgz"), Integrity.of(tarball),
                OptionalLong.empty(), ProgressListener.NONE);

        try (Stream<Path> cached = Files.list(cache)) {
            assertEquals(0, cached.count());
        }
    }

    @Test
    void aTarballIsAskedForAsAnArchiveThatCachesOnTheWayMayKeep() throws IOException {
        server.handle("/", exchange -> respond(exchange, 200, tarball));

        Fetchers.online(cache).download(server.url(TARBALL_PATH), store.resolve("a.tgz"), Integrity.of(tarball),
                OptionalLong.empty(), ProgressListener.NONE);

        LoopbackServer.Seen request = server.seen().get(0);
        assertEquals("application/gzip, application/octet-stream;q=0.9, */*;q=0.1", request.header("Accept"));
        assertNull(request.header("Cache-Control"));
        assertNull(request.header("Pragma"));
    }

    @Test
    void copiesAndVerifiesAFileUrl(@TempDir Path registry) throws IOException {
        Path source = registry.resolve("core-1.0.0.tgz");
        Files.write(source, tarball);
        Path target = store.resolve("nested/core-1.0.0.tgz");

        Fetchers.online(cache)
                .download(source.toUri(), target, Integrity.of(tarball), OptionalLong.empty(), ProgressListener.NONE);

        assertArrayEquals(tarball, Files.readAllBytes(target));
    }

    @ParameterizedTest
    @ValueSource(ints = {-100, 100})
    void aFileUrlOfAnotherSizeThanItsIndexRecordsIsAnIntegrityError(int longer, @TempDir Path registry)
            throws IOException {
        Path source = registry.resolve("core-1.0.0.tgz");
        Files.write(source, randomBytes(tarball.length + longer));
        Path target = store.resolve("core-1.0.0.tgz");

        PrompdException failure = assertThrows(PrompdException.class, () -> Fetchers.offline(cache)
                .download(source.toUri(), target, Integrity.of(tarball), OptionalLong.of(tarball.length),
                        ProgressListener.NONE));

        assertEquals(ExitCode.INTEGRITY, failure.exitCode());
        assertEquals("integrity check failed for " + source.toUri() + ": its index records " + tarball.length
                + " bytes but " + (longer > 0 ? "more" : tarball.length + longer) + " were received",
                failure.getMessage());
        assertTrue(Files.notExists(target));
    }

    @Test
    void aTamperedFileUrlIsAnIntegrityErrorToo(@TempDir Path registry) throws IOException {
        Path source = registry.resolve("core-1.0.0.tgz");
        Files.writeString(source, "not the tarball");
        Path target = store.resolve("core-1.0.0.tgz");

        PrompdException failure = assertThrows(PrompdException.class, () -> Fetchers.offline(cache)
                .download(source.toUri(), target, Integrity.of(tarball), OptionalLong.empty(), ProgressListener.NONE));

        assertEquals(ExitCode.INTEGRITY, failure.exitCode());
        assertTrue(Files.notExists(target));
    }
}
