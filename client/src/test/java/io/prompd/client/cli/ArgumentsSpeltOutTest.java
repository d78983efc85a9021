package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An argument quoted in an error has its line breaks spelt out ({@code ^J}), as the README says, and its other control
 * characters as every message has them: quoted raw, one started a {@code hint:} line of its own below prompd's error.
 */
class ArgumentsSpeltOutTest {

    private static final String FORGED = "x\nhint: it worked";
    private static final String SPELT = "x^Jhint: it worked";

    @TempDir
    Path work;

    private CliRun prompd(String... args) {
        return prompd("", Map.of(), args);
    }

    private CliRun prompd(String stdin, Map<String, String> variables, String... args) {
        return CliRun.in(work, work.resolve("home"), stdin, variables, args);
    }

    @BeforeEach
    void addARegistry() {
        assertEquals(0, prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default").exitCode());
    }

    /** The error's one line, then its one hint: the forged one did not start a line. */
    private static void assertOneErrorAndOneHint(CliRun run, String error) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(2, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + error + "\nhint: "), run.err());
    }

    @Test
    void aUserNameOrAVariableNameOfLogin() {
        assertOneErrorAndOneHint(prompd("pw", Map.of(), "login", "--username", FORGED),
                "invalid user name '" + SPELT + "': it must not be empty nor hold ':' or control characters");
        // a variable's name is not quoted at all, as it may be a secret given in its place: its one character shown is
        String notAName = " takes the name of the environment variable holding the %s, and what was given is not a"
                + " variable's name, which is letters, digits and '_', not starting with a digit: it holds '^J' (the"
                + " rest is not shown)";
        assertOneErrorAndOneHint(prompd("login", "--token-env", FORGED), "--token-env" + notAName.formatted("token"));
        assertOneErrorAndOneHint(prompd("", Map.of("P", "pw"), "login", "--username", "u", "--password-env", FORGED),
                "--password-env" + notAName.formatted("password"));
    }

    @Test
    void aPackageARegistryNameOrAConfigurationKey() {
        assertOneErrorAndOneHint(prompd("install", FORGED), "invalid value for PACKAGE: '" + SPELT
                + "' does not name a package: it is a path, URL or Git source, and prompd installs packages by name"
                + " from a registry (a folder built by prompd-registry is one, through --registry file://...); write"
                + " @org/pkg, optionally followed by @ and a version range or dist-tag, as in @org/pkg@^1.2 or"
                + " @org/pkg@beta");
        assertOneErrorAndOneHint(prompd("init", "--name", "a\nb", "pkg"), "invalid package name 'a^Jb': the name"
                + " 'a^Jb' holds '^J' at position 2; use only lowercase letters a-z, digits, '.', '_' and '-', starting"
                + " with a letter or digit");
        assertOneErrorAndOneHint(prompd("registry", "add", FORGED, "https://other.example/"),
                "invalid value for NAME: invalid registry name '" + SPELT
                        + "': use 1 to 64 lowercase letters a-z, digits, '.', '_' and '-', starting with a letter or"
                        + " digit");
        assertOneErrorAndOneHint(prompd("config", "get", FORGED), "unknown configuration key '" + SPELT + "'");
        assertOneErrorAndOneHint(prompd("config", "set", "registries." + FORGED, "https://other.example/"),
                "invalid configuration key 'registries." + SPELT + "': invalid registry name '" + SPELT + "': use 1 to"
                        + " 64 lowercase letters a-z, digits, '.', '_' and '-', starting with a letter or digit");
    }

    /** The parser's own words quote what it could not place. */
    @Test
    void anUnknownOptionOrCommand() {
        assertOneErrorAndOneHint(prompd("--" + FORGED), "unknown option '--" + SPELT + "'");
        assertOneErrorAndOneHint(prompd(FORGED), "unknown command '" + SPELT + "'");
        assertOneErrorAndOneHint(prompd("list", FORGED), "unexpected argument '" + SPELT + "'");
    }

    /** The escape is spelt out as before, by the report; JSON carries it exactly, and the line break as spelt. */
    @Test
    void otherControlCharactersAsEveryMessageHasThem() throws IOException {
        assertOneErrorAndOneHint(prompd("config", "get", "a\u001B[31m\nb"), "unknown configuration key 'a^[[31m^Jb'");

        CliRun json = prompd("install", "--json", "@acme/\u001B\n");

        assertEquals(2, json.exitCode(), json.err());
        JsonNode error = Json.reader().readTree(json.out().isEmpty() ? json.err() : json.out()).get("error");
        assertTrue(error.get("message").asText().startsWith("invalid value for PACKAGE: '@acme/\u001B^J'"),
                error.toString());
    }
}
