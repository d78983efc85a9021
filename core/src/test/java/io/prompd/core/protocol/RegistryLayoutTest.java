package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryLayoutTest {

    @ParameterizedTest
    @CsvSource({
        "file:///srv/registry/,                                 true",
        "FILE:///srv/registry/,                                 true",
        "file:/srv/registry/packages/-/x-1.0.0.tgz,             true",
        "https://example.com/file/,                             false",
        "http://file/,                                          false",
        "packages/file/index.json,                              false",
    })
    void aFileUrlIsOneWithTheFileSchemeInAnyLetterCase(String url, boolean file) {
        assertEquals(file, RegistryLayout.isFileUrl(URI.create(url)));
    }
}
