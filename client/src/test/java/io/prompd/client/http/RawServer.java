package io.prompd.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that reads each request's head and answers it with the same bytes, then
 * closes the connection, or resets it: the broken answers no HTTP server library would send, such
 * as a body longer than its {@code Content-Length}.
 */
final class RawServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] answer;
    private final boolean reset;
    private final AtomicInteger connections = new AtomicInteger();

    private RawServer(byte[] answer, boolean reset) {
        this.answer = answer.clone();
        this.reset = reset;
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        Thread accepting = new Thread(this::serve, "raw-server");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Answers every request with {@code answer}, then closes the connection. */
    static RawServer answering(String answer) {
        return new RawServer(answer.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** Resets every connection once its request has arrived, answering nothing. */
    static RawServer resetting() {
        return new RawServer(new byte[0], true);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
                readHead(connection.getInputStream());
                if (reset) {
                    // a linger of zero makes close send RST instead of FIN
                    connection.setSoLinger(true, 0);
                } else {
                    connection.getOutputStream().write(answer);
                    connection.shutdownOutput();
                }
            } catch (IOException closedOrDropped) {
                // closed by the test, or a client that went away: the next connection is served as well
            }
        }
    }

    /** Reads up to the blank line that ends a request's head; a GET has no body. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is over either way
        }
    }
}
