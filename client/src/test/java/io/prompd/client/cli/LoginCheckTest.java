package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.prompd.client.config.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code prompd login} asks the registry for its registry.json with the credentials before it stores them, as npm and
 * docker check a login: a mistyped password fails the login, not the next install.
 */
class LoginCheckTest extends InstallCommandsFixture {

    private static final String PASSWORD = "S3cret-PW";

    @BeforeEach
    void addPrivateRegistry() {
        registry.makePrivate();
        assertEquals(0, CliRun.in(project, home, "registry", "add", "acme", server.url().toString(), "--scope",
                "@acme").exitCode());
        server.requireAuthorization(new Credentials.Basic("ci", PASSWORD).authorizationHeader())
                .challenge("Basic realm=\"Acme\"");
    }

    private CliRun login(String stdin, Map<String, String> environment, String... options) {
        List<String> args = new ArrayList<>(List.of("login", "--registry", "acme"));
        args.addAll(List.of(options));
        return CliRun.in(project, home, stdin, environment, args.toArray(String[]::new));
    }

    private String config() throws IOException {
        return Files.exists(home.resolve("config.json")) ? Files.readString(home.resolve("config.json")) : "";
    }

    @Test
    void credentialsTheRegistryTakesAreStored() throws IOException {
        CliRun login = login(PASSWORD + "\n", Map.of(), "--username", "ci");

        assertEquals(0, login.exitCode(), login.err());
        assertEquals("logged in to acme (" + server.url() + "): the registry took the credentials, stored in "
                + home.resolve("config.json") + "\n", login.out());
        assertEquals("", login.err(), "a private registry on this machine: nothing to warn of");
        assertTrue(server.authorizedRequests().contains("/registry.json"), server.requests().toString());
        assertEquals(0, CliRun.in(project, home, "info", "@acme/base").exitCode());
    }

    @Test
    void aMistypedPasswordFailsTheLoginAndKeepsTheCredentialsStoredBefore() throws IOException {
        assertEquals(0, login(PASSWORD + "\n", Map.of(), "--username", "ci").exitCode());
        String before = config();

        CliRun typo = login("typo\n", Map.of(), "--username", "ci");

        assertEquals(5, typo.exitCode(), typo.err());
        assertEquals("error: registry acme (" + server.url() + ") refused access (HTTP 401): " + server.url()
                + "registry.json\nhint: it refused the credentials given: check the user name and password, and log in"
                + " again; nothing was stored, and the credentials stored before are kept\n", typo.err());
        assertEquals("", typo.out());
        assertEquals(before, config());
        assertFalse(typo.err().contains("typo"));
    }

    @Test
    void aTokenGivenToARegistryAskingForBasicAuthenticationIsRefusedWithTheWayToGiveAUser() throws IOException {
        CliRun token = login(PASSWORD + "\n", Map.of());

        assertEquals(5, token.exitCode(), token.err());
        assertTrue(token.err().endsWith("\nhint: it asks for a user name and password (HTTP basic authentication),"
                + " and prompd sent it the token: log in with 'prompd login --registry acme --username USER'; nothing"
                + " was stored\n"), token.err());
        assertFalse(config().contains("credentials"), config());
    }

    @Test
    void aPasswordInTheEnvironmentIsCheckedWhenSetHereAndStoredUncheckedWhenNot() throws IOException {
        CliRun wrong = login("", Map.of("ACME_PW", "typo"), "--username", "ci", "--password-env", "ACME_PW");
        assertEquals(5, wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().endsWith("\nhint: it refused user ci with the password in $ACME_PW: check the user name"
                + " and $ACME_PW, and log in again; nothing was stored\n"), wrong.err());

        CliRun right = login("", Map.of("ACME_PW", PASSWORD), "--username", "ci", "--password-env", "ACME_PW");
        assertEquals(0, right.exitCode(), right.err());
        assertEquals("logged in to acme (" + server.url() + "): the registry took the password of ci in $ACME_PW,"
                + " which prompd will read from there on each run (only that name is stored, in "
                + home.resolve("config.json") + ")\n", right.out());

        CliRun unset = login("", Map.of(), "--username", "ci", "--password-env", "ACME_PW");
        assertEquals(0, unset.exitCode(), unset.err());
        assertEquals("note: $ACME_PW is not set here; set it wherever prompd reads acme (" + server.url() + "); the"
                + " registry did not check the password of ci, which the variable holds\n", unset.err());
    }

    @Test
    void aForbiddenRegistryFailsTheLoginAsTheAccountsAccess() throws IOException {
        server.refuseAccess(403);

        CliRun login = login(PASSWORD + "\n", Map.of(), "--username", "ci");

        assertEquals(5, login.exitCode(), login.err());
        assertTrue(login.err().endsWith("\nhint: it accepted the credentials given but does not let their account read"
                + " this file: ask the registry's maintainers for access; nothing was stored\n"), login.err());
        assertFalse(config().contains("credentials"), config());
    }

    @Test
    void aRegistryThatCannotBeReachedStoresNothingUnlessOffline() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String away = "http://127.0.0.1:" + closedPort + "/";

        CliRun login = CliRun.in(project, home, PASSWORD + "\n", Map.of(), "login", "--registry", away, "--username",
                "ci");

        assertEquals(5, login.exitCode(), login.err());
        assertTrue(login.err().contains("\nhint: ") && login.err().endsWith("; nothing was stored; to store them"
                + " without asking the registry, run the login again with --offline\n"), login.err());
        assertFalse(config().contains("credentials"), config());

