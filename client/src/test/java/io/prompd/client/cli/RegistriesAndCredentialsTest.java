package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.config.Credentials;
import io.prompd.client.testing.RegistryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry a package's name routes to, named as configured when it lacks the package, and its credentials: refused
 * ones, and a private registry's files kept from other users.
 */
class RegistriesAndCredentialsTest extends InstallCommandsFixture {

    private static final String PASSWORD = "S3cret-PW";

    /** A close name, most likely what was meant, comes first: the routing advice is for a scope served elsewhere. */
    @Test
    void aMissingPackageExitsWithThreeAndSuggests() {
        CliRun run = prompd("install", "@acme/gretter");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: no package @acme/gretter in registry " + server.url()
                + "\nhint: did you mean @acme/greeter? otherwise, if @acme's packages are in"
                + " another registry, route @acme to it with 'prompd config set scopes.@acme NAME' or"
                + " 'prompd registry add NAME URL --scope @acme'\n",
                run.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aMissingDependencyNamesTheRegistryAskedAndHowToRouteItsScope() throws IOException {
        registry.publish("@data/secret", "1.0.0");
        assertEquals(0,
                CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        editDependencies("\"@company/secret\": \"^1.0.0\"");

        CliRun run = CliRun.in(project, home, "install");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @company/secret ^1.0.0 and no package"
                + " @company/secret exists"
                + " in registry main (" + server.url() + "), version solving failed.\n"
                + "hint: check the names and ranges above against the registry; a range may ask for a version that was"
                + " never published, or that has been yanked or taken down; if @company's packages are in another"
                + " registry, route @company to it with 'prompd config set scopes.@company NAME' or"
                + " 'prompd registry add"
                + " NAME URL --scope @company'\n", run.err().replace(System.lineSeparator(), "\n"),
                "@data/secret is another owner's package, not offered for @company/secret");

        assertEquals(0, CliRun.in(project, home, "registry", "add", "work", server.url().toString(), "--scope",
                "@company").exitCode());
        CliRun routed = CliRun.in(project, home, "install");
        assertEquals(3, routed.exitCode(), routed.err());
        assertTrue(routed.err().contains(" exists in registry work (" + server.url() + "), "), routed.err());
        assertFalse(routed.err().contains("route @company"), "a scope routed on purpose is not advised to be: "
                + routed.err());
    }

    @Test
    void aMissingPackageNamesTheRegistryAsConfigured() {
        assertEquals(0,
                CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());

        CliRun run = CliRun.in(project, home, "info", "@data/csv-toolkit");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err()
                .startsWith("error: no package @data/csv-toolkit in registry main (" + server.url() + ")\n"),
                run.err());
    }

    /**
     * The hint for a variable not set names the registry: 'prompd login' alone would store a private registry's
     * secret for the default one, a public registry, sending it there with every request.
     */
    @Test
    void anUnsetVariablesHintLogsInToTheRegistryItIsAbout() throws IOException {
        try (RegistryServer other = RegistryServer.serving(work)) {
            assertEquals(0, CliRun.in(project, home, "registry", "add", "public", other.url().toString(), "--default")
                    .exitCode());
            assertEquals(0, CliRun.in(project, home, "registry", "add", "work", server.url().toString(), "--scope",
                    "@acme").exitCode());
            assertEquals(0, login("", "--registry", "work", "--token-env", "WORK_TOKEN").exitCode());

            CliRun token = CliRun.in(project, home, "info", "@acme/base");
            assertEquals(2, token.exitCode(), token.err());
            assertEquals("error: registry work (" + server.url() + ") takes its token from $WORK_TOKEN, which is unset"
                    + " or blank\nhint: set the variable, or run 'prompd login --registry work' to store a token"
                    + " instead\n", token.err());

            assertEquals(0, login("", "--registry", "work", "--username", "ci", "--password-env", "PW").exitCode());
            CliRun password = CliRun.in(project, home, "info", "@acme/base");
            assertEquals(2, password.exitCode(), password.err());
            assertTrue(password.err().endsWith("\nhint: set the variable, or run 'prompd login --registry work"
                    + " --username ci' to store the password instead\n"), password.err());
        }
    }

