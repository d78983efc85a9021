package io.prompd.client.config;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {

    static final RegistryUrl URL = RegistryUrl.parse("https://prompd.work.example/");
    static final Config CONFIG = Config.EMPTY.withRegistry(RegistryName.parse("work"), URL)
            .withCredentials(URL, new Credentials.Basic("alice", "s3cr3t"));

    @ParameterizedTest
    @ValueSource(strings = {"registry", "registries.my.work", "scopes.@acme",
            "credentials.https://prompd.work.example/", "http.timeout", "http.retries"})
    void eachKeyIsWrittenAsItIsParsed(String key) {
        assertEquals(key, ConfigKey.parse(key, PLAIN).toString());
    }

    @Test
    void aKeySpelledDifferentlyIsTheSameKey() {
        assertInstanceOf(ConfigKey.CredentialsOf.class,
                ConfigKey.parse("credentials.HTTPS://Prompd.Work.Example", PLAIN));
        assertEquals(Optional.of("user alice, password (set)"),
                ConfigKey.parse("credentials.HTTPS://Prompd.Work.Example", PLAIN).get(CONFIG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proxy", "registry.x", "registries", "registries.Work", "scopes.acme", "credentials.x",
            "http", "http.", "http.Timeout", "http.timeout.x", "http.speed"})
    void otherKeysAreUsageErrors(String key) {
        PrompdException failure = assertThrows(PrompdException.class, () -> ConfigKey.parse(key, PLAIN));
        assertEquals(ExitCode.USAGE, failure.exitCode());
    }

    @Test
    void aRegistryNameMustBeConfiguredBeforeItIsUsed() {
        PrompdException failure = assertThrows(PrompdException.class,
                () -> ConfigKey.parse("scopes.@acme", PLAIN).set(CONFIG, "mirror", PLAIN));
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals(Optional.of("work"), ConfigKey.parse("scopes.@acme", PLAIN).set(CONFIG, "work", PLAIN)
                .scopes().values().stream().findFirst().map(Object::toString));
    }

    @Test
    void entriesShowEveryKeyWithSecretsHidden() {
        assertEquals(Map.of("registries.work", "https://prompd.work.example/",
                "credentials.https://prompd.work.example/", "user alice, password (set)"), ConfigKey.entries(CONFIG));
    }

    @Test
    void credentialsCanBeUnsetButNotSet() {
        ConfigKey credentials = ConfigKey.parse("credentials.https://prompd.work.example/", PLAIN);
        assertEquals(ExitCode.USAGE,
                assertThrows(PrompdException.class, () -> credentials.set(CONFIG, "x", PLAIN)).exitCode());
        assertEquals(Optional.empty(), credentials.get(credentials.unset(CONFIG)));
    }

    @Test
    void aLimitIsSetAsTheNumberGivenShownAsANumberAndUnsetBackToTheDefault() {
        ConfigKey timeout = ConfigKey.parse("http.timeout", PLAIN);
        ConfigKey retries = ConfigKey.parse("http.retries", PLAIN);

        Config set = retries.set(timeout.set(CONFIG, " 60 ", PLAIN), "0", PLAIN);

        assertEquals(new HttpLimits(OptionalInt.of(60), OptionalInt.of(0)), set.http());
        assertEquals(Optional.of("60"), timeout.get(set));
        assertEquals(Optional.of("0"), retries.get(set));
        assertEquals(new ConfigKey.Value.Amount(60), ConfigKey.values(set).get("http.timeout"));
        assertEquals("0", ConfigKey.entries(set).get("http.retries"));
        assertEquals(new HttpLimits(OptionalInt.empty(), OptionalInt.of(0)), timeout.unset(set).http());
        assertEquals(CONFIG, retries.unset(timeout.unset(set)));
    }

    @ParameterizedTest
    @CsvSource({"http.timeout, abc", "http.timeout, 0", "http.timeout, -5", "http.timeout, 3601", "http.timeout, 1.5",
            "http.timeout, 30s", "http.timeout, 99999999999", "http.timeout, ''", "http.retries, -1",
            "http.retries, 11", "http.retries, +3", "http.retries, 2 3"})
    void aLimitThatIsNoWholeNumberInItsRangeIsAUsageErrorSayingWhatItTakes(String key, String value) {
        PrompdException failure = assertThrows(PrompdException.class,
                () -> ConfigKey.parse(key, PLAIN).set(CONFIG, value, PLAIN));

        assertEquals(ExitCode.USAGE, failure.exitCode());
        assertEquals("invalid value for " + key + ": '" + value + "' is not " + (key.equals("http.timeout")
                ? "a whole number of seconds from 1 to 3600" : "a whole number from 0 to 10"), failure.getMessage());
        assertEquals("give digits alone, as in 'prompd config set " + key + " " + (key.equals("http.timeout") ? 60 : 5)
                + "'; 'prompd config unset " + key + "' goes back to the default", failure.hint());
    }
}
