package io.prompd.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PointerTest {

    @Test
    void escapesTheSlashesOfPackageNamesAndUrlsAndTheTilde() {
        assertEquals("/dependencies/@a~1b", Pointer.of("dependencies", "@a/b"));
        assertEquals("/credentials/https:~1~1r.example~1~0me", Pointer.of("credentials", "https://r.example/~me"));
        assertEquals("", Pointer.of());
    }

    @Test
    void aPointerIsWithinItselfAndTheFieldsHoldingItButNotAFieldItsNameStartsWith() {
        assertTrue(Pointer.isWithin("/parameters/0/name", "/parameters"));
        assertTrue(Pointer.isWithin("/parameters", "/parameters"));
        assertTrue(Pointer.isWithin("/parameters", ""));
        assertFalse(Pointer.isWithin("/parametersExtra", "/parameters"));
        assertFalse(Pointer.isWithin("/parameters", "/parameters/0"));
    }

    @Test
    void pointsWhereJacksonLooks() throws Exception {
        JsonNode root =
                JsonTrees.read("{\"credentials\": {\"https://r.example/~me\": 1}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, root.at(Pointer.of("credentials", "https://r.example/~me")).intValue());
    }

    @Test
    void aReadablePointerUndoesTheEscapesForPeople() {
        assertEquals("/dependencies/@a/b", Pointer.readable(Pointer.of("dependencies", "@a/b")));
        assertEquals("/credentials/https://r.example/~me",
                Pointer.readable(Pointer.of("credentials", "https://r.example/~me")));
    }
}
