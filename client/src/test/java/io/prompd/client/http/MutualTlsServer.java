package io.prompd.client.http;

import io.prompd.client.testing.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS server on 127.0.0.1 that requires a client certificate (mutual TLS) and refuses a handshake without one as
 * servers do, with an alert, where {@link LoopbackServer}'s TLS closes the connection without a word. It answers each
 * request with 200 and a document naming the certificate it was given: {@code {"client": "CN=…"}}.
 */
final class MutualTlsServer implements AutoCloseable {

    private final SSLServerSocket socket;

    private MutualTlsServer(SSLServerSocket socket) {
        this.socket = socket;
        Thread accepting = new Thread(this::serve, "mutual-tls-server");
        accepting.setDaemon(true);
        accepting.start();
    }

    /**
     * Presents the certificate of {@code tls}, over {@code protocol} alone ({@code TLSv1.2}, {@code TLSv1.3}), and
     * takes the client certificates that its trust managers trust.
     */
    static MutualTlsServer start(SSLContext tls, String protocol) {
        try {
            SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setNeedClientAuth(true);
            return new MutualTlsServer(socket);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    URI url(String path) {
        return URI.create("https://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket connection = (SSLSocket) socket.accept()) {
                // the refusal ends in a reset, as from a server that leaves the client's data unread (OpenSSL's)
                connection.setSoLinger(true, 0);
                connection.startHandshake();
                connection.setSoLinger(false, 0);
                RawServer.readHead(connection.getInputStream());
                X509Certificate client = (X509Certificate) connection.getSession().getPeerCertificates()[0];
                byte[] body = ("{\"client\": \"" + client.getSubjectX500Principal().getName() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException refusedOrClosed) {
                // a handshake refused, with its alert sent, or the server closed by the test
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
