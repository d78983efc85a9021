package io.prompd.core.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "sk-abcdefghij0123456789",
            "AKIAABCDEFGHIJKLMNOP",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "ghu_abcdefghijklmnopqrstuvwxyz0123456789",
            "ghr_abcdefghijklmnopqrstuvwxyz0123456789",
            "github_pat_11ABCDEFG0123456789_abcdef",
            "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
            "password = pypi-AgEIcHlwaS5vcmcCJGE0ZjkxMzYxLTQ3NjgtNGQxZi1iMmE5LTVmODFmZmQxNWUyZQACKlszLCJmMjA",
            "-----BEGIN EC PRIVATE KEY-----",
            "-----BEGIN PGP PRIVATE KEY BLOCK-----"})
    void eachKindIsFound(String secret) {
        assertEquals(1, SecretPatterns.find("before " + secret + " after").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sk-short",
            "task-abcdefghij0123456789",
            "AKIAabcdefghijklmnop",
            "AKIAABCDEFGHIJKLMNOPQ",
            "ghp_tooShort",
            "npm_install_the_package",
            "pypi-package",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----",
            "-----BEGIN CERTIFICATE-----"})
    void lookalikesThatAreNoCredentialsAreNotFound(String text) {
        assertTrue(SecretPatterns.find(text).isEmpty(), () -> SecretPatterns.find(text).toString());
    }

    @Test
    void findingsCarryTheirLines() {
        List<SecretPatterns.Finding> found = SecretPatterns.find("a\nAKIAABCDEFGHIJKLMNOP\nb\nsk-abcdefghij0123456789xyz\n");

        assertEquals(List.of(2, 4), found.stream().map(SecretPatterns.Finding::line).toList());
    }
}
