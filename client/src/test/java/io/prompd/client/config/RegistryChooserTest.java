package io.prompd.client.config;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryChooserTest {

    static final RegistryName MAIN = RegistryName.parse("main");
    static final RegistryName ACME = RegistryName.parse("acme");
    static final RegistryUrl MAIN_URL = RegistryUrl.parse("https://main.example/");
    static final RegistryUrl ACME_URL = RegistryUrl.parse("https://acme.example/prompd/");
    static final RegistryUrl LOCAL_URL = RegistryUrl.parse("file:///srv/registry/");
    static final PackageName ACME_PACKAGE = PackageName.parse("@acme/greeter");
    static final PackageName OTHER_PACKAGE = PackageName.parse("@other/greeter");

    static final Config CONFIG = Config.EMPTY.withRegistry(MAIN, MAIN_URL).withRegistry(ACME, ACME_URL)
            .withDefaultRegistry(Optional.of(MAIN))
            .withScope(Scope.parse("@acme"), ACME)
            .withScope(Scope.parse("@local"), LOCAL_URL)
            .withCredentials(ACME_URL, new Credentials.FromEnvironment("ACME_TOKEN"))
            .withCredentials(MAIN_URL, new Credentials.Token("main-t0ken"));

    static RegistryChooser chooser(Optional<String> override) {
        return new RegistryChooser(CONFIG, override, Map.of("ACME_TOKEN", "acme-t0ken"), PLAIN);
    }

    @Test
    void theOverrideReplacesTheDefaultOnly() {
        Registry registry = chooser(Optional.of("file:///tmp/reg")).choose(OTHER_PACKAGE);
        assertEquals("file:///tmp/reg/", registry.url().toString());
        assertEquals(Optional.empty(), registry.name());
        assertEquals("file:///tmp/reg/", chooser(Optional.of("file:///tmp/reg")).choose().url().toString());
    }

    @Test
    void aRoutedScopeKeepsItsRegistryWhateverTheOverride() {
        Registry registry = chooser(Optional.of("file:///tmp/reg")).choose(ACME_PACKAGE);
        assertEquals(ACME_URL, registry.url());
        assertEquals(Optional.of("Bearer acme-t0ken"), registry.authorizationHeader());
        assertEquals(LOCAL_URL, chooser(Optional.of("main")).choose(PackageName.parse("@local/x")).url());
    }

    @Test
    void theOverrideMayNameAConfiguredRegistry() {
        Registry registry = chooser(Optional.of("acme")).choose(OTHER_PACKAGE);
        assertEquals(ACME_URL, registry.url());
        assertEquals(Optional.of(ACME), registry.name());
    }

    @Test
    void aScopeRoutedByNameGoesToThatRegistryWithItsCredentials() {
        Registry registry = chooser(Optional.empty()).choose(ACME_PACKAGE);
        assertEquals(ACME_URL, registry.url());
        assertEquals(Optional.of("Bearer acme-t0ken"), registry.authorizationHeader());
    }

    @Test
    void aScopeRoutedByUrlGoesToThatUrl() {
        assertEquals(LOCAL_URL, chooser(Optional.empty()).choose(PackageName.parse("@local/x")).url());
    }

    @Test
    void otherPackagesComeFromTheDefault() {
        assertEquals(MAIN_URL, chooser(Optional.empty()).choose(OTHER_PACKAGE).url());
        assertEquals(MAIN_URL, chooser(Optional.empty()).choose(PackageName.parse("unscoped")).url());
        assertEquals(Optional.of("Bearer main-t0ken"), chooser(Optional.empty()).choose().authorizationHeader());
    }

    @Test
    void credentialsFollowTheUrlEvenWhenTheOverrideGivesItDirectly() {
        Registry registry = chooser(Optional.of("https://MAIN.example:443")).choose(OTHER_PACKAGE);
        assertEquals(Optional.of("Bearer main-t0ken"), registry.authorizationHeader());
    }

    @Test
    void anUnknownNameIsNotFoundAndListsTheConfiguredOnes() {
        PrompdException failure = assertThrows(PrompdException.class, () -> chooser(Optional.of("mian")).choose());
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("unknown registry 'mian' (from $PROMPD_REGISTRY)", failure.getMessage());
        assertTrue(failure.hint().contains("acme, main"), failure.hint());
    }

    @Test
    void anUnknownNameIsRefusedEvenForAPackageWhoseScopeIsRoutedAndNamesWhereItCameFrom() {
        PrompdException failure = assertThrows(PrompdException.class,
                () -> chooser(Optional.of("mian")).choose(PackageName.parse("@acme/x")));

        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("unknown registry 'mian' (from $PROMPD_REGISTRY)", failure.getMessage());
        assertTrue(failure.hint().contains("acme, main"), failure.hint());
    }

    @Test
    void anUnknownNameGivenWithTheOptionNamesTheOptionAloneAndTheHintRepeatsIt() {
        SuggestedCommands option = new SuggestedCommands(Optional.empty(), Optional.of("mian"));
        PrompdException failure = assertThrows(PrompdException.class,
                () -> new RegistryChooser(CONFIG, Optional.of("mian"), Map.of(), option));

        assertEquals("unknown registry 'mian' (from --registry)", failure.getMessage());
        assertTrue(failure.hint().endsWith("add one with 'prompd registry add mian URL', or pass its URL"),
                failure.hint());
    }

    @Test
    void aMalformedOverrideIsAUsageError() {
        PrompdException failure = assertThrows(PrompdException.class, () -> chooser(Optional.of("ftp://x/")).choose());
        assertEquals(ExitCode.USAGE, failure.exitCode());
        assertTrue(failure.getMessage().endsWith(" (from $PROMPD_REGISTRY)"), failure.getMessage());
    }

    @Test
    void withNoRegistryConfiguredTheUserIsToldHowToConfigureOne() {
        RegistryChooser empty = new RegistryChooser(Config.EMPTY, Optional.empty(), Map.of(), PLAIN);
        PrompdException failure = assertThrows(PrompdException.class, () -> empty.choose(ACME_PACKAGE));
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode(), "as a --registry naming no configured registry");
        assertEquals("no registry configured", failure.getMessage());
        assertTrue(failure.hint().contains("prompd registry add"), failure.hint());
        assertTrue(failure.hint().contains("--registry URL"), failure.hint());
    }

    @Test
    void anUnsetTokenVariableIsAClearErrorUnlessOnlyLocating() {
        RegistryChooser withoutVariable = new RegistryChooser(CONFIG, Optional.empty(), Map.of(), PLAIN);
        PrompdException failure = assertThrows(PrompdException.class, () -> withoutVariable.choose(ACME_PACKAGE));
        assertEquals(ExitCode.USAGE, failure.exitCode());
        assertTrue(failure.getMessage().contains("$ACME_TOKEN"), failure.getMessage());
        assertEquals(Optional.empty(),
                new RegistryChooser(CONFIG, Optional.of("acme"), Map.of(), PLAIN).locate().credentials());
    }

    @Test
    void anUnusableTokenInTheVariableIsNotQuoted() {
        RegistryChooser badVariable = new RegistryChooser(CONFIG, Optional.empty(), Map.of("ACME_TOKEN", "two words"),
                PLAIN);
        PrompdException failure = assertThrows(PrompdException.class, () -> badVariable.choose(ACME_PACKAGE));
        assertFalse(failure.getMessage().contains("two words"), failure.getMessage());
    }
}
