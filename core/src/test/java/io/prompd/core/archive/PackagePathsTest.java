package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackagePathsTest {

    @Test
    void anOrdinaryPathIsFine() {
        assertEquals(List.of(), PackagePaths.violations("prompts/résumé 日本/a-b_c.prmd"));
        assertEquals(List.of(), PackagePaths.violations("console/.hidden/CONTRIBUTING.md"));
        assertEquals(List.of(), PackagePaths.violations("com10/lpt\u2074/conin.md/CONOUT"));
        assertEquals(List.of(), PackagePaths.violations("contexts/CON x.md/ aux.md/con-.md/nul_ .md"));
    }

    static Stream<Arguments> oneViolationEach() {
        return Stream.of(
                Arguments.of("/etc/passwd", "absolute"),
                Arguments.of("a\\b", "backslash"),
                Arguments.of("\\b", "backslash"),
                Arguments.of("c:evil", "':'"),
                Arguments.of(":evil", "':'"),
                Arguments.of("\uFFFDname.md", "not valid UTF-8"),
                Arguments.of("a<b", "Windows does not allow"),
                Arguments.of("../x", "'..' segment"),
                Arguments.of("a/./b", "'..' segment"),
                Arguments.of("a//b", "empty"),
                Arguments.of("new\nline", "the path holds the control character U+000A (^J) at position 4"),
                Arguments.of("c1\u0085control", "control character"),
                Arguments.of("contexts/bad\uFFFDname.md", "not valid UTF-8"),
                Arguments.of("contexts/notes\u202Edm.exe",
                        "the path holds the invisible Unicode character U+202E at position 15"),
                Arguments.of("contexts/a\u3164b.md", "U+3164"),
                Arguments.of("contexts/a\u034Fb.md", "U+034F"),
                Arguments.of("contexts/two\u2028lines.md", "U+2028"),
                Arguments.of("contexts/\u2066isolate\u2069.md", "U+2066"),
                Arguments.of("contexts/a\u200Bb.md", "U+200B"),
                Arguments.of("contexts/\u200Fmark.md", "U+200F"),
                Arguments.of("\uFEFFprompts/a.prmd", "U+FEFF"),
                Arguments.of("cafe\u0301", "NFC"),
                Arguments.of("what?.prmd", "Windows does not allow"),
                Arguments.of("a|b", "Windows does not allow"),
                Arguments.of("docs/con.md", "reserved on Windows"),
                Arguments.of("Lpt1", "reserved on Windows"),
                Arguments.of("contexts/com0.md", "reserved on Windows"),
                Arguments.of("LPT0", "reserved on Windows"),
                // Windows reads the superscript digits as digits after COM and LPT
                Arguments.of("contexts/COM\u00B9.md", "reserved on Windows"),
                Arguments.of("com\u00B2", "reserved on Windows"),
                Arguments.of("contexts/LPT\u00B3", "reserved on Windows"),
                Arguments.of("contexts/CONIN$", "reserved on Windows"),
                Arguments.of("contexts/conout$.txt", "reserved on Windows"),
                Arguments.of("conout$./x", "reserved on Windows"),
                // Windows drops the spaces before the extension, as Git for Windows' check of a path does
                Arguments.of("contexts/CON .md", "reserved on Windows"),
                Arguments.of("contexts/aux  .txt", "reserved on Windows"),
                Arguments.of("contexts/AUX .d/x.md", "reserved on Windows"),
                Arguments.of("Nul .md", "reserved on Windows"),
                Arguments.of("com\u00B9 .tar.gz", "reserved on Windows"),
                Arguments.of("contexts/GIT~1/notes.md", "a name in the path, 'GIT~1', is one Windows or macOS may"
                        + " take for Git's own folder, .git"),
                Arguments.of("git~1", "'git~1', is one Windows or macOS may take for Git's own folder"),
                Arguments.of("Git~1. ./x", "'Git~1. .', is one Windows or macOS may take for Git's own folder"),
                Arguments.of("a/.git./b", "'.git.', is one Windows or macOS may take for Git's own folder"),
                Arguments.of(".GIT  ./a.md", "'.GIT  .', is one Windows or macOS may take for Git's own folder"),
                // a dotless i, which Windows upper-cases to I
                Arguments.of("g\u0131t~1/a.md", "is one Windows or macOS may take for Git's own folder"),
                Arguments.of("trailing./x", "ends in a dot or space"),
                Arguments.of("trailing /x", "ends in a dot or space"),
                // 100 CJK characters are 100 UTF-16 units, which NTFS allows, but 300 bytes in UTF-8
                Arguments.of("prompts/" + "\u8aac".repeat(100) + ".md", "a name in the path has 303 bytes in UTF-8,"
                        + " more than the 255 Linux and macOS allow"),
                Arguments.of("n".repeat(256) + "/a.md", "has 256 bytes"),
                // short names, but no macOS client could write the whole path under its prompd home
                Arguments.of("contexts/" + "n".repeat(250) + "/" + "n".repeat(250) + "/a.md",
                        "the path has 515 bytes in"
                        + " UTF-8, more than the 512 a path inside a package may have"),
                Arguments.of("a/".repeat(33) + "x.md", "the path lies 33 folders deep, more than the 32"));

    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oneViolationEach")
    void eachRuleIsReported(String path, String expected) {
        List<String> violations = PackagePaths.violations(path);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains(expected), violations.get(0));
    }

    /** HFS+ leaves these characters out when it compares names; each is invisible too, which is told as well. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".g\u200Cit/x.md", ".git\u200D", ".git\u200F", "\uFEFF.git/x", ".g\u206Ait", ".git\u206F",
            "\u202A.git", ".gi\u202Et/x"})
    void aGitFolderWithCharactersMacOsIgnoresIsToldAsGitsFolder(String path) {
        List<String> violations = PackagePaths.violations(path);

        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("is one Windows or macOS may take for Git's own folder"),
                violations.get(0));
        assertTrue(violations.get(1).contains("invisible Unicode character"), violations.get(1));
    }

    /** Names Git checks out on every system; .git itself pack leaves out rather than refuses. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"git~2", "git~10/x", "git~1x", "xgit~1", ".gitx", ".git~1", "contexts/.gitignore",
            ".git/config", ".GIT/x", "gi7eba~1", "gitmod~1"})
    void namesGitChecksOutPass(String path) {
        assertEquals(List.of(), PackagePaths.violations(path));
    }

    /** Characters beside those HFS+ leaves out, invisible or not, keep a name apart from .git. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".git\u200B", ".git\u2010", ".git\u2029", ".git\u202F", ".git\u2069", ".git\u2070",
            ".git\uFEFE"})
    void charactersBesideThoseMacOsIgnoresKeepANameApartFromGitsFolder(String name) {
        assertEquals(List.of(), PackagePaths.violations(name).stream()
                .filter(violation -> violation.contains("Git's own folder")).toList());
    }

    @Test
    void aNameOfExactly255BytesIsFine() {
        assertEquals(List.of(), PackagePaths.violations("prompts/" + "\u8aac".repeat(84) + ".md"));
        assertEquals(List.of(), PackagePaths.violations("n".repeat(255) + "/" + "n".repeat(255)));
    }

    @Test
    void aPathOfExactly512BytesAnd32FoldersIsFine() {
        assertEquals(List.of(),
                PackagePaths.violations("n".repeat(255) + "/" + "n".repeat(200) + "/" + "n".repeat(55)));
        assertEquals(List.of(), PackagePaths.violations("a/".repeat(32) + "x.md"));
    }

    @Test
    void theEmptyPathIsReported() {
        assertEquals(List.of("the path is empty"), PackagePaths.violations(""));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"README.md, readme.MD", "\u03C3.md, \u03C2.md", "\u00B5.md, \u03BC.md", "\u017F.md, s.md",
            "\u01C5.md, \u01C6.md", "\u1E9E.md, \u00DF.md", "\u212A.md, k.md", "a\u03C3/b.md, A\u03A3/B.md",
            "stra\u00DFe.md, STRASSE.md"})
    void caseFoldingMakesNamesOneOnACaseInsensitiveDiskClash(String one, String other) {
        assertEquals(PackagePaths.caseFoldKey(one), PackagePaths.caseFoldKey(other));
    }

    @Test
    void caseFoldingKeepsOtherLettersApart() {
        assertNotEquals(PackagePaths.caseFoldKey("\u03C3.md"), PackagePaths.caseFoldKey("s.md"));
        assertNotEquals(PackagePaths.caseFoldKey("a.md"), PackagePaths.caseFoldKey("\u00E4.md"));
    }
}
