package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.config.ClientKeyStore;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtraCertificatesTest {

    @TempDir
    static Path keys;

    @TempDir
    Path work;

    /** The hint for a key store without a certificate that the server takes. */
    private static final String TAKEN = "it takes a certificate that one of its CAs issued, valid today: put that"
            + " certificate and its key in the key store, or name the one that holds them in javax.net.ssl.keyStore";

    private static TestCertificate certificate;
    private static LoopbackServer server;

    @BeforeAll
    static void serveOverTlsWithACompanyCertificate() throws Exception {
        certificate = TestCertificate.create(keys);
        server = LoopbackServer.startTls(certificate.serverContext())
                .handle("/", exchange -> respond(exchange, 200, "{\"over\":\"tls\"}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RegistryFetcher trusting(Optional<Path> caFile) {
        return fetcher(caFile, Optional.empty(), new Fetchers.RecordingSleeper());
    }

    /** A fetcher trusting the CAs of {@code caFile}, giving the client certificate of {@code keyStore}. */
    private RegistryFetcher fetcher(Optional<Path> caFile, Optional<ClientKeyStore> keyStore,
                                    Fetchers.RecordingSleeper sleeper) {
        return new RegistryFetcher(work.resolve("cache"), false, Fetchers.QUICK.withNetwork(Proxies.NONE, caFile,
                keyStore), sleeper, Fetchers.CLOCK, System::nanoTime, RequestListener.NONE);
    }

    private URI registry() {
        return server.url("/registry.json");
    }

    @Test
    void aCertificateNoCaTrustsEndsTheRunAtOnceSayingWhereToGiveTheCa() {
        Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();
        RegistryFetcher fetcher = new RegistryFetcher(work.resolve("cache"), false, Fetchers.QUICK, sleeper,
                Fetchers.CLOCK,
                System::nanoTime, RequestListener.NONE);

        PrompdException untrusted = assertThrows(PrompdException.class,
                () -> fetcher.fetchDocument(registry()).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, untrusted.exitCode());
        assertTrue(untrusted.getMessage().startsWith("the certificate of https://127.0.0.1:" + registry().getPort()
                + " is not trusted (unable to find valid certification path"), untrusted.getMessage());
        assertTrue(untrusted.hint().endsWith("give that CA's certificate (PEM) in PROMPD_CA_FILE"), untrusted.hint());
        assertEquals(0, sleeper.waits.size(), "the same certificate would come back: not tried again");
    }

    @Test
    void theCaOfThePemFileIsTrustedBesideJavasOwn() throws Exception {
        Path bundle = work.resolve("bundle.pem");
        // as certifi's bundle has them: comments between the certificates, which the JDK's own parser refuses
        Files.writeString(bundle, "# Issuer: CN=Test Company CA\n# Label: \"Company\"\n"
                + Files.readString(certificate.pem()) + "\n# end\n");

        byte[] body = trusting(Optional.of(bundle)).fetchDocument(registry()).read(Function.identity());

        assertEquals("{\"over\":\"tls\"}", new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aTrustedCertificateThatDoesNotNameTheHostSaysSoRatherThanBlamingTheCaFile() throws Exception {
        Path bundle = Files.copy(certificate.pem(), work.resolve("bundle.pem"));
        // the certificate names 127.0.0.1 alone
        URI byName = URI.create(registry().toString().replace("127.0.0.1", "localhost"));
        Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();
        RegistryFetcher fetcher = fetcher(Optional.of(bundle), Optional.empty(), sleeper);

        PrompdException misnamed = assertThrows(PrompdException.class,
                () -> fetcher.fetchDocument(byName).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, misnamed.exitCode());
        assertEquals("the certificate of https://localhost:" + byName.getPort()
                + " does not name the host localhost (No"
                + " name matching localhost found)", misnamed.getMessage());
        assertEquals("the certificate was issued for other names: give the registry URL with the host"
                + " name it was issued"
                + " for, or have the server's certificate name localhost", misnamed.hint());
        assertEquals(0, sleeper.waits.size(), "the same certificate would come back: not tried again");
    }

    /** The CA file's CA signed the certificate, so the CA file is not what is wrong, but the certificate's dates. */
    @Test
    void aCertificateOutOfItsDatesSaysWhenItIsValidRatherThanBlamingTheCaFile() throws Exception {
        PrompdException expired = refusedFrom(TestCertificate.signedByACompanyCa(
                Files.createDirectories(work.resolve("expired")), "2020/01/01 12:00:00", 30));
        PrompdException early = refusedFrom(TestCertificate.signedByACompanyCa(
                Files.createDirectories(work.resolve("early")), "+30d", 30));

        assertEquals(ExitCode.NETWORK, expired.exitCode());
        assertTrue(expired.getMessage().matches("the certificate of https://127\\.0\\.0\\.1:\\d+ expired on"
                + " 2020-01-31"), expired.getMessage());
        assertEquals("renew the registry's certificate, or have its maintainers renew it; if it is still valid,"
                + " this machine's date or clock is wrong: check them", expired.hint());
        assertTrue(early.getMessage().matches("the certificate of https://127\\.0\\.0\\.1:\\d+ is not valid until"
                + " \\d{4}-\\d\\d-\\d\\d"), early.getMessage());
        assertEquals("check this machine's date and clock; if they are right, the registry's certificate is not in"
                + " use yet: tell its maintainers", early.hint());
    }

    /** How a registry presenting the certificate is refused, the CA signing it trusted. */
    private PrompdException refusedFrom(TestCertificate presented) throws Exception {
        try (LoopbackServer dated = LoopbackServer.startTls(presented.serverContext())) {
            dated.handle("/", exchange -> respond(exchange, 200, "{}"));
            return refusedBy(dated.url("/registry.json"), presented.pem());
        }
    }

    /** How the server of {@code url} refuses a request trusting the CA of {@code caFile}, before any retry. */
    private PrompdException refusedBy(URI url, Path caFile) {
        return refusedBy(url, caFile, Optional.empty());
    }

    /** How the server refuses a request that gives the client certificate of {@code keyStore}, if any. */
    private PrompdException refusedBy(URI url, Path caFile, Optional<ClientKeyStore> keyStore) {
        Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();
        RegistryFetcher fetcher = fetcher(Optional.of(caFile), keyStore, sleeper);
        PrompdException refused = assertThrows(PrompdException.class,
                () -> fetcher.fetchDocument(url).read(Function.identity()));
        assertEquals(0, sleeper.waits.size(), "the same refusal would come back: not tried again");
        return refused;
    }

    /**
     * A server requiring a client certificate, when none was given, is no outage to wait out: under TLS 1.2 the
     * handshake fails, under TLS 1.3 the request after it, each on a connection the server reset.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aServerRequiringAClientCertificateEndsTheRunAtOnceSayingHowToGiveOne(String protocol) throws Exception {
        try (MutualTlsServer mutual = MutualTlsServer.start(certificate.serverContext(), protocol)) {
            PrompdException refused = refusedBy(mutual.url("/registry.json"), certificate.pem());

            assertEquals(ExitCode.NETWORK, refused.exitCode());
            assertEquals("the server at https://127.0.0.1:" + mutual.url("/").getPort() + " requires a client"
                    + " certificate (mutual TLS), and none was given", refused.getMessage());
            assertEquals("give Java the key store that holds it, as JAVA_OPTS=\"-Djavax.net.ssl.keyStore=client.p12"
                    + " -Djavax.net.ssl.keyStorePassword=…\", or ask the registry's maintainers for access without"
                    + " one (a token)", refused.hint());
        }
    }

    /** The key store that the JDK's properties name, as JAVA_OPTS gives them, holds the client certificate sent. */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void theKeyStoreOfTheJdksPropertiesGivesTheClientCertificate(String protocol) throws Exception {
        TestCertificate client = TestCertificate.create(Files.createDirectories(work.resolve("client")));
        try (MutualTlsServer mutual = MutualTlsServer.start(certificate.serverContextTrusting(client), protocol)) {
            byte[] body = fetcher(Optional.of(certificate.pem()), Optional.of(client.asClientKeyStore()),
                    new Fetchers.RecordingSleeper()).fetchDocument(mutual.url("/registry.json"))
                    .read(Function.identity());

            assertEquals("{\"client\": \"CN=Test Company CA\"}", new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A key store holding no certificate that the server's CAs issued is named, rather than the network blamed. */
    @Test
    void aKeyStoreWithNoCertificateTheServerTakesIsNamed() throws Exception {
        ClientKeyStore stranger = TestCertificate.create(Files.createDirectories(work.resolve("stranger")))
                .asClientKeyStore();
        try (MutualTlsServer mutual = MutualTlsServer.start(certificate.serverContext(), "TLSv1.3")) {
            PrompdException refused = refusedBy(mutual.url("/registry.json"), certificate.pem(),
                    Optional.of(stranger));

            assertEquals("the server at https://127.0.0.1:" + mutual.url("/").getPort() + " requires a client"
                    + " certificate (mutual TLS), and the key store " + stranger.file() + " holds none it takes",
                    refused.getMessage());
            assertEquals(TAKEN, refused.hint());
        }
    }

    /** A certificate the server refuses, expired, would be refused again: not an outage to wait out either. */
    @Test
    void aClientCertificateTheServerRefusesNamesItsKeyStore() throws Exception {
        TestCertificate expired = TestCertificate.signedByACompanyCa(Files.createDirectories(work.resolve("expired")),
                "2020/01/01 12:00:00", 30);
        try (MutualTlsServer mutual = MutualTlsServer.start(certificate.serverContextTrusting(expired), "TLSv1.3")) {
            PrompdException refused = refusedBy(mutual.url("/registry.json"), certificate.pem(),
                    Optional.of(expired.asClientKeyStore()));

            assertEquals("the server at https://127.0.0.1:" + mutual.url("/").getPort() + " refused the client"
                    + " certificate of the key store " + expired.keyStore() + " (TLS alert certificate_unknown)",
                    refused.getMessage());
            assertEquals(TAKEN, refused.hint());
        }
    }

    @Test
    void aKeyStoreThatCannotBeReadIsAUsageErrorNamingItsProperty() throws Exception {
        Path keyStore = TestCertificate.create(Files.createDirectories(work.resolve("client"))).keyStore();
        ClientKeyStore misspelt = new ClientKeyStore(keyStore, Optional.empty(), Optional.of("not-the-password"));
        ClientKeyStore missing = new ClientKeyStore(work.resolve("missing.p12"), Optional.empty(), Optional.empty());

        PrompdException wrongPassword = assertThrows(PrompdException.class, () -> fetcher(Optional.empty(),
                Optional.of(misspelt), new Fetchers.RecordingSleeper()).fetchDocument(registry())
                .read(Function.identity()));
        PrompdException absent = assertThrows(PrompdException.class, () -> fetcher(Optional.empty(),
                Optional.of(missing), new Fetchers.RecordingSleeper()).fetchDocument(registry())
                .read(Function.identity()));

        assertEquals(ExitCode.USAGE, wrongPassword.exitCode());
        assertEquals("the key store that javax.net.ssl.keyStore names is unusable: " + keyStore
                + ": keystore password was incorrect", wrongPassword.getMessage());
        assertEquals("give a PKCS12 (or JKS) key store holding the client certificate and its key, with its password"
                + " in javax.net.ssl.keyStorePassword, or leave javax.net.ssl.keyStore out of JAVA_OPTS",
                wrongPassword.hint());
        assertEquals("the key store that javax.net.ssl.keyStore names is unusable: " + missing.file()
                + ": it does not exist", absent.getMessage());
    }

    /**
     * A server that asks for a client certificate but takes connections without one, as nginx's {@code
     * ssl_verify_client optional} does, is read without; one of its connections closed unanswered is an outage, tried
     * again, not a refusal for want of the certificate.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aServerOnlyAskingForAClientCertificateThatClosesAConnectionIsTriedAgain(String protocol) throws Exception {
        try (LoopbackServer optional = LoopbackServer.startTlsWantingAClientCertificate(certificate.serverContext(),
                protocol)) {
            optional.handle("/registry.json", exchange -> respond(exchange, 200, "{}"));
            // an exchange closed before its response closes the connection
            optional.handle("/overloaded/", exchange -> { });
            Fetchers.RecordingSleeper sleeper = new Fetchers.RecordingSleeper();
            RegistryFetcher fetcher = fetcher(Optional.of(certificate.pem()), Optional.empty(), sleeper);
            URI dropped = optional.url("/overloaded/registry.json");

            // first, as a later handshake resumes the session, where the server asks for no certificate
            PrompdException outage = assertThrows(PrompdException.class,
                    () -> fetcher.fetchDocument(dropped).read(Function.identity()));
            byte[] answered = fetcher.fetchDocument(optional.url("/registry.json")).read(Function.identity());

            assertEquals("could not fetch " + dropped + ": gave up after 4 attempts (last: the server at "
                    + Origin.of(dropped) + " closed the connection before answering (Unexpected end of file from"
                    + " server))", outage.getMessage());
            assertEquals(3, sleeper.waits.size());
            assertEquals("{}", new String(answered, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFileThatIsNotACaCertificateIsAUsageErrorNamingTheVariableAndTheFile() throws Exception {
        Path empty = Files.writeString(work.resolve("notes.pem"), "no certificate here\n");
        Path broken = Files.writeString(work.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Path missing = work.resolve("missing.pem");
        for (Path file : new Path[] {empty, broken, missing}) {
            PrompdException unusable = assertThrows(PrompdException.class,
                    () -> trusting(Optional.of(file)).fetchDocument(registry()).read(Function.identity()),
                    file.toString());

            assertEquals(ExitCode.USAGE, unusable.exitCode());
            assertTrue(unusable.getMessage()
                    .startsWith("the certificates file in PROMPD_CA_FILE is unusable: " + file + ": "),
                    unusable.getMessage());
        }
    }

    @Test
    void aCorruptBlockOrAFolderIsSaidToBeSo() throws Exception {
        Path corrupt = Files.writeString(work.resolve("corrupt.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIB*corrupt!\n-----END CERTIFICATE-----\n");
        PrompdException unparsable = assertThrows(PrompdException.class,
                () -> trusting(Optional.of(corrupt)).fetchDocument(registry()).read(Function.identity()));
        assertEquals("the certificates file in PROMPD_CA_FILE is unusable: " + corrupt
                + ": a -----BEGIN CERTIFICATE-----"
                + " block in it could not be parsed (certificate 1 holds characters that are not base64)",
                unparsable.getMessage());

        Path folder = Files.createDirectories(work.resolve("certs"));
        PrompdException notAFile = assertThrows(PrompdException.class,
                () -> trusting(Optional.of(folder)).fetchDocument(registry()).read(Function.identity()));
        assertEquals("the certificates file in PROMPD_CA_FILE is unusable: " + folder + ": it is a folder; name the PEM"
                + " file itself", notAFile.getMessage());
    }

    @Test
    void aFileWithAnotherCaStillSaysTheCertificateIsNotTrusted() throws Exception {
        Path otherCa = Files.createDirectories(work.resolve("other"));
        TestCertificate other = TestCertificate.create(otherCa);

        PrompdException untrusted = assertThrows(PrompdException.class,
                () -> trusting(Optional.of(other.pem())).fetchDocument(registry()).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, untrusted.exitCode());
        assertTrue(untrusted.hint().startsWith("the file PROMPD_CA_FILE names lacks the CA that signs the registry"),
                untrusted.hint());
    }
}
