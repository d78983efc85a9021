package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.source.MemorySource;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageReadmeTest {

    /**
     * The README of a package of these files besides prompd.json, all packed, with the manifest's {@code readme}
     * (empty for none).
     */
    private static Optional<String> readme(String named, String... paths) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(PackSelector.MANIFEST, "{}");
        Arrays.stream(paths).forEach(path -> files.put(path, "x"));
        PackSelection selection = PackSelector.select(MemorySource.ofText("test", files),
                List.of(), List.of(), ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER);
        return PackageReadme.path(Optional.of(named).filter(path -> !path.isEmpty()), selection);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // README.md beats every other README, which the first in name order did not
        "README.md  | README.md README.fr.md",
        "README.md  | README.md README-de.md",
        "README.md  | README.md README-FIRST.txt",
        "README.md  | README.md README",
        "README.md  | README.md README.markdown README.txt",
        // in any letter case, as npm finds it
        "readme.md  | readme.md README.fr.md",
        "Readme.MD  | Readme.MD README",
        // then README.markdown, README, README.txt
        "README.markdown | README.fr.md README.markdown README README.txt",
        "README     | README.fr.md README README.txt",
        "readme     | README-de.md readme",
        "README.txt | README.fr.md README.txt",
        // else the first other README in name order
        "README-de.md | README.fr.md README-de.md",
        "README.fr.md | README.fr.md README.rst",
        "README.rst | README.rst docs/README.md",
    })
    void withoutAReadmeFieldReadmeMdWinsThenTheOthersInTheirOrder(String expected, String paths) throws IOException {
        assertEquals(Optional.of(expected), readme("", paths.trim().split(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "README.fr.md | README.fr.md | README.md README.fr.md",
        "docs/guide.md | docs/guide.md | README.md docs/guide.md",
    })
    void theFieldWinsWhenItNamesAPackedFile(String expected, String named, String paths) throws IOException {
        assertEquals(Optional.of(expected), readme(named, paths.trim().split(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "| docs/README.md LICENSE",
        "| NOTES.md",
    })
    void aPackageWithoutAReadmeAtItsRootHasNone(String named, String paths) throws IOException {
        assertEquals(Optional.empty(), readme(named == null ? "" : named, paths.trim().split(" ")));
    }
}
