package io.prompd.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.prompt.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * A prompt parameter as a registry page or a client's {@code --help} shows it.
 *
 * @param type         the type as written ({@code string} when absent)
 * @param defaultValue the default, any JSON value, or null
 * @param enumValues   the allowed values, empty when any value is allowed
 */
public record ParameterSummary(String name, String type, boolean required, String description,
                               @JsonProperty("default") JsonNode defaultValue,
                               @JsonProperty("enum") List<JsonNode> enumValues) {

    public ParameterSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = defaultValue == null ? null : defaultValue.deepCopy();
        enumValues = enumValues.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    public static ParameterSummary of(Parameter parameter) {
        return new ParameterSummary(parameter.name(), parameter.typeName(), parameter.required(),
                parameter.description().orElse(null), parameter.defaultValue().orElse(null), parameter.enumValues());
    }
}
