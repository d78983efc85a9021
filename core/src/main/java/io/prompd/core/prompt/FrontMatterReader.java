package io.prompd.core.prompt;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.PlainText;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The typed reading of one file's front matter into a {@link PromptFile}, collecting every problem
 * with its JSON pointer and line. A broken field or entry is left out and the rest read, so that the
 * file can still be validated as a whole. Used once per file.
 */
final class FrontMatterReader {

    private static final Set<String> KNOWN_KEYS = Set.of("id", "name", "version", "description", "author", "tags",
            "parameters", "inherits", "using", "context", "contexts", "system", "user", "assistant", "response",
            "override", "provider", "model", "temperature", "max_tokens");
    /** The keys of a parameter, which {@link YamlIndentation} tells a misindented one by. */
    static final Set<String> PARAMETER_KEYS = Set.of("name", "type", "required", "default", "description",
            "enum", "pattern", "min", "max", "minLength", "maxLength", "items");
    /** An entry of each list of maps, as a hint shows one: a hint's {@code [a, b]} would be no entry of them. */
    private static final String ALIAS_EXAMPLE = "{name: \"@scope/pkg@^1.0.0\", prefix: \"@pkg\"}";
    private static final String USING_EXAMPLE = "[" + ALIAS_EXAMPLE + "]";
    private static final String PARAMETER_EXAMPLE = "{name: topic, type: string}";

    private final String file;
    private final ObjectNode root;
    private final FieldLines lines;
    private final Problems problems;
    /**
     * The pointers of the fields refused for a control character in their names or text, or for a number no double
     * holds, read as absent.
     */
    private final Set<String> refused = new HashSet<>();

