package io.prompd.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.prompt.Parameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A prompt parameter as a registry page or a client's {@code --help} shows it, with the limits a
 * value must keep, so that a client can check one before installing the package.
 *
 * @param type         the type as written ({@code string} when absent)
 * @param defaultValue the default, any JSON value, or null
 * @param enumValues   the allowed values, empty when any value is allowed
 * @param pattern      the regular expression a string must match, or null
 * @param min          the least number allowed, or null
 * @param max          the greatest number allowed, or null
 * @param minLength    the fewest characters a string may have, or null
 * @param maxLength    the most characters a string may have, or null
 */
public record ParameterSummary(String name, String type, boolean required, String description,
                               @JsonProperty("default") JsonNode defaultValue,
                               @JsonProperty("enum") List<JsonNode> enumValues, String pattern, BigDecimal min,
                               BigDecimal max, Integer minLength, Integer maxLength) {

    public ParameterSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue == null ? null : defaultValue.deepCopy();
        enumValues = JsonTrees.deepCopies(enumValues);
    }

    public static ParameterSummary of(Parameter parameter) {
        return new ParameterSummary(parameter.name(), parameter.typeName(), parameter.required(),
                parameter.description().orElse(null), parameter.defaultValue().orElse(null),
                parameter.enumValues().orElse(List.of()),
                parameter.pattern().orElse(null), parameter.min().orElse(null), parameter.max().orElse(null),
                orNull(parameter.minLength()), orNull(parameter.maxLength()));
    }

    private static Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
