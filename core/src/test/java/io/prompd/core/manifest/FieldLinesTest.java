package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import io.prompd.core.problem.Problem;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldLinesTest {

    private static FieldLines scan(String json) throws IOException {
        try (JsonParser parser = ManifestReader.MAPPER.createParser(json)) {
            return FieldLines.scan(parser);
        }
    }

    @Test
    void notesTheLineOfEveryFieldAndElement() throws IOException {
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
    void aPointerWithoutALineTakesTheLineOfTheFieldHoldingIt() throws IOException {
        FieldLines lines = scan("{\n\"a\": {\n\"b\": 1}}");

        assertEquals(2, lines.lineOf("/a/missing"));
        assertEquals(1, lines.lineOf("/missing"));
        assertEquals(3, lines.locate(Problem.error("f", "/a/b", "m", "")).line());
    }
}
