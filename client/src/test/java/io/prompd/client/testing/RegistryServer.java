package io.prompd.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link TestRegistry}'s folder over HTTP on 127.0.0.1 and a free port, recording every
 * request path, and which requests came with an {@code Authorization} header. It can be made flaky:
 * a share of requests answered 500, another share cut off halfway through the body, decided by a
 * seeded random so every run fails the same way.
 */
public final class RegistryServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Path root;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorized = new CopyOnWriteArrayList<>();
    private final Random random = new Random(42);
    private volatile double errorShare;
    private volatile double dropShare;
    private volatile Duration tarballPause = Duration.ZERO;
    private volatile int refusal;
    private volatile String authorization = "";
    private volatile boolean tarballsForbidden;
    private volatile String challenge = "";
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile String retryAfter = "";
    private volatile String etag = "";
    private volatile String requiredQuery = "";
    private volatile String queryAddressed = "";
    private volatile RequestHook hook = path -> { };

    private RegistryServer(Path root) {
        this.root = root;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    public static RegistryServer serving(Path root) {
        return new RegistryServer(root);
    }

    /** From now on, answer {@code errorShare} of requests with 500 and cut {@code dropShare} off mid-body. */
    public RegistryServer flaky(double errorShareOfRequests, double dropShareOfRequests) {
        this.errorShare = errorShareOfRequests;
        this.dropShare = dropShareOfRequests;
        return this;
    }

    /**
     * From now on, send half of every tarball, wait this long, then send the rest: time to kill a client mid-download.
     */
    public RegistryServer pauseInTarballs(Duration pause) {
        this.tarballPause = pause;
        return this;
    }

    /**
     * From now on, answer every request with this status, as a registry that wants credentials it did not get (401,
     * 403).
     */
    public RegistryServer refuseAccess(int status) {
        this.refusal = status;
        return this;
    }

    /**
     * From now on, answer 401 to every request without this {@code Authorization} header, as a private registry does.
     */
    public RegistryServer requireAuthorization(String header) {
        this.authorization = header;
        return this;
    }

    /**
     * From now on, send this {@code WWW-Authenticate} challenge with every 401, as {@code Basic realm="Acme"} from a
     * registry behind basic authentication.
     */
    public RegistryServer challenge(String wwwAuthenticate) {
        this.challenge = wwwAuthenticate;
        return this;
    }

    /**
     * From now on, answer 403 to every tarball asked for, with credentials or without, as a registry whose account
     * rules let some users read the indexes but not download.
     */
    public RegistryServer forbidTarballs() {
        this.tarballsForbidden = true;
        return this;
    }

    /**
     * From now on, answer the next {@code requests} with 429 and this {@code Retry-After}, as a CDN throttling a burst.
     */
    public RegistryServer throttle(int requests, String askedWait) {
        this.retryAfter = askedWait;
        this.throttled.set(requests);
        return this;
    }

    /**
     * From now on, send this {@code ETag} with every file, and answer 304 to a request that names it,
     * whatever the file now holds: a host whose validator does not follow the content, as one made of
     * a file's size and time of change does when a file is fixed in place.
     */
    public RegistryServer sameEtag(String validator) {
        this.etag = validator;
        return this;
    }

    /** From now on, answer 403 to a tarball's request without this raw query, as a server of pre-signed URLs does. */
    public RegistryServer requireQuery(String query) {
        this.requiredQuery = query;
        return this;
    }

    /**
     * From now on, serve at {@code endpoint} ({@code /dl}) the file its query names as {@code f}, its first parameter,
     * as a download script addressing tarballs by their query does: {@code /dl?f=packages/@a/x/-/x-1.0.0.tgz}, the
     * parameters after it, a credential's, taken by {@link #requireQuery}.
     */
    public RegistryServer addressingByQuery(String endpoint) {
        this.queryAddressed = endpoint;
        return this;
    }

    /** What a test does, on the server's thread, when a request comes in, before it is answered. */
    @FunctionalInterface
    public interface RequestHook {
        void requested(String path) throws IOException;
    }

    /** From now on, run the hook on every request: a way to act while a client is midway through its work. */
    public RegistryServer onRequest(RequestHook requestHook) {
        this.hook = requestHook;
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The paths of the requests that came with an {@code Authorization} header, as {@link #requests} gives them. */
    public List<String> authorizedRequests() {
        return List.copyOf(authorized);
    }

    public void forgetRequests() {
        requests.clear();
        authorized.clear();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals(queryAddressed) && query != null && query.startsWith("f=")) {
                path = "/" + URLDecoder.decode(query.substring(2).split("&", 2)[0], StandardCharsets.UTF_8);
            }
            requests.add(path);
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                authorized.add(path);
            }
            hook.requested(path);
            double dice;
            synchronized (random) {
                dice = random.nextDouble();
            }
            if (throttled.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            int refused = refusal != 0 ? refusal : !authorization.isEmpty()
                    && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 401 : 0;
            if (refused != 0) {
                if (refused == 401 && !challenge.isEmpty()) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
                }
                exchange.sendResponseHeaders(refused, -1);
                return;
            }
            boolean unsigned = !requiredQuery.isEmpty() && path.endsWith(".tgz")
                    && !requiredQuery.equals(exchange.getRequestURI().getRawQuery());
            if (unsigned || tarballsForbidden && path.endsWith(".tgz")) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (dice < errorShare) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!etag.isEmpty()) {
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (dice < errorShare + dropShare) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // closing the connection under a half-sent body is what a dropped download looks like
                throw new IOException("dropped on purpose");
            }
            if (path.endsWith(".tgz") && !tarballPause.isZero()) {
                out.write(body, 0, body.length / 2);
                out.flush();
                sleep(tarballPause);
                out.write(body, body.length / 2, body.length - body.length / 2);
            } else {
                out.write(body);
            }
        }
    }

    /** Pauses the thread, as a slow server answers: for a {@link RequestHook} too. */
    public static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped while pausing", stopped);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
