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

    /** Whether a value of this type may be a number, which {@code min} and {@code max} bound. */
    public boolean mayBeNumber() {
        return switch (this) {
            case NUMBER, INTEGER, FLOAT, JSON -> true;
            default -> false;
        };
    }

    /** Whether a value of this type may be text, which {@code pattern} and the length bounds check. */
    public boolean mayBeText() {
        return switch (this) {
            case STRING, FILE, BASE64, JSON -> true;
            default -> false;
        };
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
