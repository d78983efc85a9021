package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import io.prompd.core.template.TemplateScan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.IntStream;
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
            requiredWithDefault(prompt.file(), parameter, problems);
            enumList(prompt.file(), parameter, problems);
            Optional<Pattern> pattern = constraints(prompt.file(), parameter, problems);
            Optional<ParameterType> type = parameter.type();
            if (type.isEmpty()) {
                problems.add(Problem.error(prompt.file(), parameter.pointer() + "/type", "the parameter '"
                        + parameter.name() + "' has the unknown type '" + parameter.typeName() + "'",
                        typeHint(parameter.typeName())));
                continue;
            }
            inapplicable(prompt.file(), parameter, type.get(), problems);
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
        Optional<Problem> undecodable = undecodable(prompt.file(), parameter, type, value);
        if (undecodable.isPresent()) {
            problems.add(undecodable.get());
            return false;
        }
        List<JsonNode> allowed = parameter.enumValues().orElse(List.of());
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

    /**
     * The text default of a {@code json} parameter is the JSON document a caller would give as text, and that of a
     * {@code base64} one the data a caller would give encoded: text that does not read so can never be such a value,
     * an error as a default of the wrong type is. A {@code json} default written as a YAML value (a map, a list, a
     * number) is that JSON value itself.
     */
    private static Optional<Problem> undecodable(String file, Parameter parameter, ParameterType type,
                                                 JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String subject = "the default " + value + " of '" + parameter.name() + "' is not ";
        String pointer = parameter.pointer() + "/default";
        return switch (type) {
            case JSON -> EncodedText.notJson(value.textValue()).map(why -> Problem.error(file, pointer, subject
                    + "JSON, which a parameter of type json takes as text: " + why, "write JSON in the text, such as"
                    + " '{\"limit\": 10}' (JSON's text in its own quotes: '\"brief\"'), or the value in YAML, such as"
                    + " {limit: 10}"));
            case BASE64 -> EncodedText.notBase64(value.textValue()).map(why -> Problem.error(file, pointer, subject
                    + "base64: " + why, "give the data encoded in base64 (A-Z, a-z, 0-9, '+' and '/', padded with"
                    + " '='), such as \"aGVsbG8=\" for hello"));
            default -> Optional.empty();
        };
    }

    /**
     * Required with a default says two things: a tool that holds every call to give a value never uses the default,
     * and one that fills the default in asks nothing of 'required'. A warning, since the prompt works either way, but
     * the author meant one of the two.
     */
    private static void requiredWithDefault(String file, Parameter parameter, Problems problems) {
        parameter.defaultValue().filter(value -> parameter.required()).ifPresent(value -> problems.add(
                Problem.warning(file, parameter.pointer() + "/required", "'" + parameter.name() + "' is required and"
                        + " has the default " + value + ": either every call gives a value and the default is never"
                        + " used, or the default stands in and 'required' asks nothing",
                        "remove 'required: true' to let a call leave it out and take the default, or remove the"
                                + " default to have every call give a value")));
    }

    /**
     * An enum written empty allows no value, so every call would be refused: an error, as bounds no value meets are.
     * A value listed twice is a warning: the enum works, but the second was most likely meant as another value.
     */
    private static void enumList(String file, Parameter parameter, Problems problems) {
        List<JsonNode> values = parameter.enumValues().orElse(null);
        if (values == null) {
            return;
        }
        String pointer = parameter.pointer() + "/enum";
        if (values.isEmpty()) {
            problems.add(Problem.error(file, pointer, "the enum of '" + parameter.name() + "' is empty: it allows no"
                    + " value, so every call would be refused", "list the values it takes, such as enum: [brief,"
                    + " detailed], or remove 'enum' to take any value"));
            return;
        }
        for (int index = 1; index < values.size(); index++) {
            JsonNode value = values.get(index);
            int first = IntStream.range(0, index).filter(earlier -> sameValue(values.get(earlier), value))
                    .findFirst().orElse(-1);
            if (first >= 0) {
                problems.add(Problem.warning(file, pointer + "/" + index, "the enum value " + value + " of '"
                        + parameter.name() + "' is listed twice (first at " + pointer + "/" + first + ")",
                        "remove one of them, or correct it to the value meant"));
            }
        }
    }

    /**
     * A constraint is checked against a value of its kind only: {@code min} and {@code max} against a number,
     * {@code pattern}, {@code minLength} and {@code maxLength} against text. On a type whose values are never of that
     * kind it checks nothing, which the author most likely did not mean: a warning, as the prompt still works.
     */
    private static void inapplicable(String file, Parameter parameter, ParameterType type, Problems problems) {
        List<Constraint> written = new ArrayList<>();
        if (!type.mayBeNumber()) {
            parameter.min().ifPresent(min -> written.add(new Constraint("min", true, "minLength")));
            parameter.max().ifPresent(max -> written.add(new Constraint("max", true, "maxLength")));
        }
        if (!type.mayBeText()) {
            parameter.pattern().ifPresent(pattern -> written.add(new Constraint("pattern", false, "")));
            parameter.minLength().ifPresent(min -> written.add(new Constraint("minLength", false, "min")));
            parameter.maxLength().ifPresent(max -> written.add(new Constraint("maxLength", false, "max")));
        }
        for (Constraint constraint : written) {
            String kind = constraint.onNumbers() ? "numbers" : "text";
            boolean otherKind = constraint.onNumbers() ? type.mayBeText() : type.mayBeNumber();
            String hint = otherKind && !constraint.counterpart().isEmpty()
                    ? "use " + constraint.counterpart() + " for " + (constraint.onNumbers()
                    ? "a text's length in characters" : "a number's bound") + ", or remove '" + constraint.key() + "'"
                    : "remove '" + constraint.key() + "', or make '" + parameter.name() + "' of type "
                    + (constraint.onNumbers() ? "number, integer or float" : "string");
            problems.add(Problem.warning(file, parameter.pointer() + "/" + constraint.key(), "'" + constraint.key()
                    + "' does not apply to '" + parameter.name() + "', of type " + type.keyword() + ": it checks "
                    + kind + ", which a value of type " + type.keyword() + " never is", hint));
        }
    }

    /** A constraint written on a parameter, of numbers or of text, and the one of the other kind, if any. */
    private record Constraint(String key, boolean onNumbers, String counterpart) {
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
        List<JsonNode> values = parameter.enumValues().orElse(List.of());
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
