package io.prompd.client.http;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.config.HttpLimits;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentFetchTest {

    private static final String INDEX = "{\"name\":\"@prompd/core\"}\n";

    @TempDir
    Path cache;

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves {@code body} with an ETag, and 304 when the client already has it. */
    private void serveWithEtag(String path, AtomicReference<String> body) {
        server.handle(path, exchange -> {
            String etag = "\"" + Integer.toHexString(body.get().hashCode()) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(exchange, 304, "");
            } else {
                respond(exchange, 200, body.get());
            }
        });
    }

    @Test
    void revalidatesWithTheEtagAndUsesTheCachedBodyOn304() {
        serveWithEtag("/packages/index.json", new AtomicReference<>(INDEX));
        URI url = server.url("/packages/index.json");
        RegistryFetcher fetcher = Fetchers.online(cache);

        byte[] first = fetcher.fetchDocument(url).read(Function.identity());
        byte[] second = fetcher.fetchDocument(url).read(Function.identity());

        assertEquals(INDEX, new String(first, StandardCharsets.UTF_8));
        assertArrayEquals(first, second);
        assertEquals(2, server.count("/packages/index.json"));
        assertNull(server.seen().get(0).header("If-None-Match"));
        assertEquals("application/json", server.seen().get(0).header("Accept"));
        assertTrue(server.seen().get(1).header("If-None-Match").startsWith("\""));
    }

    @Test
    void aDocumentIsAskedForAsJsonThatCachesOnTheWayRevalidate() {
        serveWithEtag("/packages/index.json", new AtomicReference<>(INDEX));

        Fetchers.online(cache).fetchDocument(server.url("/packages/index.json")).read(Function.identity());

        LoopbackServer.Seen request = server.seen().get(0);
        assertEquals("application/json", request.header("Accept"));
        assertEquals("no-cache", request.header("Cache-Control"));
        assertEquals("no-cache", request.header("Pragma"));
    }

    @Test
    void aChangedDocumentReplacesTheCachedOne() {
        AtomicReference<String> body = new AtomicReference<>(INDEX);
        serveWithEtag("/registry.json", body);
        URI url = server.url("/registry.json");
        RegistryFetcher fetcher = Fetchers.online(cache);
        fetcher.fetchDocument(url).read(Function.identity());

        body.set("{\"changed\":true}\n");

        assertEquals(body.get(),
                new String(fetcher.fetchDocument(url).read(Function.identity()), StandardCharsets.UTF_8));
        assertEquals(body.get(), new String(Fetchers.offline(cache).fetchDocument(url)
                .read(Function.identity()), StandardCharsets.UTF_8));
    }

    @Test
    void revalidatesWithLastModifiedWhenThereIsNoEtag() {
        String lastModified = "Wed, 21 Oct 2026 07:28:00 GMT";
        server.handle("/packages.json", exchange -> {
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
            boolean unchanged = lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            respond(exchange, unchanged ? 304 : 200, unchanged ? "" : INDEX);
        });
        RegistryFetcher fetcher = Fetchers.online(cache);

        fetcher.fetchDocument(server.url("/packages.json")).read(Function.identity());
        byte[] revalidated = fetcher.fetchDocument(server.url("/packages.json")).read(Function.identity());

        assertEquals(INDEX, new String(revalidated, StandardCharsets.UTF_8));
        assertEquals(lastModified, server.seen().get(1).header("If-Modified-Since"));
    }

    @Test
    void decodesAGzippedDocumentAndCachesItDecoded() {
        String packages = "{\"packages\":[" + "\"@prompd/core\",".repeat(500) + "\"@prompd/last\"]}\n";
        server.handle("/packages.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, LoopbackServer.gzip(packages.getBytes(StandardCharsets.UTF_8)));
        });
        URI url = server.url("/packages.json");

        byte[] online = Fetchers.online(cache).fetchDocument(url).read(Function.identity());
        byte[] offline = Fetchers.offline(cache).fetchDocument(url).read(Function.identity());

        assertEquals("gzip", server.seen().get(0).header("Accept-Encoding"));
        assertEquals(packages, new String(online, StandardCharsets.UTF_8));
        assertArrayEquals(online, offline);
    }

    @Test
    void refusesAnEncodingItDidNotAskFor() {
        server.handle("/packages.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "br");
            respond(exchange, 200, "compressed?");
        });
        URI url = server.url("/packages.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("unsupported Content-Encoding 'br' from " + url, failure.getMessage());
    }

    @Test
    void offlineReadsTheCacheWithoutAnyRequest() {
        serveWithEtag("/registry.json", new AtomicReference<>(INDEX));
        URI url = server.url("/registry.json");
        Fetchers.online(cache).fetchDocument(url).read(Function.identity());

        byte[] offline = Fetchers.offline(cache).fetchDocument(url).read(Function.identity());

        assertEquals(INDEX, new String(offline, StandardCharsets.UTF_8));
        assertEquals(1, server.seen().size());
    }

    @Test
    void offlineWithoutACachedCopyFailsClearly() {
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.offline(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("offline and not cached: " + url, failure.getMessage());
        assertTrue(failure.hint().contains("--offline"), failure.hint());
        assertEquals(0, server.seen().size());
    }

    @Test
    void aFileWhereTheCachesFolderGoesIsRefusedOnlineAndOfflineBeforeAnyRequest() throws IOException {
        serveWithEtag("/registry.json", new AtomicReference<>(INDEX));
        URI url = server.url("/registry.json");
        Path inTheWay = Files.writeString(cache.resolve("http"), "notes");

        for (RegistryFetcher fetcher : new RegistryFetcher[] {Fetchers.online(inTheWay), Fetchers.offline(inTheWay)}) {
            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> fetcher.fetchDocument(url).read(Function.identity()));
            NotDirectoryException named = assertInstanceOf(NotDirectoryException.class, refused.getCause());
            assertEquals(inTheWay.toString(), named.getFile());
        }
        assertEquals(0, server.seen().size(), "no document fetched that could never be kept");
    }

    /** Reads a document as its reader in the install would, refusing one that is not {@link #INDEX}'s shape. */
    private static String readIndex(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith("{\"name\"")) {
            throw new PrompdException(ExitCode.FAILURE, "damaged: " + text, "");
        }
        return text;
    }

    @Test
    void aDamagedAnswerFailsTheRunAndLeavesTheGoodCachedCopyForOffline() {
        AtomicReference<String> served = new AtomicReference<>(INDEX);
        serveWithEtag("/registry.json", served);
        URI url = server.url("/registry.json");
        Fetchers.online(cache).fetchDocument(url).read(DocumentFetchTest::readIndex);

        served.set("[\"not\", \"the shape\"]");
        PrompdException damaged = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(DocumentFetchTest::readIndex));
        String offline = Fetchers.offline(cache).fetchDocument(url).read(DocumentFetchTest::readIndex);

        assertEquals("damaged: [\"not\", \"the shape\"]", damaged.getMessage(), "the damage fails the run that met it");
        assertEquals(INDEX, offline, "the good copy stays for --offline");
        assertEquals("\"" + Integer.toHexString(INDEX.hashCode()) + "\"", server.seen().get(1).header("If-None-Match"));
    }

    @Test
    void aCachedCopyItsReaderCannotReadIsDroppedOnlineAndOffline() {
        serveWithEtag("/registry.json", new AtomicReference<>(INDEX));
        URI url = server.url("/registry.json");
        Fetchers.online(cache).fetchDocument(url).read(Function.identity());
        Function<byte[], String> refusing = body -> {
            throw new PrompdException(ExitCode.FAILURE, "unreadable", "");
        };

        assertThrows(PrompdException.class, () -> Fetchers.online(cache).fetchDocument(url).read(refusing));
        assertEquals("\"" + Integer.toHexString(INDEX.hashCode()) + "\"", server.seen().get(1).header("If-None-Match"),
                "the copy refused was the cached one, which a 304 confirmed");
        PrompdException gone = assertThrows(PrompdException.class,
                () -> Fetchers.offline(cache).fetchDocument(url).read(Function.identity()));
        assertEquals("offline and not cached: " + url, gone.getMessage());

        Fetchers.online(cache).fetchDocument(url).read(Function.identity());
        assertThrows(PrompdException.class, () -> Fetchers.offline(cache).fetchDocument(url).read(refusing));
        assertThrows(PrompdException.class, () -> Fetchers.offline(cache).fetchDocument(url).read(Function.identity()),
                "refused offline, it is dropped too");
        assertNull(server.seen().get(2).header("If-None-Match"), "fetched whole once dropped");
    }

    /**
     * What a run that failed online asks of an --offline run of itself changes nothing: it reads the cache as that run
     * would, with no request, and a copy its reader cannot read stays, for a run to decide on.
     */
    @Test
    void aCacheOnlyFetcherReadsAsOfflineAndKeepsACopyItsReaderCannotRead() {
        serveWithEtag("/registry.json", new AtomicReference<>(INDEX));
        URI url = server.url("/registry.json");
        RegistryFetcher online = Fetchers.online(cache);
        online.fetchDocument(url).read(Function.identity());

        PrompdException refused = assertThrows(PrompdException.class,
                () -> online.cacheOnly().fetchDocument(url).read(body -> {
                    throw new PrompdException(ExitCode.FAILURE, "unreadable", "");
                }));
        PrompdException notCached = assertThrows(PrompdException.class,
                () -> online.cacheOnly().fetchDocument(server.url("/other.json")));

        assertEquals("unreadable", refused.getMessage());
        assertEquals(INDEX, new String(online.cacheOnly().fetchDocument(url).read(Function.identity()),
                StandardCharsets.UTF_8), "kept");
        assertEquals("offline and not cached: " + server.url("/other.json"), notCached.getMessage());
        assertEquals(1, server.seen().size(), "no request but the first run's");
    }

    @Test
    void offlineADamagedCachedCopyIsCalledDamagedNotMissing() throws IOException {
        serveWithEtag("/registry.json", new AtomicReference<>(INDEX));
        URI url = server.url("/registry.json");
        Fetchers.online(cache).fetchDocument(url).read(Function.identity());
        Path cached = new HttpCache(cache).fileOf(url);
        Files.write(cached, Arrays.copyOf(Files.readAllBytes(cached), 40));

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.offline(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("offline, and the cached copy of " + url + " is damaged (" + cached + ")", failure.getMessage());
        assertEquals("run once without --offline to fetch it again", failure.hint());
    }

    @Test
    void offlineDownloadsNothing() {
        URI url = server.url("/packages/-/a-1.0.0.tgz");

        PrompdException failure = assertThrows(PrompdException.class, () -> Fetchers.offline(cache)
                .download(url, cache.resolve("a.tgz"), Integrity.of(new byte[0]), OptionalLong.empty(),
                        ProgressListener.NONE));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals(0, server.seen().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void aMissingDocumentIsNotFoundAndNotRetried(int status) {
        server.handle("/", exchange -> respond(exchange, status, "no"));
        URI url = server.url("/packages/@a/b/index.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("not found in the registry: " + url, failure.getMessage());
        assertEquals(1, server.seen().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedAccessSaysHowToLogIn(int status) {
        server.handle("/", exchange -> respond(exchange, status, "denied"));
        URI url = server.url("/packages/@private/b/index.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("the registry refused access (HTTP " + status + "): " + url, failure.getMessage());
        assertEquals("log in, with --registry naming the registry as configured",
                failure.hint());
        assertEquals(1, server.seen().size());
    }

    @Test
    void aRefusalCarriesTheSchemesItsChallengesAskFor() {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Acme, \\\"Inc\\\" Bearer\","
                    + " charset=\"UTF-8\"");
            exchange.getResponseHeaders().add("www-authenticate", "Digest realm = \"x\", qop=auth, Newauth abc==");
            respond(exchange, 401, "denied");
        });
        URI url = server.url("/registry.json");

        AccessRefused refused = assertThrows(AccessRefused.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(List.of("Basic", "Digest", "Newauth"), refused.schemes());
        assertTrue(refused.asksFor("basic"));
        assertFalse(refused.asksFor("Bearer"), "a scheme's name in a quoted realm is none");
    }

    /**
     * The JDK parses the challenges before it gives the status, and failed on the first five with an
     * IllegalArgumentException ('invalid start or end'), an internal error: an empty one, a parameter with no scheme
     * before it; it parses the last two.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "\"", "==", "=", "realm=\"x\"", " , ", "Basic realm=\"x\", ==, realm=y"})
    void aChallengeTheJdkCannotParseIsRefusedAsAnyOther(String challenge) {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            respond(exchange, 401, "denied");
        });
        URI url = server.url("/packages/@private/b/index.json");

        AccessRefused refused = assertThrows(AccessRefused.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, refused.exitCode());
        assertEquals("the registry refused access (HTTP 401): " + url, refused.getMessage());
        assertEquals(challenge.startsWith("Basic") ? List.of("Basic") : List.of(), refused.schemes());
        assertEquals(1, server.seen().size());
    }

    @Test
    void aChallengeTheJdkCannotParseAmongOthersLeavesTheirSchemes() {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"r\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "");
            respond(exchange, 401, "denied");
        });

        AccessRefused refused = assertThrows(AccessRefused.class,
                () -> Fetchers.online(cache).fetchDocument(server.url("/registry.json")).read(Function.identity()));

        assertEquals(List.of("Bearer"), refused.schemes());
    }

    /** A registry, no proxy, answering 407: its Proxy-Authenticate challenge is parsed all the same. */
    @ParameterizedTest
    @ValueSource(strings = {"", "=="})
    void aProxyChallengeTheJdkCannotParseFromTheRegistryNamesTheStatus(String challenge) {
        server.handle("/", exchange -> {
            exchange.getResponseHeaders().add("Proxy-Authenticate", challenge);
            respond(exchange, 407, "");
        });
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("the registry answered HTTP 407 for " + url, failure.getMessage());
    }

    @Test
    void anotherClientErrorNamesTheStatusAndIsNotRetried() {
        server.handle("/", exchange -> respond(exchange, 400, "bad"));
        URI url = server.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("the registry answered HTTP 400 for " + url, failure.getMessage());
        assertEquals(1, server.seen().size());
    }

    @Test
    void notModifiedWithNothingCachedBlamesTheServerOrAProxyNotTheUrl() {
        server.handle("/", exchange -> respond(exchange, 304, ""));
        URI url = server.url("/packages/@a/b/index.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("the registry answered HTTP 304 (not modified) for " + url + ", though prompd sent no copy to"
                + " compare", failure.getMessage());
        assertEquals("its server, or a proxy or cache on the way, is broken, not the registry URL; try again later, and"
                + " if it persists tell the registry's maintainers (or the proxy's)", failure.hint());
        assertNull(server.seen().get(0).header("If-None-Match"));
    }

    /**
     * A status another host gave after a redirect names that host's URL too, in the order of the other messages
     * about what came back; 404 and 410 stay not found, and no 4xx is tried again.
     */
    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410})
    void aClientErrorAfterARedirectNamesTheUrlThatGaveIt(int status) {
        try (LoopbackServer cdn = LoopbackServer.start()) {
            cdn.handle("/", exchange -> respond(exchange, status, "no"));
            URI moved = cdn.urlByName("/cdn/index.json");
            server.redirect("/", 302, moved.toString());
            URI url = server.url("/packages/@a/b/index.json");

            PrompdException failure = assertThrows(PrompdException.class,
                    () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

            String shown = url + " (redirected to " + moved + ")";
            assertEquals(switch (status) {
                case 404, 410 -> "not found in the registry: " + shown;
                case 401, 403 -> "the registry refused access (HTTP " + status + "): " + shown;
                default -> "the registry answered HTTP " + status + " for " + shown;
            }, failure.getMessage());
            assertEquals(status == 404 || status == 410 ? ExitCode.NOT_FOUND : ExitCode.NETWORK, failure.exitCode());
            assertEquals(1, cdn.seen().size());
        }
    }

    @Test
    void aRedirectWithoutALocationAfterAnotherNamesTheUrlThatSentIt() {
        server.redirect("/old.json", 302, "/broken.json");
        server.handle("/broken.json", exchange -> respond(exchange, 302, ""));
        URI url = server.url("/old.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("a redirect without a Location header for " + url + " (redirected to " + server.url("/broken.json")
                + ")", failure.getMessage());
    }

    @Test
    void aDocumentLargerThanTheLimitIsRefused() {
        server.handle("/", exchange -> respond(exchange, 200, new byte[(1 << 20) + 1]));

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(server.url("/packages.json")).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertTrue(failure.getMessage().startsWith("larger than 1048576 bytes: "), failure.getMessage());
    }

    /** An answer prompd cannot take that another host gave after a redirect names that host's URL too. */
    @Test
    void aDocumentTooLargeOrOfAnEncodingNotAskedForAfterARedirectNamesTheUrlThatSentIt() {
        try (LoopbackServer cdn = LoopbackServer.start()) {
            cdn.handle("/large.json", exchange -> respond(exchange, 200, new byte[(1 << 20) + 1]));
            cdn.handle("/br.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "br");
                respond(exchange, 200, "compressed?");
            });
            server.redirect("/packages.json", 302, cdn.urlByName("/large.json").toString());
            server.redirect("/registry.json", 302, cdn.urlByName("/br.json").toString());
            URI large = server.url("/packages.json");
            URI encoded = server.url("/registry.json");

            PrompdException tooLarge = assertThrows(PrompdException.class,
                    () -> Fetchers.online(cache).fetchDocument(large).read(Function.identity()));
            PrompdException unsupported = assertThrows(PrompdException.class,
                    () -> Fetchers.online(cache).fetchDocument(encoded).read(Function.identity()));

            assertEquals("larger than 1048576 bytes: " + large + " (redirected to " + cdn.urlByName("/large.json")
                    + ")",
                    tooLarge.getMessage());
            assertEquals("unsupported Content-Encoding 'br' from " + encoded + " (redirected to "
                    + cdn.urlByName("/br.json") + ")", unsupported.getMessage());
        }
    }

    @Test
    void aRunsFetcherCachesUnderTheHomeFolderAndHonoursOffline(@TempDir Path home) throws Exception {
        serveWithEtag("/registry.json", new AtomicReference<>(INDEX));
        URI url = server.url("/registry.json");

        Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();
        RegistryFetcher.of(new Settings(home, Optional.empty(), false, Map.of(), Optional.empty(),
                Optional.empty(), HttpLimits.NONE, PLAIN), HttpLimits.NONE,
                Fetchers.CLOCK, sleeper,
                RequestListener.NONE).fetchDocument(url).read(Function.identity());
        byte[] offline = RegistryFetcher.of(new Settings(home, Optional.empty(), true, Map.of(), Optional.empty(),
                Optional.empty(), HttpLimits.NONE, PLAIN), HttpLimits.NONE, Fetchers.CLOCK, sleeper,
                RequestListener.NONE).fetchDocument(url).read(Function.identity());

        assertEquals(INDEX, new String(offline, StandardCharsets.UTF_8));
        try (Stream<Path> cached = Files.list(home.resolve("cache/http"))) {
            assertEquals(1, cached.count());
        }
        assertEquals(1, server.seen().size());
    }

    @Test
    void readsAFileUrlDirectly(@TempDir Path registry) throws Exception {
        Path document = registry.resolve("registry.json");
        Files.writeString(document, INDEX);

        byte[] body = Fetchers.online(cache).fetchDocument(document.toUri()).read(Function.identity());

        assertEquals(INDEX, new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsNotFound(@TempDir Path registry) {
        URI url = registry.resolve("packages/@a/b/index.json").toUri();

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("not found in the registry: " + url, failure.getMessage());
    }

    @Test
    void aFileUrlWithAQueryIsNoFileAndSaysWhereToLook(@TempDir Path registry) {
        URI url = URI.create(registry.resolve("packages/@a/b/-/b-1.0.0.tgz").toUri() + "?x");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.FAILURE, failure.exitCode());
        assertTrue(failure.getMessage().startsWith("cannot read file:"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith(" as a file: URI has a query component"), failure.getMessage());
        assertTrue(failure.hint().contains("prompd.lock"), failure.hint());
    }

    @Test
    void otherSchemesAreAUsageError() {
        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(URI.create("ftp://example.org/registry.json"))
                        .read(Function.identity()));

        assertEquals(ExitCode.USAGE, failure.exitCode());
        assertEquals("unsupported registry URL: ftp://example.org/registry.json", failure.getMessage());
    }
}