    @Test
    void aRefusalSaysWhetherStoredCredentialsWereRefused() {
        assertEquals(0,
                CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        server.refuseAccess(401);

        CliRun without = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, without.exitCode(), without.err());
        assertTrue(without.err().startsWith("error: registry main (" + server.url() + ") refused access (HTTP 401): "),
                without.err());
        assertTrue(without.err().contains("\nhint: it wants credentials and none are stored for it: log in with"
                + " 'prompd login --registry main'\n"), without.err());

        // as credentials that expired after the login took them
        assertEquals(0, CliRun.in(project, home, "t0ken\n", Map.of(), "login", "--offline").exitCode());
        CliRun refused = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, refused.exitCode(), refused.err());
        assertTrue(refused.err()
                .contains("\nhint: it refused the credentials stored for it, which may have expired or be"
                + " wrong: log in again with 'prompd login --registry main'\n"), refused.err());
    }

    @Test
    void aForbiddenFileIsAMatterOfTheAccountsAccessNotOfCredentialsToRenew() {
        assertEquals(0,
                CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        assertEquals(0, CliRun.in(project, home, "t0ken\n", Map.of(), "login").exitCode());
        server.forbidTarballs();

        CliRun forbidden = CliRun.in(project, home, "install", "@acme/util");

        assertEquals(5, forbidden.exitCode(), forbidden.err());
        assertTrue(forbidden.err().startsWith("error: registry main (" + server.url() + ") refused access (HTTP 403): "
                + server.url() + "packages/@acme/util/-/util-1.1.0.tgz\n"), forbidden.err());
        assertTrue(forbidden.err().endsWith("\nhint: it accepted the credentials stored for it but does not let their"
                + " account read this file: ask the registry's maintainers for access\n"), forbidden.err());

        assertEquals(0, CliRun.in(project, home, "logout").exitCode());
        CliRun without = CliRun.in(project, home, "install", "@acme/util");
        assertEquals(5, without.exitCode(), without.err());
        assertTrue(without.err().endsWith("\nhint: it may need credentials, and none are stored for it: log in with"
                + " 'prompd login --registry main', or ask the registry's maintainers for access\n"), without.err());
    }

    /**
     * A registry behind basic authentication, as nginx's auth_basic: its challenge asks for a user name and password,
     * which a token does not give, and CI keeps the password in the environment as it does a token.
     */
    @Test
    void aRegistryAskingForBasicAuthenticationIsToldToGetAUserAndItsPasswordMayComeFromTheEnvironment()
            throws IOException {
        assertEquals(0, CliRun.in(project, home, "registry", "add", "acme", server.url().toString(), "--scope", "@acme")
                .exitCode());
        server.requireAuthorization(new Credentials.Basic("ci", PASSWORD).authorizationHeader())
                .challenge("Basic realm=\"Acme\"");

        CliRun without = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, without.exitCode(), without.err());
        assertTrue(without.err().endsWith("\nhint: it wants a user name and password (HTTP basic authentication) and"
                + " none are stored for it: log in with 'prompd login --registry acme --username USER'\n"),
                without.err());

        assertEquals(0, login(PASSWORD + "\n", "--registry", "acme", "--offline").exitCode());
        CliRun token = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, token.exitCode(), token.err());
        assertTrue(token.err().endsWith("\nhint: it asks for a user name and password (HTTP basic authentication), and"
                + " prompd sent it the token: log in with 'prompd login --registry acme --username USER'\n"),
                token.err());

        assertEquals(0, login("typo\n", "--registry", "acme", "--username", "ci", "--offline").exitCode());
        CliRun typo = CliRun.in(project, home, "info", "@acme/base");
        assertEquals(5, typo.exitCode(), typo.err());
        assertTrue(typo.err().endsWith("\nhint: it refused the credentials stored for it, which may have expired or be"
                + " wrong: log in again with 'prompd login --registry acme --username ci'\n"), typo.err());

        CliRun fromVariable = login("", "--registry", "acme", "--username", "ci", "--password-env", "ACME_PW");
        assertEquals(0, fromVariable.exitCode(), fromVariable.err());
        String config = Files.readString(home.resolve("config.json"));
        assertTrue(config.contains("\"passwordEnv\": \"ACME_PW\""), config);
        assertFalse(config.contains("typo"), "the password stored before is replaced: " + config);
        CliRun ci = CliRun.in(project, home, "", Map.of("ACME_PW", PASSWORD), "info", "@acme/base");
        assertEquals(0, ci.exitCode(), ci.err());
        CliRun rotated = CliRun.in(project, home, "", Map.of("ACME_PW", "old-" + PASSWORD), "info", "@acme/base");
        assertEquals(5, rotated.exitCode(), rotated.err());
        assertTrue(rotated.err().endsWith("\nhint: it refused user ci with the password in $ACME_PW, which may have"
                + " expired or be wrong: update the variable, where prompd reads it on each run\n"), rotated.err());
    }

    /** A registry that takes tokens refuses a user and password by its challenge, which names the kind it takes. */
    @Test
    void aRegistryAskingForATokenSaysSoToAUserAndPassword() {
        assertEquals(0, CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default")
                .exitCode());
        server.requireAuthorization("Bearer t0ken").challenge("Bearer realm=\"main\", error=\"invalid_token\"");
        assertEquals(0, login("", "--username", "ci", "--password-env", "MAIN_PW").exitCode());

        CliRun run = CliRun.in(project, home, "", Map.of("MAIN_PW", "t0ken"), "info", "@acme/base");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("\nhint: it asks for a token (HTTP bearer authentication), and prompd sent it a"
                + " user name and password in $MAIN_PW: log in with 'prompd login --registry main --token-env"
                + " MAIN_PW'\n"), run.err());
    }

    private CliRun login(String stdin, String... options) {
        List<String> args = new ArrayList<>(List.of("login"));
        args.addAll(List.of(options));
        return CliRun.in(project, home, stdin, Map.of(), args.toArray(String[]::new));
    }

    @Test
    void aRefusalByARegistryAScopeIsRoutedToNamesTheRoute() {
        assertEquals(0, CliRun.in(project, home, "registry", "add", "data", server.url().toString(), "--scope", "@data")
                .exitCode());
        server.refuseAccess(403);

        CliRun run = CliRun.in(project, home, "info", "@data/csv-toolkit");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: registry data (" + server.url() + "), which scope @data is routed to,"
                + " refused access (HTTP 403): "), run.err());
    }

    @Test
    void aRefusedTokenFromAnEnvironmentVariableIsToBeUpdatedThereNotByLoggingIn() {
        assertEquals(0,
                CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        assertEquals(0, CliRun.in(project, home, "login", "--token-env", "MY_TOKEN").exitCode());
        server.refuseAccess(401);

        CliRun run = CliRun.in(project, home, "", Map.of("MY_TOKEN", "t0ken"), "info", "@acme/base");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("\nhint: it refused the token in $MY_TOKEN, which may have expired or be wrong:"
                + " update the variable, where prompd reads it on each run\n"), run.err());
    }

    @Test
    void aPrivateRegistrysDocumentsTarballsAndPackagesAreKeptFromOtherUsers() throws IOException {
        assertEquals(0,
                CliRun.in(project, home, "registry", "add", "main", server.url().toString(), "--default").exitCode());
        assertEquals(0, CliRun.in(project, home, "t0ken\n", Map.of(), "login").exitCode());
        // as an earlier prompd left it, open to every user of the machine
        Files.createDirectories(home.resolve("packages"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));

        CliRun run = CliRun.in(project, home, "install", "@acme/greeter");

        assertEquals(0, run.exitCode(), run.err());
        for (String folder : List.of("packages", "cache/tarballs", "cache/http")) {
            assertEquals("rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(folder))),
                    folder);
        }
    }

    /**
     * A registry URL with a letter outside ASCII in its path is the URL with the letter's UTF-8 bytes escaped, as curl
     * sends it: taken so however it comes (registry add, config set, --registry, $PROMPD_REGISTRY), it reads the
     * registry, where its raw bytes were asked for as other characters, and every spelling locks the same URLs.
     */
    @Test
    void aRegistryUrlWithALetterOutsideAsciiIsTheOneWithItEscapedHoweverItIsGiven() throws IOException {
        Files.createSymbolicLink(work.resolve("régistry"), registry.root());
        try (RegistryServer folders = RegistryServer.serving(work)) {
            String typed = folders.url() + "régistry/";
            String escaped = folders.url() + "r%C3%A9gistry/";

            CliRun add = CliRun.in(project, home, "registry", "add", "r", typed, "--default");
            assertEquals(0, add.exitCode(), add.err());
            assertEquals("added registry r (" + escaped + ")\nr is the default registry\n", add.out());
            CliRun set = CliRun.in(project, home, "config", "set", "registries.s", typed);
            assertEquals(0, set.exitCode(), set.err());
            assertEquals("r  " + escaped + "  default\ns  " + escaped + "\n",
                    CliRun.in(project, home, "registry", "list").out());
            CliRun info = CliRun.in(project, home, "info", "@acme/util");
            assertEquals(0, info.exitCode(), info.err());
            assertTrue(folders.requests().contains("/régistry/packages/@acme/util/index.json"), folders.requests().toString());
            CliRun install = CliRun.in(project, home, "install", "@acme/greeter");
            assertEquals(0, install.exitCode(), install.err());
            String lock = Files.readString(project.resolve("prompd.lock"));
            assertTrue(lock.contains("\"" + escaped + "packages/@acme/util/-/util-1.1.0.tgz\""), lock);

            assertEquals(lock, lockElsewhere("flag", Map.of(), "--registry", folders.url() + "r%c3%a9gistry"));
            assertEquals(lock, lockElsewhere("variable", Map.of("PROMPD_REGISTRY", typed)));
        }
    }

    /** The lock an install of the project's dependencies writes in a copy of it, from a home of its own. */
    private String lockElsewhere(String name, Map<String, String> variables, String... options) throws IOException {
        Path copy = Files.createDirectories(work.resolve(name));
        Files.copy(project.resolve("prompd.json"), copy.resolve("prompd.json"), StandardCopyOption.REPLACE_EXISTING);
        List<String> args = new ArrayList<>(List.of("install"));
        args.addAll(List.of(options));
        CliRun install = CliRun.in(copy, work.resolve(name + "-home"), "", variables, args.toArray(String[]::new));
        assertEquals(0, install.exitCode(), install.err());
        return Files.readString(copy.resolve("prompd.lock"));
    }
}
