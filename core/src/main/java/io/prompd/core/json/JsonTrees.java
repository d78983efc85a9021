package io.prompd.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.source.Utf8;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads JSON documents that people write (manifests, lock files, the configuration) into Jackson
 * trees with the streaming parser alone. An {@code ObjectMapper} would do the same, but its first
 * use costs a command tens of milliseconds of start-up (its date formats load the locale data),
 * and reading a project must not pay for that.
 *
 * <p>Duplicate keys are refused: which one wins would be a guess. A reader that reports every problem of a file
 * at once reads them instead as JavaScript's {@code JSON.parse} does, the last one counting, and reports each
 * ({@link #readLastCounting}). Decimals are kept exactly as written, so a rewrite loses nothing. Content after the
 * document is refused.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Builds the nodes; decimals keep their trailing zeros. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonTrees() {
    }

    /**
     * A key given again in the same object.
     *
     * @param pointer   the key's JSON pointer
     * @param line      the line where it is given again, 1-based
     * @param firstLine the line where it is first given
     */
    public record RepeatedKey(String pointer, int line, int firstLine) {

        /** The error to report at the repetition, for a reader that goes on with the last one given. */
        public Problem problem(String file) {
            return Problem.error(file, pointer, "the field '" + Pointer.field(pointer) + "' is given again in the same"
                    + " object, first on line " + firstLine + ": prompd reads the last one given",
                    "keep one of them, the one meant").atLine(line);
        }
    }

    /**
     * A parser of the bytes, which lets a key repeat, as {@link #readLastCounting} does: a scan of the tokens (lines,
     * credentials) goes through a document that a reader read whole. Jackson detects UTF-8, UTF-16 and UTF-32.
     */
    /**
     * The nodes copied deeply, sorted by key, unmodifiable: JSON nodes are mutable, so a record holding the caller's
     * could be changed by a later change of theirs.
     */
    public static SortedMap<String, JsonNode> deepCopies(Map<String, JsonNode> nodes) {
        TreeMap<String, JsonNode> copy = new TreeMap<>();
        nodes.forEach((key, value) -> copy.put(key, value.deepCopy()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** The nodes copied deeply, in their order, unmodifiable, as {@link #deepCopies(Map)} and for the same reason. */
    public static List<JsonNode> deepCopies(List<JsonNode> nodes) {
        return nodes.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    public static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /**
     * What kind of value a node is, in JSON's words for a message: {@code a string}, {@code an object},
     * {@code true}; empty for a missing node, which is no value.
     */
    public static Optional<String> kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> Optional.of("an object");
            case ARRAY -> Optional.of("an array");
            case STRING, BINARY -> Optional.of("a string");
            case NUMBER -> Optional.of("a number");
            case BOOLEAN -> Optional.of(node.asText());
            case NULL -> Optional.of("null");
            case MISSING -> Optional.empty();
        };
    }

    /**
     * The problem of a JSON file whose bytes are not UTF-8 (RFC 8259), at its line: text in another encoding, or
     * holding a NUL byte, which no JSON text does and UTF-16 without a byte order mark does in every other byte.
     * Jackson would read UTF-16 and UTF-32, but jq, Node and a registry's own scripts expect UTF-8.
     */
    public static Optional<Problem> encodingProblem(String file, byte[] json) {
        Optional<Utf8.Fault> notUtf8 = Utf8.firstFault(json);
        if (notUtf8.isPresent()) {
            return Optional.of(notUtf8.get().problem(file));
        }
        String nulByte = "the file holds a NUL byte, which JSON text never does";
        return Utf8.firstNul(json).map(nul -> (nul.looksUtf16()
                ? Problem.error(file, "", nulByte + ": " + Utf8.LOOKS_UNMARKED_UTF16, Utf8.HINT)
                : Problem.error(file, "", nulByte, "remove it, or write it as \\u0000 inside a string"))
                .atLine(nul.line()));
    }

    /**
     * The document in the bytes, or a {@link MissingNode} when they hold none (empty or blank).
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the bytes are not one JSON
     *                                                            document; its location says where
     */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = parser(json).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
            // the parser refuses a repeated key before the tree sees one, so the tree looks for none
            return document(parser, Optional.empty());
        }
    }

    /**
     * The document in the bytes as {@link #read} gives it, but for a key given again in an object: the last one
     * counts, as in JavaScript's {@code JSON.parse} (and so npm's), and each repetition goes to {@code repeated},
     * for a reader to report it and still read the rest of the file.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the bytes are not one JSON
     *                                                            document; its location says where
     */
    public static JsonNode readLastCounting(byte[] json, Consumer<RepeatedKey> repeated) throws IOException {
        try (JsonParser parser = parser(json)) {
            return document(parser, Optional.of(repeated));
        }
    }

    /**
     * Tells each key given again in an object of the document the parser reads next, as {@link #readLastCounting}
     * does, for a reader whose tree is built by another parser that keeps the last one given too: Jackson's YAML
     * reader, for a prompt's front matter.
     *
     * @param lineShift added to the parser's lines: the line of the file where the document starts, less one
     */
    public static void repeatedKeys(JsonParser parser, int lineShift, Consumer<RepeatedKey> repeated)
            throws IOException {
        Deque<Map<String, Integer>> open = new ArrayDeque<>();
        JsonToken token = parser.nextToken();
        while (token != null) {
            switch (token) {
                case START_OBJECT -> open.push(new HashMap<>());
                case END_OBJECT -> open.pop();
                case FIELD_NAME -> given(open.element(), parser, lineShift, repeated);
                default -> { }
            }
            token = parser.getParsingContext().inRoot() ? null : parser.nextToken();
        }
    }

    /** Notes the key the parser is at in its object's first lines, telling it if it is given again. */
    private static void given(Map<String, Integer> firstLines, JsonParser parser, int lineShift,
                              Consumer<RepeatedKey> repeated) throws IOException {
        int line = lineShift + parser.currentTokenLocation().getLineNr();
        Integer firstLine = firstLines.putIfAbsent(parser.currentName(), line);
        if (firstLine != null) {
            repeated.accept(new RepeatedKey(parser.getParsingContext().pathAsPointer().toString(), line, firstLine));
        }
    }

    private static JsonNode document(JsonParser parser, Optional<Consumer<RepeatedKey>> repeated) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = new Tree(parser, repeated).value(first);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "unexpected content after the end of the JSON document");
        }
        return root;
    }

    /**
     * Builds the tree of one document from its parser, telling each key given again to {@code repeated} when there
     * is one to tell: noting where each key is first given costs every object a map and every key its line.
     */
    private record Tree(JsonParser parser, Optional<Consumer<RepeatedKey>> repeated) {

        JsonNode value(JsonToken token) throws IOException {
            return switch (token) {
                case START_OBJECT -> object();
                case START_ARRAY -> array();
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> throw new JsonParseException(parser, "unexpected token " + token);
            };
        }

        private ObjectNode object() throws IOException {
            ObjectNode object = NODES.objectNode();
            Map<String, Integer> firstLines = repeated.isPresent() ? new HashMap<>() : Map.of();
            String field;
            while ((field = parser.nextFieldName()) != null) {
                if (repeated.isPresent()) {
                    given(firstLines, parser, 0, repeated.get());
                }
                // ObjectNode.set keeps the key where it was first given and takes the later value, as JSON.parse does
                object.set(field, value(parser.nextToken()));
            }
            return object;
        }

        private ArrayNode array() throws IOException {
            ArrayNode array = NODES.arrayNode();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                array.add(value(token));
            }
            return array;
        }
    }
}
