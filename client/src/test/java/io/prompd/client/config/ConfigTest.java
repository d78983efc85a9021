package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigTest {

    static final RegistryName WORK = RegistryName.parse("work");
    static final RegistryName MIRROR = RegistryName.parse("mirror");
    static final RegistryUrl WORK_URL = RegistryUrl.parse("https://prompd.work.example/");
    static final Scope ACME = Scope.parse("@acme");

    @Test
    void itsMapsCannotBeChangedFromOutside() {
        Map<RegistryName, RegistryUrl> registries = new TreeMap<>(Map.of(WORK, WORK_URL));
        Config config = new Config(Optional.empty(), new TreeMap<>(registries), new TreeMap<>(), new TreeMap<>(),
                HttpLimits.NONE);
        registries.clear();
        assertEquals(1, config.registries().size());
        assertThrows(UnsupportedOperationException.class, () -> config.registries().clear());
    }

    @Test
    void everyReferenceToAnUnconfiguredNameIsRefusedAtOnce() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> new Config(
                Optional.of(WORK), new TreeMap<>(), new TreeMap<>(Map.of(ACME, MIRROR)), new TreeMap<>(),
                HttpLimits.NONE));
        assertTrue(invalid.getMessage().contains("default registry 'work'"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("scope @acme is routed to registry 'mirror'"), invalid.getMessage());
    }

    @Test
    void referencesByUrlNeedNoConfiguredName() {
        Config config = Config.EMPTY.withDefaultRegistry(Optional.of(WORK_URL)).withScope(ACME, WORK_URL);
        assertEquals(Optional.of(WORK_URL), config.urlOf(config.scopes().get(ACME)));
    }

    @Test
    void removingARegistryTakesItsRoutesDefaultAndCredentials() {
        Config config = Config.EMPTY.withRegistry(WORK, WORK_URL).withScope(ACME, WORK)
                .withDefaultRegistry(Optional.of(WORK)).withCredentials(WORK_URL, new Credentials.Token("t0ken"));
        Config removed = config.withoutRegistry(WORK);
        assertEquals(Config.EMPTY, removed);
    }

    @Test
    void credentialsStayWhileAnotherNameSharesTheUrl() {
        Config config = Config.EMPTY.withRegistry(WORK, WORK_URL).withRegistry(MIRROR, WORK_URL)
                .withCredentials(WORK_URL, new Credentials.Token("t0ken"));
        assertTrue(config.withoutRegistry(WORK).credentialsFor(WORK_URL).isPresent());
    }

    @Test
    void credentialsStayWhileAScopeOrTheDefaultReachesTheUrlWithoutTheName() {
        Config named = Config.EMPTY.withRegistry(WORK, WORK_URL)
                .withCredentials(WORK_URL, new Credentials.Token("t0ken"));
        assertTrue(named.withScope(ACME, WORK_URL).withoutRegistry(WORK).credentialsFor(WORK_URL).isPresent());
        assertTrue(named.withDefaultRegistry(Optional.of(WORK_URL)).withoutRegistry(WORK).credentialsFor(WORK_URL)
                .isPresent());
    }

    @Test
    void scopesRoutedToARegistryByNameOrUrlAreFound() {
        Scope other = Scope.parse("@other");
        Config config = Config.EMPTY.withRegistry(WORK, WORK_URL).withScope(ACME, WORK).withScope(other, WORK_URL)
                .withScope(Scope.parse("@elsewhere"), RegistryUrl.parse("https://elsewhere.example/"));
        assertEquals(List.of(ACME, other), config.scopesRoutedTo(WORK));
    }

    @Test
    void itsTextShowsNoSecret() {
        Config config = Config.EMPTY.withCredentials(WORK_URL, new Credentials.Token("s3cr3t"));
        assertFalse(config.toString().contains("s3cr3t"), config.toString());
    }
}
