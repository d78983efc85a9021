package io.prompd.client.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** An HTTP or HTTPS server on 127.0.0.1 and a free port that records every request it answers. */
final class LoopbackServer implements AutoCloseable {

    /** What the server saw of one request. */
    record Seen(String path, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private LoopbackServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.start();
    }

    static LoopbackServer start() {
        try {
            return new LoopbackServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** An HTTPS server presenting the certificate of {@code tls}. */
    static LoopbackServer startTls(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new LoopbackServer(server);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /**
     * An HTTPS server presenting the certificate of {@code tls} that asks its clients for one of theirs but takes
     * a connection without, as nginx's {@code ssl_verify_client optional} does, over {@code protocol} alone.
     */
    static LoopbackServer startTlsWantingAClientCertificate(SSLContext tls, String protocol) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters wanted = tls.getDefaultSSLParameters();
                    wanted.setProtocols(new String[] {protocol});
                    wanted.setWantClientAuth(true);
                    parameters.setSSLParameters(wanted);
                }
            });
            return new LoopbackServer(server);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** Answers requests under {@code path}, recording each before the handler runs. */
    LoopbackServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            seen.add(new Seen(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    URI url(String path) {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress()
                .getPort()
                + path);
    }

    /** The URL by the name localhost: to the client another host than 127.0.0.1, as a CDN or a sign-in portal is. */
    URI urlByName(String path) {
        return URI.create(url(path).toString().replace("://127.0.0.1:", "://localhost:"));
    }

    /** Redirects requests under {@code path} to {@code location}, with {@code status}. */
    LoopbackServer redirect(String path, int status, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            respond(exchange, status, "");
        });
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    long count(String path) {
        return seen.stream().filter(request -> request.path().equals(path)).count();
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The bytes gzip-compressed, as a CDN serves a document to a client that accepts it. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return compressed.toByteArray();
    }

    /**
     * Announces the whole body but sends only its first half. Closing the short stream throws;
     * letting that escape the handler makes the server drop the connection mid-body.
     */
    static void respondTruncated(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
