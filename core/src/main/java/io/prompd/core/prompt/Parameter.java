package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.JsonTrees;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One declared parameter of a prompt. The type, the default and the enum values are kept as
 * written, so that the validator can report an unknown type or a default of the wrong type with
 * the file's own words rather than the parser rejecting the file.
 *
 * @param name        the variable name used in the body
 * @param typeName    the type as written; {@code string} when the key is absent
 * @param required    whether a caller must give a value
 * @param defaultValue the default, as any JSON value
 * @param enumValues  the allowed values as written, absent when any value is allowed: an empty list is written so,
 *                    and allows none
 * @param items       the element description of an array parameter, as written
 * @param pointer     where the front matter declares it ({@code /parameters/2}), for messages
 */
public record Parameter(
        String name,
        String typeName,
        boolean required,
        Optional<JsonNode> defaultValue,
        Optional<String> description,
        Optional<List<JsonNode>> enumValues,
        Optional<String> pattern,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        OptionalInt minLength,
        OptionalInt maxLength,
        Optional<JsonNode> items,
        String pointer) {

    public static final String DEFAULT_TYPE = "string";

    public Parameter {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        enumValues = enumValues.map(JsonTrees::deepCopies);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(minLength, "minLength");
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(pointer, "pointer");
        defaultValue = defaultValue.map(JsonNode::deepCopy);
        items = items.map(JsonNode::deepCopy);
    }

    /** The type, or empty when {@link #typeName()} is not one prompd knows. */
    public Optional<ParameterType> type() {
        return ParameterType.of(typeName);
    }
}
