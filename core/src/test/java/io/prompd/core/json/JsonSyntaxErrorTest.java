package io.prompd.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonSyntaxErrorTest {

    private static JsonSyntaxError parsing(String json) {
        return JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnclosedObjectSaysWhereItStartedInPlainWords() {
        JsonSyntaxError error = parsing("{\n  \"name\": \"@me/x\"");

        assertEquals(2, error.line());
        assertEquals(" at line 2, column 18", error.where());
        assertEquals("Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1)",
                error.reason());
    }

    @Test
    void aDuplicateKeyIsNamed() {
        JsonSyntaxError error = parsing("{\"name\": 1, \"name\": 2}");

        assertEquals(1, error.line());
        assertEquals("Duplicate field 'name'", error.reason());
    }
}
