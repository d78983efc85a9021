package io.prompd.client.http;

import io.prompd.client.config.ClientKeyStore;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Answers a server asking for a client certificate with the one of the key store that the JDK's properties name
 * ({@link ClientKeyStore}), and notes, for the thread handshaking, when it had none to give. Asking is not requiring: a
 * server may ask and take a connection without (nginx's {@code ssl_verify_client optional}). One that requires a
 * certificate (mutual TLS) refuses the handshake with an alert ({@link AlertReadingSocket} has it read), which alone
 * tells its refusal from an outage: every try would be refused the same.
 */
final class ClientCertificateRequests {

    /**
     * The alerts of a server refusing a handshake that sent no certificate: TLS 1.3's own, and TLS 1.2's, where
     * OpenSSL sends {@code handshake_failure} and the JDK {@code bad_certificate}; as the JDK words an alert received.
     */
    private static final Set<String> NO_CERTIFICATE_ALERTS = Set.of("Received fatal alert: certificate_required",
            "Received fatal alert: bad_certificate", "Received fatal alert: handshake_failure");

    private final Optional<ClientKeyStore> keyStore;
    /** Whether the server of this thread's latest handshake asked for a client certificate and got none. */
    private final ThreadLocal<Boolean> unanswered = ThreadLocal.withInitial(() -> false);

    ClientCertificateRequests(Optional<ClientKeyStore> keyStore) {
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
    }

    /**
     * TLS sockets trusting what {@code trust} does (the JDK's own CAs when null), answering with the key store's
     * certificate, if any.
     *
     * @throws PrompdException USAGE when the key store cannot be read
     */
    SSLSocketFactory socketFactory(TrustManager[] trust) {
        KeyManager answering = new Answering(keys());
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {answering}, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException noTls) {
            // every JDK has TLS
            throw new IllegalStateException(noTls);
        }
    }

    /** The keys of the key store, as the JDK's default TLS reads them; none without one. */
    private X509ExtendedKeyManager keys() {
        char[] password = keyStore.flatMap(ClientKeyStore::password).map(String::toCharArray).orElse(null);
        try {
            KeyStore store = KeyStore.getInstance(keyStore.flatMap(ClientKeyStore::type)
                    .orElse(KeyStore.getDefaultType()));
            if (keyStore.isPresent()) {
                try (InputStream in = Files.newInputStream(keyStore.get().file())) {
                    store.load(in, password);
                }
            } else {
                store.load(null, null);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509ExtendedKeyManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("Java has no X.509 key manager");
        } catch (NoSuchFileException missing) {
            throw unusable("it does not exist");
        } catch (GeneralSecurityException | IOException broken) {
            throw unusable(Objects.requireNonNullElse(broken.getMessage(), broken.getClass().getSimpleName()));
        }
    }

    private PrompdException unusable(String reason) {
        return new PrompdException(ExitCode.USAGE, "the key store that " + ClientKeyStore.FILE_PROPERTY + " names is"
                + " unusable: " + keyStore.orElseThrow().file() + ": " + reason, "give a PKCS12 (or JKS) key store"
                + " holding the client certificate and its key, with its password in "
                + ClientKeyStore.PASSWORD_PROPERTY + ", or leave " + ClientKeyStore.FILE_PROPERTY + " out of"
                + " JAVA_OPTS");
    }

    /** Forgets what an earlier request of this thread was asked: a request begins. */
    void forget() {
        unanswered.remove();
    }

    /**
     * The final error of a request whose server refused the handshake for want of a client certificate, which it
     * asked for and did not get; empty when the connection failed otherwise.
     */
    Optional<PrompdException> refusal(URI url, Exception failed) {
        if (!unanswered.get() || !refusedWithoutCertificate(failed)) {
            return Optional.empty();
        }
        String required = "the server at " + Origin.of(url) + " requires a client certificate (mutual TLS)";
        if (keyStore.isEmpty()) {
            return Optional.of(new PrompdException(ExitCode.NETWORK, required + ", and none was given", "give Java the"
                    + " key store that holds it, as " + ClientKeyStore.HOW_TO_GIVE + ", or ask the registry's"
                    + " maintainers for access without one (a token)", failed));
        }
        return Optional.of(new PrompdException(ExitCode.NETWORK, required + ", and the key store "
                + keyStore.get().file() + " holds none it takes", "it takes a certificate that one of its CAs issued:"
                + " put that certificate and its key in the key store, or name the one that holds them in "
                + ClientKeyStore.FILE_PROPERTY, failed));
    }

    private static boolean refusedWithoutCertificate(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException && NO_CERTIFICATE_ALERTS.contains(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** The key store's keys, noting for the thread when they hold none the server takes. */
    private final class Answering extends X509ExtendedKeyManager {

        private final X509ExtendedKeyManager keys;

        Answering(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        private String noted(String alias) {
            if (alias == null) {
                unanswered.set(true);
            }
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return noted(keys.chooseClientAlias(keyTypes, issuers, socket));
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return noted(keys.chooseEngineClientAlias(keyTypes, issuers, engine));
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