        CliRun offline = CliRun.in(project, home, PASSWORD + "\n", Map.of(), "login", "--registry", away,
                "--username", "ci", "--offline");
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals("note: --offline: the credentials were stored without asking the registry whether it takes them;"
                + " a mistake in them shows at the first command that reads " + away + "\n", offline.err());
        assertTrue(config().contains("\"username\": \"ci\""), config());
    }

    /** The tester's slip: a private password given to the public default registry, which takes anything. */
    @Test
    void aRegistryThatSaysItIsPublicIsWarnedOf() throws IOException {
        try (var open = io.prompd.client.testing.RegistryServer.serving(
                new io.prompd.client.testing.TestRegistry(work.resolve("public")).publish("@acme/util", "1.0.0")
                        .root())) {
            assertEquals(0, CliRun.in(project, home, "registry", "add", "public", open.url().toString(), "--default")
                    .exitCode());

            CliRun login = CliRun.in(project, home, PASSWORD + "\n", Map.of(), "login", "--username", "ci");

            assertEquals(0, login.exitCode(), login.err());
            assertEquals("warning: public (" + open.url() + ") is public: it says so (\"private\": false in its"
                    + " registry.json) and serves it without credentials, so it needs none; prompd will send these to"
                    + " it with every request all the same; if they are for another registry, run 'prompd logout"
                    + " --registry public' and log in with --registry naming that one\n", login.err());
        }
    }

    /**
     * A registry built as private served with no authentication in front of it (nginx without auth_basic) is read by
     * anyone who reaches it: the login, the one moment a user deals with its access, says so, and does not claim the
     * registry took the credentials, which it answers whatever they are.
     */
    @Test
    void aRegistryThatSaysItIsPrivateButServesWithoutCredentialsIsWarnedOf() throws IOException {
        try (var open = io.prompd.client.testing.RegistryServer.serving(
                new io.prompd.client.testing.TestRegistry(work.resolve("open")).makePrivate()
                        .publish("@acme/util", "1.0.0").root())) {
            assertEquals(0, CliRun.in(project, home, "registry", "add", "open", open.url().toString()).exitCode());

            CliRun login = CliRun.in(project, home, PASSWORD + "\n", Map.of(), "login", "--registry", "open",
                    "--username", "ci");

            assertEquals(0, login.exitCode(), login.err());
            assertEquals("logged in to open (" + open.url() + "): credentials stored in " + home.resolve("config.json")
                    + "\n", login.out());
            assertEquals("warning: open (" + open.url() + ") says it is private (\"private\": true in its"
                    + " registry.json) but serves it without credentials too: anyone who can reach it can read that file,"
                    + " and its packages unless they are guarded apart, and the registry.json answered whatever these"
                    + " credentials are; put authentication in front of the whole registry"
                    + " (the Hosting section of the registry repository's README says how)\n", login.err());
        }
    }

    /**
     * A registry built as public but served only with credentials (behind nginx's auth_basic, say) needs them: no
     * warning tells the user otherwise, nor to log out, which would leave it refusing every request.
     */
    @Test
    void aRegistryThatSaysItIsPublicButRefusesRequestsWithoutCredentialsIsNotCalledPublic() {
        registry.makePublic();

        CliRun login = login(PASSWORD + "\n", Map.of(), "--username", "ci");

        assertEquals(0, login.exitCode(), login.err());
        assertEquals("", login.err());
        assertEquals(0, CliRun.in(project, home, "info", "@acme/base").exitCode());
    }

    /**
     * A registry behind a single sign-on proxy (oauth2-proxy, say) answers a request without credentials with a
     * redirect to its login page, of status 200: that page is no registry.json, so the registry does not serve it
     * without credentials, and no warning tells the user to log out of it. Nor does an answer of JSON that is no
     * registry.json, nor a failure, which is asked once: it is an answer too, not a fetch to try again and wait for.
     */
    @ParameterizedTest
    @ValueSource(strings = {"login page", "other JSON", "server error"})
    void aRegistryThatSaysItIsPublicButAnswersWithoutCredentialsWithAnythingElseIsNotCalledPublic(String answer)
            throws IOException {
        byte[] registryJson = Files.readAllBytes(registry.makePublic().root().resolve("registry.json"));
        String authorization = new Credentials.Basic("ci", PASSWORD).authorizationHeader();
        HttpServer guard = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        guard.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/registry.json")
                        && authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, registryJson.length);
                    exchange.getResponseBody().write(registryJson);
                } else if (answer.equals("server error")) {
                    exchange.sendResponseHeaders(500, -1);
                } else if (path.equals("/login") || answer.equals("other JSON")) {
                    boolean page = answer.equals("login page");
                    byte[] body = (page ? "<!DOCTYPE html><html><body>Sign in</body></html>"
                            : "{\"error\": \"sign in first\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", page ? "text/html" : "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else {
                    exchange.getResponseHeaders().set("Location", "/login?rd=" + path);
                    exchange.sendResponseHeaders(302, -1);
                }
            }
        });
        guard.start();
        try {
            String url = "http://127.0.0.1:" + guard.getAddress().getPort() + "/";

            CliRun login = CliRun.in(project, home, PASSWORD + "\n", Map.of(), "login", "--registry", url,
                    "--username", "ci");

            assertEquals(0, login.exitCode(), login.err());
            assertEquals("", login.err());
            assertTrue(config().contains("\"username\": \"ci\""), config());
        } finally {
            guard.stop(0);
        }
    }
}
