package io.prompd.client.config;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {

    static final RegistryUrl URL = RegistryUrl.parse("https://prompd.work.example/");
    static final Config CONFIG = Config.EMPTY.withRegistry(RegistryName.parse("work"), URL)
            .withCredentials(URL, new Credentials.Basic("alice", "s3cr3t"));

    @ParameterizedTest
    @ValueSource(strings = {"registry", "registries.my.work", "scopes.@acme",
            "credentials.https://prompd.work.example/"})
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
    @ValueSource(strings = {"", "proxy", "registry.x", "registries", "registries.Work", "scopes.acme", "credentials.x"})
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
}
