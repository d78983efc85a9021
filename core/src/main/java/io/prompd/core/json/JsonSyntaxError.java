package io.prompd.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.prompd.core.problem.Problem;
import io.prompd.core.source.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and why a JSON text does not parse, or does not fit the type it is read as, in words for
 * a person fixing it.
 *
 * @param line   1-based, or 0 when the parser did not say
 * @param column 1-based, or 0 when the parser did not say
 * @param reason the parser's explanation, with its own notation of places made readable
 */
public record JsonSyntaxError(int line, int column, String reason) {

    /**
     * How Jackson writes a place inside its messages, such as the start of an unclosed object:
     * {@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]}.
     */
    private static final Pattern PLACE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    /** Jackson's reason when a key repeats, which {@link JsonTrees} refuses. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

    /** How Jackson refuses JavaScript's NaN and Infinity, naming the feature of its own that would take them. */
    private static final Pattern NON_NUMBER = Pattern.compile("Non-standard token '([+-]?(?:NaN|Infinity|INF))'");

    /** How Jackson refuses a member name holding a UTF-16 surrogate alone, which it cannot hold as UTF-8. */
    private static final Pattern LONE_SURROGATE_NAME = Pattern.compile("surrogate (pair )?in field name");

    /** An escape in a JSON string: {@code \\u00e9}, {@code \\n}, {@code \\"}. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|.)");

    /** What JSON's escapes of one letter stand for; any other stands for itself ({@code \\"}, {@code \\/}). */
    private static final Map<Character, Character> ESCAPED = Map.of('b', '\b', 'f', '\f', 'n', '\n', 'r', '\r', 't',
            '\t');

    /** Why JavaScript's NaN and Infinity are refused, after the token as written. */
    private static final String NO_NUMBER = ", which JSON does not allow: it has no number for"
            + " not-a-number or infinity";

    /**
     * What the parser expected where it says so in its own words, which quote the text around the place (a secret, in
     * some files), said in prompd's; by the end of Jackson's message.
     */
    private static final Map<String, String> EXPECTED = Map.of(
            "was expecting comma to separate Object entries", "expected ',' or '}' after a field",
            "was expecting comma to separate Array entries", "expected ',' or ']' after an item",
            "was expecting a colon to separate field name and value", "expected ':' after the name of a field",
            "was expecting double-quote to start field name", "expected the name of a field, in double quotes");

    /** How deep objects and arrays may nest in a document Jackson reads. */
    private static final int MAX_DEPTH = StreamReadConstraints.defaults().getMaxNestingDepth();

    /** How Jackson's message on a document nested deeper than {@link #MAX_DEPTH} starts. */
    private static final String NESTING = "Document nesting depth";

    /** The reason for such a document, in prompd's words: Jackson's name its own classes and methods. */
    private static final String TOO_DEEP = "objects and arrays hold each other more than " + MAX_DEPTH
            + " levels deep, more than prompd reads";

    /** How to fix a document nested deeper than {@link #MAX_DEPTH}. */
    public static final String TOO_DEEP_HINT = "hold the data in fewer levels: no field prompd knows nests more than a"
            + " few";

    /**
     * How Jackson refuses a whole number beyond the Java type of its field:
     * {@code Numeric value (1e30's digits) out of range of long (-9223372036854775808 - 9223372036854775807)}.
     */
    private static final Pattern OUT_OF_RANGE = Pattern.compile(
            "Numeric value \\((.*)\\) out of range of (?:int|long) \\((-\\d+) - (\\d+)\\)");

    /** How many characters of a number out of range a reason quotes; a longer one is named by its digits. */
    private static final int NUMBER_QUOTED = 40;

    /**
     * How Jackson refuses a string, number or name longer than it reads, naming its own method:
     * {@code String value length (20051112) exceeds the maximum allowed (20000000, from
     * `StreamReadConstraints.getMaxStringLength()`)}.
     */
    private static final Pattern TOO_LONG = Pattern.compile(
            "(String value|Number value|Name) length \\(\\d+\\) exceeds the maximum allowed"
            + " \\((\\d+), from `[^`]*`\\)");

    /** What each of Jackson's limits of {@link #TOO_LONG} is on, in prompd's words, and what it counts. */
    private static final Map<String, String> TOO_LONG_WORDS = Map.of(
            "String value", "a string longer than %s characters",
            "Number value", "a number longer than %s digits", "Name", "a field name longer than %s characters");