    FrontMatterReader(String file, ObjectNode root, FieldLines lines, Problems problems) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.problems = problems;
    }

    PromptFile read(FrontMatter frontMatter) {
        for (UnresolvedYaml.Found found : UnresolvedYaml.in(frontMatter.yaml(), frontMatter.firstYamlLine())) {
            problems.add(Problem.error(file, found.pointer(), found.message(), found.hint()).atLine(found.line()));
            if (!found.pointer().isEmpty()) {
                // a tag on the whole front matter is refused alone: its fields are read, and judged, as written
                readAsAbsent(found.pointer());
            }
        }
        refuseInfiniteNumbers(root, "");
        // every field is shown to people, known or not: prompd's own as the prompt's summary, others by other tools
        PlainText.tree(root, "", (pointer, message, hint) -> {
            refused.add(pointer);
            error(pointer, message, hint);
        });
        List<Alias> using = aliases();
        List<PromptPart> contexts = new ArrayList<>(parts("context", using));
        contexts.addAll(parts("contexts", using));
        SortedMap<String, JsonNode> extra = new TreeMap<>();
        root.properties().forEach(field -> {
            if (!KNOWN_KEYS.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue());
            }
        });
        misspelledKeys(root, "", KNOWN_KEYS);
        List<Parameter> parameters = parameters();
        warnOfInvisibleCharacters();
        return new PromptFile(file, text("id"), text("name"), text("version"), text("description"),
                text("author"), texts("tags"), parameters, parametersInFull(parameters), true, inherits(using),
                using, contexts,
                parts("system", using), parts("user", using), parts("assistant", using), parts("response", using),
                present(root.get("override")), text("provider"), text("model"), temperature(), maxTokens(),
                extra, frontMatter.body(), frontMatter.bodyLine(), lines);
    }

    private Optional<String> text(String key) {
        return text(root.get(key), "/" + key);
    }

    private Optional<String> text(JsonNode value, String pointer) {
        if (present(value).isEmpty()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            wrongType(pointer, "a string", "", value);
            return Optional.empty();
        }
        // reported once already: no later rule (a reference's, a type's) quotes it again
        return refused.contains(pointer) ? Optional.empty() : Optional.of(value.textValue());
    }

    private List<String> texts(String key) {
        return list(root.get(key), "/" + key, false).stream()
                .map(entry -> text(entry.getValue(), entry.getKey()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** {@link #list(JsonNode, String, boolean, String)} of plain values. */
    private List<Map.Entry<String, JsonNode>> list(JsonNode value, String pointer, boolean singleAllowed) {
        return list(value, pointer, singleAllowed, "[a, b]");
    }

    /**
     * The entries of a list with their pointers. A single value stands for a list of one when
     * {@code singleAllowed}, as {@code system: "./a.md"} does.
     *
     * @param example a list of the entries' kind, for the hint of a value that is none
     */
    private List<Map.Entry<String, JsonNode>> list(JsonNode value, String pointer, boolean singleAllowed,
                                                   String example) {
        if (present(value).isEmpty()) {
            return List.of();
        }
        if (!value.isArray()) {
            if (singleAllowed && !value.isContainerNode()) {
                return List.of(Map.entry(pointer, value));
            }
            wrongType(pointer, singleAllowed ? "a string or a list" : "a list", example, value);
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            String entry = pointer + "/" + index;
            if (!refused.contains(entry)) {
                entries.add(Map.entry(entry, value.get(index)));
            }
        }
        return entries;
    }

    private List<PromptPart> parts(String key, List<Alias> aliases) {
        List<PromptPart> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : list(root.get(key), "/" + key, true)) {
            text(entry.getValue(), entry.getKey())
                    .flatMap(written -> reference(entry.getKey(), written,
                            value -> References.part(value, entry.getKey(), aliases)))
                    .ifPresent(parts::add);
        }
        return parts;
    }

    private Optional<Reference> inherits(List<Alias> aliases) {
        return text("inherits").flatMap(written -> written.isBlank()
                ? Optional.empty()
                : reference("/inherits", written.strip(), value -> References.parse(value, aliases)));
    }

    private List<Alias> aliases() {
        List<Alias> aliases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : list(root.get("using"), "/using", false, USING_EXAMPLE)) {
            String pointer = entry.getKey();
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                wrongType(pointer, "a map with 'name' and 'prefix'", ALIAS_EXAMPLE, value);
                continue;
            }
            Optional<String> name = required(value, pointer, "name", "\"@scope/pkg@^1.0.0\", the package the prefix"
                    + " stands for");
            Optional<String> prefix = required(value, pointer, "prefix", "\"@pkg\", which the prompt's references"
                    + " then start with");
            if (name.isEmpty() || prefix.isEmpty()) {
                continue;
            }
            Optional<PackageReference> target = reference(pointer + "/name", name.get(), References::parsePackage);
            target.filter(reference -> !reference.path().isEmpty()).ifPresent(reference -> error(pointer + "/name",
                    "the alias '" + name.get() + "' names a file; 'using' names a package and its version",
                    "write only '" + reference.packageName() + (reference.selector().isEmpty() ? "" : "@"
                            + reference.selector()) + "'"));
            AliasPrefixes.misread(file, pointer + "/prefix", prefix.get(), target.map(PackageReference::packageName))
                    .ifPresent(misread -> problems.add(misread.atLine(lines.lineOf(misread.pointer()))));
            if (aliases.stream().anyMatch(alias -> alias.prefix().equals(prefix.get()))) {
                error(pointer + "/prefix", "the prefix '" + prefix.get() + "' is given twice",
                        "give each alias its own prefix");
                continue;
            }
            target.filter(reference -> reference.path().isEmpty())
                    .ifPresent(reference -> aliases.add(new Alias(name.get(), reference, prefix.get(), pointer)));
        }
        return aliases;
    }

    /** @param example a value of the key, and what it is for, for the hint: {@code topic, as …} */
    private Optional<String> required(JsonNode map, String pointer, String key, String example) {
        String hint = "give it, such as " + key + ": " + example;
        if (refused.contains(pointer + "/" + key)) {
            // its error is told: read as absent, it is not missing too
            return Optional.empty();
        }
        if (present(map.get(key)).isEmpty()) {
            error(pointer + "/" + key, "'" + key + "' is missing", hint);
            return Optional.empty();
        }
        Optional<String> value = text(map.get(key), pointer + "/" + key);
        if (value.isPresent() && value.get().isBlank()) {
            error(pointer + "/" + key, "'" + key + "' must not be empty", hint);
            return Optional.empty();
        }
        return value;
    }

    private <T> Optional<T> reference(String pointer, String written, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(written));
        } catch (IllegalArgumentException invalid) {
            error(pointer, "'" + written + "' is not a valid reference: " + invalid.getMessage(),
                    References.HOW_TO_WRITE);
            return Optional.empty();
        }
    }

    private List<Parameter> parameters() {
        JsonNode value = root.get("parameters");
        List<Parameter> parameters = new ArrayList<>();
        if (value != null && value.isObject()) {
            value.properties().forEach(field -> {
                String pointer = Pointer.of("parameters", field.getKey());
                if (!refused.contains(pointer)) {
                    parameter(field.getKey(), field.getValue(), pointer).ifPresent(parameters::add);
                }
            });
            return parameters;
        }
        for (Map.Entry<String, JsonNode> entry : list(value, "/parameters", false, "[" + PARAMETER_EXAMPLE + "]")) {
            JsonNode spec = entry.getValue();
            if (!spec.isObject()) {
                wrongType(entry.getKey(), "a map with 'name', 'type', ...", PARAMETER_EXAMPLE, spec);
                continue;
            }
            Optional<String> name = required(spec, entry.getKey(), "name", "topic, as the template writes it:"
                    + " {{ topic }}");
            if (name.isEmpty()) {
                // the other keys are not read, but 'nme' is most likely why 'name' is missing
                misspelledKeys(spec, entry.getKey(), PARAMETER_KEYS);
                continue;
            }
            // a name, as a key of the map form is, which a template cannot read with an invisible character in it
            if (!PlainText.nameValue(name.get(), entry.getKey() + "/name", this::error)) {
                continue;
            }
            parameter(name.get(), spec, entry.getKey()).ifPresent(parameters::add);
        }
        return parameters;
    }

    /**
     * Whether {@code parameters} holds every parameter the front matter declares but those left out for a value of the
     * wrong shape, which the other problems are told beside: false when a refused value (a YAML tag, a control
     * character, an infinite number), read as absent, left out {@code parameters} or a parameter, whose name the
     * body's variables may then be.
     */
    private boolean parametersInFull(List<Parameter> parameters) {
        JsonNode value = root.get("parameters");
        if (refused.contains("/parameters")) {
            return false;
        }
        if (value == null || !value.isContainerNode()) {
            return true;
        }
        Set<String> read = parameters.stream().map(Parameter::pointer).collect(Collectors.toSet());
        Stream<String> entries = value.isArray()
                ? IntStream.range(0, value.size()).mapToObj(index -> "/parameters/" + index)
                : value.properties().stream().map(field -> Pointer.of("parameters", field.getKey()));
        return entries.filter(entry -> !read.contains(entry)).noneMatch(this::holdsRefused);
    }

    /** One parameter; {@code spec} may be a map or, in the map form, just the type name. */
    private Optional<Parameter> parameter(String name, JsonNode spec, String pointer) {
        if (spec.isTextual()) {
            return Optional.of(new Parameter(name, spec.textValue(), false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), Optional.empty(), pointer));
        }
        if (!spec.isObject()) {
            wrongType(pointer, "a map with 'type', 'description', ...", "{type: string, description: \"The topic.\"}",
                    spec);
            return Optional.empty();
        }
        misspelledKeys(spec, pointer, PARAMETER_KEYS);
        Optional<String> type = text(spec.get("type"), pointer + "/type");
        boolean typeBroken = present(spec.get("type")).isPresent() && type.isEmpty();
        boolean required = bool(spec.get("required"), pointer + "/required");
        Optional<String> description = text(spec.get("description"), pointer + "/description");
        Optional<List<JsonNode>> enumValues = enumValues(spec.get("enum"), pointer + "/enum");
        Optional<String> pattern = text(spec.get("pattern"), pointer + "/pattern");
        Optional<BigDecimal> min = number(spec.get("min"), pointer + "/min", "1");
        Optional<BigDecimal> max = number(spec.get("max"), pointer + "/max", "10");
        OptionalInt minLength = length(spec.get("minLength"), pointer + "/minLength");
        OptionalInt maxLength = length(spec.get("maxLength"), pointer + "/maxLength");
        if (typeBroken) {
            // the rules on a parameter read its type: without it they would only add errors of their own
            return Optional.empty();
        }
        // any other broken field is left out, as if not written, and the parameter stays declared
        return Optional.of(new Parameter(name, type.orElse(Parameter.DEFAULT_TYPE), required,
                present(spec.get("default")).filter(value -> !holdsRefused(pointer + "/default")), description,
                enumValues, pattern, min, max, minLength, maxLength,
                present(spec.get("items")), pointer));
    }

    /**
     * The values of {@code enum}, but those refused; absent when it is not a list, or when every value written was
     * refused, as any broken field is read as absent: only an enum written empty is read as one allowing no value.
     */
    private Optional<List<JsonNode>> enumValues(JsonNode value, String pointer) {
        List<JsonNode> kept = list(value, pointer, false).stream()
                .filter(entry -> !holdsRefused(entry.getKey())).map(Map.Entry::getValue).toList();
        return value != null && value.isArray() && (!kept.isEmpty() || value.isEmpty()) ? Optional.of(kept)
                : Optional.empty();
    }

    /**
     * Whether the field or anything in it was refused: a default or an enum value is a whole, which the rules on a
     * parameter would otherwise compare and quote again.
     */
    private boolean holdsRefused(String pointer) {
        return refused.stream().anyMatch(at -> Pointer.isWithin(at, pointer));
    }

    private boolean bool(JsonNode value, String pointer) {
        if (present(value).isEmpty()) {
            return false;
        }
        if (!value.isBoolean()) {
            wrongType(pointer, "true or false", "true", value);
            return false;
        }
        return value.booleanValue();
    }

    private Optional<BigDecimal> number(JsonNode value, String pointer, String example) {
        if (present(value).isEmpty()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            wrongType(pointer, "a number", example, value);
            return Optional.empty();
        }
        return Optional.of(value.decimalValue());
    }

    private OptionalInt length(JsonNode value, String pointer) {
        if (present(value).isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            wrongType(pointer, "a whole number of at least 0", "100", value);
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }

    private OptionalDouble temperature() {
        return number(root.get("temperature"), "/temperature", "0.7")
                .map(value -> OptionalDouble.of(value.doubleValue())).orElse(OptionalDouble.empty());
    }

    private OptionalInt maxTokens() {
        JsonNode value = root.get("max_tokens");
        if (present(value).isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
            wrongType("/max_tokens", "a whole number of at least 1", "1000", value);
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }

    /**
     * Refuses the value at the pointer: replaced by null, so that no later rule reads it nor reports on it again.
     */
    private void readAsAbsent(String pointer) {
        refused.add(pointer);
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode holder = root.at(at.head());
        if (holder instanceof ObjectNode object) {
            object.putNull(at.last().getMatchingProperty());
        } else if (holder instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), NullNode.getInstance());
        }
    }

    /**
     * YAML reads a number beyond a double's range, such as {@code 1e400}, as infinity, which no bound compares with
     * and JSON cannot write (the version document would say {@code "Infinity"}): each is refused and replaced by
     * null, so that every later rule reads it as absent.
     */
    private void refuseInfiniteNumbers(JsonNode node, String pointer) {
        if (node instanceof ObjectNode object) {
            for (String key : object.properties().stream().map(Map.Entry::getKey).toList()) {
                refuseIfInfinite(object.get(key), pointer + Pointer.of(key));
            }
        } else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                refuseIfInfinite(array.get(index), pointer + "/" + index);
            }
        }
    }

    private void refuseIfInfinite(JsonNode value, String pointer) {
        if (value.isDouble() && Double.isInfinite(value.doubleValue())) {
            error(pointer, "'" + Pointer.field(pointer) + "' is the number "
                    + lines.scalarAt(pointer).orElse(value.asText()) + ", beyond what a double holds (±"
                    + Double.MAX_VALUE + ")",
                    "write a number within that range, or quote it to keep it as text");
            readAsAbsent(pointer);
        } else {
            refuseInfiniteNumbers(value, pointer);
        }
    }

    /**
     * The strings holding characters a text is warned of ({@link PlainText#warnings}), but those refused already, as a
     * parameter's name holding one is: looked for once every field is read.
     */
    private void warnOfInvisibleCharacters() {
        PlainText.warnings(root, "", problems.sorted(), (pointer, message, hint) -> problems.add(
                Problem.warning(file, pointer, message, hint).atLine(lines.lineOf(pointer))));
    }

    /**
     * Keys prompd does not know are kept for other tools, but one a typo away from a known key is
     * most likely that key, which then silently takes no effect.
     */
    private void misspelledKeys(JsonNode map, String pointer, Set<String> known) {
        map.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                Spelling.didYouMean(key, known).ifPresent(hint -> {
                    String at = pointer + Pointer.of(key);
                    problems.add(Problem.warning(file, at, "unknown key '" + key + "', which prompd ignores", hint)
                            .atLine(lines.lineOf(at)));
                });
            }
        });
    }

    /**
     * @param example a value of the expected type as the front matter writes it, for the hint; empty where none
     *                fits every key
     */
    private void wrongType(String pointer, String expected, String example, JsonNode actual) {
        // YAML reads 1.10, no or on as numbers and booleans unless they are quoted: show them as written.
        String written = actual.isValueNode() ? lines.scalarAt(pointer).orElse(actual.asText()) : "";
        String hint = expected.startsWith("a string") && actual.isValueNode() ? "quote it: " + TextNode.valueOf(written)
                : "write " + expected + " there" + (example.isEmpty() ? "" : ", such as "
                + Pointer.lastKey(pointer).map(key -> key + ": ").orElse("- ") + example);
        error(pointer, "'" + Pointer.field(pointer) + "' must be " + expected + ", not "
                + describe(actual, written), hint);
    }

    private void error(String pointer, String message, String hint) {
        problems.add(Problem.error(file, pointer, message, hint).atLine(lines.lineOf(pointer)));
    }

    private static Optional<JsonNode> present(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }

    private static String describe(JsonNode value, String written) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "a map";
            case STRING -> "the text '" + value.textValue() + "'";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + written;
        };
    }
}
