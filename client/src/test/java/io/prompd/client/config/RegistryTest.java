package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {

    final Registry registry = new Registry(RegistryUrl.parse("https://prompd.example.com/registry/"),
            Optional.of(RegistryName.parse("work")), Optional.of(new Credentials.Token("s3cr3t")));

    @ParameterizedTest
    @CsvSource({
        "https://prompd.example.com/registry/packages.json, true",
        "https://PROMPD.example.com:443/elsewhere/x.tgz,    true",
        "http://prompd.example.com/registry/packages.json,  false",
        "https://prompd.example.com:8443/registry/,         false",
        "https://cdn.example.com/registry/x.tgz,            false",
        "https://prompd.example.com.evil.example/registry/, false",
    })
    void itOwnsTheUrlsOfItsOrigin(String url, boolean owned) {
        assertEquals(owned, registry.ownsUrl(URI.create(url)));
    }

    @Test
    void theHeaderComesFromTheCredentials() {
        assertEquals(Optional.of("Bearer s3cr3t"), registry.authorizationHeader());
        assertEquals(Optional.empty(), new Registry(registry.url(), Optional.empty(), Optional.empty()).authorizationHeader());
    }

    @Test
    void itsTextShowsNoSecret() {
        assertFalse(registry.toString().contains("s3cr3t"), registry.toString());
        assertTrue(registry.toString().contains("https://prompd.example.com/registry/"), registry.toString());
    }

    @Test
    void itIsDescribedByNameAndUrl() {
        assertEquals("work (https://prompd.example.com/registry/)", registry.describe());
    }
}
