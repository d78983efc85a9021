package io.prompd.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port on 127.0.0.1 nothing listens on, for a registry that cannot be reached. It stays bound, by a socket that
 * neither listens nor connects, while the tests' JVM runs: a port let go of might be taken by another process before
 * a test connects to it, which then got an answer instead of "Connection refused", which Linux gives a bound port.
 */
public final class ClosedPort {

    private static final Socket HOLDER = bound();

    private ClosedPort() {
    }

    public static int find() {
        return HOLDER.getLocalPort();
    }

    private static Socket bound() {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket;
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }
}
