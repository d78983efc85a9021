package io.prompd.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.Integrity;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSyntaxErrorTest {

    private static JsonSyntaxError parsing(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JsonSyntaxError.of(assertThrows(JsonProcessingException.class, () -> JsonTrees.read(bytes)), bytes);
    }

    @Test
    void anUnclosedObjectSaysWhereItStartedInPlainWords() {
        JsonSyntaxError error = parsing("{\n  \"name\": \"@me/x\"");

        assertEquals(2, error.line());
        assertEquals("at line 2, column 18: " + error.reason(), error.placeAndReason());
        assertEquals("Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1)",
                error.reason());
    }

    /**
     * An editor counts characters, where Jackson counts the bytes of UTF-8: the tab is the tenth character of each
     * line, whatever its script, the BOM is none, and a line may end at a carriage return alone.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"d\":\"abc\t\"}                     | 1 | 10",
            "{\"d\":\"日日日\t\"}                  | 1 | 10",
            "{\"d\":\"\uD83D\uDE00é\u0301\t\"}    | 1 | 10",
            "\uFEFF{\"d\":\"abc\t\"}               | 1 | 10",
            "{\"x\": \"ü\",\\r\\n\"d\":\"日\t\"}   | 2 | 7",
            "{\"x\": \"ü\",\\r\"é\":\"日日\t\"}     | 2 | 8"})
    void theColumnCountsCharactersAsAnEditorDoesNotBytes(String json, int line, int column) {
        JsonSyntaxError error = parsing(json.replace("\\r", "\r").replace("\\n", "\n"));

        assertEquals(line, error.line());
        assertEquals(column, error.column());
    }

    @Test
    void aPlaceInTheReasonHasItsColumnInCharactersToo() {
        assertEquals("Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 8)",
                parsing("{\"日日\": [").reason());
    }

    /** Jackson's words quote the text at the place, which a file of secrets must not show, and name no fix. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\": \"s3cret\"\\n \"b\": 1}      | 2 | expected ',' or '}' after a field",
            "{\"a\": [\"s3cret\" \"x\"]}          | 1 | expected ',' or ']' after an item",
            "{\"a\" \"s3cret\"}                     | 1 | expected ':' after the name of a field",
            "{\"a\": 1, 7: 2}                         | 1 | expected the name of a field, in double quotes"})
    void whatTheParserExpectedIsSaidInPrompdsWordsWithOrWithoutItsReason(String json, int line, String expected) {
        String text = json.replace("\\n", "\n");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonProcessingException malformed = assertThrows(JsonProcessingException.class, () -> JsonTrees.read(bytes));

        for (Problem problem : List.of(problemOf(text), JsonSyntaxError.problemWithoutReason("f.json", bytes, malformed,
                "fix it"))) {
            assertEquals(line, problem.line());
            assertTrue(problem.message().matches("not valid JSON \\(column \\d+\\): \\Q" + expected + "\\E"),
                    problem.message());
        }
    }

    @Test
    void aCommaAfterTheLastEntryIsFoundAfterTextBeyondUtf16sPlane() {
        assertEquals("a comma after the last entry, before the closing '}' on line 1: JSON allows none there",
                problemOf("{\"a\": \"\uD83D\uDE00\uD83D\uDE00\",}").message());
    }

    /** Jackson names neither the place nor the limit in words of the file's; the JSON is valid, so no syntax to fix. */
    @Test
    void aDocumentNestedDeeperThanJacksonReadsIsSaidSoAtTheBracketBeyondTheLimit() {
        String deep = "{\"a\": \"[{\\\"\",\n \"日\": " + "[".repeat(998) + "{}" + "]".repeat(998) + ",\n \"deep\": "
                + "[".repeat(1001) + "]".repeat(1001) + "}";

        Problem problem = problemOf(deep);

        assertEquals("nested too deep (column 1009): objects and arrays hold each other more than 1000 levels deep,"
                + " more than prompd reads", problem.message());
        assertEquals(3, problem.line());
        assertEquals("hold the data in fewer levels: no field prompd knows nests more than a few", problem.hint());
        byte[] bytes = deep.getBytes(StandardCharsets.UTF_8);
        assertEquals("at line 3, column 1009: objects and arrays hold each other more than 1000 levels deep, more than"
                + " prompd reads", JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.read(bytes, Map.class)), bytes).placeAndReason());
    }

    @Test
    void aDuplicateKeyIsNamed() {
        JsonSyntaxError error = parsing("{\"name\": 1, \"name\": 2}");

        assertEquals(1, error.line());
        assertEquals("Duplicate field 'name'", error.reason());
    }

    @Test
    void javascriptsNotANumberAndInfinityAreSaidSoWithoutTheParsersFeatureNames() {
        for (String written : new String[] {"NaN", "Infinity", "-Infinity"}) {
            Problem problem = problemOf("{\n  \"x\": " + written + "\n}");
            assertTrue(problem.message().startsWith(written + " (column 8)"), problem.message());
            assertTrue(problem.message().endsWith(", which JSON does not allow: it has no number for not-a-number or"
                    + " infinity"), problem.message());
            assertEquals("write a number, or leave the field out", problem.hint());
            assertEquals(2, problem.line());
        }
    }

    /** Jackson refuses such a name itself, in words of its decoding: it gets those a string holding one gets. */
    @Test
    void aLoneSurrogateInAMemberNameIsSaidSoAsInAString() {
        Problem high = problemOf("{\"name\": \"t\",\n \"x\\ud800\": 1}");
        assertEquals("the name of 'x<U+D800>' holds the lone UTF-16 surrogate U+D800 at position 2", high.message());
        assertEquals("/x\uD800", high.pointer());
        assertEquals(TerminalText.loneSurrogateHint(1), high.hint());
        assertEquals(2, high.line());

        assertEquals("the name of 'x/k<U+DC00>' holds the lone UTF-16 surrogate U+DC00 at position 2",
                problemOf("{\"x\": {\"k\\udc00\": 1}}").message());
    }

    /** A registry's document, read by the client, gets the same words, at the token's first character. */
    @Test
    void theReasonForNotANumberIsSaidInTheSameWordsAtItsFirstCharacter() {
        assertEquals("at line 2, column 12: NaN, which JSON does not allow: it has no number for not-a-number or"
                + " infinity", parsing("{\"versions\":\n {\"a\": [1, NaN]}}").placeAndReason());
    }

    private static Problem problemOf(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JsonSyntaxError.problem("prompd.json", bytes, assertThrows(JsonProcessingException.class,
                () -> JsonTrees.read(bytes)), "fix the JSON syntax");
    }

    @Test
    void aCommaAfterTheLastEntryIsNamedAtItsOwnLine() {
        Problem inObject = problemOf("{\n  \"name\": \"@me/x\",\n\n}\n");
        assertEquals("a comma after the last entry, before the closing '}' on line 4: JSON allows none there",
                inObject.message());
        assertEquals(2, inObject.line());
        assertEquals("delete the comma", inObject.hint());

        Problem inArray = problemOf("{\"keywords\": [\"a\", \"b\",  ]}");
        assertEquals("a comma after the last entry, before the closing ']' on line 1: JSON allows none there",
                inArray.message());

        assertTrue(problemOf("{\"a\": 1 \"b\": 2}").message().startsWith("not valid JSON"),
                "a comma missing is not one too many");
    }

    @Test
    void otherJavaScriptHabitsAreNamedAsSuch() {
        assertEquals("a comment, which JSON does not allow",
                problemOf("{\n  // the name\n  \"name\": \"x\"\n}").message());
        assertEquals("a comment, which JSON does not allow", problemOf("{\"name\": \"x\" /* why */}").message());
        Problem quoted = problemOf("{\n  'name': 'x'\n}");
        assertEquals("a single quote: JSON puts strings and names in double quotes", quoted.message());
        assertEquals(2, quoted.line());
        assertEquals("a single quote: JSON puts strings and names in double quotes",
                problemOf("{\"name\": 'x'}").message());
        assertEquals("a field name without quotes", problemOf("{\n  name: \"x\"\n}").message());
        assertTrue(problemOf("{\"name\": x}").message().startsWith("not valid JSON"), "a value is not a name");
    }

    record Point(int x, String label) {
        Point {
            Objects.requireNonNull(label, "label");
            if (x < 0) {
                throw new IllegalArgumentException("x must not be negative, but is " + x);
            }
        }
    }

    private static JsonSyntaxError binding(String json) {
        return JsonSyntaxError.of(assertThrows(JsonProcessingException.class, () -> Json.reader()
                .forType(new TypeReference<Map<String, List<Point>>>() { }).readValue(json)),
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValueThatDoesNotFitIsNamedByItsPointerAndTheConstructorsReason() {
        assertEquals("/points/1: x must not be negative, but is -1",
                binding("{\"points\": [{\"x\": 1, \"label\": \"a\"}, {\"x\": -1, \"label\": \"b\"}]}").reason());
        assertEquals("/points/0: 'label' is missing", binding("{\"points\": [{\"x\": 1}]}").reason());
    }

    /** Jackson's words name Java's types and its own methods, and no fix. */
    @Test
    void aNumberBeyondItsFieldOrAValueLongerThanJacksonReadsIsSaidInPrompdsWords() {
        assertEquals("/points/0/x: 2147483648 is above the largest number prompd reads there, 2147483647",
                binding("{\"points\": [{\"x\": 2147483648, \"label\": \"a\"}]}").reason());
        assertEquals("/points/0/x: -99999999999 is below the smallest number prompd reads there, -2147483648",
                binding("{\"points\": [{\"x\": -99999999999, \"label\": \"a\"}]}").reason());
        assertEquals("/points/0/x: a number of 41 digits is above the largest number prompd reads there, 2147483647",
                binding("{\"points\": [{\"x\": 1" + "0".repeat(40) + ", \"label\": \"a\"}]}").reason());
        assertEquals("a number longer than 1000 digits, more than prompd reads",
                parsing("{\"x\": " + "9".repeat(1001) + "}").reason());
        String longest = "x".repeat(StreamReadConstraints.defaults().getMaxStringLength() + 1);
        assertEquals("/points/0/label: a string longer than 20000000 characters, more than prompd reads",
                binding("{\"points\": [{\"x\": 1, \"label\": \"" + longest + "\"}]}").reason());
    }

    record Tagged(List<String> tags) {
        Tagged {
            tags = List.copyOf(tags);
        }
    }

    @Test
    void aNullTheJvmDescribesIsAMissingFieldNotItsWords() {
        JsonSyntaxError error = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.reader().forType(new TypeReference<Map<String, Tagged>>() { })
                        .readValue("{\"tagged\": {}}")),
                new byte[0]);

        assertEquals("/tagged: a required field is missing", error.reason());
    }

    @Test
    void aRegistryDocumentWithoutAListNamesIt() {
        String packument = "{\"name\": \"@a/b\", \"owners\": {\"users\": [], \"teams\": []}, \"distTags\": {},"
                + " \"versions\": {}, \"updatedAt\": \"2026-01-01T00:00:00Z\"}";
        JsonSyntaxError error = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.read(packument.getBytes(StandardCharsets.UTF_8), Packument.class)),
                packument.getBytes(StandardCharsets.UTF_8));

        assertEquals("'keywords' is missing", error.reason());
    }

    @Test
    void aStringThatIsNoVersionSaysWhyNotThatAStringWasExpected() {
        String tags = "{\"latest\": \"1.0.0/../../x\"}";
        JsonSyntaxError value = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.reader().forType(new TypeReference<Map<String, Version>>() { }).readValue(tags)),
                tags.getBytes(StandardCharsets.UTF_8));
        String versions = "{\"versions\": {\"99999999999999999999999.0.0\": 1}}";
        JsonSyntaxError key = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.reader().forType(new TypeReference<Map<String, Map<Version, Integer>>>() { })
                        .readValue(versions)),
                versions.getBytes(StandardCharsets.UTF_8));

        assertEquals("/latest: " + whyNoVersion("1.0.0/../../x"), value.reason());
        assertEquals("/versions: " + whyNoVersion("99999999999999999999999.0.0"), key.reason());
    }

    record Pinned(Version version, Integrity integrity, VersionRange range) {
        Pinned {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(integrity, "integrity");
            Objects.requireNonNull(range, "range");
        }
    }

    @Test
    void anEmptyStringWhereAValueOfAParsedTypeBelongsIsNamedAtItsPlaceAsEmptyNotMissing() {
        String tags = "{\n  \"beta\": \"1.0.0\",\n  \"latest\": \"\"\n}\n";
        JsonSyntaxError inAMap = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.reader().forType(new TypeReference<Map<String, Version>>() { }).readValue(tags)),
                tags.getBytes(StandardCharsets.UTF_8));
        String pinned = "{\"range\": \"^1.0.0\", \"version\": \"1.0.0\", \"integrity\": \"\"}";
        JsonSyntaxError inARecord = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.read(pinned.getBytes(StandardCharsets.UTF_8), Pinned.class)),
                pinned.getBytes(StandardCharsets.UTF_8));

        assertEquals("at line 3, column 13: /latest: an empty string, where a version belongs",
                inAMap.placeAndReason());
        assertEquals("at line 1, column 54: /integrity: an empty string, where an integrity belongs",
                inARecord.placeAndReason());
    }

    @Test
    void anEmptyRangeIsOneTheParserTakesAsAnyRelease() throws IOException {
        String pinned = "{\"range\": \"\", \"version\": \"1.0.0\", \"integrity\": \""
                + Integrity.of(new byte[0]) + "\"}";

        assertTrue(Json.read(pinned.getBytes(StandardCharsets.UTF_8), Pinned.class).range()
                .satisfiedBy(Version.parse("2.0.0")));
    }

    private static String whyNoVersion(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Version.parse(text)).getMessage();
    }

    @Test
    void aValueOfAnotherKindSaysWhatWasExpectedAndWhatCameNotJavaTypes() {
        assertEquals("expected an object as the document, found an array", binding("[1]").reason());
        assertEquals("/points: expected an array, found an object", binding("{\"points\": {}}").reason());
        assertEquals("/points/0/x: expected a number, found a string",
                binding("{\"points\": [{\"x\": \"one\", \"label\": \"a\"}]}").reason());
    }

    @Test
    void aDocumentOfNullIsAValueOfAnotherKindNotNoValue() {
        byte[] json = "null\n".getBytes(StandardCharsets.UTF_8);
        JsonSyntaxError error = JsonSyntaxError.of(assertThrows(JsonProcessingException.class,
                () -> Json.read(json, Packument.class)), json);

        assertEquals("at line 1, column 1: expected an object as the document, found null", error.placeAndReason());
    }
}
