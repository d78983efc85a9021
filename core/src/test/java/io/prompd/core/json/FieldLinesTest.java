package io.prompd.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.prompd.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FieldLinesTest {

    private static FieldLines scan(String json) {
        return FieldLines.ofJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void notesTheLineOfEveryFieldAndElement() {
        FieldLines lines = scan("""
                {
                  "a": {
                    "b/c": 1
                  },
                  "list": [
                    "x",
                    {"y": [
                      2]}
                  ]
                }
                """);

        assertEquals(Map.of("", 1, "/a", 2, "/a/b~1c", 3, "/list", 5, "/list/0", 6, "/list/1", 7, "/list/1/y", 7,
                "/list/1/y/0", 8), lines.lines());
    }

    @Test
    void yamlFieldsAreCountedFromTheLineWhereTheDocumentStarts() {
        FieldLines lines = FieldLines.ofYaml("""
                id: greet
                parameters:
                  - name: who
                    type: strng
                  - name: tone
                """, 2);

        assertEquals(2, lines.lineOf("/id"));
        assertEquals(3, lines.lineOf("/parameters"));
        assertEquals(4, lines.lineOf("/parameters/0"));
        assertEquals(5, lines.lineOf("/parameters/0/type"));
        assertEquals(6, lines.lineOf("/parameters/1/name"));
        assertEquals(6, lines.lineOf("/parameters/1/type"), "a missing field: the line of what holds it");
    }

    @Test
    void keepsEachScalarAsWrittenThoughYamlReadsItAsAnotherValue() {
        FieldLines lines = FieldLines.ofYaml("default: NO\nenum: [NO, 'SE', 1.10, 0x1F, on]\nmap: {a: 1}\n", 1);

        assertEquals(Optional.of("NO"), lines.scalarAt("/default"));
        assertEquals(List.of("NO", "SE", "1.10", "0x1F", "on"), IntStream.range(0, 5)
                .mapToObj(index -> lines.scalarAt("/enum/" + index).orElseThrow()).toList());
        assertEquals(Optional.empty(), lines.scalarAt("/map"));
        assertEquals(Optional.of("1"), lines.scalarAt("/map/a"));
        assertEquals(Optional.empty(), FieldLines.none().scalarAt("/default"));
    }

    @Test
    void linesOfTheSameTextReadTheSameWayAreEqual() {
        assertEquals(FieldLines.ofYaml("a: 1\n", 2), FieldLines.ofYaml("a: 1\n", 2));
        assertNotEquals(FieldLines.ofYaml("a: 1\n", 2), FieldLines.ofYaml("a: 1\n", 3));
        assertNotEquals(FieldLines.ofYaml("a: 1\n", 1), scan("{\"a\": 1}"));
    }

    @Test
    void aPointerWithoutALineTakesTheLineOfTheFieldHoldingIt() {
        FieldLines lines = scan("{\n\"a\": {\n\"b\": 1}}");

        assertEquals(2, lines.lineOf("/a/missing"));
        assertEquals(1, lines.lineOf("/missing"));
        assertEquals(3, lines.locate(Problem.error("f", "/a/b", "m", "")).line());
    }
}
