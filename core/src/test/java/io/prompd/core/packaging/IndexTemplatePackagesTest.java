package io.prompd.core.packaging;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed packages of the ready-to-fork registry are the first thing users see: not one problem. */
class IndexTemplatePackagesTest {

    static List<Path> versionFolders() throws IOException {
        try (Stream<Path> manifests = Files.walk(SharedData.repositoryFolder("index-template/packages"))) {
            List<Path> folders = manifests.filter(path -> path.getFileName().toString().equals("prompd.json"))
                    .map(Path::getParent).sorted().toList();
            assertTrue(folders.size() >= 6, "the template has at least six versions: " + folders);
            return folders;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionFolders")
    void validatesWithoutAnyProblem(Path folder) throws IOException {
        PackageReport report = new PackageValidator(ArchiveLimits.DEFAULT, PLAIN).validate(new DirectorySource(folder));
        assertEquals(List.of(), report.problems(), ProblemReport.text(report.problems()));
        String expected = folder.getParent().getFileName() + "/" + folder.getFileName();
        String actual = report.manifest().orElseThrow().name().name() + "/" + report.manifest().orElseThrow().version();
        assertEquals(expected, actual, "the folder is packages/<name>/<version>");
    }

    /**
     * The template's documents describe the credential search, private key headers and all: a maintainer editing
     * them in two commits would otherwise be told a commit of the pull request holds a key.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README.md", "CONTRIBUTING.md"})
    void theDocumentsNamingTheSearchHoldNoLikelyCredential(String document) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.repositoryFolder("index-template").resolve(document));

        assertEquals(List.of(), Secrets.inFile(document, bytes));
    }
}
