package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "code-helpers        | code-helpers",
            "../pkgs/@acme/x_1.0 | ../pkgs/@acme/x_1.0",
            "My Prompts          | 'My Prompts'",
            "it's                | 'it'\\''s'",
            "$HOME/x             | '$HOME/x'"})
    void quotesOnlyWhatAShellWouldReadDifferently(String word, String quoted) {
        assertEquals(quoted, ShellWords.quote(word));
    }

    /** A suggested command line stays on its line, which the user's raw line break ended. */
    @Test
    void aLineBreakIsSpeltOut() {
        assertEquals("'my^Jhint: prompts'", ShellWords.quote("my\nhint: prompts"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "-dash        | ./-dash",
            "-my prompts  | './-my prompts'",
            "a/-b         | a/-b"})
    void aPathThatWouldReadAsAnOptionStartsWithDotSlash(String path, String word) {
        assertEquals(word, ShellWords.path(path));
    }
}
