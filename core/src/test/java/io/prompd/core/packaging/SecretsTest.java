package io.prompd.core.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search the check's rules and {@code prompd init} call without the rest of {@link ContentCheck}. */
class SecretsTest {

    private static final String KEY = "AKIAABCDEFGHIJKLMNOP";

    @Test
    void aFileIsSearchedAtItsLines() {
        List<Problem> found = Secrets.inFile("notes.md", ("a\n" + KEY + "\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(2), found.stream().map(Problem::line).toList());
        assertEquals("the file holds what looks like an AWS access key id (AKIA...)", found.get(0).message());
        assertEquals("remove it, and revoke the credential if it is real: once published, mirrors and the registry's"
                + " Git history keep it for good; in a pull request, remove it from the commit that added it (amend"
                + " it, or squash the branch's commits), as a later commit leaves it in Git history",
                found.get(0).hint(), "a fix in a later commit would fail the check's history scan");
    }

    /**
     * A password in a URL is told as such, by its kind rather than its words, written as is or with an escape JSON
     * decodes (after those as written): registry.json's rules tell one in its URLs in their own words.
     */
    @Test
    void aPasswordInAUrlIsFoundAsOneWhateverItsMessageSays() {
        List<Secrets.Found> found = Secrets.found("registry.json", ("{\"a\": \"https://u:Xq7vR2mK9pLw@h.test/\",\n"
                + "\"b\": \"https://u:Zt4nB8cJ3hYs\\u0040h.test/\",\n\"c\": \"" + KEY + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("1 true", "3 false", "2 true"), found.stream()
                .map(secret -> secret.problem().line() + " " + secret.passwordInUrl()).toList());
    }

    @Test
    void aBinaryFileLookingLikeUtf16WithoutAMarkIsSearchedAsThatText() {
        List<Problem> found = Secrets.inFile("notes.bin", ("a\n" + KEY + "\n").getBytes(StandardCharsets.UTF_16LE));

        assertEquals(List.of("the file holds what looks like an AWS access key id (AKIA...) when read as UTF-16LE,"
                + " the encoding its bytes look like (no byte order mark says so)"),
                found.stream().map(Problem::message).toList());
    }

    /** UTF-16 with its byte order mark is text: searched as decoded, at its lines, as UTF-8 is. */
    @Test
    void aFileInUtf16WithItsByteOrderMarkIsSearchedAtItsLines() {
        List<Problem> found = Secrets.inFile("notes.md",
                ("\uFEFFa\n" + KEY + "\n").getBytes(StandardCharsets.UTF_16LE));

        assertEquals(List.of("2: the file holds what looks like an AWS access key id (AKIA...)"),
                found.stream().map(problem -> problem.line() + ": " + problem.message()).toList());
    }

    /** A binary file's bytes are searched as Latin-1 text, which has no lines to tell. */
    @Test
    void aBinaryFileIsSearchedAsItsBytesWithoutALine() {
        List<Problem> found = Secrets.inFile("data.bin",
                ("\u0000\u0000\u0000x\n" + KEY).getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("0: the file holds what looks like an AWS access key id (AKIA...)"),
                found.stream().map(problem -> problem.line() + ": " + problem.message()).toList());
    }

    /** A key a JSON file holds as written is named once, though the file's escapes make its strings be read too. */
    @Test
    void aKeyWrittenPlainlyInAJsonFileWithEscapesIsNamedOnce() {
        List<Problem> found = Secrets.inFile("data.json", ("{\"a\": \"x\\ty\",\n \"key\": \"" + KEY + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("2: the file holds what looks like an AWS access key id (AKIA...)"),
                found.stream().map(problem -> problem.line() + ": " + problem.message()).toList());
    }

    @Test
    void aFolderWhoseNameHoldsOneIsNamedOnceForAllItsFiles() {
        List<Problem> found = Secrets.inNames(List.of(KEY + "/a.md", KEY + "/b.md", "c.md"));

        assertEquals(List.of(KEY), found.stream().map(Problem::file).toList());
        assertEquals("the folder's name holds what looks like an AWS access key id (AKIA...)", found.get(0).message());
    }

    @Test
    void aTextSaysEachKindOnceAndAMaskedOneKeepsFourCharacters() {
        assertEquals(List.of("an AWS access key id (AKIA...)"), Secrets.describedIn(KEY + " " + KEY));
        assertEquals("key: AKIA…", Secrets.masked("key: " + KEY));
    }
}
