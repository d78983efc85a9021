package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldLinesTest {

    private static FieldLines scan(String json) {
        return FieldLines.of(json.getBytes(StandardCharsets.UTF_8));
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
    void aPointerWithoutALineTakesTheLineOfTheFieldHoldingIt() {
        FieldLines lines = scan("{\n\"a\": {\n\"b\": 1}}");

        assertEquals(2, lines.lineOf("/a/missing"));
        assertEquals(1, lines.lineOf("/missing"));
        assertEquals(3, lines.locate(Problem.error("f", "/a/b", "m", "")).line());
    }
}
