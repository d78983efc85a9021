package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The rules on a prompt's declared parameters: unique names, known types, defaults of their type. */
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
            enumValues(prompt.file(), parameter, problems);
            itemType(prompt.file(), parameter, problems);
            Optional<ParameterType> type = parameter.type();
            if (type.isEmpty()) {
                problems.add(Problem.error(prompt.file(), parameter.pointer() + "/type", "the parameter '"
                        + parameter.name() + "' has the unknown type '" + parameter.typeName() + "'",
                        "use one of: " + ParameterType.keywords()));
                continue;
            }
            parameter.defaultValue().ifPresent(value -> defaultValue(prompt.file(), parameter, type.get(), value, problems));
        }
    }

    private static void defaultValue(String file, Parameter parameter, ParameterType type, JsonNode value,
                                     Problems problems) {
        String pointer = parameter.pointer() + "/default";
        if (!type.accepts(value)) {
            problems.add(Problem.error(file, pointer, "the default " + value + " of '" + parameter.name()
                    + "' is not of its type " + type.keyword(),
                    "give a default of type " + type.keyword() + ", or change the type"));
            return;
        }
        List<String> allowed = parameter.enumValues().stream().filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
        if (allowed.isEmpty()) {
            return;
        }
        // An array parameter's enum lists the values its elements may take.
        List<JsonNode> chosen = value.isArray()
                ? StreamSupport.stream(value.spliterator(), false).toList()
                : List.of(value);
        chosen.stream().filter(element -> !allowed.contains(element.asText())).forEach(element ->
                problems.add(Problem.warning(file, pointer, "the default " + element + " of '" + parameter.name()
                        + "' is not one of its enum values", "use one of: " + String.join(", ", allowed))));
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
                + parameter.name() + "' have the unknown type " + type, "use one of: " + ParameterType.keywords()));
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
