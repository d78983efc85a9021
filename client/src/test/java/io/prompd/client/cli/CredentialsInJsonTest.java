package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry list --json} and {@code config list --json} gave credentials as a sentence ("token from $X"), which
 * a script had to parse: they give them as fields, the kind and where the secret is kept, never the secret.
 */
class CredentialsInJsonTest {

    private static final String TOKEN = "t0ken-STORED";
    private static final String PASSWORD = "pa55-STORED";
    private static final String ENVIRONMENT_TOKEN = "t0ken-FROM-ENV";
    private static final String ENVIRONMENT_PASSWORD = "pa55-FROM-ENV";
    private static final Map<String, String> SECRETS_SET = Map.of("WORK_TOKEN", ENVIRONMENT_TOKEN,
            "CI_PASSWORD", ENVIRONMENT_PASSWORD);

    @TempDir
    Path work;

    Path home;

    private CliRun prompd(String stdin, String... args) {
        return CliRun.in(work, home, stdin, SECRETS_SET, args);
    }

    /** One registry for each kind of credentials, and one without. */
    @BeforeEach
    void logIn() {
        home = work.resolve("home");
        for (String name : List.of("acme", "ci", "legacy", "open", "work")) {
            assertEquals(0, prompd("", "registry", "add", name, url(name)).exitCode());
        }
        List<CliRun> logins = List.of(prompd(TOKEN + "\n", "login", "--offline", "--registry", "acme"),
                prompd("", "login", "--offline", "--registry", "work", "--token-env", "WORK_TOKEN"),
                prompd(PASSWORD + "\n", "login", "--offline", "--registry", "legacy", "--username", "alice"),
                prompd("", "login", "--offline", "--registry", "ci", "--username", "ci", "--password-env",
                        "CI_PASSWORD"));
        logins.forEach(login -> assertEquals(0, login.exitCode(), login.err()));
    }

    @Test
    void registryListGivesCredentialsAsFields() throws IOException {
        CliRun list = prompd("", "registry", "list", "--json");

        assertEquals(0, list.exitCode(), list.err());
        JsonNode registries = Json.reader().readTree(list.out());
        assertEquals(5, registries.size(), list.out());
        Map<String, Map<String, String>> expected = expectedCredentials();
        for (JsonNode registry : registries) {
            String name = registry.get("name").asText();
            assertEquals(json(expected.get(name)), registry.get("credentials"), name);
        }
    }

    @Test
    void configListGivesCredentialsAsFields() throws IOException {
        CliRun list = prompd("", "config", "list", "--json");

        assertEquals(0, list.exitCode(), list.err());
        JsonNode entries = Json.reader().readTree(list.out());
        expectedCredentials().forEach((name, credentials) ->
                assertEquals(json(credentials), entries.get("credentials." + url(name)), name));
        assertEquals(url("open"), entries.get("registries.open").asText(), "other keys keep their text");
    }

    @Test
    void noSecretShowsInEitherListWithOrWithoutJson() {
        for (List<String> args : List.of(List.of("registry", "list"), List.of("registry", "list", "--json"),
                List.of("config", "list"), List.of("config", "list", "--json"))) {
            CliRun run = prompd("", args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            for (String secret : List.of(TOKEN, PASSWORD, ENVIRONMENT_TOKEN, ENVIRONMENT_PASSWORD)) {
                assertFalse(run.out().contains(secret) || run.err().contains(secret), args + ":\n" + run.out());
            }
        }
    }

    private Map<String, Map<String, String>> expectedCredentials() {
        String file = home.resolve("config.json").toString();
        return Map.of(
                "acme", Map.of("kind", "token", "source", "config", "file", file),
                "work", Map.of("kind", "token", "source", "environment", "variable", "WORK_TOKEN"),
                "legacy", Map.of("kind", "basic", "username", "alice", "source", "config", "file", file),
                "ci", Map.of("kind", "basic", "username", "ci", "source", "environment", "variable", "CI_PASSWORD"));
    }

    /** Null for none, as a registry without credentials has no such field. */
    private static JsonNode json(Map<String, String> fields) {
        try {
            return fields == null ? null : Json.reader().readTree(Json.writeString(fields));
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static String url(String name) {
        return "https://prompd." + name + ".example/";
    }
}
