package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.cli.Failures;
import io.prompd.client.config.Credentials;
import io.prompd.client.config.RegistryUrl;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialTest {

    private static final String TOKEN = "s3cr3t-token-value";
    private static final String DOCUMENT = "{}\n";

    @TempDir
    Path cache;

    private final LoopbackServer registry = LoopbackServer.start();
    private final LoopbackServer elsewhere = LoopbackServer.start();

    @AfterEach
    void stop() {
        registry.close();
        elsewhere.close();
    }

    private Credential credentialFor(LoopbackServer server) {
        return new Credential(new RegistryUrl(server.url("/")), new Credentials.Token(TOKEN));
    }

    @Test
    void sendsTheCredentialToItsOrigin() {
        registry.handle("/", exchange -> respond(exchange, 200, DOCUMENT));

        Fetchers.online(cache).fetchDocument(registry.url("/registry.json"), credentialFor(registry))
                .read(Function.identity());

        assertEquals("Bearer " + TOKEN, registry.seen().get(0).header("Authorization"));
    }

    @Test
    void neverSendsACredentialToAnotherOrigin() {
        elsewhere.handle("/", exchange -> respond(exchange, 200, DOCUMENT));

        Fetchers.online(cache).fetchDocument(elsewhere.url("/registry.json"), credentialFor(registry))
                .read(Function.identity());

        assertNull(elsewhere.seen().get(0).header("Authorization"));
    }

    /** The credential of the registry at {@code /reg/} of the server, which another's files may share. */
    private static Credential credentialForRegAt(LoopbackServer server) {
        return new Credential(new RegistryUrl(server.url("/reg/")), new Credentials.Token(TOKEN));
    }

    /**
     * Another path of the registry's host may be another's (an artifact server holding many teams' files), as npm
     * scopes a registry's credentials by its path too; nor does a path that a server reads out of the registry's,
     * though it starts with it, get them: a dot segment or a separator written encoded, or a dot segment with
     * parameters, as Tomcat reads {@code ..;}.
     */
    @ParameterizedTest
    @CsvSource({
        "/reg/registry.json,                      true",
        "/reg/packages/@acme/util/-/util-1.0.0.tgz, true",
        "/reg/./registry.json,                    true",
        "/reg/packages/../registry.json,          true",
        "/reg/a%20b.json,                         true",
        "/attacker/x.tgz,                         false",
        "/registry/x.tgz,                         false",
        "/re/x.tgz,                               false",
        "/reg,                                    false",
        "/REG/x.tgz,                              false",
        "/reg/../attacker/x.tgz,                  false",
        "/reg/%2e%2e/attacker/x.tgz,              false",
        "/reg/%2E%2e/attacker/x.tgz,              false",
        "/reg/.%2e/attacker/x.tgz,                false",
        "/reg/..%2fattacker/x.tgz,                false",
        "/reg/a%2F..%2F..%2Fattacker/x.tgz,       false",
        "/reg/..%5cattacker/x.tgz,                false",
        "/reg/..;/attacker/x.tgz,                 false",
        "/reg/%2e;x/x.tgz,                        false",
    })
    void sendsTheCredentialOnlyToUrlsUnderItsRegistrys(String path, boolean sent) {
        registry.handle("/", exchange -> respond(exchange, 200, DOCUMENT));

        Fetchers.online(cache).fetchDocument(URI.create(registry.url("/") + path.substring(1)),
                credentialForRegAt(registry)).read(Function.identity());

        assertEquals(1, registry.seen().size());
        assertEquals(sent ? "Bearer " + TOKEN : null, registry.seen().get(0).header("Authorization"), path);
    }

    @Test
    void aRedirectOutOfTheRegistrysPathDropsTheCredentialForGoodOnTheSameHostToo() {
        registry.redirect("/reg/registry.json", 302, "moved/registry.json");
        registry.redirect("/reg/moved/registry.json", 302, registry.url("/other/bounce").toString());
        registry.redirect("/other/bounce", 302, registry.url("/reg/final.json").toString());
        registry.handle("/reg/final.json", exchange -> respond(exchange, 200, DOCUMENT));

        Fetchers.online(cache).fetchDocument(registry.url("/reg/registry.json"), credentialForRegAt(registry))
                .read(Function.identity());

        assertEquals(List.of("/reg/registry.json", "/reg/moved/registry.json", "/other/bounce", "/reg/final.json"),
                registry.seen().stream().map(LoopbackServer.Seen::path).toList());
        assertEquals("Bearer " + TOKEN, registry.seen().get(1).header("Authorization"), "within the registry's path");
        assertNull(registry.seen().get(2).header("Authorization"), "out of the registry's path");
        assertNull(registry.seen().get(3).header("Authorization"), "not again once dropped, as for another host");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aSameOriginRedirectKeepsTheCredential(int status) {
        registry.redirect("/old.json", status, registry.url("/new.json").toString());
        registry.handle("/new.json", exchange -> respond(exchange, 200, DOCUMENT));

        Fetchers.online(cache).fetchDocument(registry.url("/old.json"), credentialFor(registry))
                .read(Function.identity());

        assertEquals(2, registry.seen().size());
        registry.seen().forEach(request -> assertEquals("Bearer " + TOKEN, request.header("Authorization")));
    }

    @Test
    void aRedirectToAnotherOriginDropsTheCredential() {
        registry.redirect("/registry.json", 302, elsewhere.url("/cdn/registry.json").toString());
        elsewhere.handle("/", exchange -> respond(exchange, 200, DOCUMENT));

        byte[] body = Fetchers.online(cache).fetchDocument(registry.url("/registry.json"), credentialFor(registry))
                .read(Function.identity());

        assertEquals(DOCUMENT, new String(body, StandardCharsets.UTF_8));
        assertEquals("Bearer " + TOKEN, registry.seen().get(0).header("Authorization"));
        assertEquals(1, elsewhere.seen().size());
        assertNull(elsewhere.seen().get(0).header("Authorization"));
    }

    @Test
    void aCredentialOnceDroppedStaysDroppedWhenARedirectComesBack() {
        registry.redirect("/registry.json", 302, elsewhere.url("/bounce").toString());
        elsewhere.redirect("/bounce", 302, registry.url("/final.json").toString());
        registry.handle("/final.json", exchange -> respond(exchange, 200, DOCUMENT));

        Fetchers.online(cache).fetchDocument(registry.url("/registry.json"), credentialFor(registry))
                .read(Function.identity());

        assertNull(registry.seen().get(1).header("Authorization"));
    }

    @Test
    void aDownloadRedirectedToACdnDropsTheCredentialToo() {
        byte[] tarball = "tarball".getBytes(StandardCharsets.UTF_8);
        registry.redirect("/a.tgz", 307, elsewhere.url("/a.tgz").toString());
        elsewhere.handle("/", exchange -> respond(exchange, 200, tarball));

        Fetchers.online(cache).download(registry.url("/a.tgz"), credentialFor(registry), cache.resolve("a.tgz"),
                Integrity.of(tarball), OptionalLong.empty(), ProgressListener.NONE);

        assertNull(elsewhere.seen().get(0).header("Authorization"));
    }

    @Test
    void followsAtMostFiveRedirects() {
        registry.handle("/", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
            exchange.getResponseHeaders().set("Location", "/" + (hop + 1));
            respond(exchange, 302, "");
        });
        URI url = registry.url("/0");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertEquals("more than 5 redirects from " + url, failure.getMessage());
        assertEquals(6, registry.seen().size());
    }

    @Test
    void refusesARedirectToAFile() {
        registry.redirect("/registry.json", 302, "file:///etc/passwd");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(registry.url("/registry.json")).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, failure.exitCode());
        assertTrue(failure.getMessage().startsWith("refusing a redirect from "), failure.getMessage());
        assertEquals("a redirect may lead only to another http:// or https:// URL; if the registry is a"
                + " folder, give its"
                + " file:// URL itself", failure.hint(), "the registry is served over http, so https is not the point");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500})
    void theTokenAppearsInNoMessage(int status) {
        registry.handle("/", exchange -> respond(exchange, status, "Bearer " + TOKEN));
        URI url = registry.url("/registry.json");
        Credential credential = credentialFor(registry);

        assertNoTokenIn(() -> Fetchers.online(cache).fetchDocument(url, credential).read(Function.identity()));
        assertNoTokenIn(() -> Fetchers.online(cache).download(url, credential, cache.resolve("a.tgz"),
                Integrity.of(new byte[0]), OptionalLong.empty(), ProgressListener.NONE));
    }

    @Test
    void theTokenAppearsInNoMessageAboutRedirectsOrUnreachableHosts() {
        registry.redirect("/loop", 302, "/loop");
        Credential credential = credentialFor(registry);

        assertNoTokenIn(() -> Fetchers.online(cache).fetchDocument(registry.url("/loop"), credential)
                .read(Function.identity()));
        URI unreachable = URI.create("http://127.0.0.1:1/registry.json");
        assertNoTokenIn(() -> Fetchers.online(cache).fetchDocument(unreachable,
                new Credential(new RegistryUrl(unreachable.resolve("/")), new Credentials.Token(TOKEN)))
                .read(Function.identity()));
    }

    @Test
    void aCredentialHidesItsValue() {
        assertFalse(credentialFor(registry).toString().contains(TOKEN));
    }

    @Test
    void secretsInTheUrlAreHiddenInMessages() {
        registry.handle("/", exchange -> respond(exchange, 404, ""));
        URI url = URI.create("http://user:" + TOKEN + "@127.0.0.1:" + registry.url("/").getPort()
                + "/registry.json?signature=" + TOKEN);

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals("not found in the registry: http://127.0.0.1:" + url.getPort() + "/registry.json?…",
                failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404})
    void aRedirectsSecretsAreHiddenInTheMessageNamingWhereItLed(int status) {
        elsewhere.handle("/", exchange -> respond(exchange, status, ""));
        URI signed = URI.create("http://user:" + TOKEN + "@127.0.0.1:" + elsewhere.url("/").getPort()
                + "/cdn/registry.json?signature=" + TOKEN);
        registry.redirect("/registry.json", 302, signed.toString());
        URI url = registry.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url, credentialFor(registry)).read(Function.identity()));

        assertEquals((status == 404 ? "not found in the registry: " : "the registry refused access (HTTP 401): ") + url
                + " (redirected to " + elsewhere.url("/cdn/registry.json") + "?…)", failure.getMessage());
        assertNull(elsewhere.seen().get(0).header("Authorization"));
        assertNoTokenIn(() -> Fetchers.online(cache).fetchDocument(url, credentialFor(registry))
                .read(Function.identity()));
    }

    @Test
    void aTokenARedirectHandsOnInItsFragmentIsHiddenInMessages() {
        elsewhere.handle("/", exchange -> respond(exchange, 404, ""));
        registry.redirect("/registry.json", 302, elsewhere.url("/signed-in#access_token=" + TOKEN).toString());
        URI url = registry.url("/registry.json");

        PrompdException failure = assertThrows(PrompdException.class,
                () -> Fetchers.online(cache).fetchDocument(url).read(Function.identity()));

        assertEquals("not found in the registry: " + url + " (redirected to " + elsewhere.url("/signed-in") + "#…)",
                failure.getMessage());
    }

    /** Runs a failing call and checks the token is in no message, hint or report, down the cause chain. */
    private static void assertNoTokenIn(Executable failing) {
        PrompdException failure = assertThrows(PrompdException.class, failing);
        StringWriter report = new StringWriter();
        Failures.report(failure, true, new PrintWriter(report));
        assertFalse(report.toString().contains(TOKEN), report.toString());
        assertFalse(failure.hint().contains(TOKEN), failure.hint());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains(TOKEN), cause.toString());
        }
    }
}
