package io.prompd.client.testing;

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
public final class RawServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] answer;
    private final boolean reset;
    /** Whether to wait for a request's head before answering, as a server does, or to answer on connecting. */
    private final boolean readsRequest;
    private final AtomicInteger connections = new AtomicInteger();

    private RawServer(byte[] answer, boolean reset, boolean readsRequest) {
        this.answer = answer.clone();
        this.reset = reset;
        this.readsRequest = readsRequest;
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
    public static RawServer answering(String answer) {
        return new RawServer(answer.getBytes(StandardCharsets.ISO_8859_1), false, true);
    }

    /**
     * Answers every connection with 400 as soon as it is made, then closes it: as a plain HTTP server answers the
     * bytes of a TLS handshake, which it reads as a malformed request.
     */
    public static RawServer speakingPlainHttp() {
        return new RawServer("HTTP/1.0 400 Bad request\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), false, false);
    }

    /**
     * Answers nothing until a request's head has arrived: a TLS handshake, which holds no such head, waits for ever, as
     * a plain HTTP server waits for the rest of the request line it took the handshake's bytes for.
     */
    public static RawServer waitingForARequestHead() {
        return new RawServer(new byte[0], false, true);
    }

    /** Resets every connection once its request has arrived, answering nothing. */
    public static RawServer resetting() {
        return new RawServer(new byte[0], true, true);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
                if (readsRequest) {
                    readHead(connection.getInputStream());
                }
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
    public static void readHead(InputStream in) throws IOException {
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
