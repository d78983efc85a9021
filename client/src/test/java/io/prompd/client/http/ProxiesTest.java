package io.prompd.client.http;

import static io.prompd.client.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.ClosedPort;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxiesTest {

    private static final URI REGISTRY = URI.create("http://registry.example/registry.json");

    @TempDir
    Path cache;

    private final LoopbackServer proxy = LoopbackServer.start();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static Optional<String> proxyOf(Map<String, String> variables, String url) {
        return Proxies.of(variables).proxyFor(URI.create(url)).map(ProxyServer::toString);
    }

    @Test
    void httpsAndHttpUrlsEachTakeTheirOwnVariableLowerCaseFirst() {
        Map<String, String> variables = Map.of("https_proxy", "http://lower:3128", "HTTPS_PROXY", "http://upper:3128",
                "HTTP_PROXY", "plain.example:8080");

        assertEquals(Optional.of("lower:3128"), proxyOf(variables, "https://registry.example/"));
        assertEquals(Optional.of("plain.example:8080"), proxyOf(variables, "http://registry.example/"),
                "a proxy without a scheme is an http one, as curl reads it");
        assertEquals(Optional.of("p.example:80"),
                proxyOf(Map.of("https_proxy", "http://p.example"), "https://r.example/"));
        assertEquals(Optional.empty(), proxyOf(Map.of("http_proxy", "http://p.example:1"), "https://r.example/"));
    }

    @Test
    void noProxyHostsDomainsAndLoopbackAreReachedDirectly() {
        Map<String, String> variables = Map.of("https_proxy", "http://p.example:3128",
                "no_proxy", "internal.example, .corp.example,*.lab.example  10.0.0.7,mirror.example:8443");

        assertEquals(Optional.empty(), proxyOf(variables, "https://internal.example/"));
        assertEquals(Optional.empty(), proxyOf(variables, "https://cdn.INTERNAL.example/"), "subdomains too");
        assertEquals(Optional.empty(), proxyOf(variables, "https://corp.example/"));
        assertEquals(Optional.empty(), proxyOf(variables, "https://a.b.corp.example/"));
        assertEquals(Optional.empty(), proxyOf(variables, "https://x.lab.example/"));
        assertEquals(Optional.empty(), proxyOf(variables, "https://10.0.0.7/"));
        assertEquals(Optional.empty(), proxyOf(variables, "https://mirror.example/"), "an entry's port is ignored");
        assertEquals(Optional.of("p.example:3128"), proxyOf(variables, "https://notinternal.example/"));
        assertEquals(Optional.of("p.example:3128"), proxyOf(variables, "https://10.0.0.70/"));
        for (String loopback : List.of("https://localhost:8443/", "https://127.0.0.1/", "https://[::1]:9/")) {
            assertEquals(Optional.empty(), proxyOf(variables, loopback), loopback);
        }
        assertEquals(Optional.empty(), proxyOf(Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "*"), "https://r.example/"));
    }

    @Test
    void noProxyIpv4BlocksHoldTheAddressesTheirMaskLetThrough() {
        Map<String,
                String> variables = Map.of("https_proxy", "http://p.example:3128", "no_proxy",
                        "10.0.0.0/8,192.168.4.0/22,bad/99");

        assertEquals(Optional.empty(), proxyOf(variables, "https://10.200.3.4/"));
        assertEquals(Optional.empty(), proxyOf(variables, "https://192.168.7.255/"));
        assertEquals(Optional.of("p.example:3128"), proxyOf(variables, "https://192.168.8.1/"));
        assertEquals(Optional.of("p.example:3128"), proxyOf(variables, "https://11.0.0.1/"));
        assertEquals(Optional.of("p.example:3128"), proxyOf(variables, "https://10.example/"), "a name is no address");
    }

    @Test
    void anUnusableProxyIsAUsageErrorOnlyForTheRequestsItWouldTakeNamingTheVariableButNotItsPassword() {
        for (String value : List.of("socks5://user:secret@p.example:1080", "https://user:secret@p.example",
                "http://user:secret@", "http://user:secret@p example:1")) {
            Proxies proxies = Proxies.of(Map.of("HTTPS_PROXY", value, "no_proxy", "mirror.example"));
            PrompdException error = assertThrows(PrompdException.class,
                    () -> proxies.proxyFor(URI.create("https://registry.example/")), value);

            assertEquals(ExitCode.USAGE, error.exitCode());
            assertTrue(error.getMessage().startsWith("the proxy in HTTPS_PROXY is unusable: "), error.getMessage());
            assertFalse((error.getMessage() + error.hint()).contains("secret"), error.getMessage());
            assertEquals(Optional.empty(), proxies.proxyFor(URI.create("http://registry.example/")),
                    "http has no proxy");
            assertEquals(Optional.empty(), proxies.proxyFor(URI.create("https://mirror.example/")), "reached directly");
        }
    }

    @Test
    void aProxyPortOutOfRangeOrNotANumberIsNamedOnlyWhenTheProxyIsUsed() {
        Proxies tooHigh = Proxies.of(Map.of("http_proxy", "http://127.0.0.1:99999"));
        assertEquals(Optional.empty(), tooHigh.proxyFor(URI.create("file:///some/registry/")),
                "a folder needs no proxy");
        PrompdException error = assertThrows(PrompdException.class,
                () -> tooHigh.proxyFor(URI.create("http://registry.example/")));
        assertEquals("the proxy in http_proxy is unusable: the port 99999 is out of range: use 1 to 65535",
                error.getMessage());

        PrompdException zero = assertThrows(PrompdException.class, () -> Proxies.of(Map.of("HTTPS_PROXY",
                "http://127.0.0.1:0")).proxyFor(URI.create("https://registry.example/")));
        assertEquals("the proxy in HTTPS_PROXY is unusable: the port 0 is out of range: use 1 to 65535",
                zero.getMessage());

        PrompdException letters = assertThrows(PrompdException.class, () -> Proxies.of(Map.of("https_proxy",
                "http://127.0.0.1:abc")).proxyFor(URI.create("https://registry.example/")));
        assertEquals("the proxy in https_proxy is unusable: the port 'abc' is not a number from 1 to 65535",
                letters.getMessage());
    }

    @Test
    void theLoginIsKeptButNeverShown() {
        ProxyServer server = Proxies.of(Map.of("https_proxy", "http://me%40corp:p%3Ass@p.example:3128")).https()
                .orElseThrow();

        assertEquals(Optional.of("me@corp"), server.user());
        assertEquals(Optional.of("p:ss"), server.password());
        assertEquals("p.example:3128", server.toString());
    }

    /** As curl reads it, and as a registry's URL is split: the user part ends at the authority's last '@'. */
    @Test
    void aPasswordHoldingAnAtSignEndsAtTheLastOne() {
        ProxyServer server = Proxies.of(Map.of("http_proxy", "http://ci:p@ss@127.0.0.1:18329")).http().orElseThrow();

        assertEquals(Optional.of("ci"), server.user());
        assertEquals(Optional.of("p@ss"), server.password());
        assertEquals("127.0.0.1:18329", server.toString());
    }

    @Test
    void aPasswordHoldingWhatEndsTheAuthorityIsNamedWithTheUserPartMasked() {
        for (String value : List.of("http://ci:SEC/RET@127.0.0.1:18329", "ci:SEC?RET@127.0.0.1:18329",
                "http://ci:SEC#R@ET@127.0.0.1:18329/")) {
            PrompdException error = assertThrows(PrompdException.class, () -> Proxies.of(Map.of("http_proxy", value))
                    .proxyFor(REGISTRY), value);

            assertEquals(ExitCode.USAGE, error.exitCode());
            assertEquals("the proxy in http_proxy ('http://***@127.0.0.1:18329" + (value.endsWith("/") ? "/" : "")
                    + "') is unusable: the URL's user or password holds a character that must be percent-escaped"
                    + " ('/' as %2F, '?' as %3F, '#' as %23, '@' as %40)", error.getMessage());
        }
    }

    /** A forward proxy on loopback: answers requests for any host, after a Basic login when {@code login} is set. */
    private Proxies forwardProxy(Optional<String> login, String proxyUrl) {
        proxy.handle("/", exchange -> {
            requested.add(exchange.getRequestURI().toString());
            String expected = login.map(text -> "Basic " + Base64.getEncoder()
                    .encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                    .orElse(null);
            if (expected != null && !expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"corp\"");
                respond(exchange, 407, "");
            } else {
                respond(exchange, 200, "{\"via\":\"proxy\"}");
            }
        });
        return Proxies.of(Map.of("http_proxy", proxyUrl));
    }

    /** A proxy answering 407 with an empty challenge, which the JDK fails to parse, refuses as with any other. */
    @Test
    void aProxyChallengeTheJdkCannotParseEndsTheRunAsAnyOtherRefusal() {
        proxy.handle("/", exchange -> {
            requested.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().set("Proxy-Authenticate", "");
            respond(exchange, 407, "");
        });

        PrompdException refused = assertThrows(PrompdException.class, () -> fetcherThrough(Proxies.of(Map.of(
                "http_proxy", "http://" + proxyAddress()))).fetchDocument(REGISTRY).read(Function.identity()));

        assertEquals(ExitCode.NETWORK, refused.exitCode());
        assertEquals("the proxy " + proxyAddress() + " asks for a login (HTTP 407)", refused.getMessage());
        assertTrue(refused.hint().contains("http://user:password@host:port"), refused.hint());
        assertEquals(List.of(REGISTRY.toString()), requested, "not tried again");
    }

    /**
     * The same refusal of an https registry's tunnel, which the JDK parses while it connects; a socket of the test's
     * answers the CONNECT, which the JDK's HttpServer does not take.
     */
    @Test
    void aTunnelsChallengeTheJdkCannotParseEndsTheRunAsAnyOtherRefusal() throws IOException {
        try (ServerSocket tunnels = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> refuseEveryTunnel(tunnels, "Proxy-Authenticate: =="));
            answering.start();
            String address = "127.0.0.1:" + tunnels.getLocalPort();

            PrompdException refused = assertThrows(PrompdException.class, () -> fetcherThrough(Proxies.of(Map.of(
                    "https_proxy", "http://" + address))).fetchDocument(URI.create("https://registry.example/"))
                    .read(Function.identity()));

            assertEquals(ExitCode.NETWORK, refused.exitCode());
            assertEquals("the proxy " + address + " asks for a login (HTTP 407)", refused.getMessage());
            assertEquals(List.of("CONNECT registry.example:443 HTTP/1.1"), requested, "not tried again");
        }
    }

    /** Answers each request head with a 407 holding {@code challenge}, recording its request line. */
    private void refuseEveryTunnel(ServerSocket tunnels, String challenge) {
        while (!tunnels.isClosed()) {
            try (Socket connection = tunnels.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                requested.add(in.readLine());
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the rest of the head
                }
                connection.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n" + challenge
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private RegistryFetcher fetcherThrough(Proxies proxies) {
        return new RegistryFetcher(cache, false, Fetchers.QUICK.withNetwork(proxies, Optional.empty(),
                Optional.empty()), new Fetchers.RecordingSleeper(), Fetchers.CLOCK, System::nanoTime,
                RequestListener.NONE);
    }

    private String proxyAddress() {
        return proxy.url("").getAuthority();
    }

    /**
     * Nothing listens at the proxy's address: the proxy is what to look into, not the registry or the network, tried as
     * often as a registry that cannot be reached directly. A proxy host that is unknown takes the same way, which a
     * test would have to ask a name server to meet: tests reach nothing beyond this machine.
     */
    @Test
    void aProxyThatIsDownIsNamedAsWhatCannotBeReachedWithItsVariable() {
        String down = "127.0.0.1:" + ClosedPort.find();
        URI registry = URI.create("https://mirror.internal/registry.json");

        PrompdException refused = unreachableThrough(down, registry);

        assertEquals("could not fetch " + registry + ": this run gave up on reaching the proxy " + down + " after 4"
                + " attempts (last: cannot reach the proxy " + down + ", which https://mirror.internal:443 is reached"
                + " through (Connection refused))", refused.getMessage());
        assertEquals("the proxy " + down + " may be down, or not at that address: start it, or correct https_proxy"
                + " (HTTPS_PROXY), which names it", refused.hint());
    }

    private PrompdException unreachableThrough(String proxy, URI registry) {
        Proxies proxies = Proxies.of(Map.of("HTTPS_PROXY", "http://" + proxy));
        return assertThrows(PrompdException.class,
                () -> fetcherThrough(proxies).fetchDocument(registry).read(Function.identity()));
    }

    @Test
    void requestsGoThroughTheProxyWhichReachesTheHostForThem() {
        Proxies proxies = forwardProxy(Optional.empty(), "http://" + proxyAddress());

        byte[] body = fetcherThrough(proxies).fetchDocument(REGISTRY).read(Function.identity());

        assertEquals("{\"via\":\"proxy\"}", new String(body, StandardCharsets.UTF_8));
        assertEquals(List.of(REGISTRY.toString()), requested, "the proxy was asked for the whole URL");
    }

    @Test
    void aProxyLoginFromTheUrlAnswersTheProxysChallenge() {
        Proxies proxies = forwardProxy(Optional.of("me:s3cret"), "http://me:s3cret@" + proxyAddress());

        assertEquals("{\"via\":\"proxy\"}", new String(fetcherThrough(proxies).fetchDocument(REGISTRY)
                .read(Function.identity()), StandardCharsets.UTF_8));
    }

    @Test
    void aProxyThatWantsALoginEndsTheRunAtOnceSayingHowToGiveOne() {
        forwardProxy(Optional.of("me:s3cret"), "http://" + proxyAddress());
        for (String configured : List.of("http://" + proxyAddress(), "http://me:wrong@" + proxyAddress())) {
            requested.clear();
            PrompdException refused = assertThrows(PrompdException.class,
                    () -> fetcherThrough(Proxies.of(Map.of("http_proxy", configured))).fetchDocument(REGISTRY)
                            .read(Function.identity()));

            assertEquals(ExitCode.NETWORK, refused.exitCode());
            assertTrue(refused.getMessage().startsWith("the proxy " + proxyAddress() + " asks for a login"),
                    refused.getMessage());
            assertEquals(configured.contains("wrong"), refused.getMessage().contains("refused the one given"),
                    refused.getMessage());
            assertTrue(refused.hint().contains("http://user:password@host:port"), refused.hint());
            assertFalse(refused.getMessage().contains("wrong"), refused.getMessage());
            assertTrue(requested.size() <= 2, "not tried again and again: " + requested);
        }
    }
}
