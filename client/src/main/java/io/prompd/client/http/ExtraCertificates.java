package io.prompd.client.http;

import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificate authorities trusted beside Java's own, from a PEM file: for a registry, or a proxy
 * that inspects TLS, whose certificates a company's own CA signs. They add to the public CAs, as
 * npm's {@code NODE_EXTRA_CA_CERTS} does, so public registries keep working. The file is read at
 * the first https request, so a bad one fails only the runs that need it.
 */
final class ExtraCertificates {

    /** The JDK's parser stops at the comments that bundles such as certifi's put between certificates. */
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");

    private final Path file;
    private final ClientCertificateRequests requests;
    private SSLSocketFactory socketFactory;

    ExtraCertificates(Path file, ClientCertificateRequests requests) {
        this.file = Objects.requireNonNull(file, "file");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * TLS connections that trust Java's CAs and the file's.
     *
     * @throws PrompdException USAGE when the file cannot be read or holds no certificate
     */
    synchronized SSLSocketFactory socketFactory() {
        if (socketFactory == null) {
            socketFactory = read();
        }
        return socketFactory;
    }

    private SSLSocketFactory read() {
        if (Files.isDirectory(file)) {
            throw unusable("it is a folder; name the PEM file itself");
        }
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            throw unusable("cannot read it (" + unreadable.getClass().getSimpleName() + ")");
        }
        try {
            List<Certificate> extra = certificates(pem);
            if (extra.isEmpty()) {
                throw unusable("it holds no -----BEGIN CERTIFICATE----- block");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (X509Certificate known : javaTrustManager().getAcceptedIssuers()) {
                trusted.setCertificateEntry("java-" + index++, known);
            }
            for (Certificate certificate : extra) {
                trusted.setCertificateEntry("extra-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            return requests.socketFactory(trust.getTrustManagers());
        } catch (GeneralSecurityException | IllegalArgumentException | IOException broken) {
            throw unusable("a -----BEGIN CERTIFICATE----- block in it could not be parsed ("
                    + broken.getMessage() + ")");
        }
    }

    private static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(pem);
        while (block.find()) {
            if (!BASE64.matcher(block.group(1)).matches()) {
                throw new CertificateException("certificate " + (certificates.size() + 1)
                        + " holds characters that are not base64");
            }
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }

    private static X509TrustManager javaTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("Java has no X.509 trust manager");
    }

    private PrompdException unusable(String reason) {
        return new PrompdException(ExitCode.USAGE, "the certificates file in " + Settings.CA_FILE_VARIABLE
                + " is unusable: " + file + ": " + reason, "give a PEM file of CA certificates, as your company or"
                + " proxy publishes them, or unset " + Settings.CA_FILE_VARIABLE);
    }
}
