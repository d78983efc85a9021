package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://prompd.example.com,          https://prompd.example.com/",
        "https://prompd.example.com/r,        https://prompd.example.com/r/",
        "HTTPS://Prompd.Example.COM/Reg/,     https://prompd.example.com/Reg/",
        "https://prompd.example.com:443/,     https://prompd.example.com/",
        "http://127.0.0.1:80/a/../b,          http://127.0.0.1/b/",
        "http://127.0.0.1:8080,               http://127.0.0.1:8080/",
        "file:///srv/registry,                file:///srv/registry/",
        "file://localhost/srv/registry/,      file:///srv/registry/",
    })
    void oneRegistryHasOneSpellingEndingWithASlash(String written, String normalized) {
        assertEquals(normalized, RegistryUrl.parse(written).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prompd.example.com/registry     | absolute http://, https:// or file:///",
        "ftp://prompd.example.com/        | absolute http://, https:// or file:///",
        "https:prompd.example.com         | no path starting with '/'",
        "file://srv/registry              | three slashes",
        "https:///registry                | names no host",
        "https://me:secret@example.com/   | run 'prompd login' instead",
        "https://example.com/?key=1       | cannot have a query",
        "https://example.com/#top         | cannot have a fragment",
        "https://exa mple.com/            | Illegal character",
    })
    void aRegistryUrlMustBeAbsoluteAndPlain(String written, String reason) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> RegistryUrl.parse(written));
        assertTrue(invalid.getMessage().contains(reason), invalid.getMessage());
    }

    @Test
    void aUrlWithAPasswordIsRefusedWithoutRepeatingThePassword() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new RegistryUrl(java.net.URI.create("https://me:s3cr3t@example.com/")));
        assertTrue(invalid.getMessage().contains("user or password"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("s3cr3t"), invalid.getMessage());
    }

    @Test
    void documentsResolveBeneathTheRoot() {
        assertEquals("https://example.com/reg/packages/@a/b/index.json",
                RegistryUrl.parse("https://example.com/reg").resolve("packages/@a/b/index.json").toString());
    }

    @Test
    void aReferenceWithAColonIsAUrlAndOtherwiseAName() {
        assertInstanceOf(RegistryUrl.class, RegistryRef.parse("file:///srv/registry"));
        assertInstanceOf(RegistryName.class, RegistryRef.parse("work"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/srv/registry  | file:///srv/registry/",
        "./out/         | file://$PWD/out/",
        "../site/out    | file://$PWD/../site/out/",
        "~/mirror       | file://$HOME/mirror/",
        ".              | file://$PWD/",
    })
    void aFolderGivenAsAPathIsAnsweredWithItsFileUrl(String path, String url) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> RegistryRef.parse(path));
        assertEquals("invalid registry URL '" + path + "': a registry in a folder is given by its file:// URL: " + url,
                invalid.getMessage());
    }
}
