package io.prompd.generator.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.prompd.core.TerminalText;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.json.PlainText;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Spelling;
import io.prompd.core.source.Utf8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * One registry JSON file being read: its tree, the line of every field and the problems found so
 * far. It is read as manifests are, so a key given twice is refused rather than one of them lost.
 * The typed getters report a wrong type as a problem and return empty, so a reader goes on to the
 * next field. Its text is held to {@link PlainText}'s rule, as a manifest's is: a reviewer reads these files in
 * the pull request's diff, where a bidi control would show them in another order than the registry reads them.
 */
final class JsonFile {

    private static final String PROFILE_HINT =
            "write the login as it appears in the address of the person's profile, github.com/<login>";

    private final String file;
    private final JsonNode root;
    private final FieldLines lines;
    private final List<Problem> problems = new ArrayList<>();

    private JsonFile(String file, JsonNode root, FieldLines lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads a JSON object; text that is not UTF-8, a syntax error or a root that is not an object gives the problem
     * instead.
     */
    static Opened parse(String file, byte[] bytes) {
        Optional<Problem> notUtf8 = JsonTrees.encodingProblem(file, bytes);
        if (notUtf8.isPresent()) {
            return new Opened(Optional.empty(), List.of(notUtf8.get()));
        }
        try {
            JsonNode root = JsonTrees.read(bytes);
            if (!root.isObject()) {
                return new Opened(Optional.empty(), List.of(Problem.error(file, "", "the file must hold a JSON object",
                        "write the fields between { and }")));
            }
            return new Opened(Optional.of(new JsonFile(file, root, FieldLines.ofJson(bytes))), List.of());
        } catch (JsonProcessingException invalid) {
            return new Opened(Optional.empty(), List.of(JsonSyntaxError.problem(file, bytes, invalid,
                    "check for a missing comma, quote or bracket")));
        } catch (IOException unreadable) {
            return new Opened(Optional.empty(),
                    List.of(Problem.error(file, "", "cannot read: " + unreadable.getMessage(), "")));
        }
    }

    /** A parsed file, or the problems that prevented parsing. */
    record Opened(Optional<JsonFile> json, List<Problem> problems) {
    }

    /**
     * A problem of the file. Its message and hint quote the file's own text (a key, a login, a URL) as it is, for
     * the report to spell out what a terminal would act on, and --json to carry exactly, as every other problem's;
     * only a line break is spelt out here, since a report cannot tell it from a line of its own.
     */
    void error(String pointer, String message, String hint) {
        problems.add(errorAt(pointer, message, hint));
    }

    private Problem errorAt(String pointer, String message, String hint) {
        return Problem.error(file, pointer, TerminalText.oneLine(message), TerminalText.oneLine(hint))
                .atLine(lines.lineOf(pointer));
    }

    void warning(String pointer, String message, String hint) {
        problems.add(warningAt(pointer, message, hint));
    }

    private Problem warningAt(String pointer, String message, String hint) {
        return Problem.warning(file, pointer, TerminalText.oneLine(message), TerminalText.oneLine(hint))
                .atLine(lines.lineOf(pointer));
    }

    /**
     * Warns about each field of the object at the pointer that the format does not know: most
     * likely a misspelling, and without effect. A warning, so that a newer field does not block an
     * older generator.
     */
    void unknownFields(String pointer, String... known) {
        JsonNode object = root.at(pointer);
        if (!object.isObject()) {
            return;
        }
        List<String> fields = List.of(known);
        object.fieldNames().forEachRemaining(field -> {
            if (!fields.contains(field)) {
                String at = pointer + Pointer.of(field);
                String hint = Spelling.didYouMean(field, fields)
                        .orElse("the fields here are " + String.join(", ", fields));
                warning(at, "unknown field '" + field + "', which has no effect", hint);
            }
        });
    }

    /**
     * The problems reported, and those of text anywhere in the file, member names included, that is not plain: but
     * where an error is reported already, as a login's or a version's, which says in its own words what the text
     * should be. A string holding a character a manifest's strings are warned of (a zero-width space in a deprecation
     * message, which the check's summary would show as it is) is warned of here too.
     */
    List<Problem> problems() {
        Set<String> refused = problems.stream().filter(Problem::isError).map(Problem::pointer)
                .collect(Collectors.toSet());
        List<Problem> all = new ArrayList<>(problems);
        PlainText.tree(root, "", (at, message, hint) -> {
            if (!refused.contains(at)) {
                all.add(errorAt(at, message, hint));
            }
        });
        PlainText.warnings(root, "", List.copyOf(all), (at, message, hint) -> all.add(warningAt(at, message, hint)));
        return List.copyOf(all);
    }

    /** The node at the pointer if it exists and has the expected type; a wrong type is reported. */
    Optional<JsonNode> optional(String pointer, JsonNodeType type, String expected) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.getNodeType() != type) {
            error(pointer, "must be " + expected + ", not " + node.getNodeType().name().toLowerCase(Locale.ROOT),
                    "write it as " + expected);
            return Optional.empty();
        }
        return Optional.of(node);
    }

    Optional<JsonNode> required(String pointer, JsonNodeType type, String expected) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            error(pointer, "the field '" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' is required",
                    "add it as " + expected);
            return Optional.empty();
        }
        return optional(pointer, type, expected);
    }

    Optional<String> requiredText(String pointer) {
        return required(pointer, JsonNodeType.STRING, "a string").map(JsonNode::asText);
    }

    /** Each string of an array of strings; entries of another type are reported and left out. */
    List<String> strings(String pointer) {
        return List.copyOf(indexedStrings(pointer).values());
    }

    /** Whether a character is one a name may not hold, a line break included: a login is one line. */
    private static boolean inNoName(int codePoint) {
        return TerminalText.isControl(codePoint, false);
    }

    /**
     * GitHub logins, from an array of strings: each entry that cannot be one (empty, with a space,
     * written as a mention with '@', or other than {@link Logins#isLogin}) is reported and left out, since it
     * would match nobody. One naming a login listed before it, as GitHub compares logins (ignoring case), is a
     * warning and left out: it adds nobody, and a reviewer counting the list would count one person twice.
     */
    List<String> logins(String pointer) {
        List<String> logins = new ArrayList<>();
        Map<String, Integer> listed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<Integer, String> entries = indexedStrings(pointer);
        entries.forEach((index, login) -> {
            String at = pointer + "/" + index;
            if (login.isBlank()) {
                error(at, "the login is empty", "write a GitHub login, or remove the entry");
            } else if (login.startsWith("@")) {
                error(at, "'" + login + "' is not a GitHub login: '@' belongs to a mention, not to the login",
                        "write the login without '@': " + login.substring(1).strip());
            } else if (login.codePoints().anyMatch(JsonFile::inNoName)) {
                error(at, "the login " + TerminalText.holds(login, JsonFile::inNoName,
                        "control character").orElseThrow(),
                        TerminalText.plainNameHint(login.codePoints().filter(JsonFile::inNoName).count()));
            } else if (login.chars().anyMatch(Character::isWhitespace)) {
                error(at, "'" + login + "' is not a GitHub login: logins have no spaces", PROFILE_HINT);
            } else if (!Logins.isLogin(login)) {
                error(at, "'" + login + "' is not a GitHub login: " + Logins.RULE, PROFILE_HINT);
            } else if (listed.containsKey(login)) {
                String earlier = entries.get(listed.get(login));
                String where = "'" + Pointer.field(pointer + "/" + listed.get(login)) + "'";
                warning(at, "'" + login + "' is listed already, " + (earlier.equals(login)
                                ? "at " + where + ": the entry adds nobody"
                                : "as '" + earlier + "' at " + where + ": logins compare ignoring case, as GitHub's"
                                + " do, so the entry adds nobody"), "remove the entry");
            } else {
                listed.put(login, index);
                logins.add(login);
            }
        });
        return logins;
    }

    /** The strings of an array by their index; entries of another type are reported and left out. */
    Map<Integer, String> indexedStrings(String pointer) {
        Map<Integer, String> texts = new LinkedHashMap<>();
        optional(pointer, JsonNodeType.ARRAY, "an array of strings").ifPresent(array -> {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    texts.put(i, array.get(i).asText());
                } else {
                    error(pointer + "/" + i, "must be a string", "write it between double quotes");
                }
            }
        });
        return texts;
    }

    /**
     * The entries of an object, each converted by {@code convert} from its key and its pointer;
     * the converter reports its own problems and returns empty to leave the entry out.
     */
    <V> Map<String, V> entries(String pointer, String expected, BiFunction<String, String, Optional<V>> convert) {
        Map<String, V> converted = new HashMap<>();
        optional(pointer, JsonNodeType.OBJECT, expected).ifPresent(object -> object.fieldNames()
                .forEachRemaining(key -> convert.apply(key, pointer + Pointer.of(key))
                        .ifPresent(value -> converted.put(key, value))));
        return converted;
    }
}
