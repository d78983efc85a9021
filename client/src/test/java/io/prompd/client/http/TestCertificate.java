package io.prompd.client.http;

import io.prompd.core.testing.Processes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

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

    /** What a server presenting the certificate needs. */
    SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
