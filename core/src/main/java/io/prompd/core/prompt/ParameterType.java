package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The type of a prompt parameter, as written in front matter ({@code type: integer}). */
public enum ParameterType {
    STRING, NUMBER, INTEGER, FLOAT, BOOLEAN, ARRAY, OBJECT, JSON, FILE, BASE64;

    /** The spelling used in front matter. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ParameterType> of(String keyword) {
        return Arrays.stream(values()).filter(type -> type.keyword().equals(keyword)).findFirst();
    }

    /** Every keyword, comma-separated, for hints. */
    public static String keywords() {
        return Arrays.stream(values()).map(ParameterType::keyword).collect(Collectors.joining(", "));
    }

    /**
     * Whether a value (a default or an argument) has this type. {@code json} takes any JSON value,
     * since a JSON document may be a scalar or a list as well as an object; {@code file} and
     * {@code base64} are passed around as text.
     */
    public boolean accepts(JsonNode value) {
        return switch (this) {
            case STRING, FILE, BASE64 -> value.isTextual();
            case NUMBER, FLOAT -> value.isNumber();
            case INTEGER -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case BOOLEAN -> value.isBoolean();
            case ARRAY -> value.isArray();
            case OBJECT -> value.isObject();
            case JSON -> !value.isMissingNode();
        };
    }
}
