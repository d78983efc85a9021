package io.prompd.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    /** ESC, DEL, C1's CSI and RLO, which a terminal acts on or reorders a line by, beside text that has to stay. */
    private static final Map<String, String> TEXT = Map.of("text", "a\u001b[2Jb\u007fc\u009bd\u202ee é\u200D");

    @Test
    void shownJsonEscapesWhatATerminalWouldActOnOrReorderByAndReadsBackTheSame() throws IOException {
        String json = Json.writeString(TEXT);

        assertEquals("{\n  \"text\": \"a\\u001B[2Jb\\u007Fc\\u009Bd\\u202Ee é\u200D\"\n}", json);
        assertEquals(TEXT.get("text"), Json.reader().readTree(json).get("text").asText());
    }

    @Test
    void shownJsonEscapesUnicodesLineAndParagraphSeparatorsWhichALogViewerBreaksAt() throws IOException {
        Map<String, String> separated = Map.of("text", "a\u2028b\u2029c");

        assertEquals("{\n  \"text\": \"a\\u2028b\\u2029c\"\n}", Json.writeString(separated));
        assertEquals(separated.get("text"), Json.reader().readTree(Json.writeString(separated)).get("text").asText());
    }

    @Test
    void documentsHoldACharacterBeyondUtf16sFirstPlaneAsItsUtf8BytesAsTyped() throws IOException {
        Map<String, String> festive = Map.of("text", "Çay 日本 \uD83C\uDF89");

        byte[] json = Json.write(festive);

        assertEquals("{\n  \"text\": \"Çay 日本 \uD83C\uDF89\"\n}\n", new String(json, UTF_8));
        assertEquals(festive.get("text"), Json.reader().readTree(json).get("text").asText());
    }

    @Test
    void documentsKeepWhatOnlyATerminalWouldActOnAsItIs() {
        assertEquals("{\n  \"text\": \"a\\u001B[2Jb\u007fc\u009bd\u202ee é\u200D\"\n}\n",
                new String(Json.write(TEXT), UTF_8));
    }
}
