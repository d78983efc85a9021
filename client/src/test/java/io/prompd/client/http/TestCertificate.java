package io.prompd.client.http;

import io.prompd.client.config.ClientKeyStore;
import io.prompd.core.testing.Processes;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's keytool as a company would make its
 * own CA: its key in a PKCS#12 store for a test server, and the certificate as PEM for the client.
 */
record TestCertificate(Path keyStore, Path pem) {

    private static final String PASSWORD = "test-only";

    static TestCertificate create(Path folder) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path keyStore = folder.resolve("server.p12");
        Path pem = folder.resolve("company-ca.pem");
        Processes.run(Processes.command(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname",
                "CN=Test Company CA", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD), folder, Map.of(), "", Duration.ofSeconds(60)).ok();
        Processes.run(Processes.command(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore",
                keyStore.toString(),
                "-storepass", PASSWORD, "-file", pem.toString()), folder, Map.of(), "", Duration.ofSeconds(60)).ok();
        return new TestCertificate(keyStore, pem);
    }

    /**
     * A certificate for 127.0.0.1 that a company CA signed, valid from {@code startDate} (as keytool's
     * {@code -startdate} takes it: {@code 2020/01/01 00:00:00}, {@code +30d}) for {@code days}: its key and the chain
     * to the CA in the store, and the CA's certificate as PEM, which the client trusts.
     */
    static TestCertificate signedByACompanyCa(Path folder, String startDate, int days) throws Exception {
        Path keyStore = folder.resolve("server.p12");
        Path caStore = folder.resolve("ca.p12");
        Path pem = folder.resolve("company-ca.pem");
        Path request = folder.resolve("server.csr");
        Path signed = folder.resolve("server.pem");
        keytool(folder, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Test Company CA", "-ext",
                "bc:c", "-validity", "2", "-keystore", caStore.toString());
        keytool(folder, "-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file",
                pem.toString());
        keytool(folder, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-keystore",
                keyStore.toString());
        keytool(folder, "-certreq", "-alias", "server", "-keystore", keyStore.toString(), "-file",
                request.toString());
        keytool(folder, "-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile",
                request.toString(), "-outfile", signed.toString(), "-ext", "san=ip:127.0.0.1", "-startdate",
                startDate, "-validity", String.valueOf(days));
        // the chain set here rather than by two more runs of keytool, each a JVM's start
        KeyStore store = load(keyStore);
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Certificate[] chain = new Certificate[2];
        try (InputStream server = Files.newInputStream(signed); InputStream ca = Files.newInputStream(pem)) {
            chain[0] = certificates.generateCertificate(server);
            chain[1] = certificates.generateCertificate(ca);
        }
        store.setKeyEntry("server", store.getKey("server", PASSWORD.toCharArray()), PASSWORD.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return new TestCertificate(keyStore, pem);
    }

    private static void keytool(Path folder, String... arguments) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        String[] command = new String[arguments.length + 5];
        command[0] = keytool.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        System.arraycopy(new String[] {"-storetype", "PKCS12", "-storepass", PASSWORD}, 0, command,
                arguments.length + 1, 4);
        Processes.run(List.of(command), folder, Map.of(), "", Duration.ofSeconds(60)).ok();
    }

    /** What a server presenting the certificate needs. */
    SSLContext serverContext() throws Exception {
        return serverContext(null);
    }

    /** What a server presenting the certificate needs that takes the certificate of {@code client} from its clients. */
    SSLContext serverContextTrusting(TestCertificate client) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(client.pem())) {
            trusted.setCertificateEntry("client", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return serverContext(trust.getTrustManagers());
    }

    private SSLContext serverContext(TrustManager[] trust) throws Exception {
        KeyStore store = load(keyStore);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust, null);
        return context;
    }

    /** The key store, as a client giving the certificate names it in the JDK's properties. */
    ClientKeyStore asClientKeyStore() {
        return new ClientKeyStore(keyStore, Optional.of("PKCS12"), Optional.of(PASSWORD));
    }

    private static KeyStore load(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
