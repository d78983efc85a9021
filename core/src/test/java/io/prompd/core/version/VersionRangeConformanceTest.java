package io.prompd.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the shared npm conformance table must come out as npm says, or be refused; none is refused today. */
class VersionRangeConformanceTest {

    /** The ranges of the table prompd refuses; each refusal must be documented in {@link VersionRange}. */
    private static final int REFUSED_CASES = 0;

    record Case(int line, String range, String version, boolean expected) {
        @Override
        public String toString() {
            return "line " + line + ": '" + range + "' " + (expected ? "accepts " : "rejects ") + version;
        }
    }

    static List<Case> cases() {
        Path table = SharedData.folder("conformance").resolve("semver-ranges.tsv");
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return IntStream.range(0, lines.size())
                .filter(index -> !lines.get(index).isEmpty())
                .mapToObj(index -> {
                    // The range itself may hold a tab (as in "<\t2.0.0"), so the fields are cut from the right.
                    String line = lines.get(index);
                    int expectedTab = line.lastIndexOf('\t');
                    int versionTab = line.lastIndexOf('\t', expectedTab - 1);
                    assertTrue(versionTab >= 0, "line " + (index + 1) + " of " + table + " needs three fields");
                    String expected = line.substring(expectedTab + 1);
                    assertTrue(expected.equals("true") || expected.equals("false"),
                            "line " + (index + 1) + ": " + expected);
                    return new Case(index + 1, line.substring(0, versionTab),
                            line.substring(versionTab + 1, expectedTab),
                            Boolean.parseBoolean(expected));
                })
                .toList();
    }

    private static boolean refused(Case conformanceCase) {
        return !VersionRange.isValid(conformanceCase.range());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answersAsNpmOrRefuses(Case conformanceCase) {
        if (refused(conformanceCase)) {
            return;
        }
        VersionRange range = VersionRange.parse(conformanceCase.range());
        assertEquals(conformanceCase.expected(), range.satisfiedBy(Version.parse(conformanceCase.version())),
                () -> conformanceCase + " (desugared: " + range.desugared() + ")");
    }

    @Test
    void refusesOnlyTheDocumentedCases() {
        List<Case> refused = cases().stream().filter(VersionRangeConformanceTest::refused).toList();
        assertEquals(REFUSED_CASES, refused.size(), () -> "refused: " + refused);
    }

    @Test
    void tableHasAllItsCases() {
        assertEquals(160, cases().size());
        assertTrue(cases().stream().anyMatch(Case::expected));
        assertTrue(cases().stream().anyMatch(conformanceCase -> !conformanceCase.expected()));
    }

}
