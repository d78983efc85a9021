package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNameCharsetTest {

    private static final FileNameCharset ASCII = new FileNameCharset("ANSI_X3.4-1968");

    @TempDir
    Path work;

    @Test
    void aCurrentFolderJavaCannotFindByTheNameItReadSaysToRunInAUtf8Locale() {
        String misread = work + "/caf\uFFFD\uFFFD";

        PrompdException lost = ASCII.unreadableCurrentFolder(misread).orElseThrow();

        assertEquals(ExitCode.NOT_FOUND, lost.exitCode());
        assertEquals("the name of the current folder does not fit this locale's character set (ANSI_X3.4-1968),"
                + " which reads it as " + misread, lost.getMessage());
        assertEquals("run with a UTF-8 locale, as in LC_ALL=C.UTF-8 (the prompd launcher sets one)", lost.hint());
    }

    @Test
    void aCurrentFolderFoundOrMissingInAUtf8LocaleIsNoneOfItsConcern() {
        assertEquals(Optional.empty(), ASCII.unreadableCurrentFolder(work.toString()));
        assertTrue(ASCII.unreadableCurrentFolder(work.resolve("caf??").toString()).isPresent(), "read as '?'");
        assertEquals(Optional.empty(), new FileNameCharset("UTF-8").unreadableCurrentFolder(
                work.resolve("deleted").toString()));
    }

    @Test
    void anArgumentWhoseLettersWereLostInDecodingSaysToRunInAUtf8Locale() {
        Failures.Explanation explained = ASCII.misreadArgument(List.of("validate", "caf\uFFFD\uFFFD")).orElseThrow();

        assertEquals(ExitCode.USAGE, explained.exitCode());
        assertEquals("the argument 'caf\uFFFD\uFFFD' holds letters this locale's character set (ANSI_X3.4-1968)"
                + " lacks, which Java read as \uFFFD", explained.message());
        assertTrue(explained.hint().startsWith("run with a UTF-8 locale"), explained.hint());
        assertEquals(Optional.empty(), ASCII.misreadArgument(List.of("validate", "cafe")));
        assertEquals(Optional.empty(), new FileNameCharset("UTF-8").misreadArgument(List.of("caf\uFFFD")),
                "a UTF-8 locale decodes every name Linux holds in UTF-8: such an argument was typed so");
    }

    @Test
    void aVariableWhoseLettersWereLostInDecodingSaysToRunInAUtf8LocaleWithoutQuotingIt() {
        PrompdException misread = ASCII.misreadVariable("PROMPD_REGISTRY", "http://h/r\uFFFD\uFFFDgistry/")
                .orElseThrow();

        assertEquals(ExitCode.USAGE, misread.exitCode());
        assertEquals("$PROMPD_REGISTRY holds letters this locale's character set (ANSI_X3.4-1968) lacks, which Java"
                + " read as \uFFFD", misread.getMessage(), "not quoted: a proxy's URL may hold a password");
        assertTrue(misread.hint().startsWith("run with a UTF-8 locale"), misread.hint());
        assertEquals(Optional.empty(), ASCII.misreadVariable("PROMPD_REGISTRY", "http://h/registry/"));
        assertEquals(Optional.empty(), new FileNameCharset("UTF-8").misreadVariable("PROMPD_REGISTRY", "caf\uFFFD"));
    }

    @Test
    void aFileNameThatDoesNotFitIsNamedWithTheCharacterSet() {
        Failures.Explanation explained = ASCII.unfitting(ExitCode.USAGE,
                new InvalidPathException("caf\uFFFD\uFFFD", "Malformed input or input contains unmappable characters"));

        assertEquals(ExitCode.USAGE, explained.exitCode());
        assertEquals("a file name does not fit this locale's character set (ANSI_X3.4-1968): caf\uFFFD\uFFFD",
                explained.message());
        assertTrue(explained.hint().startsWith("run with a UTF-8 locale"), explained.hint());
    }
}