    /** The byte order mark of UTF-8, U+FEFF's bytes. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a record names when it refuses a missing field, as in {@code Objects.requireNonNull(name, "name")}. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /**
     * The problem to report about a JSON file that does not parse, at the error's line, with the
     * parser's reason. A file that a Git merge left conflicted is said to be that, at its first
     * marker, since the parser's words about a stray {@code <} would only puzzle.
     */
    public static Problem problem(String file, byte[] text, JsonProcessingException malformed, String hint) {
        return problem(file, text, malformed, hint, true);
    }

    /** {@link #problem} without the parser's reason, which quotes the text near the error: a secret, in some files. */
    public static Problem problemWithoutReason(String file, byte[] text, JsonProcessingException malformed,
                                               String hint) {
        return problem(file, text, malformed, hint, false);
    }

    private static Problem problem(String file, byte[] text, JsonProcessingException malformed, String hint,
                                   boolean withReason) {
        JsonSyntaxError error = of(malformed, text);
        Matcher duplicate = DUPLICATE_KEY.matcher(error.reason());
        if (duplicate.matches()) {
            return Problem.error(file, "", "the field '" + duplicate.group(1) + "' is given twice in the same object",
                    "keep one of them: which one counts would be a guess").atLine(error.line());
        }
        String message = "not valid JSON" + error.columnNote() + expected(error.reason())
                .or(() -> withReason ? Optional.of(error.reason()) : Optional.empty()).map(reason -> ": " + reason)
                .orElse("");
        String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        return Utf8.firstFault(text).map(fault -> fault.problem(file))
                .or(() -> loneSurrogateName(file, text, malformed, error))
                .or(() -> tooDeep(file, error))
                .or(() -> conflict(file, lines))
                .or(() -> javascriptHabit(file, lines, error))
                .orElseGet(() -> Problem.error(file, "", message, hint).atLine(error.line()));
    }

