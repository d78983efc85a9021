package io.prompd.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Lists in lists, {@code levels} deep. */
    private static List<Object> nested(int levels) {
        List<Object> outermost = new ArrayList<>();
        List<Object> innermost = outermost;
        for (int level = 1; level < levels; level++) {
            List<Object> inner = new ArrayList<>();
            innermost.add(inner);
            innermost = inner;
        }
        return outermost;
    }

    @Test
    void aNestedValueIsWrittenAsWriteStringShowsIt() throws IOException {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", PackageName.parse("@a/x"));
        node.put("range", VersionRange.parse("^1.0.0"));
        node.put("version", Version.parse("1.2.0"));
        node.put("installed", true);
        node.put("count", 3);
        node.put("note", null);
        node.put("text", TEXT.get("text"));
        node.put("dependencies", List.of());
        node.put("empty", Map.of());
        Map<String, Object> unsorted = new HashMap<>(Map.of("zeta", List.of(node, "b"), "alpha", new TreeMap<>(
                Map.of("y", 1, "x", List.of(List.of())))));
        StringWriter written = new StringWriter();

        Json.writeNested(unsorted, written);

        assertEquals(Json.writeString(unsorted), written.toString());
    }

    @Test
    void aValueNestedThousandsOfLevelsDeepIsWrittenWhole() throws IOException {
        int levels = 5_000;
        // only how deep the brackets go is kept: the indentation alone makes the text tens of megabytes
        int[] depth = new int[2];
        Writer brackets = new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    depth[0] += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
                    depth[1] = Math.max(depth[1], depth[0]);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        Json.writeNested(nested(levels), brackets);

        assertEquals(levels, depth[1]);
        assertEquals(0, depth[0], "every list written is closed");
    }

    @Test
    void aValueTooDeepForWriteStringFailsNamingTheLimitWithoutEveryStepDownToIt() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Json.writeString(Map.of("list", nested(1_500))));

        assertTrue(failure.getMessage().matches("cannot write \\w+ as JSON: Document nesting depth \\(1001\\)"
                + " exceeds the maximum allowed \\(1000, from `StreamWriteConstraints.getMaxNestingDepth\\(\\)`\\)"),
                failure.getMessage());
    }
}
