package io.prompd.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads JSON documents that people write (manifests, lock files, the configuration) into Jackson
 * trees with the streaming parser alone. An {@code ObjectMapper} would do the same, but its first
 * use costs a command tens of milliseconds of start-up (its date formats load the locale data),
 * and reading a project must not pay for that.
 *
 * <p>Duplicate keys are refused: which one wins would be a guess. Decimals are kept exactly as
 * written, so a rewrite loses nothing. Content after the document is refused.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Builds the nodes; decimals keep their trailing zeros. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonTrees() {
    }

    /** A parser of the bytes, with this class's rules; Jackson detects UTF-8, UTF-16 and UTF-32. */
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
     * The document in the bytes, or a {@link MissingNode} when they hold none (empty or blank).
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the bytes are not one JSON
     *                                                            document; its location says where
     */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = parser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the JSON document");
            }
            return root;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
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

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            object.set(field, value(parser, parser.nextToken()));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            array.add(value(parser, token));
        }
        return array;
    }
}
