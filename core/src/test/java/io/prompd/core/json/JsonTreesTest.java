package io.prompd.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreesTest {

    private static JsonNode read(String json) throws IOException {
        return JsonTrees.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": [1, -2, 3000000000, 123456789012345678901234567890, true, false, null], \"b\": {\"c\": \"d\", \"e\":"
                + " {}}, \"f\": []}",
        "[]", "\"text \\u00e9\"", "42", "{\"nested\": [[[{\"deep\": [\"x\"]}]]]}"})
    void readsTheTreeAnObjectMapperReads(String json) throws IOException {
        assertEquals(new JsonMapper().readTree(json), read(json));
    }

    @Test
    void keepsIntegersAtTheirSize() throws IOException {
        JsonNode numbers = read("[1, 3000000000, 123456789012345678901234567890]");
        assertTrue(numbers.get(0).isInt());
        assertTrue(numbers.get(1).isLong());
        assertTrue(numbers.get(2).isBigInteger());
    }

    @Test
    void keepsDecimalsExactlyAsWritten() throws IOException {
        JsonNode value = read("{\"ratio\": 1.50, \"tiny\": 0.1000000000000000000001}");
        assertEquals(new BigDecimal("1.50"), value.get("ratio").decimalValue());
        assertEquals(new BigDecimal("0.1000000000000000000001"), value.get("tiny").decimalValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void aDocumentWithNothingInItIsMissing(String json) throws IOException {
        assertTrue(read(json).isMissingNode());
    }

    @Test
    void refusesADuplicateKeyAndSaysWhichAndWhere() {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> read("{\n  \"a\": 1,\n  \"a\": 2\n}"));
        assertTrue(refused.getOriginalMessage().contains("'a'"), refused.getOriginalMessage());
        assertEquals(3, refused.getLocation().getLineNr());
    }

    @Test
    void refusesContentAfterTheDocument() {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> read("{}\n{}"));
        assertTrue(refused.getOriginalMessage().contains("after the end"), refused.getOriginalMessage());
        assertEquals(2, refused.getLocation().getLineNr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1", "[1, 2", "{\"a\" 1}", "[1,]", "nope"})
    void refusesWhatIsNotJson(String json) {
        assertThrows(JsonProcessingException.class, () -> read(json));
    }
}
