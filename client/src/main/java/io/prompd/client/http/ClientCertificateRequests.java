package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager of prompd's TLS connections, which holds no client certificate and notes, for the thread
 * handshaking, that the server asked for one. A server requiring one (mutual TLS) ends the connection with an alert
 * that the JDK reports in its own words, or, under TLS 1.3, where the handshake ends before the server reads the
 * client's empty answer, as a connection closed while the request is written: either looks like an outage, retried,
 * though every try would be refused the same.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {

    /** Whether the server of this thread's latest handshake asked for a client certificate. */
    private final ThreadLocal<Boolean> asked = ThreadLocal.withInitial(() -> false);

    /** TLS sockets trusting what {@code trust} does (the JDK's own CAs when null), answering for no certificate. */
    SSLSocketFactory socketFactory(TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {this}, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException noTls) {
            // every JDK has TLS
            throw new IllegalStateException(noTls);
        }
    }

    /** Forgets what an earlier request of this thread was asked: a request begins. */
    void forget() {
        asked.remove();
    }

    /**
     * The final error of a request whose connection failed after its server asked for a client certificate; empty when
     * it did not ask.
     */
    Optional<PrompdException> refusal(URI url, Exception failed) {
        if (!asked.get()) {
            return Optional.empty();
        }
        return Optional.of(new PrompdException(ExitCode.NETWORK, "the server at " + Origin.of(url) + " requires a"
                + " client certificate (mutual TLS), which prompd cannot send", "reach the registry through a proxy"
                + " that presents the certificate, or ask its maintainers for access without one (a token)", failed));
    }

    private String noAlias() {
        asked.set(true);
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return noAlias();
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return noAlias();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return null;
    }
}
