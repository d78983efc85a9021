package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestEditorTest {

    private static final SortedMap<PackageName, VersionRange> TWO = new TreeMap<>(Map.of(
            PackageName.parse("zeta"), VersionRange.parse("^2.0.0"), PackageName.parse("@prompd/core"),
            VersionRange.parse("~0.0.2")));

    private static String edited(String json, SortedMap<PackageName, VersionRange> dependencies) throws IOException {
        return new String(ManifestEditor.withDependencies(json.getBytes(StandardCharsets.UTF_8), dependencies),
                StandardCharsets.UTF_8);
    }

    @Test
    void aManifestAsPrompdWritesItGetsTheBytesPrompdWouldWriteWithTheDependencies() throws IOException {
        Manifest manifest = Manifest.of(PackageName.parse("@acme/prompts"), Version.parse("1.0.0")).toBuilder()
                .description("Prompts").license("MIT").main("prompts/a.prmd").prompts(Map.of("a", "prompts/a.prmd"))
                .readme("README.md").build();
        Manifest withTwo = manifest.toBuilder().dependencies(TWO).build();

        assertArrayEquals(ManifestWriter.write(withTwo),
                ManifestEditor.withDependencies(ManifestWriter.write(manifest), TWO));
        assertArrayEquals(ManifestWriter.write(withTwo), ManifestEditor.withDependencies(ManifestWriter.write(
                manifest.toBuilder().dependencies(Map.of(PackageName.parse("old"), VersionRange.parse("1"))).build()),
                TWO));
    }

    @Test
    void everyOtherByteStaysAsTheAuthorWroteIt() throws IOException {
        String original = "\uFEFF{\r\n\t\"version\": \"1.0.0\",\r\n\t\"name\": \"x\",\r\n\t\"dependencies\":"
                + " {\"old\": \"1\"},\r\n"
                + "\t\"keywords\": [\"a\", \"b\"],\r\n\t\"description\": \"a } and \\\"dependencies\\\": {} in"
                + " text\"\r\n}\r\n";

        assertEquals("\uFEFF{\r\n\t\"version\": \"1.0.0\",\r\n\t\"name\": \"x\",\r\n\t\"dependencies\": {\r\n"
                + "\t\t\"@prompd/core\": \"~0.0.2\",\r\n\t\t\"zeta\": \"^2.0.0\"\r\n\t},\r\n"
                + "\t\"keywords\": [\"a\", \"b\"],\r\n\t\"description\": \"a } and \\\"dependencies\\\": {} in"
                + " text\"\r\n}\r\n",
                edited(original, TWO));
    }

    @Test
    void aNewMemberGoesBeforeTheFieldsInitPutsAfterItOrElseAtTheEnd() throws IOException {
        assertEquals("{\n    \"name\": \"x\",\n    \"dependencies\": {\n        \"@prompd/core\": \"~0.0.2\",\n"
                        + "        \"zeta\": \"^2.0.0\"\n    },\n    \"readme\": \"R.md\",\n    \"x-mine\": 1\n}\n",
                edited("{\n    \"name\": \"x\",\n    \"readme\": \"R.md\",\n    \"x-mine\": 1\n}\n", TWO));
        assertEquals("{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\": {\"@prompd/core\": \"~0.0.2\","
                + " \"zeta\": \"^2.0.0\"}}",
                edited("{\"name\":\"x\",\"version\":\"1.0.0\"}", TWO), "a one-line file stays on one line");
        assertEquals("{\"name\": \"x\", \"dependencies\": {\"zeta\": \"^2.0.0\"}}\n",
                edited("{\"name\": \"x\"}\n",
                        new TreeMap<>(Map.of(PackageName.parse("zeta"), VersionRange.parse("^2.0.0")))),
                "also with a line break after it");
    }

    @Test
    void removingTheLastDependencyLeavesAnEmptyObjectAndNoneToRemoveChangesNothing() throws IOException {
        SortedMap<PackageName, VersionRange> none = new TreeMap<>();
        assertEquals("{\"name\": \"x\", \"dependencies\": {}, \"readme\": \"R.md\"}",
                edited("{\"name\": \"x\", \"dependencies\": {\"a\": \"1\"}, \"readme\": \"R.md\"}", none));
        String without = "{ \"name\" : \"x\" }";
        assertEquals(without, edited(without, none));
    }

    @Test
    void onlyTheTopLevelMemberIsTheManifestsDependencies() throws IOException {
        assertEquals("{\"x-tool\": {\"dependencies\": {\"keep\": \"1\"}}, \"dependencies\": {\"zeta\": \"^2.0.0\"}}",
                edited("{\"x-tool\": {\"dependencies\": {\"keep\": \"1\"}}}",
                        new TreeMap<>(Map.of(PackageName.parse("zeta"), VersionRange.parse("^2.0.0")))));
    }

    @Test
    void aNewLastMemberFollowsTheLastValueNotTheLineBreakBeforeTheClosingBrace() throws IOException {
        assertEquals("{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n"
                        + "    \"zeta\": \"^2.0.0\"\n  }\n}\n",
                edited("{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
                        new TreeMap<>(Map.of(PackageName.parse("zeta"), VersionRange.parse("^2.0.0")))));
    }

    /** The line break after the closing brace, as an editor saves it, must not be taken for a multi-line layout. */
    @Test
    void anEmptyObjectOnOneLineGetsItsDependenciesOnThatLine() throws IOException {
        assertEquals("{\"dependencies\": {\"zeta\": \"^2.0.0\"}}\n",
                edited("{}\n", new TreeMap<>(Map.of(PackageName.parse("zeta"), VersionRange.parse("^2.0.0")))));
        assertEquals("{\"dependencies\": {\"zeta\": \"^2.0.0\"} }\n",
                edited("{ }\n", new TreeMap<>(Map.of(PackageName.parse("zeta"), VersionRange.parse("^2.0.0")))));
    }

    @Test
    void whatIsNoJsonObjectIsRefused() {
        assertThrows(IOException.class, () -> edited("[1, 2]", TWO));
        assertThrows(IOException.class, () -> edited("", TWO));
        assertThrows(IOException.class, () -> edited(" \n", TWO));
    }

    @Test
    void eachCorpusManifestKeepsEveryOtherFieldAndGetsTheDependencies() throws IOException {
        for (Path folder : Corpus.packageFolders()) {
            byte[] original = Files.readAllBytes(folder.resolve(ManifestReader.FILE_NAME));
            ObjectNode expected = (ObjectNode) Json.reader().readTree(original);
            ObjectNode dependencies = expected.putObject(ManifestFields.DEPENDENCIES);
            TWO.forEach((name, range) -> dependencies.put(name.toString(), range.text()));

            byte[] changed = ManifestEditor.withDependencies(original, TWO);

            assertEquals(expected, Json.reader().readTree(changed), folder.toString());
            String before = new String(original, StandardCharsets.UTF_8);
            String after = new String(changed, StandardCharsets.UTF_8);
            int dependenciesAt = after.indexOf("\"" + ManifestFields.DEPENDENCIES + "\"");
            assertTrue(before.startsWith(after.substring(0, dependenciesAt)),
                    "untouched up to the dependencies: " + folder);
        }
    }
}
