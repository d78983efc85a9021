package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of registry names and scopes. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"work", "a", "my.registry", "team_2-mirror", "0day"})
    void registryNamesAreLowercaseWords(String name) {
        assertEquals(name, RegistryName.parse(name).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Work", "-work", ".work", "my registry", "a/b", "x:y"})
    void otherRegistryNamesAreRefusedWithTheRule(String name) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> RegistryName.parse(name));
        assertTrue(invalid.getMessage().contains("lowercase letters"), invalid.getMessage());
    }

    @Test
    void aRegistryNameHasAtMost64Characters() {
        RegistryName.parse("a".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> RegistryName.parse("a".repeat(65)));
    }

    @Test
    void aFreeNameIsTheNameElseTheFirstNumberedOneNoneTakesShortenedToFit() {
        RegistryName acme = RegistryName.parse("acme");
        assertEquals(acme, acme.freeAmong(Set.of(RegistryName.parse("other"))));
        assertEquals(RegistryName.parse("acme-3"), acme.freeAmong(Set.of(acme, RegistryName.parse("acme-2"))));
        RegistryName longest = RegistryName.parse("a".repeat(64));
        assertEquals(RegistryName.parse("a".repeat(62) + "-2"), longest.freeAmong(Set.of(longest)));
    }

    @Test
    void everyScopeIsARegistryName() {
        assertEquals(RegistryName.parse("a".repeat(64)), new Scope("a".repeat(64)).registryName());
        assertEquals(RegistryName.parse("acme-labs.x_1"), Scope.parse("@acme-labs.x_1").registryName());
    }

    @Test
    void aScopeIsWrittenWithItsAt() {
        assertEquals("@acme", Scope.parse("@acme").toString());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Scope.parse("acme"));
        assertTrue(invalid.getMessage().contains("starts with '@'"), invalid.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "@Acme", "@a/b", "@con", "@a b"})
    void aScopeFollowsThePackageNameRules(String scope) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Scope.parse(scope));
        assertTrue(invalid.getMessage().startsWith("invalid scope '" + scope + "'"), invalid.getMessage());
    }

    @Test
    void onlyScopedPackagesHaveAScope() {
        assertEquals(Optional.of(Scope.parse("@acme")), Scope.of(PackageName.parse("@acme/greeter")));
        assertEquals(Optional.empty(), Scope.of(PackageName.parse("greeter")));
    }
}
