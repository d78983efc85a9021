package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import io.prompd.core.template.TemplateScan;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.StreamSupport;

/**
 * The rules on a prompt's declared parameters: unique names a template can read, known types,
 * constraints that some value can meet, and defaults of their type that meet them.
 */
final class ParameterRules {

    private static final String NFC_HINT = Decomposed.hint("the name", "a keyboard types it", "this file's");

    private ParameterRules() {
    }

    /** Each problem is placed at the line of its own field in the front matter. */
    static void check(PromptFile prompt, Problems problems) {
        Problems found = new Problems();
        collect(prompt, found);
        problems.addAll(prompt.fieldLines().locate(found.sorted()));
    }

    private static void collect(PromptFile prompt, Problems problems) {
        Map<String, Parameter> seen = new HashMap<>();
        for (Parameter parameter : prompt.parameters()) {
            Parameter first = seen.putIfAbsent(parameter.name(), parameter);
            if (first != null) {
                problems.add(Problem.error(prompt.file(), parameter.pointer() + "/name", "the parameter '"
                        + parameter.name() + "' is declared twice (first at " + first.pointer() + ")",
                        "rename or remove one of them"));
            }
            name(prompt.file(), parameter, problems);
            itemType(prompt.file(), parameter, problems);
            Optional<Pattern> pattern = constraints(prompt.file(), parameter, problems);
            Optional<ParameterType> type = parameter.type();
            if (type.isEmpty()) {
                problems.add(Problem.error(prompt.file(), parameter.pointer() + "/type", "the parameter '"
                        + parameter.name() + "' has the unknown type '" + parameter.typeName() + "'",
                        typeHint(parameter.typeName())));
                continue;
            }
            enumValues(prompt, parameter, type.get(), problems);
            parameter.defaultValue().ifPresent(value -> {
                if (defaultValue(prompt, parameter, type.get(), value, problems)) {
                    defaultWithinConstraints(prompt.file(), parameter, value, pattern, problems);
                }
            });
        }
    }

    /**
     * A template reads {@code {{ name }}}: a name with a dash or a space could only be read as {@code {{ x['a-b'] }}}.
     * The name suggested keeps what the written one has of a name, and none is suggested when that is nothing, as of
     * {@code €}: underscores alone say nothing of the value. A name written decomposed, as pasted from macOS, is not
     * the one typed in NFC that looks the same.
     */
    private static void name(String file, Parameter parameter, Problems problems) {
        if (Decomposed.nfcOtherwise(parameter.name()).isPresent()) {
            problems.add(Problem.warning(file, parameter.pointer() + "/name", "the parameter name '" + parameter.name()
                    + "' is written " + Decomposed.HOW + ": a template or a caller writing it in NFC, as it is typed,"
                    + " names another", NFC_HINT));
        }
        if (!TemplateScan.isVariableName(parameter.name())) {
            String suggested = parameter.name().replaceAll("(?U)\\W", "_").replaceFirst("^(\\d)", "_$1");
            problems.add(Problem.warning(file, parameter.pointer() + "/name", "the parameter name '" + parameter.name()
                    + "' cannot be written in a template as {{ " + parameter.name() + " }}",
                    "use letters, digits and _, not starting with a digit"
                            + (suggested.chars().anyMatch(Character::isLetterOrDigit) ? ", such as "
                            + suggested : "")));
        }
    }

    private static String typeHint(String written) {
        List<String> keywords = Arrays.stream(ParameterType.values()).map(ParameterType::keyword).toList();
        return Spelling.didYouMean(written, keywords).map(question -> question + " ").orElse("")
                + "use one of: " + ParameterType.keywords();
    }

