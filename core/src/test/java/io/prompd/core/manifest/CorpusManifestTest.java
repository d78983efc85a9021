package io.prompd.core.manifest;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Pins what the reader and the path check say about each real manifest of the corpus. */
class CorpusManifestTest {

    /** Most corpus manifests carry {@code "repository": ""}, which npm's templates write. */
    private static String emptyRepositoryAt(int line) {
        return "warning " + line + " /repository: 'repository' is empty, so prompd treats it as absent";
    }

    /** Every corpus manifest but one says MIT, and no package of the corpus has a LICENSE of its own. */
    private static final String NO_LICENSE_FILE = "warning 6 /license: the license is 'MIT', but the package has no"
            + " LICENSE file (nor LICENCE or COPYING) holding its terms";

    private static ManifestResult read(String folder) throws IOException {
        return ManifestReader.read(ManifestReader.FILE_NAME,
                Files.readAllBytes(Corpus.packages().resolve(folder).resolve(ManifestReader.FILE_NAME)), PLAIN);
    }

    private static String describe(Problem problem) {
        return problem.severity().label() + " " + problem.line() + " " + problem.pointer() + ": " + problem.message();
    }

    @Test
    void everyCorpusManifestGetsItsVerdict() throws IOException {
        Map<String, List<String>> verdicts = new TreeMap<>();
        for (Path folder : Corpus.packageFolders()) {
            ManifestResult result = read(folder.getFileName().toString());
            List<Problem> problems = new ArrayList<>(result.problems());
            problems.addAll(result.locate(ManifestPaths.check(result.draft(), ManifestReader.FILE_NAME,
                    Corpus.filesOf(folder), Map.of())));
            verdicts.put(folder.getFileName().toString(), problems.stream().map(CorpusManifestTest::describe).toList());
        }

        assertEquals(Map.of(
                "asset-extraction", List.of(
                        "warning 1 /license: the manifest has no license, which a registry requires to publish the"
                                + " package: without one nobody knows whether they may use the prompts",
                        "warning 15 /devDependencies: unknown field 'devDependencies'"),
                "blog-writing", List.of(emptyRepositoryAt(9), NO_LICENSE_FILE),
                "core", List.of(emptyRepositoryAt(9), NO_LICENSE_FILE),
                "csv-toolkit", List.of(emptyRepositoryAt(13), NO_LICENSE_FILE),
                "demo-prompts", List.of(emptyRepositoryAt(8), NO_LICENSE_FILE),
                "dog-blog-writing", List.of(emptyRepositoryAt(9), "warning 11 /files: 'files' is empty, so it restricts"
                        + " nothing and every file of the package is packed", NO_LICENSE_FILE),
                "examples", List.of(
                        emptyRepositoryAt(16),
                        "error 51 /dependencies/@prompd-internal~1examples: the package depends on itself",
                        NO_LICENSE_FILE)), verdicts);
    }

    @Test
    void coreIsValidAndReadsAsWritten() throws IOException {
        Manifest core = read("core").manifest().orElseThrow();

        assertEquals(PackageName.parse("@prompd/core"), core.name());
        assertEquals(Optional.of("prompts/base.prmd"), core.main());
        assertEquals(List.of(".git/**", ".vscode/**", "dist/**", ".env.*"), core.ignore());
        assertEquals(Optional.empty(), core.repository());
    }

    @Test
    void examplesDependsOnItselfYetItsDraftKeepsTheFileSelection() throws IOException {
        ManifestResult examples = read("examples");

        assertTrue(examples.manifest().isEmpty());
        assertEquals(26, examples.draft().files().size());
        assertEquals(List.of("dist/", ".prompd/"), examples.draft().ignore());
        assertEquals(Map.of(PackageName.parse("@prompd-internal/examples"), VersionRange.parse("0.0.1")),
                examples.draft().dependencies());
    }

    @Test
    void unknownFieldsOfTheCorpusSurviveARewrite() throws IOException {
        Manifest assets = read("asset-extraction").manifest().orElseThrow();

        Manifest rewritten = ManifestReader.read(ManifestReader.FILE_NAME, ManifestWriter.write(assets), PLAIN)
                .manifest().orElseThrow();

        assertEquals(assets, rewritten);
        assertTrue(rewritten.extra().containsKey("devDependencies"));
    }
}
