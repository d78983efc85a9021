package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {

    static final String SECRET = "s3cr3t-t0ken";

    @TempDir
    Path work;

    Path home;

    CliRun prompd(String stdin, String... args) {
        return CliRun.in(work, home, stdin, Map.of(), args);
    }

    @BeforeEach
    void addRegistries() {
        home = work.resolve("home");
        assertEquals(0, prompd("", "registry", "add", "acme", "https://prompd.acme.example/", "--default").exitCode());
        assertEquals(0, prompd("", "registry", "add", "work", "https://prompd.work.example/").exitCode());
    }

    static void assertNoSecret(CliRun run) {
        assertFalse(run.out().contains(SECRET), run.out());
        assertFalse(run.err().contains(SECRET), run.err());
    }

    @Test
    void loginStoresTheTokenReadFromStandardInputForTheDefaultRegistry() throws IOException {
        CliRun login = prompd(SECRET + "\n", "login", "--offline");
        assertEquals(0, login.exitCode(), login.err());
        assertEquals("logged in to acme (https://prompd.acme.example/): credentials stored in "
                + home.resolve("config.json") + "\n", login.out());
        assertNoSecret(login);
        String file = Files.readString(home.resolve("config.json"));
        assertTrue(file.contains("\"token\": \"" + SECRET + "\""), file);
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config.json"))));
    }

    @Test
    void atATerminalTheSecretIsTypedThereAndStandardInputIsLeftUnread() throws IOException {
        List<String> asked = new ArrayList<>();
        char[] typed = SECRET.toCharArray();
        CliContext terminal = new CliContext(Map.of("PROMPD_HOME", home.toString()), work, work.resolve("user-home"),
                CliRun.CLOCK, CliRun.SLEEPER, new ByteArrayInputStream("piped\n".getBytes(StandardCharsets.UTF_8)),
                Optional.of(prompt -> {
                    asked.add(prompt);
                    return Optional.of(typed);
                }), false, OutputStream.nullOutputStream(), false);

        CliRun login = CliRun.with(terminal, "login", "--offline");

        assertEquals(0, login.exitCode(), login.err());
        assertEquals(List.of("token for acme (https://prompd.acme.example/)"), asked);
        assertTrue(Files.readString(home.resolve("config.json")).contains("\"token\": \"" + SECRET + "\""));
        assertArrayEquals(new char[SECRET.length()], typed, "the typed characters are cleared");
    }

    /** A guessed '--password=...' or '--token=...' was quoted whole as the unknown option, secret and all. */
    @Test
    void aSecretGivenToAnUnknownOptionWithEqualsIsNotRepeated() {
        for (String guess : List.of("--password=", "--token=")) {
            CliRun run = prompd("", "login", "--offline", "--username", "ci", guess + SECRET);

            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("error: unknown option '" + guess.replace("=", "") + "'\n"), run.err());
            assertNoSecret(run);
        }
    }

    @Test
    void theRegistryOptionWorksBeforeAndAfterTheSubcommand() {
        assertEquals(0, prompd(SECRET, "login", "--offline", "--registry", "work").exitCode());
        assertEquals("token (set)\n", prompd("", "config", "get", "credentials.https://prompd.work.example/").out());
        CliRun logout = prompd("", "--registry", "work", "logout");
        assertEquals(0, logout.exitCode(), logout.err());
        assertEquals("logged out of work (https://prompd.work.example/): its credentials were removed\n", logout.out());
        assertEquals(3, prompd("", "config", "get", "credentials.https://prompd.work.example/").exitCode());
    }

    @Test
    void loginOverPlainHttpWarnsUnlessTheRegistryIsThisMachine() {
        CliRun inTheClear = prompd(SECRET, "login", "--offline", "--registry", "http://prompd.acme.example/");
        assertEquals(0, inTheClear.exitCode(), inTheClear.err());
        assertTrue(inTheClear.err().startsWith("warning: http://prompd.acme.example/ is plain http://: the credentials"
                + " will cross the network unencrypted"), inTheClear.err());

        CliRun local = prompd(SECRET, "login", "--offline", "--registry", "http://127.0.0.1:8080/");
        assertEquals(0, local.exitCode(), local.err());
        assertFalse(local.err().contains("warning"), local.err());
    }

    @Test
    void theRegistryMayBeAUrlNotConfigured() {
        CliRun login = prompd(SECRET, "login", "--offline", "--registry", "https://prompd.other.example/");
        assertEquals(0, login.exitCode(), login.err());
        assertTrue(login.out().startsWith("logged in to https://prompd.other.example/:"), login.out());
    }

    @Test
    void basicAuthenticationReadsThePassword() {
        CliRun login = prompd(SECRET + "\n", "login", "--offline", "--username", "alice");
        assertEquals(0, login.exitCode(), login.err());
        assertNoSecret(login);
        CliRun list = prompd("", "registry", "list");
        assertTrue(list.out().contains("user alice, password (set)"), list.out());
        assertNoSecret(list);
    }

    @Test
    void aUserNamesControlCharacterIsSpeltOutInTheListOfRegistries() {
        assertEquals(0, prompd(SECRET + "\n", "login", "--offline", "--username", "al\u009b2Jice").exitCode());

        CliRun list = prompd("", "registry", "list");

        assertEquals("""
                acme  https://prompd.acme.example/  default, user alM-^[2Jice, password (set)
                work  https://prompd.work.example/
                """, list.out());
    }

    @Test
    void aTokenFromTheEnvironmentStoresNoSecret() throws IOException {
        CliRun login = prompd("", "login", "--offline", "--token-env", "ACME_TOKEN");
        assertEquals(0, login.exitCode(), login.err());
        assertEquals("logged in to acme (https://prompd.acme.example/): prompd will read the token from"
                + " $ACME_TOKEN (only"
                + " that name is stored, in " + home.resolve("config.json") + ")\n", login.out());
        assertEquals("token from $ACME_TOKEN\n",
                prompd("", "config", "get", "credentials.https://prompd.acme.example/").out());
        assertTrue(Files.readString(home.resolve("config.json")).contains("\"tokenEnv\": \"ACME_TOKEN\""));
        assertEquals("note: $ACME_TOKEN is not set here; set it wherever prompd reads acme"
                + " (https://prompd.acme.example/)\n",
                login.err(), "stored all the same, for a job that sets it later");

        CliRun set = CliRun.in(work, home, "", Map.of("ACME_TOKEN", "t0ken"), "login", "--offline", "--token-env",
                "ACME_TOKEN");
        assertEquals(0, set.exitCode(), set.err());
        assertFalse(set.err().contains("is not set here"), set.err());
    }

    @Test
    void aPasswordThatIsNotUtf8IsRefusedRatherThanStoredChanged() throws IOException {
        byte[] latin1 = {(byte) 0xff, (byte) 0xfe, '\n'};
        CliRun login = CliRun.in(work, home, latin1, Map.of(), "login", "--offline", "--username", "bob");

        assertEquals(2, login.exitCode(), login.err());
        assertTrue(login.err().startsWith("error: the password of bob for acme (https://prompd.acme.example/) given on"
                + " standard input is not UTF-8 text\nhint: nothing was stored"), login.err());
        assertFalse(Files.readString(home.resolve("config.json")).contains("credentials"));
    }

    @Test
    void aPasswordFromTheEnvironmentStoresTheUserAndTheVariablesNameAlone() throws IOException {
        CliRun login = prompd("", "login", "--offline", "--username", "ci", "--password-env", "ACME_PW");

        assertEquals(0, login.exitCode(), login.err());
        assertEquals("logged in to acme (https://prompd.acme.example/): prompd will read the password of ci from"
                + " $ACME_PW (only that name is stored, in " + home.resolve("config.json") + ")\n", login.out());
        assertEquals("user ci, password from $ACME_PW\n",
                prompd("", "config", "get", "credentials.https://prompd.acme.example/").out());
        String file = Files.readString(home.resolve("config.json"));
        assertTrue(file.contains("\"passwordEnv\": \"ACME_PW\"") && file.contains("\"username\": \"ci\""), file);
        assertEquals("note: $ACME_PW is not set here; set it wherever prompd reads acme"
                + " (https://prompd.acme.example/)\n", login.err());
    }

    @Test
    void aTokensVariableGoesWithoutAUserAndAPasswordsWithOne() {
        CliRun both = prompd("", "login", "--offline", "--username", "alice", "--token-env", "ACME_TOKEN");
        assertEquals(2, both.exitCode());
        assertEquals("error: --token-env names a token's variable, which goes without --username\nhint: for a token,"
                + " give --token-env ACME_TOKEN alone; if $ACME_TOKEN holds the password of alice, give --username alice"
                + " --password-env ACME_TOKEN\n", both.err());

        CliRun noUser = prompd("", "login", "--offline", "--password-env", "ACME_PW");
        assertEquals(2, noUser.exitCode());
        assertEquals("error: --password-env names the variable of a user's password, and no --username was given\n"
                + "hint: for a user's password, add --username USER; if $ACME_PW holds a token, give --token-env ACME_PW"
                + " instead\n", noUser.err());
        assertFalse(home.resolve("config.json").toFile().length() > 0
                && prompd("", "config", "list").out().contains("credentials"), "nothing was stored");
    }

    /**
     * Both variables, with or without a user name, were refused as the lone variable's mistake: the hint dropped the
     * password's variable and offered the token's as it, or offered the password's as the token's.
     */
    @Test
    void aTokensVariableAndAPasswordsAreRefusedTogetherEachNamedInItsRole() {
        String error = "error: --token-env and --password-env cannot be used together: the one names the variable of a"
                + " token, the other that of a user's password; give one of them\n";

        CliRun withUser = prompd("", "login", "--offline", "--token-env", "ACME_TOKEN", "--username", "alice",
                "--password-env", "ACME_PW");
        assertEquals(2, withUser.exitCode());
        assertEquals(error + "hint: for a token, give --token-env ACME_TOKEN alone; for a user name and a password, give"
                + " --username alice --password-env ACME_PW\n", withUser.err());

        CliRun noUser = prompd("", "login", "--offline", "--token-env", "ACME_TOKEN", "--password-env", "ACME_PW");
        assertEquals(2, noUser.exitCode());
        assertEquals(error + "hint: for a token, give --token-env ACME_TOKEN alone; for a user name and a password, give"
                + " --username USER --password-env ACME_PW\n", noUser.err());
        assertFalse(Files.exists(home.resolve("config.json"))
                && prompd("", "config", "list").out().contains("credentials"), "nothing was stored");
    }

    /** How the hints of a variable's name that is none go on. */
    private static final String KEPT = ", as your shell's history or a CI log may keep it";
    private static final String TOKEN_EXAMPLE = "'prompd login --registry work --token-env CI_TOKEN'";
    private static final String PASSWORD_EXAMPLE = "'prompd login --registry work --username ci --password-env"
            + " CI_PASSWORD'";

    /** The start of the refusal of what was given to {@code option} for the variable of the {@code secret}. */
    private static String given(String option, String secret) {
        return "error: " + option + " takes the name of the environment variable holding the " + secret + ", and"
                + " what was given ";
    }

    /** The refusal of a credential that looks like {@code kind}, given for the variable's name. */
    private static String aCredential(String option, String secret, String kind, String example) {
        return given(option, secret) + "looks like " + kind + " rather than a variable's name, and is not shown\nhint:"
                + " nothing was stored; if it is a real credential, revoke it" + KEPT + ", and give the variable's"
                + " name: " + example + "\n";
    }

    /** The refusal of a text that is no variable's name, which holds {@code character}. */
    private static String notAName(String option, String secret, String character, String example, String fix) {
        return given(option, secret) + "is not a variable's name, which is letters, digits and '_', not starting with"
                + " a digit: it holds '" + character + "' (the rest is not shown)\nhint: nothing was stored; give the"
                + " variable's name, as in " + example + "; if what was given is the " + secret + " itself, " + fix
                + " it" + KEPT + "\n";
    }

    /** A login of the registry work refused as a usage error, its standard error being {@code err}. */
    private CliRun refusedLogin(String err, String... args) {
        List<String> login = new ArrayList<>(List.of("login", "--registry", "work"));
        login.addAll(List.of(args));
        CliRun run = prompd("", login.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(err, run.err());
        assertEquals("", run.out());
        return run;
    }

    /** Neither the output of the runs nor config.json holds the secret. */
    private void assertNowhere(String secret, CliRun... runs) throws IOException {
        for (CliRun run : runs) {
            assertFalse(run.out().contains(secret), run.out());
            assertFalse(run.err().contains(secret), run.err());
        }
        String config = Files.readString(home.resolve("config.json"));
        assertFalse(config.contains(secret) || config.contains("credentials"), config);
    }

    /**
     * A token given in place of its variable's name ({@code --token-env "$CI_TOKEN"}) was a valid name: stored in
     * config.json, and shown by the login, registry list and config list. It is refused as the credential it looks
     * like, unquoted, with or without other mistakes of the command, whose messages quote the variables.
     */
    @Test
    void aCredentialGivenAsAVariablesNameIsRefusedUnshown() throws IOException {
        String github = "ghp_ABCDEFabcdef0123456789ABCDEFabcdef01";
        CliRun token = refusedLogin(aCredential("--token-env", "token", "a GitHub token (ghp_, gho_, ghu_, ghs_, ghr_)",
                TOKEN_EXAMPLE), "--offline", "--token-env", github);
        CliRun withUser = prompd("", "login", "--offline", "--username", "ci", "--token-env", github);
        assertEquals(2, withUser.exitCode(), withUser.err());
        assertTrue(withUser.err().startsWith(given("--token-env", "token") + "looks like a GitHub token"),
                withUser.err());

        String npm = "npm_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
        CliRun password = refusedLogin(aCredential("--password-env", "password", "an npm access token (npm_...)",
                PASSWORD_EXAMPLE), "--username", "ci", "--password-env", npm);

        CliRun list = prompd("", "registry", "list");
        CliRun config = prompd("", "config", "list", "--json");
        assertEquals(0, list.exitCode() + config.exitCode(), list.err() + config.err());
        assertNowhere(github, token, withUser, list, config);
        assertNowhere(npm, password, list, config);
    }

    /**
     * A value that is no variable's name (a JSON Web Token, a password) was quoted whole, and the hint suggested the
     * same login again, the value in it, ill quoted.
     */
    @Test
    void aVariablesNameThatIsNoneIsRefusedShowingOneCharacterAtMost() throws IOException {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl";
        CliRun token = refusedLogin(notAName("--token-env", "token", ".", TOKEN_EXAMPLE, "revoke"), "--offline",
                "--token-env", jwt);
        String typed = "hunter2!Pass";
        CliRun password = refusedLogin(notAName("--password-env", "password", "!", PASSWORD_EXAMPLE, "change"),
                "--username", "ci", "--password-env", typed);

        CliRun digit = prompd("", "login", "--offline", "--token-env", "2fa0c9d1e7");
        assertEquals(2, digit.exitCode(), digit.err());
        assertTrue(digit.err().contains("what was given is not a variable's name, which is letters, digits and '_',"
                + " not starting with a digit: it starts with a digit (the rest is not shown)\n"), digit.err());

        assertNowhere(jwt, token);
        assertNowhere("hunter2", password);
        assertNowhere("2fa0", digit);
    }

    /**
     * A config.json edited by hand to name a credential for the variable was read, and the credential shown as the
     * variable's name by every list; it is refused unshown, as a login's is, and a login naming a variable mends it.
     */
    @Test
    void aCredentialWrittenAsTheVariablesNameInConfigJsonIsRefusedUnshown() throws IOException {
        String github = "ghp_ABCDEFabcdef0123456789ABCDEFabcdef01";
        Path config = home.resolve("config.json");
        Files.writeString(config, "{\"registry\": \"acme\", \"registries\": {\"acme\":"
                + " \"https://prompd.acme.example/\"}, \"credentials\": {\"https://prompd.acme.example/\":"
                + " {\"tokenEnv\": \"" + github + "\"}}}");

        CliRun list = prompd("", "registry", "list");
        CliRun json = prompd("", "config", "list", "--json");
        for (CliRun run : List.of(list, json)) {
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("/credentials/https://prompd.acme.example/, line 1: the variable given for"
                    + " the token looks like a GitHub token (ghp_, gho_, ghu_, ghs_, ghr_) rather than a variable's"
                    + " name, and is not shown; revoke the credential if it is real, and log in again giving the"
                    + " variable's name"), run.err());
            assertFalse(run.out().contains(github) || run.err().contains(github), run.out() + run.err());
        }

        CliRun login = prompd("", "login", "--offline", "--token-env", "ACME_TOKEN");
        assertEquals(0, login.exitCode(), login.err());
        String mended = Files.readString(config);
        assertTrue(mended.contains("\"tokenEnv\": \"ACME_TOKEN\"") && !mended.contains(github), mended);
    }

    /** A password was to be piped in from token.txt. */
    @Test
    void aPasswordNotGivenIsToBePipedInFromAPasswordsFile() {
        CliRun password = prompd("", "login", "--offline", "--username", "alice");
        assertEquals(2, password.exitCode());
        assertEquals("error: no password of alice for acme (https://prompd.acme.example/) was given\nhint: type it when"
                + " asked, or pipe it in on standard input: run the same command again with '< password.txt' after it\n",
                password.err());

        CliRun token = prompd("", "login", "--offline");
        assertTrue(token.err().endsWith(" with '< token.txt' after it\n"), token.err());
    }

    @Test
    void nothingOnStandardInputIsAUsageError() {
        CliRun login = prompd("", "login", "--offline");
        assertEquals(2, login.exitCode());
        assertTrue(login.err().startsWith("error: no token for acme"), login.err());
    }

    @Test
    void anUnusableTokenIsRefusedWithoutQuotingIt() {
        CliRun login = prompd("two " + SECRET + "\n", "login", "--offline");
        assertEquals(2, login.exitCode());
        assertTrue(login.err().contains("visible ASCII"), login.err());
        assertNoSecret(login);
    }

    /** Run again as it is suggested, the login stores the credentials for the same registry, not the default one. */
    @Test
    void aRefusedLoginIsSuggestedAgainWithItsRegistry() {
        CliRun typed = prompd("two " + SECRET + "\n", "login", "--registry", "work", "--offline");
        assertEquals(2, typed.exitCode());
        assertTrue(typed.err().endsWith("\nhint: nothing was stored; run 'prompd login --registry work' again\n"),
                typed.err());

        CliRun variable = CliRun.in(work, home, "", Map.of("WORK_PW", "two\tlines"), "login", "--registry", "work",
                "--username", "ci", "--password-env", "WORK_PW");
        assertEquals(2, variable.exitCode());
        assertTrue(variable.err().endsWith("\nhint: nothing was stored; set the variable to the password alone and run"
                + " 'prompd login --registry work --username ci --password-env WORK_PW' again\n"), variable.err());
    }

    @Test
    void loginToAnUnknownRegistryNameIsNotFound() {
        CliRun login = prompd(SECRET, "login", "--offline", "--registry", "nowhere");
        assertEquals(3, login.exitCode());
        assertTrue(login.err().contains("unknown registry 'nowhere'"), login.err());
        assertNoSecret(login);
    }

    @Test
    void loginToAMalformedUrlIsAUsageError() throws IOException {
        CliRun login = prompd(SECRET, "login", "--offline", "--registry", "ftp://x.example/");

        assertEquals(2, login.exitCode());
        assertEquals("error: invalid registry URL 'ftp://x.example/': use an absolute http://, https:// or file:///"
                + " URL (from --registry)\nhint: give a URL such as https://registry.example.com/ or"
                + " file:///srv/registry/, or the name of a configured registry\n", login.err());
        assertNoSecret(login);
        Path config = home.resolve("config.json");
        assertFalse(Files.exists(config) && Files.readString(config).contains("credentials"),
                "no credential stored: " + (Files.exists(config) ? Files.readString(config) : "no config.json"));
    }

    @Test
    void loginToAFileRegistryIsRefusedSinceNothingWouldSendTheCredentials() throws IOException {
        CliRun login = prompd(SECRET, "login", "--offline", "--registry", work.toUri().toString());

        assertEquals(2, login.exitCode());
        assertTrue(login.err().startsWith("error: " + work.toUri() + " is a folder read from disk, and prompd sends"
                + " credentials only over HTTP"), login.err());
        assertFalse(Files.readString(home.resolve("config.json")).contains(SECRET));
    }

    @Test
    void logoutWithoutCredentialsSaysSo() {
        CliRun logout = prompd("", "logout");
        assertEquals(0, logout.exitCode(), logout.err());
        assertEquals("no credentials were stored for acme (https://prompd.acme.example/)\n", logout.out());
    }

    @Test
    void theRegistryVariableChoosesTheRegistryToo() {
        CliRun login = CliRun.in(work, home, SECRET, Map.of("PROMPD_REGISTRY", "work"), "login", "--offline");
        assertEquals(0, login.exitCode(), login.err());
        assertTrue(login.out().startsWith("logged in to work "), login.out());
    }

    /**
     * A credential entry this prompd cannot use is refused with the advice to log in again, or out: both mend that
     * entry alone, other registries and credentials kept, while an unusable entry of another registry, or any other
     * problem of the file, still refuses them.
     */
    @Test
    void loginReplacesAndLogoutRemovesTheirRegistrysUnusableCredentialEntryAlone() throws IOException {
        Path config = home.resolve("config.json");
        String unusable = "{\"registry\": \"acme\", \"registries\": {\"acme\": \"https://prompd.acme.example/\","
                + " \"work\": \"https://prompd.work.example/\"}, \"credentials\": {"
                + "\"https://prompd.acme.example/\": {\"username\": \"ci\", \"passwordFile\": \"x\"},"
                + " \"https://prompd.other.example/\": {\"tokenFile\": \"y\"},"
                + " \"https://prompd.work.example/\": {\"token\": \"w0rk-t0ken\"}}}";
        Files.writeString(config, unusable);

        CliRun other = prompd(SECRET + "\n", "login", "--offline", "--registry", "work");
        assertEquals(1, other.exitCode(), other.err());
        assertTrue(other.err().contains("cannot be used") && other.err().contains("'prompd logout --registry URL'"),
                other.err());
        assertEquals(unusable, Files.readString(config), "nothing written for an entry of another registry");

        CliRun login = prompd(SECRET + "\n", "login", "--offline", "--registry", "acme");
        assertEquals(0, login.exitCode(), login.err());
        assertEquals("{\n  \"credentials\": {\n    \"https://prompd.acme.example/\": {\n      \"token\": \"" + SECRET
                + "\"\n    },\n    \"https://prompd.other.example/\": {\n      \"tokenFile\": \"y\"\n    },\n"
                + "    \"https://prompd.work.example/\": {\n      \"token\": \"w0rk-t0ken\"\n    }\n  },\n"
                + "  \"registries\": {\n    \"acme\": \"https://prompd.acme.example/\",\n"
                + "    \"work\": \"https://prompd.work.example/\"\n  },\n  \"registry\": \"acme\"\n}\n", Files.readString(config));

        CliRun logout = prompd("", "logout", "--registry", "https://prompd.other.example/");
        assertEquals(0, logout.exitCode(), logout.err());
        assertEquals("logged out of https://prompd.other.example/: its credentials were removed\n", logout.out());
        assertEquals(0, prompd("", "registry", "list").exitCode(), "the file is good again");
        String good = Files.readString(config);
        assertFalse(good.contains("prompd.other.example"), good);
        assertTrue(good.contains("w0rk-t0ken") && good.contains(SECRET), good);

        Files.writeString(config, unusable.replace("\"registries\"", "\"mirrors\": 1, \"registries\""));
        CliRun otherProblems = prompd("", "logout", "--registry", "acme");
        assertEquals(1, otherProblems.exitCode(), otherProblems.err());
        assertTrue(otherProblems.err().contains("unknown field 'mirrors'"), otherProblems.err());
    }
}
