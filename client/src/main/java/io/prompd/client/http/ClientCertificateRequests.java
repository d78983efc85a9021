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
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager of prompd's TLS connections, which holds no client certificate and notes, for the thread
 * handshaking, that the server asked for one. Asking is not requiring: a server may ask and take a connection without
 * (nginx's {@code ssl_verify_client optional}). One that requires a certificate (mutual TLS) refuses the handshake
 * with an alert ({@link AlertReadingSocket} has it read), which alone tells its refusal from an outage: every try
 * would be refused the same.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {

    /**
     * The alerts of a server refusing a handshake that sent no certificate: TLS 1.3's own, and TLS 1.2's, where
     * OpenSSL sends {@code handshake_failure} and the JDK {@code bad_certificate}; as the JDK words an alert received.
     */
    private static final Set<String> NO_CERTIFICATE_ALERTS = Set.of("Received fatal alert: certificate_required",
            "Received fatal alert: bad_certificate", "Received fatal alert: handshake_failure");

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
     * The final error of a request whose server refused the handshake for want of a client certificate, which it
     * asked for; empty when the connection failed otherwise.
     */
    Optional<PrompdException> refusal(URI url, Exception failed) {
        if (!asked.get() || !refusedWithoutCertificate(failed)) {
            return Optional.empty();
        }
        return Optional.of(new PrompdException(ExitCode.NETWORK, "the server at " + Origin.of(url) + " requires a"
                + " client certificate (mutual TLS), which prompd cannot send", "reach the registry through a proxy"
                + " that presents the certificate, or ask its maintainers for access without one (a token)", failed));
    }

    private static boolean refusedWithoutCertificate(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException && NO_CERTIFICATE_ALERTS.contains(cause.getMessage())) {
                return true;
            }
        }
        return false;
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
