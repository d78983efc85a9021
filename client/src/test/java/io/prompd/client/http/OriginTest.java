package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.config.Credentials;
import io.prompd.client.config.RegistryUrl;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {

    private final Origin registry = Origin.of(URI.create("https://Registry.Example/packages.json"));

    @Test
    void fillsInTheDefaultPortAndIgnoresCase() {
        assertEquals(new Origin("https", "registry.example", 443), registry);
        assertEquals("https://registry.example:443", registry.toString());
        assertEquals(80, Origin.of(URI.create("http://r.example/")).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://registry.example/a.tgz", "HTTPS://REGISTRY.example:443/x"})
    void containsUrlsOfTheSameSchemeHostAndPort(String url) {
        assertTrue(registry.contains(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://registry.example/", "https://registry.example:8443/", "https://cdn.example/",
        "https://registry.example.evil.example/", "file:///registry.example/x", "/relative"})
    void doesNotContainOtherUrls(String url) {
        assertFalse(registry.contains(URI.create(url)));
    }

    @Test
    void refusesUrlsThatHaveNoOrigin() {
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("file:///tmp/registry")));
        assertThrows(IllegalArgumentException.class, () -> new Origin("ftp", "r.example", 21));
        assertThrows(IllegalArgumentException.class, () -> new Origin("https", "r.example", 0));
    }

    @Test
    void aCredentialIsOneHeaderLine() {
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Token("a\r\nX-Evil: 1"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Token(" "));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Basic("me", "a\r\nX-Evil: 1"));
    }

    @Test
    void aCredentialGoesToNoFolder() {
        assertThrows(IllegalArgumentException.class,
                () -> new Credential(RegistryUrl.parse("file:///tmp/registry/"), new Credentials.Token("t0ken")));
    }
}
