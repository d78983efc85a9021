package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
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
            enumValues(prompt.file(), parameter, problems);
            itemType(prompt.file(), parameter, problems);
            Optional<Pattern> pattern = constraints(prompt.file(), parameter, problems);
            Optional<ParameterType> type = parameter.type();
            if (type.isEmpty()) {
                problems.add(Problem.error(prompt.file(), parameter.pointer() + "/type", "the parameter '"
                        + parameter.name() + "' has the unknown type '" + parameter.typeName() + "'",
                        typeHint(parameter.typeName())));
                continue;
            }
            parameter.defaultValue().ifPresent(value -> {
                if (defaultValue(prompt.file(), parameter, type.get(), value, problems)) {
                    defaultWithinConstraints(prompt.file(), parameter, value, pattern, problems);
                }
            });
        }
    }

    /** A template reads {@code {{ name }}}: a name with a dash or a space could only be read as {@code {{ x['a-b'] }}}. */
    private static void name(String file, Parameter parameter, Problems problems) {
        if (!TemplateScan.isVariableName(parameter.name())) {
            problems.add(Problem.warning(file, parameter.pointer() + "/name", "the parameter name '" + parameter.name()
                    + "' cannot be written in a template as {{ " + parameter.name() + " }}",
                    "use letters, digits and _, not starting with a digit, such as "
                            + parameter.name().replaceAll("\\W", "_").replaceFirst("^(\\d)", "_$1")));
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
            problems.add(Problem.error(file, parameter.pointer() + "/max", "the max " + parameter.max().get().toPlainString()
                    + " of '" + parameter.name() + "' is below its min " + parameter.min().get().toPlainString(),
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
                    + "' is not a regular expression: " + invalid.getDescription() + " near index " + invalid.getIndex(),
                    "write a regular expression, such as ^[a-z]+$; in YAML, quote it"));
            return Optional.empty();
        }
    }

    /** @return whether the default has the parameter's type, so that its other constraints can be checked */
    private static boolean defaultValue(String file, Parameter parameter, ParameterType type, JsonNode value,
                                        Problems problems) {
        String pointer = parameter.pointer() + "/default";
        if (!type.accepts(value)) {
            problems.add(Problem.error(file, pointer, "the default " + value + " of '" + parameter.name()
                    + "' is not of its type " + type.keyword(),
                    "give a default of type " + type.keyword() + ", or change the type"));
            return false;
        }
        List<String> allowed = parameter.enumValues().stream().filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
        if (allowed.isEmpty()) {
            return true;
        }
        // An array parameter's enum lists the values its elements may take.
        List<JsonNode> chosen = value.isArray()
                ? StreamSupport.stream(value.spliterator(), false).toList()
                : List.of(value);
        chosen.stream().filter(element -> !allowed.contains(element.asText())).forEach(element ->
                problems.add(Problem.warning(file, pointer, "the default " + element + " of '" + parameter.name()
                        + "' is not one of its enum values", "use one of: " + String.join(", ", allowed))));
        return true;
    }

    /** A default the parameter's own bounds or pattern refuse; a warning, as one outside its enum is. */
    private static void defaultWithinConstraints(String file, Parameter parameter, JsonNode value, Optional<Pattern> pattern,
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

    /** {@code items: string} or {@code items: {type: string, ...}} must name a known type too. */
    private static void itemType(String file, Parameter parameter, Problems problems) {
        Optional<JsonNode> items = parameter.items();
        if (items.isEmpty()) {
            return;
        }
        boolean shorthand = items.get().isTextual();
        JsonNode type = shorthand ? items.get() : items.get().path("type");
        if (type.isMissingNode() || (type.isTextual() && ParameterType.of(type.textValue()).isPresent())) {
            return;
        }
        problems.add(Problem.error(file, parameter.pointer() + (shorthand ? "/items" : "/items/type"), "the items of '"
                + parameter.name() + "' have the unknown type " + type, typeHint(type.asText())));
    }

    private static void enumValues(String file, Parameter parameter, Problems problems) {
        List<JsonNode> values = parameter.enumValues();
        for (int index = 0; index < values.size(); index++) {
            if (!values.get(index).isTextual()) {
                problems.add(Problem.error(file, parameter.pointer() + "/enum/" + index, "the enum value "
                        + values.get(index) + " of '" + parameter.name() + "' is not a string",
                        "quote it: \"" + values.get(index).asText() + "\""));
            }
        }
    }
}
