package io.prompd.core.packaging;

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
        PackageReport report = new PackageValidator(ArchiveLimits.DEFAULT).validate(new DirectorySource(folder));
        assertEquals(List.of(), report.problems(), ProblemReport.text(report.problems()));
        String expected = folder.getParent().getFileName() + "/" + folder.getFileName();
        String actual = report.manifest().orElseThrow().name().name() + "/" + report.manifest().orElseThrow().version();
        assertEquals(expected, actual, "the folder is packages/<name>/<version>");
    }
}
