package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestPathsTest {

    private static final Set<String> PACKAGE = Set.of(
            "prompd.json", "README.md", "LICENSE.txt", "prompts/main.prmd", "prompts/extra/summary.prmd",
            "contexts/data.csv");

    private static List<String> problems(String fields) throws IOException {
        ManifestResult result = ManifestReaderTest.readWith(fields);
        return result.locate(ManifestPaths.check(result.draft(), "prompd.json", PACKAGE, Map.of()))
                .stream()
                .map(problem -> problem.line() + " " + problem.pointer() + ": " + problem.message())
                .toList();
    }

    @Test
    void acceptsPathsThatNameFilesOfThePackage() throws IOException {
        assertEquals(List.of(), problems("""
                , "main": "prompts/main.prmd", "readme": "README.md", "license": "SEE LICENSE IN LICENSE.txt",
                "prompts": {"summary": "prompts/extra/summary.prmd", "main": "prompts/main.prmd"}
                """));
    }

    /** The license as an SPDX expression, which most licenses ask to go with its text, and no file holding it. */
    private static List<Problem> licenseProblems(String license, String... files) {
        ManifestResult result = ManifestReaderTest.read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \""
                + license + "\"}");
        Set<String> paths = new HashSet<>(List.of(files));
        paths.add("prompd.json");
        return ManifestPaths.check(result.draft(), "prompd.json", paths, Map.of()).stream()
                .filter(problem -> problem.pointer().equals("/license")).toList();
    }

    @Test
    void anSpdxLicenseWithNoFileOfItsTermsAtThePackageRootIsWarnedOf() {
        for (String license : new String[] {"MIT", "MIT OR Apache-2.0", "LicenseRef-Acme", "GPL-3.0-only"}) {
            assertEquals(List.of(Problem.warning("prompd.json", "/license", "the license is '" + license + "', but"
                    + " the package has no LICENSE file (nor LICENCE or COPYING) holding its terms", "add a LICENSE"
                    + " file with the license's text at the package root, or write \"SEE LICENSE IN <file>\" for"
                    + " terms kept in a file of another name")), licenseProblems(license, "docs/LICENSE"), license);
        }
        for (String file : new String[] {"LICENSE", "licence.md", "COPYING", "LICENSE-MIT", "COPYING.LESSER"}) {
            assertEquals(List.of(), licenseProblems("MIT", file), file);
        }
        assertEquals(List.of(), licenseProblems("UNLICENSED"), "no terms to write down");
        assertEquals(List.of(), licenseProblems("SEE LICENSE IN TERMS.md", "TERMS.md"), "its own file");
        assertEquals(1, licenseProblems("SEE LICENSE IN TERMS.md").size(), "the file it names missing: an error");
        assertEquals(Severity.ERROR, licenseProblems("SEE LICENSE IN TERMS.md").get(0).severity());
    }

    @Test
    void aPromptMustBeAFileOfThePackage() throws IOException {
        assertEquals(List.of("1 /prompts/sum~1mary: 'prompts/summary.prmd' is not a file of the package"),
                problems(", \"prompts\": {\"sum/mary\": \"prompts/summary.prmd\"}"));
    }

    @Test
    void mainMustBeAFileOfThePackage() throws IOException {
        assertEquals(List.of("1 /main: 'main.prmd' is not a file of the package"),
                problems(", \"main\": \"main.prmd\""));
    }

    @Test
    void mainMustBeAFileNotAFolder() throws IOException {
        assertEquals(List.of("1 /main: 'prompts' is not a file of the package"), problems(", \"main\": \"prompts\""));
    }

    @Test
    void aPromptOrMainMustBeAPromptFile() throws IOException {
        assertEquals(List.of("1 /main: 'contexts/data.csv' is not a prompt file, which ends in .prmd or .prompd",
                        "1 /prompts/notes: 'README.md' is not a prompt file, which ends in .prmd or .prompd"),
                problems(", \"main\": \"contexts/data.csv\", \"prompts\": {\"notes\": \"README.md\"}"));
    }

    @Test
    void aPromptWrittenWithoutItsExtensionIsToldTheFileMeant() throws IOException {
        ManifestResult result = ManifestReaderTest.read("{\"name\": \"a\", \"version\": \"1.0.0\", \"main\":"
                + " \"prompts/main\","
                + " \"prompts\": {\"both\": \"prompts/both\"}}");

        assertEquals(List.of(Problem.error("prompd.json", "/main",
                "'prompts/main' is not a prompt file, which ends in .prmd"
                                + " or .prompd", "did you mean 'prompts/main.prmd'?"),
                        Problem.error("prompd.json", "/prompts/both",
                                "'prompts/both' is not a prompt file, which ends in"
                                + " .prmd or .prompd", "did you mean 'prompts/both.prmd' or 'prompts/both.prompd'?")),
                ManifestPaths.check(result.draft(), "prompd.json", Set.of("prompts/main.prmd", "prompts/both.prmd",
                        "prompts/both.prompd", "prompts/both"), Map.of()));
    }

    @Test
    void aPromptWrittenWithoutItsExtensionAndInOtherLetterCaseIsToldTheFileMeant() throws IOException {
        ManifestResult result = ManifestReaderTest.read("{\"name\": \"a\", \"version\": \"1.0.0\", \"main\":"
                + " \"Prompts/Main\"}");

        assertEquals(List.of(Problem.error("prompd.json", "/main", "'Prompts/Main' is not a prompt file, which ends in"
                        + " .prmd or .prompd", "did you mean 'prompts/main.prmd'?")),
                ManifestPaths.check(result.draft(), "prompd.json", Set.of("prompts/main.prmd"), Map.of()));
    }

    /** Linux takes a name in other letter case for another file, where macOS and Windows find the file. */
    @Test
    void aPathNamingNoFileIsToldTheFileItLikelyMeansAsAPathIntoADependencyIs() throws IOException {
        ManifestResult result = ManifestReaderTest.readWith(", \"main\": \"prompts/Main.prmd\","
                + " \"readme\": \"readme.md\", \"prompts\": {\"s\": \"prompts/extra/sumary.prmd\"}");

        String fix = " fix the path, relative to the folder of prompd.json, or add the file";
        assertEquals(List.of("/main: did you mean 'prompts/main.prmd'?" + fix,
                        "/prompts/s: did you mean 'prompts/extra/summary.prmd'?" + fix,
                        "/readme: did you mean 'README.md'?" + fix),
                ManifestPaths.check(result.draft(), "prompd.json", PACKAGE, Map.of()).stream()
                        .map(problem -> problem.pointer() + ": " + problem.hint()).toList());
    }

    /**
     * A path written decomposed, as macOS gives names out, names the file it looks like only on macOS: it was told that
     * the package has no such file, "did you mean" the same-looking name; now what differs, as in a prompt.
     */
    @Test
    void aPathWrittenDecomposedSaysSoRatherThanThatTheFileIsMissing() throws IOException {
        ManifestResult result = ManifestReaderTest.readWith(", \"main\": \"prompts/cafe\u0301.prmd\","
                + " \"prompts\": {\"c\": \"prompts/cafe\u0301.prmd\"}, \"readme\": \"docs/cafe\u0301.md\","
                + " \"license\": \"SEE LICENSE IN LICENSE-cafe\u0301\"");

        String decomposed = "is written decomposed (not in Unicode NFC, as macOS gives names out), and the package has"
                + " the file only under its NFC name, which Linux takes for another";
        String hint = "write the path in Unicode NFC, as package file names are: type it again rather than paste it,"
                + " or normalize prompd.json's text to NFC";
        assertEquals(List.of(
                        Problem.error("prompd.json", "/license", "'LICENSE-cafe\u0301' " + decomposed, hint),
                        Problem.error("prompd.json", "/main", "'prompts/cafe\u0301.prmd' " + decomposed, hint),
                        Problem.error("prompd.json", "/prompts/c", "'prompts/cafe\u0301.prmd' " + decomposed, hint),
                        Problem.error("prompd.json", "/readme", "'docs/cafe\u0301.md' " + decomposed, hint)),
                ManifestPaths.check(result.draft(), "prompd.json", Set.of("prompd.json", "prompts/caf\u00e9.prmd",
                        "docs/caf\u00e9.md", "LICENSE-caf\u00e9"), Map.of()));
    }

    /**
     * The other way round, a file named decomposed, as macOS names it, is not the one a path in NFC names on Linux: it
     * was hinted "did you mean" the same-looking name; now what differs, and to rename the file.
     */
    @Test
    void aPathInNfcToAFileNamedDecomposedSaysSoRatherThanDidYouMeanTheSameLookingName() throws IOException {
        ManifestResult result = ManifestReaderTest.readWith(", \"main\": \"prompts/caf\u00e9.prompd\","
                + " \"readme\": \"docs/caf\u00e9.md\"");

        String decomposed = "is written in NFC, and the package has the file only under a name written decomposed (not"
                + " in Unicode NFC, as macOS gives names out), which Linux takes for another";
        String hint = "rename the file to its name in Unicode NFC, as prompd.json writes it and package file names are:"
                + " type the new name rather than paste it";
        assertEquals(List.of(Problem.error("prompd.json", "/main", "'prompts/caf\u00e9.prompd' " + decomposed, hint),
                        Problem.error("prompd.json", "/readme", "'docs/caf\u00e9.md' " + decomposed, hint)),
                ManifestPaths.check(result.draft(), "prompd.json", Set.of("prompd.json", "prompts/cafe\u0301.prompd",
                        "docs/cafe\u0301.md", "LICENSE"), Map.of()));
    }

    @Test
    void readmeMustBeAFileOfThePackage() throws IOException {
        assertEquals(List.of("1 /readme: 'readme.md' is not a file of the package"),
                problems(", \"readme\": \"readme.md\""));
    }

    @Test
    void theFileOfSeeLicenseInMustBeInThePackage() throws IOException {
        ManifestResult result = ManifestReaderTest.read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"SEE"
                + " LICENSE IN COPYING\"}");

        assertEquals(List.of(Problem.error("prompd.json", "/license", "'COPYING' is not a file of the package",
                        "fix the path, relative to the folder of prompd.json, or add the file")),
                ManifestPaths.check(result.draft(), "prompd.json", PACKAGE, Map.of()));
    }

    @Test
    void filesEntriesAreLeftToThePackSelection() throws IOException {
        assertEquals(List.of(),
                problems(", \"files\": [\"docs\", \"nothing/**\", \"/prompts/\", \"../secret.txt\", \"\"]"),
                "the selection, which applies \"ignore\" too, reports what names no file to pack, once");
    }

    @Test
    void aPathMayNotLeaveThePackage() throws IOException {
        assertEquals(List.of("1 /main: 'prompts/../../x.prmd' leads outside the package"),
                problems(", \"main\": \"prompts/../../x.prmd\""));
    }

    /**
     * The registry serves main and prompts as written, to be found among the version's files, and a file system follows
     * 'nothere/..' only through a folder that exists.
     */
    @Test
    void aPathIsWrittenInItsNormalFormWhichIsCheckedToo() throws IOException {
        ManifestResult result = ManifestReaderTest.readWith("""
                , "main": "nothere/../prompts/main.prmd", "readme": "./README.md",
                "prompts": {"a": "prompts//extra/summary.prmd", "b": "prompts/main.prmd/",
                "c": "prompts/extra/../gone.prmd", "d": "prompts/./main.prmd", "e": "."}
                """);

        assertEquals(List.of(
                        "/main: 'nothere/../prompts/main.prmd' has '..' in its path: prompd.json names each file by its"
                                + " path from the package root, as the registry serves it (write 'prompts/main.prmd')",
                        "/prompts/a: 'prompts//extra/summary.prmd' has '//' in its path: prompd.json names each file by"
                                + " its path from the package root, as the registry serves it"
                                + " (write 'prompts/extra/summary.prmd')",
                        "/prompts/b: 'prompts/main.prmd/' has a final '/' in its path: prompd.json names each file by"
                                + " its path from the package root, as the registry serves it"
                                + " (write 'prompts/main.prmd')",
                        "/prompts/c: 'prompts/extra/../gone.prmd' has '..' in its path: prompd.json names each file by"
                                + " its path from the package root, as the registry serves it"
                                + " (write 'prompts/gone.prmd')",
                        "/prompts/c: 'prompts/gone.prmd' is not a file of the package (fix the path, relative to the"
                                + " folder of prompd.json, or add the file)",
                        "/prompts/d: 'prompts/./main.prmd' has '.' in its path: prompd.json names each file by its path"
                                + " from the package root, as the registry serves it (write 'prompts/main.prmd')",
                        "/prompts/e: '.' names the package's folder, not a file of it (name a file by its path from"
                                + " the package root)",
                        "/readme: './README.md' has '.' in its path: prompd.json names each file by its path from the"
                                + " package root, as the registry serves it (write 'README.md')"),
                ManifestPaths.check(result.draft(), "prompd.json", PACKAGE, Map.of()).stream()
                        .map(problem -> problem.pointer() + ": " + problem.message() + " (" + problem.hint() + ")")
                        .toList());
    }

    @Test
    void aPathMayNotBeAbsolute() throws IOException {
        assertEquals(List.of("1 /main: '/etc/passwd' is absolute; package paths are relative to the package root",
                        "1 /readme: 'C:/x.md' is absolute; package paths are relative to the package root"),
                problems(", \"main\": \"/etc/passwd\", \"readme\": \"C:/x.md\""));
    }

    @Test
    void aPathWrittenWithBackslashesIsAnErrorWithTheHintToWriteSlashesAndThePathMeantIsChecked() throws IOException {
        ManifestResult result = ManifestReaderTest.readWith(", \"readme\": \"docs\\\\README.md\","
                + " \"main\": \"prompts\\\\gone.prmd\", \"license\": \"SEE LICENSE IN C:\\\\LICENSE.txt\"");

        assertEquals(List.of(
                        Problem.error("prompd.json", "/license", "'C:\\LICENSE.txt' is absolute; package paths are"
                                + " relative to the package root",
                                "write the path relative to the package root, with '/'"),
                        Problem.error("prompd.json", "/main", "'prompts/gone.prmd' is not a file of the package",
                                "fix the path, relative to the folder of prompd.json, or add the file"),
                        Problem.error("prompd.json", "/main", "'prompts\\gone.prmd' contains '\\'; package paths use"
                                + " '/' on every system", "write 'prompts/gone.prmd'"),
                        Problem.error("prompd.json", "/readme", "'docs\\README.md' contains '\\'; package paths use"
                                + " '/' on every system", "write 'docs/README.md'")),
                ManifestPaths.check(result.draft(), "prompd.json", Set.of("prompd.json", "docs/README.md"), Map.of()));
    }

    @Test
    void anEmptyPathIsAnError() throws IOException {
        List<Problem> problems = ManifestPaths.check(ManifestReaderTest.readWith(", \"prompts\": {\"x\": \"\"}")
                .draft(),
                "prompd.json", PACKAGE, Map.of());

        assertEquals("a path must not be empty", problems.get(0).message());
        assertEquals("/prompts/x", problems.get(0).pointer());
    }

    @Test
    void worksOnTheDraftOfAManifestWithErrors() throws IOException {
        ManifestResult result = ManifestReaderTest.read("{\"name\": \"Bad\", \"version\": \"1.0.0\", \"main\":"
                + " \"gone.prmd\"}");

        assertEquals("'gone.prmd' is not a file of the package",
                ManifestPaths.check(result.draft(), "prompd.json", PACKAGE, Map.of()).get(0).message());
    }
}
