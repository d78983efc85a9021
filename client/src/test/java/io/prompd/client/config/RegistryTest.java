package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryTest {

    final Registry registry = new Registry(RegistryUrl.parse("https://prompd.example.com/registry/"),
            Optional.of(RegistryName.parse("work")), Optional.of(new Credentials.Token("s3cr3t")), Optional.empty());

    @Test
    void theHeaderComesFromTheCredentials() {
        assertEquals(Optional.of("Bearer s3cr3t"), registry.authorizationHeader());
        assertEquals(Optional.empty(),
                new Registry(registry.url(), Optional.empty(), Optional.empty(), Optional.empty())
                .authorizationHeader());
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
