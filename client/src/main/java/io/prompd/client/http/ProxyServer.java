package io.prompd.client.http;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP proxy that requests go through, with the login its URL gave, if any. The password is
 * never shown: {@link #toString()} gives {@code host:port} alone.
 */
record ProxyServer(String host, int port, Optional<String> user, Optional<String> password) {

    ProxyServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a proxy needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
        if (password.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("a proxy password needs a user");
        }
    }

    Proxy proxy() {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    /**
     * Answers the proxy's 407 with the login, for plain requests and for the tunnels of https ones,
     * once: the JDK would ask again up to 20 times when the proxy refuses it. A server asking for
     * credentials gets none from here. One per connection.
     */
    Optional<Authenticator> authenticator() {
        return user.map(name -> new Authenticator() {
            private final AtomicBoolean answered = new AtomicBoolean();

            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY && !answered.getAndSet(true)
                        ? new PasswordAuthentication(name, password.orElse("").toCharArray()) : null;
            }
        });
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