    private static Optional<String> expected(String reason) {
        return EXPECTED.entrySet().stream().filter(expectation -> reason.endsWith(expectation.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * A member name holding a UTF-16 surrogate alone, refused in the words of {@link PlainText} that a string holding
     * one gets, at the name: Jackson refuses the name itself while reading it, in words of its own decoding, so the
     * name is read here from the text, in the object the parser was reading.
     */
    private static Optional<Problem> loneSurrogateName(String file, byte[] text, JsonProcessingException malformed,
                                                      JsonSyntaxError error) {
        JsonLocation at = malformed.getLocation();
        if (!LONE_SURROGATE_NAME.matcher(error.reason()).find() || at == null || at.getByteOffset() <= 0
                || !(malformed.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        Optional<String> name = stringBefore(text, (int) Math.min(at.getByteOffset(), text.length) - 1);
        JsonStreamContext object = parser.getParsingContext();
        String objectAt = object.getParent() == null ? "" : object.getParent().pathAsPointer().toString();
        List<Problem> refused = new ArrayList<>();
        name.ifPresent(held -> PlainText.wholeCharacters(JsonTrees.NODES.objectNode().putNull(held), objectAt,
                (pointer, message, hint) -> refused.add(Problem.error(file, pointer, message, hint)
                .atLine(error.line()))));
        return refused.stream().findFirst();
    }

    /** The JSON string that holds the byte at {@code index} or ends there, its escapes read; empty if none does. */
    private static Optional<String> stringBefore(byte[] text, int index) {
        int open = -1;
        int close = -1;
        for (int at = 0; at < text.length && at <= index; at++) {
            if (text[at] == '"') {
                open = at;
                close = at + 1;
                while (close < text.length && text[close] != '"') {
                    close += text[close] == '\\' ? 2 : 1;
                }
                at = close;
            }
        }
        if (open < 0 || close < index || close >= text.length) {
            return Optional.empty();
        }
        String written = new String(text, open + 1, close - open - 1, StandardCharsets.UTF_8);
        return Optional.of(ESCAPE.matcher(written).replaceAll(escape -> Matcher.quoteReplacement(String.valueOf(
                escape.group(1).length() == 5 ? (char) Integer.parseInt(escape.group(1).substring(1), 16)
                        : ESCAPED.getOrDefault(escape.group(1).charAt(0), escape.group(1).charAt(0))))));
    }

    /** Valid JSON beyond a limit of the parser's, said so: the syntax hint would send one looking for an error. */
    private static Optional<Problem> tooDeep(String file, JsonSyntaxError error) {
        return error.reason().equals(TOO_DEEP) ? Optional.of(Problem.error(file, "", "nested too deep"
                + error.columnNote() + ": " + TOO_DEEP, TOO_DEEP_HINT).atLine(error.line())) : Optional.empty();
    }

    /**
     * Where and why a document Jackson reads, JSON or YAML, nests deeper than it reads, in prompd's words: at the
     * bracket opening the level beyond, the place unknown (0) when brackets do not show it; empty when that is not
     * why it failed.
     */
    public static Optional<JsonSyntaxError> nestedTooDeep(JsonProcessingException malformed, byte[] text) {
        return malformed instanceof StreamConstraintsException && malformed.getOriginalMessage().startsWith(NESTING)
                ? Optional.of(tooDeep(text)) : Optional.empty();
    }

    /**
     * What people write in JSON out of JavaScript's habits (a comma after the last entry, a comment,
     * single quotes, a name without quotes), said in those words: the parser only says which
     * character it did not expect, and for a trailing comma it says so at the closing bracket.
     */
    private static Optional<Problem> javascriptHabit(String file, String[] lines, JsonSyntaxError error) {
        if (error.reason().endsWith(NO_NUMBER)) {
            String written = error.reason().substring(0, error.reason().length() - NO_NUMBER.length());
            return Optional.of(Problem.error(file, "", written + error.columnNote() + NO_NUMBER,
                    "write a number, or leave the field out").atLine(error.line()));
        }
        if (error.line() == 0 || error.column() == 0 || error.line() > lines.length) {
            return Optional.empty();
        }
        String line = lines[error.line() - 1];
        // the column counts characters, the BOM not among them, and a Java string a character beyond U+FFFF twice
        int skipped = error.line() == 1 && line.startsWith("\uFEFF") ? 1 : 0;
        if (error.column() > line.codePointCount(skipped, line.length())) {
            return Optional.empty();
        }
        int index = line.offsetByCodePoints(skipped, error.column() - 1);
        String rest = line.substring(index);
        char found = rest.charAt(0);
        if (found == '}' || found == ']') {
            return trailingComma(file, lines, error.line(), index, found);
        }
        if (rest.startsWith("//") || rest.startsWith("/*")) {
            return Optional.of(Problem.error(file, "", "a comment, which JSON does not allow", "delete it")
                    .atLine(error.line()));
        }
        if (found == '\'') {
            return Optional.of(Problem.error(file, "", "a single quote: JSON puts strings and names in double quotes",
                    "write \"...\" instead of '...'").atLine(error.line()));
        }
        if ((Character.isLetter(found) || found == '_') && error.reason()
                .contains("double-quote to start field name")) {
            return Optional.of(Problem.error(file, "", "a field name without quotes", "put it in double quotes, as in"
                    + " \"name\": ...").atLine(error.line()));
        }
        return Optional.empty();
    }

    /** The comma before the closing bracket, skipping blank space back over lines; empty when there is none. */
    private static Optional<Problem> trailingComma(String file, String[] lines, int closingLine, int closingIndex,
                                                   char closing) {
        int line = closingLine - 1;
        int column = closingIndex;
        while (line >= 0) {
            for (int index = column - 1; index >= 0; index--) {
                char c = lines[line].charAt(index);
                if (c == ',') {
                    return Optional.of(Problem.error(file, "", "a comma after the last entry, before the closing '"
                            + closing + "' on line " + closingLine + ": JSON allows none there",
                            "delete the comma").atLine(line + 1));
                }
                if (!Character.isWhitespace(c)) {
                    return Optional.empty();
                }
            }
            line--;
            column = line >= 0 ? lines[line].length() : 0;
        }
        return Optional.empty();
    }

    /** Whether a Git merge left conflict markers in the text, each a line of its own. */
    public static boolean hasConflictMarkers(byte[] text) {
        return conflict("", new String(text, StandardCharsets.UTF_8).split("\n", -1)).isPresent();
    }

    private static Optional<Problem> conflict(String file, String[] lines) {
        for (int index = 0; index < lines.length; index++) {
            if (ConflictSides.isMarker(lines[index])) {
                return Optional.of(Problem.error(file, "", "a Git merge left conflict markers here (<<<<<<<, =======,"
                        + " >>>>>>>)", "keep what each side should keep, delete the marker lines, then run this again")
                        .atLine(index + 1));
            }
        }
        return Optional.empty();
    }

    /** @param json the text that failed to parse or fit, to name what it holds where another kind of value fits */
    public static JsonSyntaxError of(JsonProcessingException malformed, byte[] json) {
        Optional<JsonSyntaxError> deep = nestedTooDeep(malformed, json);
        if (deep.isPresent()) {
            return deep.get();
        }
        JsonLocation at = malformed.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        // a parser of bytes counts columns in bytes; one of text (UTF-16, UTF-32) in chars, as editors nearly do
        boolean inBytes = at != null && at.getByteOffset() >= 0;
        int column = at == null || line == 0 ? 0 : inBytes ? characterColumn(json, line, at.getColumnNr())
                : Math.max(at.getColumnNr(), 0);
        Matcher nonNumber = NON_NUMBER.matcher(malformed.getOriginalMessage());
        if (nonNumber.find()) {
            // Jackson places the error after the token, which is ASCII: one character a byte
            return new JsonSyntaxError(line, Math.max(column - nonNumber.group(1).length(), 0), nonNumber.group(1)
                    + NO_NUMBER);
        }
        String reason;
        if (malformed instanceof InvalidFormatException invalid
                && invalid.getCause() instanceof IllegalArgumentException why
                && parsedAString(invalid, json)) {
            reason = (invalid.getPath().isEmpty() ? "" : pointer(invalid) + ": ") + why.getMessage();
        } else if (malformed instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            reason = mismatch(mismatched, json);
        } else if (malformed instanceof JsonMappingException unfitting
                && (!unfitting.getPath().isEmpty() || unfitting.getCause() != null)) {
            reason = (unfitting.getPath().isEmpty() ? "" : pointer(unfitting) + ": ")
                    + fitReason(unfitting, json, inBytes);
        } else {
            reason = readable(malformed.getOriginalMessage(), json, inBytes);
        }
        return new JsonSyntaxError(line, column, reason);
    }

    /**
     * Where objects and arrays first nest deeper than Jackson reads, which it does not say: at the bracket opening
     * the level beyond, found in UTF-8 text outside strings; the place unknown (0) in text of another encoding.
     */
    private static JsonSyntaxError tooDeep(byte[] json) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        boolean inString = false;
        for (int index = 0; index < json.length; index++) {
            byte b = json[index];
            if (inString) {
                index += b == '\\' ? 1 : 0;
                inString = b != '"';
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > MAX_DEPTH) {
                    return new JsonSyntaxError(line, characterColumn(json, line, index - lineStart + 1), TOO_DEEP);
                }
            } else if (b == ']' || b == '}') {
                depth--;
            } else if (b == '\n' || b == '\r') {
                index += b == '\r' && index + 1 < json.length && json[index + 1] == '\n' ? 1 : 0;
                line++;
                lineStart = index + 1;
            }
        }
        return new JsonSyntaxError(0, 0, TOO_DEEP);
    }

    /**
     * The column, counted in characters from 1 as an editor counts them, of the place on {@code line} that a parser of
     * UTF-8 gives as {@code byteColumn}, counted in bytes: 日 is one character and three bytes. A tab is one
     * character, as Jackson, an editor's go-to-line and most compilers count it; its width on screen is a setting of
     * each editor. The BOM, which Jackson counts on the first line, is no character an editor shows. Lines end as
     * Jackson ends them, at a line feed, a carriage return or both.
     */
    static int characterColumn(byte[] json, int line, int byteColumn) {
        if (byteColumn <= 0) {
            return 0;
        }
        int start = 0;
        for (int current = 1; current < line; current++) {
            while (start < json.length && json[start] != '\n' && json[start] != '\r') {
                start++;
            }
            if (start == json.length) {
                return byteColumn;
            }
            start += json[start] == '\r' && start + 1 < json.length && json[start + 1] == '\n' ? 2 : 1;
        }
        int end = Math.min(json.length, start + byteColumn - 1);
        if (line == 1 && Arrays.equals(json, 0, Math.min(json.length, UTF8_BOM.length), UTF8_BOM, 0, UTF8_BOM.length)) {
            start = Math.min(end, UTF8_BOM.length);
        }
        int characters = 0;
        for (int index = start; index < end; index++) {
            // each character has one byte that is not a continuation byte, 10xxxxxx
            characters += (json[index] & 0xC0) == 0x80 ? 0 : 1;
        }
        return characters + 1;
    }

    /**
     * Whether a parser refused a string where a string belongs (a version, a name, a date), so that
     * its reason tells what is wrong, rather than a true or a number Jackson turned into a string for
     * it. A map key that does not parse is told at its map, an object.
     */
    private static boolean parsedAString(InvalidFormatException invalid, byte[] json) {
        return found(invalid, json).map(kind -> kind.equals("a string") || kind.equals("an object")).orElse(true);
    }

    /**
     * A value of another kind than its place takes, in JSON's words: Jackson's name the Java type
     * ("Cannot deserialize value of type `java.util.TreeMap`...").
     */
    private static String mismatch(MismatchedInputException mismatched, byte[] json) {
        String expected = "expected " + kindOf(mismatched.getTargetType());
        String found = found(mismatched, json).map(kind -> ", found " + kind).orElse("");
        return mismatched.getPath().isEmpty() ? expected + " as the document" + found
                : pointer(mismatched) + ": " + expected + found;
    }

    /**
     * What JSON value a Java type is read from; the protocol's own value types (versions, names, dates) are strings.
     */
    private static String kindOf(Class<?> type) {
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a string";
    }

    /** What the text holds at the failure's place; empty when it cannot tell. */
    private static Optional<String> found(JsonMappingException unfitting, byte[] json) {
        JsonNode node;
        try {
            node = JsonTrees.read(json);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        for (JsonMappingException.Reference step : unfitting.getPath()) {
            node = step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
        }
        return JsonTrees.kind(node);
    }

    /**
     * Jackson's message with its places in prompd's words, their columns in characters when it counted bytes; a
     * number or text beyond a limit of Jackson's said in prompd's words, since Jackson's name its Java types and
     * methods.
     */
    private static String readable(String message, byte[] json, boolean inBytes) {
        Optional<String> beyondLimit = beyondLimit(message);
        if (beyondLimit.isPresent()) {
            return beyondLimit.get();
        }
        return PLACE.matcher(message).replaceAll(place -> {
            int line = Integer.parseInt(place.group(1));
            int column = Integer.parseInt(place.group(2));
            return "line " + line + ", column " + (inBytes ? characterColumn(json, line, column) : column);
        });
    }

    /** A whole number beyond its field's range, or a value longer than Jackson reads, in prompd's words; else empty. */
    private static Optional<String> beyondLimit(String message) {
        Matcher outOfRange = OUT_OF_RANGE.matcher(message);
        if (outOfRange.matches()) {
            String number = outOfRange.group(1);
            String shown = number.length() > NUMBER_QUOTED ? "a number of " + number.replace("-", "").length()
                    + " digits" : number;
            return Optional.of(number.startsWith("-")
                    ? shown + " is below the smallest number prompd reads there, " + outOfRange.group(2)
                    : shown + " is above the largest number prompd reads there, " + outOfRange.group(3));
        }
        Matcher tooLong = TOO_LONG.matcher(message);
        if (tooLong.matches()) {
            return Optional.of(String.format(Locale.ROOT, TOO_LONG_WORDS.get(tooLong.group(1)), tooLong.group(2))
                    + ", more than prompd reads");
        }
        return Optional.empty();
    }

    /** The JSON pointer of the value that does not fit, such as {@code /versions/1.0.0}. */
    private static String pointer(JsonMappingException unfitting) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference step : unfitting.getPath()) {
            pointer.append('/').append(step.getFieldName() != null ? step.getFieldName() : step.getIndex());
        }
        return pointer.toString();
    }

    /**
     * A record's constructor refusing the value says why in its own words (a missing component
     * throws with the component's name); Jackson's message would name Java classes instead.
     */
    private static String fitReason(JsonMappingException unfitting, byte[] json, boolean inBytes) {
        Throwable cause = unfitting.getCause();
        if (cause instanceof NullPointerException) {
            // records name a required field in the message; the JVM's own words about a null are no field name
            return cause.getMessage() != null && FIELD_NAME.matcher(cause.getMessage()).matches()
                    ? "'" + cause.getMessage() + "' is missing" : "a required field is missing";
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return readable(unfitting.getOriginalMessage(), json, inBytes);
    }

    /** {@code "at line 3, column 7: reason"}, or the reason alone when the place is unknown. */
    public String placeAndReason() {
        return line == 0 ? reason : "at line " + line + (column == 0 ? "" : ", column " + column) + ": " + reason;
    }

    /** {@code " (column 7)"}, for a problem that gives the line itself, or nothing when unknown. */
    private String columnNote() {
        return line == 0 || column == 0 ? "" : " (column " + column + ")";
    }
}
