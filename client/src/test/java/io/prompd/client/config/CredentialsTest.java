package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    static final String SECRET = "s3cr3t-t0ken";

    @Test
    void noKindOfCredentialsShowsItsSecret() {
        for (Credentials credentials : List.of(new Credentials.Token(SECRET), new Credentials.Basic("alice", SECRET))) {
            assertFalse(credentials.toString().contains(SECRET), credentials.toString());
            assertFalse(credentials.describe().contains(SECRET), credentials.describe());
            assertTrue(credentials.describe().contains(Credentials.HIDDEN), credentials.describe());
        }
    }

    @Test
    void whatIsNoSecretIsShown() {
        assertEquals("Basic[username=alice, password=(set)]", new Credentials.Basic("alice", SECRET).toString());
        assertEquals("token from $MY_TOKEN", new Credentials.FromEnvironment("MY_TOKEN").describe());
    }

    @Test
    void aTokenIsSentAsBearerAndAUserAsBasic() {
        assertEquals("Bearer " + SECRET, new Credentials.Token(SECRET).authorizationHeader());
        // RFC 7617's example: Aladdin / open sesame.
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                new Credentials.Basic("Aladdin", "open sesame").authorizationHeader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "line\nbreak", "tab\there", "caf\u00e9"})
    void aTokenMustBeVisibleAsciiAndTheMessageDoesNotQuoteIt(String token) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new Credentials.Token(token));
        assertTrue(invalid.getMessage().contains("visible ASCII"), invalid.getMessage());
        if (!token.isEmpty()) {
            assertFalse(invalid.getMessage().contains(token), invalid.getMessage());
        }
    }

    @Test
    void aBasicUserNameCannotHoldAColonAndAPasswordMessageDoesNotQuoteIt() {
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Basic("al:ice", SECRET));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Basic("", SECRET));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new Credentials.Basic("alice", SECRET + "\n"));
        assertFalse(invalid.getMessage().contains(SECRET), invalid.getMessage());
    }

    @Test
    void anEnvironmentVariableIsReadWhenResolvingNotWhenStoring() {
        Credentials.FromEnvironment fromEnvironment = new Credentials.FromEnvironment("MY_TOKEN");
        assertEquals(Optional.of(new Credentials.Token(SECRET)),
                fromEnvironment.resolve(Map.of("MY_TOKEN", SECRET + "\n")));
        assertEquals(Optional.empty(), fromEnvironment.resolve(Map.of()));
        assertEquals(Optional.empty(), fromEnvironment.resolve(Map.of("MY_TOKEN", "  ")));
    }

    @Test
    void aPasswordFromTheEnvironmentIsSentAsBasicWithItsUserAsTheVariableHoldsIt() {
        Credentials.FromEnvironment fromEnvironment = new Credentials.FromEnvironment(Optional.of("ci"), "CI_PW");

        assertEquals(Optional.of(new Credentials.Basic("ci", " pass word")),
                fromEnvironment.resolve(Map.of("CI_PW", " pass word")));
        assertEquals(Optional.empty(), fromEnvironment.resolve(Map.of("CI_PW", " ")));
        assertEquals("user ci, password from $CI_PW", fromEnvironment.describe());
        assertThrows(IllegalArgumentException.class,
                () -> new Credentials.FromEnvironment(Optional.of("c:i"), "CI_PW"));
    }

    @Test
    void storedTokensResolveToThemselves() {
        Credentials.Token token = new Credentials.Token(SECRET);
        assertEquals(Optional.of(token), token.resolve(Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1TOKEN", "MY-TOKEN", "$MY_TOKEN"})
    void anEnvironmentVariableNameIsLettersDigitsAndUnderscores(String variable) {
        assertThrows(IllegalArgumentException.class, () -> new Credentials.FromEnvironment(variable));
    }
}