    /**
     * Bounds no value can meet, and a pattern that is no regular expression, are errors: every
     * call would be refused. Returns the pattern, compiled, when there is a valid one.
     */
    private static Optional<Pattern> constraints(String file, Parameter parameter, Problems problems) {
        if (parameter.min().isPresent() && parameter.max().isPresent()
                && parameter.min().get().compareTo(parameter.max().get()) > 0) {
            problems.add(Problem.error(file, parameter.pointer() + "/max", "the max "
                    + parameter.max().get().toPlainString() + " of '" + parameter.name() + "' is below its min "
                    + parameter.min().get().toPlainString(),
                    "swap them, or correct one"));
        }
        if (parameter.minLength().isPresent() && parameter.maxLength().isPresent()
                && parameter.minLength().getAsInt() > parameter.maxLength().getAsInt()) {
            problems.add(Problem.error(file, parameter.pointer() + "/maxLength", "the maxLength "
                    + parameter.maxLength().getAsInt() + " of '" + parameter.name() + "' is below its minLength "
                    + parameter.minLength().getAsInt(), "swap them, or correct one"));
        }
        if (parameter.pattern().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(parameter.pattern().get()));
        } catch (PatternSyntaxException invalid) {
            problems.add(Problem.error(file, parameter.pointer() + "/pattern", "the pattern of '" + parameter.name()
                    + "' is not a regular expression: " + invalid.getDescription() + " near index "
                    + invalid.getIndex(),
                    "write a regular expression, such as ^[a-z]+$; in YAML, quote it"));
            return Optional.empty();
        }
    }

    /** @return whether the default has the parameter's type, so that its other constraints can be checked */
    private static boolean defaultValue(PromptFile prompt, Parameter parameter, ParameterType type, JsonNode value,
                                        Problems problems) {
        String pointer = parameter.pointer() + "/default";
        if (!type.accepts(value)) {
            problems.add(notOfType(prompt, parameter, pointer, "default", type, value));
            return false;
        }
        List<JsonNode> allowed = parameter.enumValues();
        if (allowed.isEmpty()) {
            return true;
        }
        // An array parameter's enum lists the values its elements may take.
        List<JsonNode> chosen = value.isArray()
                ? StreamSupport.stream(value.spliterator(), false).toList()
                : List.of(value);
        chosen.stream().filter(element -> allowed.stream().noneMatch(option -> sameValue(option, element)))
                .forEach(element -> problems.add(Problem.warning(prompt.file(), pointer, "the default " + element
                        + " of '" + parameter.name() + "' is not one of its enum values", "use one of: "
                        + String.join(", ", allowed.stream().map(JsonNode::asText).toList()))));
        return true;
    }

    /** 3 and 3.0 are one integer, as {@link ParameterType#INTEGER} accepts both. */
    private static boolean sameValue(JsonNode one, JsonNode other) {
        return one.isNumber() && other.isNumber() ? one.decimalValue().compareTo(other.decimalValue()) == 0
                : one.equals(other);
    }

    /**
     * A value not of its parameter's type, shown as the file writes it: YAML reads an unquoted
     * {@code NO} as false, and neither the message nor the hint to quote it should say false.
     */
    private static Problem notOfType(PromptFile prompt, Parameter parameter, String pointer, String what,
                                     ParameterType type, JsonNode value) {
        String written = value.isValueNode() && !value.isTextual()
                ? prompt.fieldLines().scalarAt(pointer).orElse(value.toString())
                : value.toString();
        TextNode quoted = TextNode.valueOf(written);
        String hint = value.isValueNode() && type.accepts(quoted) ? "quote it: " + quoted
                : "write a value of type " + type.keyword() + ", or change the type";
        return Problem.error(prompt.file(), pointer, "the " + what + " " + written + " of '" + parameter.name()
                + "' is not of its type " + type.keyword(), hint);
    }

    /** A default the parameter's own bounds or pattern refuse; a warning, as one outside its enum is. */
    private static void defaultWithinConstraints(String file, Parameter parameter, JsonNode value,
                                                 Optional<Pattern> pattern,
                                                 Problems problems) {
        String pointer = parameter.pointer() + "/default";
        String subject = "the default " + value + " of '" + parameter.name() + "'";
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            parameter.min().filter(min -> number.compareTo(min) < 0).ifPresent(min -> problems.add(Problem.warning(file,
                    pointer, subject + " is below its min " + min.toPlainString(), "give a default from min to max")));
            parameter.max().filter(max -> number.compareTo(max) > 0).ifPresent(max -> problems.add(Problem.warning(file,
                    pointer, subject + " is above its max " + max.toPlainString(), "give a default from min to max")));
        }
        if (!value.isTextual()) {
            return;
        }
        int length = value.textValue().codePointCount(0, value.textValue().length());
        parameter.minLength().ifPresent(min -> {
            if (length < min) {
                problems.add(Problem.warning(file, pointer, subject + " is shorter than its minLength " + min,
                        "give a longer default"));
            }
        });
        parameter.maxLength().ifPresent(max -> {
            if (length > max) {
                problems.add(Problem.warning(file, pointer, subject + " is longer than its maxLength " + max,
                        "give a shorter default"));
            }
        });
        pattern.filter(regex -> !regex.matcher(value.textValue()).find()).ifPresent(regex -> problems.add(
                Problem.warning(file, pointer, subject + " does not match its pattern " + regex.pattern(),
                        "give a default the pattern accepts, or correct the pattern")));
    }

    /** The type {@code items} give must be a known one too. */
    private static void itemType(String file, Parameter parameter, Problems problems) {
        Optional<JsonNode> written = itemsTypeAsWritten(parameter);
        if (written.isEmpty() || written.get().isMissingNode() || itemsType(parameter).isPresent()) {
            return;
        }
        JsonNode type = written.get();
        boolean shorthand = parameter.items().orElseThrow().isTextual();
        problems.add(Problem.error(file, parameter.pointer() + (shorthand ? "/items" : "/items/type"), "the items of '"
                + parameter.name() + "' have the unknown type " + type, typeHint(type.asText())));
    }

    /** What {@code items: string} or {@code items: {type: string, ...}} gives as the elements' type. */
    private static Optional<JsonNode> itemsTypeAsWritten(Parameter parameter) {
        return parameter.items().map(items -> items.isTextual() ? items : items.path("type"));
    }

    /**
     * Enum values have the type a value of the parameter has, as its default does; an array's enum
     * lists the values of its elements, of the type its {@code items} give.
     */
    private static void enumValues(PromptFile prompt, Parameter parameter, ParameterType type, Problems problems) {
        Optional<ParameterType> valueType = type == ParameterType.ARRAY ? itemsType(parameter) : Optional.of(type);
        if (valueType.isEmpty()) {
            return;
        }
        List<JsonNode> values = parameter.enumValues();
        for (int index = 0; index < values.size(); index++) {
            if (!valueType.get().accepts(values.get(index))) {
                problems.add(notOfType(prompt, parameter, parameter.pointer() + "/enum/" + index, "enum value",
                        valueType.get(), values.get(index)));
            }
        }
    }

    /** The element type of an array parameter, when its {@code items} name a known one. */
    private static Optional<ParameterType> itemsType(Parameter parameter) {
        return itemsTypeAsWritten(parameter).filter(JsonNode::isTextual)
                .flatMap(type -> ParameterType.of(type.textValue()));
    }
}
