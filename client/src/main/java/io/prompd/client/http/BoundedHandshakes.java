package io.prompd.client.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets whose handshake waits no longer than a connection does, as curl's connect timeout covers the handshake.
 * {@link java.net.HttpURLConnection} handshakes under its read timeout, which is long enough for a slow response, so
 * a server that accepts the connection and never answers the handshake (a plain HTTP one, reading the handshake as
 * the start of a request line that never ends) would hold each try that long.
 *
 * <p>The JDK's connection asks for an unconnected socket first and, refused as here, layers TLS over a plain socket
 * it connected itself: the one {@link #createSocket(Socket, String, int, boolean)} gets, whose timeout the TLS socket
 * reads under. The connection gives no hook after the handshake, so the thread that connected gives that socket its
 * timeout back with {@link #finish}, once its connect has returned or failed. TLS layers over it as an
 * {@link AlertReadingSocket}, so that a server refusing the handshake is heard saying why.
 */
final class BoundedHandshakes extends SSLSocketFactory {

    private final SSLSocketFactory tls;
    private final int handshakeMillis;
    /** The plain socket this thread's connection is handshaking over, with the timeout it had before. */
    private final ThreadLocal<Handshake> handshaking = new ThreadLocal<>();

    private record Handshake(Socket plain, int readTimeoutMillis) {
    }

    BoundedHandshakes(SSLSocketFactory tls, int handshakeMillis) {
        this.tls = Objects.requireNonNull(tls, "tls");
        this.handshakeMillis = handshakeMillis;
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        handshaking.set(new Handshake(plain, plain.getSoTimeout()));
        plain.setSoTimeout(handshakeMillis);
        return tls.createSocket(new AlertReadingSocket(plain), host, port, autoClose);
    }

    /**
     * Ends this thread's connect: the socket it handshook over, if any, reads under its own timeout again.
     *
     * @return whether a handshake was begun, that is, the server (or the proxy's tunnel) accepted the connection
     */
    boolean finish() {
        Handshake begun = handshaking.get();
        if (begun == null) {
            return false;
        }
        handshaking.remove();
        try {
            begun.plain().setSoTimeout(begun.readTimeoutMillis());
        } catch (IOException closed) {
            // a failed handshake closed it: nothing is read from it again
        }
        return true;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tls.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tls.createSocket(address, port, localAddress, localPort);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
