package io.prompd.generator.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prompd.core.testing.Polls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticServerTest {

    /** How long the client of a slow download waits before it takes each part. */
    private static final Duration PAUSE = Duration.ofMillis(300);
    /** The state of a TCP socket open both ways in Linux's /proc/net/tcp. */
    private static final String ESTABLISHED = "01";

    @TempDir
    Path temp;

    private Path root;
    private StaticServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void serveARegistry() throws IOException {
        root = temp.resolve("site");
        write("registry.json", "{}\n");
        write("packages.json", "{\"packages\": []}\n");
        write("packages/@a/b/index.json", "{\"name\": \"@a/b\"}\n");
        write("packages/@a/b/1.0.0.json", "{}\n");
        write("packages/@a/b/-/b-1.0.0.tgz", "not really gzip");
        write("docs/index.html", "<h1>docs</h1>");
        write("docs/index.json", "{}");
        Files.writeString(temp.resolve("secret.txt"), "outside the root");
        server = StaticServer.start(root, "127.0.0.1", 0, ServeSettings.PREVIEW);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnTheLoopbackAddressAtTheChosenFreePort() {
        assertEquals("127.0.0.1", server.url().getHost());
        assertTrue(server.url().getPort() > 0);
    }

    @Test
    void boundToAllAddressesItGivesAUrlOfThisMachineThatAnswers() throws Exception {
        try (StaticServer everywhere = StaticServer.start(root, "0.0.0.0", 0, ServeSettings.PREVIEW)) {
            assertEquals(InetAddress.getLoopbackAddress().getHostAddress(), everywhere.url().getHost());
            assertEquals(200, client.send(HttpRequest.newBuilder(everywhere.url().resolve("registry.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void servesJsonWithShortCachingAndAnETag() throws Exception {
        HttpResponse<String> response = get("registry.json");
        assertEquals(200, response.statusCode());
        assertEquals("{}\n", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=300", response.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(response.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]+-[0-9a-f]+\""));
    }

    @Test
    void tarballsAndVersionDocumentsAreImmutable() throws Exception {
        HttpResponse<String> tarball = get("packages/@a/b/-/b-1.0.0.tgz");
        assertEquals("application/gzip", tarball.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable",
                tarball.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("public, max-age=31536000, immutable",
                get("packages/@a/b/1.0.0.json").headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("public, max-age=300",
                get("packages/@a/b/index.json").headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void everyAnswerAllowsCrossOriginReadsAndForbidsSniffingAsTheHostingDocsAskOfAPublicHost() throws Exception {
        for (String path : List.of("registry.json", "packages/@a/b/-/b-1.0.0.tgz", "packages/@a/b", "missing.json")) {
            HttpResponse<String> response = get(path, "Origin", "https://tool.example");
            assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void aMatchingIfNoneMatchGetsNotModified() throws Exception {
        String etag = get("registry.json").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("registry.json", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, get("registry.json", "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void aFolderServesItsIndexHtmlElseItsIndexJson() throws Exception {
        HttpResponse<String> docs = get("docs/");
        assertEquals("<h1>docs</h1>", docs.body());
        assertEquals("text/html; charset=utf-8", docs.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"name\": \"@a/b\"}\n", get("packages/@a/b/").body());
    }

    @Test
    void aFolderWithoutItsSlashIsRedirectedToIt() throws Exception {
        HttpResponse<String> response = get("packages/@a/b?x=1");
        assertEquals(301, response.statusCode());
        assertEquals("/packages/@a/b/?x=1", response.headers().firstValue("Location").orElseThrow());
        assertEquals(301, get("packages").statusCode(), "also a folder without an index");
        assertEquals(200, get("registry.json").statusCode(), "a file is not a folder");
    }

    @Test
    void missingFilesAreNotFound() throws Exception {
        HttpResponse<String> missing = get("packages/@a/c/index.json");
        assertEquals(404, missing.statusCode());
        assertEquals("not found: /packages/@a/c/index.json\n", missing.body());
        assertEquals(404, get("packages/").statusCode(), "a folder without an index");
        assertEquals(404, get("registry.json/").statusCode(), "a file asked for as a folder");
        HttpResponse<String> root = get("");
        assertEquals(404, root.statusCode());
        assertEquals("not found: /\nThis is a prompd registry, not a web site: registry.json describes it and"
                + " packages.json lists its packages.\n", root.body());
    }

    @Test
    void theControlCharactersOfAPathNotFoundAreSpeltOut() throws Exception {
        assertTrue(rawAnswer("/registry.json%00.txt").endsWith("\r\n\r\nnot found: /registry.json^@.txt\n"));
        assertTrue(rawAnswer("/a%0D%0Ab%1B%5B2J").endsWith("\r\n\r\nnot found: /a^M^Jb^[[2J\n"));
    }

    @Test
    void headSendsTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(server.url().resolve("registry.json"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("application/json", head.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void pathsLeavingTheFolderAreRefusedHoweverTheyAreWritten() throws Exception {
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/packages/%2E%2E/%2e%2e/secret.txt",
                "/packages/..%2f..%2fsecret.txt", "/%2e%2e%5csecret.txt"}) {
            assertEquals(404, rawStatus(path), path);
        }
    }

    @Test
    void namesStartingWithADotAreNotFoundAsTheNginxRecipeHasIt() throws Exception {
        write(".prompd-build.json", "{\"commit\": \"...\"}\n");
        write(".registry.old/registry.json", "{}\n");
        write("packages/@a/b/.hidden.json", "{}\n");
        write(".well-known/index.json", "{}\n");
        for (String path : new String[] {"/.prompd-build.json", "/%2eprompd-build.json", "/.registry.old/registry.json",
                "/packages/@a/b/.hidden.json", "/.well-known/", "/.well-known"}) {
            assertEquals(404, rawStatus(path), path);
        }
        assertEquals(200, rawStatus("/registry.json"), "a dot inside a name is no dot at its start");
    }

    @Test
    void linksLeadingOutOfTheFolderAreRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("link.txt"), temp.resolve("secret.txt"));
        Files.createDirectories(root.resolve("linked"));
        Files.createSymbolicLink(root.resolve("linked/index.json"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside.json"), root.resolve("registry.json"));
        assertEquals(404, get("link.txt").statusCode());
        assertEquals(404, get("linked/").statusCode(), "a folder's index");
        assertEquals("{}\n", get("inside.json").body(), "a link that stays inside is served");
    }

    @Test
    void whileABuildIsStoppedBetweenItsTwoRenamesThePreviousBuildIsServedUntilTheFolderIsBack() throws Exception {
        write(".prompd-build.json", "{}\n");
        Path retired = temp.resolve(".site.old");
        // what a build killed between the renames of its publish leaves: the output retired, the new build staged
        Files.move(root, retired);
        Files.createDirectories(temp.resolve(".site.staging/packages"));

        assertEquals("{}\n", get("registry.json").body());
        assertEquals(200, get("packages/@a/b/-/b-1.0.0.tgz").statusCode());
        assertEquals(404, get(".prompd-build.json").statusCode(), "the state stays hidden");
        try (StaticServer started = StaticServer.start(root, "127.0.0.1", 0, ServeSettings.PREVIEW)) {
            assertEquals(200, client.send(HttpRequest.newBuilder(started.url().resolve("packages.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a server started meanwhile serves it too");
        }

        // the next build puts it back
        Files.move(retired, root);
        write("registry.json", "{\"name\": \"rebuilt\"}\n");
        assertEquals("{\"name\": \"rebuilt\"}\n", get("registry.json").body());
    }

    @Test
    void aMissingFolderBesideARetiredBuildWithNoStagingFolderIsNotServedFromIt() throws Exception {
        write(".prompd-build.json", "{}\n");
        // deleted by hand, or a build into it failed: the build refuses to pick the retired build for the user
        Files.move(root, temp.resolve(".site.old"));

        assertEquals(404, get("registry.json").statusCode());
    }

    @Test
    void aHundredClientsThatStallInTheirRequestOrTheirDownloadLeaveTheOthersServedAtOnce() throws Exception {
        writeLargeFile();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                // no blank line after the headers: the request never ends
                stalled.add(send("GET /registry.json HTTP/1.1\r\nHost: x\r\n"));
            }
            for (int i = 0; i < 8; i++) {
                stalled.add(send("GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n"));
            }
            assertTrue(stalled.size() < ServeSettings.PREVIEW.workers(), "each stalled client holds a worker");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.url().resolve("registry.json"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aClientStalledPastItsTimeLimitIsCutOffAndItsWorkerFreed() throws Exception {
        long size = writeLargeFile();
        ServeSettings brief = new ServeSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (StaticServer limited = StaticServer.start(root, "127.0.0.1", 0, brief);
                Socket request = send(limited, "GET /registry.json HTTP/1.1\r\nHost: x\r\n");
                Socket download = send(limited, "GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n")) {
            request.setSoTimeout(10_000);
            assertEquals(-1, request.getInputStream().read(), "closed with no answer");

            awaitServerSideClosed(limited, download);
            download.setSoTimeout(10_000);
            long read = 0;
            try (InputStream in = download.getInputStream()) {
                read = in.transferTo(OutputStream.nullOutputStream());
            } catch (SocketException reset) {
                // closed with data unread: the answer is cut off all the same
            }
            assertTrue(read < size, "the download was cut off at " + read + " of " + size + " bytes");

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(limited.url().resolve("registry.json"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }
    }

    @Test
    void aSlowDownloadThatKeepsTakingItsAnswerRunsPastTheSendTimeAndArrivesWhole() throws Exception {
        writeLargeFile();
        ServeSettings brief = new ServeSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (StaticServer limited = StaticServer.start(root, "127.0.0.1", 0, brief); Socket download = new Socket()) {
            // a small window, so that what the client has not read yet cannot sit in its buffer
            download.setReceiveBufferSize(64 << 10);
            download.connect(new InetSocketAddress(limited.url().getHost(), limited.url().getPort()));
            download.getOutputStream().write("GET /large.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            download.setSoTimeout(10_000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = download.getInputStream();
            int pauses = 0;
            for (byte[] part = in.readNBytes(2 << 20); part.length > 0; part = in.readNBytes(2 << 20)) {
                answer.write(part);
                Thread.sleep(PAUSE.toMillis());
                pauses++;
            }
            // what this test is about: the pauses alone add up to more than the send time, which a whole answer must
            // not have to fit in (a smaller file would make the test pass without reaching that point)
            assertTrue(PAUSE.multipliedBy(pauses).compareTo(brief.sendTime().multipliedBy(3)) > 0,
                    "the download was read with pauses long past the send time: " + pauses + " pauses");

            byte[] bytes = answer.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int body = text.indexOf("\r\n\r\n") + 4;
            assertTrue(text.startsWith("HTTP/1.1 200 "), text.substring(0, Math.min(body, 200)));
            assertArrayEquals(Files.readAllBytes(root.resolve("large.bin")),
                    Arrays.copyOfRange(bytes, body, bytes.length), "the whole file, byte for byte");
        }
    }

    /**
     * A file larger than the sockets' buffers, so that a client that does not read it holds its worker, of bytes that
     * differ, so that a body missing a part differs from the file.
     */
    private long writeLargeFile() throws IOException {
        byte[] large = new byte[32 << 20];
        new Random(1).nextBytes(large);
        Files.write(root.resolve("large.bin"), large);
        return large.length;
    }

    private Socket send(String text) throws IOException {
        return send(server, text);
    }

    /**
     * Waits for the server to close its end of a connection the client does not read from: the server's socket
     * leaves the state ESTABLISHED (or is gone), as Linux lists it. Read from the client's end, the close would only
     * show after whatever the server had sent before it, and reading would keep the connection from stalling.
     */
    private static void awaitServerSideClosed(StaticServer server, Socket client) throws Exception {
        List<Path> tables = Stream.of("/proc/net/tcp", "/proc/net/tcp6").map(Path::of).filter(Files::isReadable)
                .toList();
        assumeTrue(!tables.isEmpty(), "the state of a socket is read from Linux's /proc/net/tcp");
        // a row: its number, the local and the remote address (each with its port in hexadecimal), the state
        Pattern serverEnd = Pattern.compile("^\\s*\\d+: \\S+:%04X \\S+:%04X (\\S{2}) "
                .formatted(server.url().getPort(), client.getLocalPort()));
        Polls.until("the server to close its end of the stalled connection", () -> {
            List<String> states = new ArrayList<>();
            for (Path table : tables) {
                for (String line : Files.readAllLines(table)) {
                    Matcher row = serverEnd.matcher(line);
                    if (row.find()) {
                        states.add(row.group(1));
                    }
                }
            }
            return states;
        }, states -> !states.contains(ESTABLISHED));
    }

    private static Socket send(StaticServer to, String text) throws IOException {
        Socket socket = new Socket(to.url().getHost(), to.url().getPort());
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends the path as written: HTTP clients normalise dot segments away before sending. */
    private int rawStatus(String path) throws IOException {
        String statusLine = rawAnswer(path).lines().findFirst().orElseThrow();
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** The whole answer, status line, headers and body, to the path as written. */
    private String rawAnswer(String path) throws IOException {
        try (Socket socket = send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aPathStartingWithTwoSlashesIsAPathWithItsSlashesMergedAsNginxHasIt() throws Exception {
        assertEquals(200, rawStatus("//packages/@a/b/index.json"));
        assertEquals(200, rawStatus("///registry.json"));
        assertEquals(200, rawStatus("/packages//@a/b///1.0.0.json"));
        String answer = rawAnswer("//x/registry.json");
        assertTrue(answer.startsWith("HTTP/1.1 404 "), answer);
        assertTrue(answer.endsWith("\r\n\r\nnot found: /x/registry.json\n"), answer);
        assertTrue(rawAnswer("//packages/@a/b?x=1").contains("\r\nLocation: /packages/@a/b/?x=1\r\n"));
        assertEquals(404, rawStatus("//%2e%2e/secret.txt"));
        assertEquals(404, rawStatus("//../secret.txt"));
        assertEquals(200, rawStatus("http://elsewhere.example/registry.json"), "an absolute URL names its path");
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.url().resolve("registry.json"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void cachePolicyOfEachKindOfFile() {
        assertEquals(CachePolicy.IMMUTABLE, CachePolicy.cacheControl("packages/b/-/b-1.0.0.tgz"));
        assertEquals(CachePolicy.IMMUTABLE, CachePolicy.cacheControl("packages/@a/b/1.0.0.json"));
        assertEquals(CachePolicy.SHORT, CachePolicy.cacheControl("packages/@a/b/index.json"));
        assertEquals(CachePolicy.SHORT, CachePolicy.cacheControl("packages.json"));
        assertEquals(CachePolicy.SHORT, CachePolicy.cacheControl("registry.json"));
        assertEquals(CachePolicy.SHORT, CachePolicy.cacheControl(URI.create("schemas/prompd.schema.json").getPath()));
    }
}
