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
 * ({@link ClientKeyStore}), and notes, for the thread handshaking, whether it had one to give. Asking is not requiring:
 * a server may ask and take a connection without (nginx's {@code ssl_verify_client optional}). One that requires a
 * certificate (mutual TLS), or refuses the one it got, refuses the handshake with an alert ({@link AlertReadingSocket}
 * has it read), which alone tells its refusal from an outage: every try would be refused the same.
 */
final class ClientCertificateRequests {

    /** How the JDK words an alert it received, before the alert's name. */
    private static final String ALERT = "Received fatal alert: ";
    /**
     * The alerts of a server refusing a handshake that sent no certificate: TLS 1.3's own, and TLS 1.2's, where
     * OpenSSL sends {@code handshake_failure} and the JDK {@code bad_certificate}.
     */
    private static final Set<String> NO_CERTIFICATE_ALERTS = Set.of("certificate_required", "bad_certificate",
            "handshake_failure");
    /** The alerts of a server refusing the client certificate it got: one it does not trust, or no longer. */
    private static final Set<String> REFUSED_CERTIFICATE_ALERTS = Set.of("bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied");
    private static final String TAKEN_HINT = "it takes a certificate that one of its CAs issued, valid today: put that"
            + " certificate and its key in the key store, or name the one that holds them in "
            + ClientKeyStore.FILE_PROPERTY;

    /** What the server of a handshake got when it asked for a client certificate. */
    private enum Answer { NOT_ASKED, NONE, CERTIFICATE }

    private final Optional<ClientKeyStore> keyStore;
    /** What the server of this thread's latest handshake got. */
    private final ThreadLocal<Answer> answers = ThreadLocal.withInitial(() -> Answer.NOT_ASKED);

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
        answers.remove();
    }

    /**
     * The final error of a request whose server refused the handshake for want of a client certificate, which it
     * asked for and did not get, or refused the one it got; empty when the connection failed otherwise.
     */
    Optional<PrompdException> refusal(URI url, Exception failed) {
        Answer answer = answers.get();
        Optional<String> alert = alert(failed);
        String server = "the server at " + Origin.of(url);
        if (answer == Answer.CERTIFICATE && alert.filter(REFUSED_CERTIFICATE_ALERTS::contains).isPresent()) {
            return Optional.of(new PrompdException(ExitCode.NETWORK, server + " refused the client certificate of the"
                    + " key store " + keyStore.orElseThrow().file() + " (TLS alert " + alert.get() + ")", TAKEN_HINT,
                    failed));
        }
        if (answer != Answer.NONE || alert.filter(NO_CERTIFICATE_ALERTS::contains).isEmpty()) {
            return Optional.empty();
        }
        String required = server + " requires a client certificate (mutual TLS)";
        if (keyStore.isEmpty()) {
            return Optional.of(new PrompdException(ExitCode.NETWORK, required + ", and none was given", "give Java the"
                    + " key store that holds it, as " + ClientKeyStore.HOW_TO_GIVE + ", or ask the registry's"
                    + " maintainers for access without one (a token)", failed));
        }
        return Optional.of(new PrompdException(ExitCode.NETWORK, required + ", and the key store "
                + keyStore.get().file() + " holds none it takes", TAKEN_HINT, failed));
    }

    /** The name of the alert the server refused the handshake with ({@code unknown_ca}), if that is why it failed. */
    private static Optional<String> alert(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof SSLException && message.startsWith(ALERT)) {
                return Optional.of(message.substring(ALERT.length()));
            }
        }
        return Optional.empty();
    }

    /** The key store's keys, noting for the thread whether they held one the server takes. */
    private final class Answering extends X509ExtendedKeyManager {

        private final X509ExtendedKeyManager keys;

        Answering(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        private String noted(String alias) {
            answers.set(alias == null ? Answer.NONE : Answer.CERTIFICATE);
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
