package io.prompd.core.prompt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.SuspectCharacters;
import io.prompd.core.source.Utf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses prompt files: YAML front matter between {@code ---} lines, then a Markdown body. Reports
 * every problem of a file at once; a file with an error gives no prompt, only a draft. Thread-safe.
 */
public final class PromptParser {

    /** How Jackson's YAML reader refuses an alias where a key goes, naming SnakeYAML's event and the anchor. */
    private static final Pattern ALIAS_KEY = Pattern.compile("got this instead:"
            + " <[\\w.]*AliasEvent\\(anchor=([^)]*)\\)>");

    /** How Jackson refuses YAML's infinity and not-a-number, which it reads as floats it cannot parse. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile(
            "Malformed numeric value '([-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN))'");

    /** How SnakeYAML refuses a document longer than it reads, counted in characters (code points): 3 MiB of them. */
    private static final Pattern TOO_LONG = Pattern.compile("The incoming YAML document exceeds the limit: (\\d+) code"
            + " points");

    /**
     * Refuses a key given again in a map, so that a front matter without one, nearly all of them, is parsed once; one
     * with a repeated key is read again by {@link #LAST_COUNTING}.
     */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads a key given again in a map as its last one given, as {@link JsonTrees#readLastCounting} does. */
    private static final YAMLMapper LAST_COUNTING = new YAMLMapper();

    private PromptParser() {
    }

    /**
     * Parses a file as stored: prompt files are UTF-8, and any other encoding is an error rather
     * than silently replaced characters. UTF-16 without a byte order mark is one too, at its first NUL byte, though
     * its bytes of Latin letters are UTF-8's characters each beside a NUL: read so, it would have no front matter.
     *
     * @param file    the path of the file in its package, used in problems
     * @param content the bytes of the whole file
     */
    public static PromptParseResult parse(String file, byte[] content) {
        return Utf8.decode(content).map(text -> Utf8.firstNul(content).filter(Utf8.Nul::looksUtf16)
                        .map(utf16 -> new PromptParseResult(Optional.empty(), List.of(utf16.problem(file))))
                        .orElseGet(() -> parse(file, text)))
                .orElseGet(() -> new PromptParseResult(Optional.empty(),
                        List.of(Utf8.firstFault(content).orElseThrow().problem(file))));
    }

    /**
     * @param file the path of the file in its package, used in problems
     * @param text the whole file
     */
    public static PromptParseResult parse(String file, String text) {
        Problems problems = new Problems();
        Optional<PromptFile> prompt = FrontMatter.split(file, text, problems)
                .flatMap(frontMatter -> parse(file, frontMatter, problems));
        return new PromptParseResult(prompt, problems.sorted());
    }

    /**
     * Whether the front matter's lines hold the characters {@code rules} refuse as they are written, not as YAML
     * escapes, refusing each line that does, at the character's position in it: the YAML parser would refuse most
     * control characters with a message of its own naming neither the character nor its place, and on another line,
     * and the rule on a field's text would place a character of a block scalar's fourth line at the field's line.
     */
    private static boolean holdsRaw(String file, FrontMatter frontMatter, List<SuspectCharacters.Rule> rules,
                                    Problems problems) {
        List<Problem> held = SuspectCharacters.eachLine(file, SuspectCharacters.lines(frontMatter.yaml()),
                frontMatter.firstYamlLine(), rules);
        problems.addAll(held);
        return !held.isEmpty();
    }

    private static String yamlHint(String message) {
        if (message.contains("\\t(TAB)")) {
            return "indent with spaces: YAML does not allow tabs there";
        }
        return "fix the YAML syntax; quote values holding ': ', '#', '{' or '@'";
    }

    private static Optional<PromptFile> parse(String file, FrontMatter frontMatter, Problems problems) {
        // both sets looked for, so that one run names every such character of the front matter
        boolean unread = holdsRaw(file, frontMatter, SuspectCharacters.FRONT_MATTER_UNREAD, problems);
        boolean leftOut = holdsRaw(file, frontMatter, SuspectCharacters.FRONT_MATTER_LEFT_OUT, problems);
        if (unread) {
            // its body checked all the same, the content check looking from the body's first line on
            return Optional.of(PromptFile.bodyAlone(file, frontMatter));
        }
        // read without those already named at their lines, so that no field's rule names them again elsewhere
        FrontMatter read = leftOut ? frontMatter.without(SuspectCharacters.FRONT_MATTER_LEFT_OUT) : frontMatter;
        JsonNode root;
        try {
            root = tree(file, read, problems);
        } catch (JsonProcessingException invalid) {
            problems.add(notYaml(file, invalid, read));
            return Optional.of(PromptFile.bodyAlone(file, read));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            problems.add(Problem.error(file, "", "the front matter must be a map of keys (id: ..., name: ...)",
                    "write one 'key: value' per line").atLine(frontMatter.firstYamlLine()));
            return Optional.of(PromptFile.bodyAlone(file, read));
        }
        FieldLines lines = FieldLines.ofYaml(read.yaml(), read.firstYamlLine());
        return Optional.of(new FrontMatterReader(file, (ObjectNode) root, lines, problems).read(read));
    }

    /** The error of a front matter that the YAML reader refused. */
    private static Problem notYaml(String file, JsonProcessingException invalid, FrontMatter read) {
        int lineShift = read.firstYamlLine() - 1;
        int line = lineShift + yamlLine(invalid);
        Matcher aliasKey = ALIAS_KEY.matcher(String.valueOf(invalid.getOriginalMessage()));
        if (aliasKey.find()) {
            // the tree reader takes no alias for a key: the refusal every other alias gets, not the reader's words
            return Problem.error(file, "", "the YAML alias *" + aliasKey.group(1) + " is not supported in front matter",
                    "write the key out here").atLine(line);
        }
        Optional<Problem> beyondJson = beyondJson(file, invalid, read, lineShift, line);
        if (beyondJson.isPresent()) {
            return beyondJson.get();
        }
        Optional<YamlIndentation.Misindented> misindented = invalid.getCause() instanceof MarkedYAMLException marked
                ? YamlIndentation.of(read.yaml(), marked, lineShift) : Optional.empty();
        String message = misindented.map(YamlIndentation.Misindented::message)
                .orElseGet(() -> yamlMessage(invalid, lineShift));
        return Problem.error(file, "", "the front matter is not valid YAML: " + message, misindented
                .map(YamlIndentation.Misindented::hint).orElseGet(() -> yamlHint(message))).atLine(line);
    }

    /**
     * The front matter's tree. A repeated key is an error at each repetition, and the rest of the front matter is read
     * all the same, the last one counting, so that its other problems show in the same run.
     */
    private static JsonNode tree(String file, FrontMatter read, Problems problems) throws JsonProcessingException {
        try {
            return YAML.readTree(read.yaml());
        } catch (JsonProcessingException invalid) {
            if (!String.valueOf(invalid.getOriginalMessage()).startsWith("Duplicate field")) {
                throw invalid;
            }
        }
        JsonNode lastCounting = LAST_COUNTING.readTree(read.yaml());
        try (JsonParser parser = LAST_COUNTING.createParser(read.yaml())) {
            JsonTrees.repeatedKeys(parser, read.firstYamlLine() - 1, repeated -> problems.add(repeated.problem(file)));
        } catch (IOException impossible) {
            throw new UncheckedIOException("the front matter parsed once and must parse again", impossible);
        }
        return lastCounting;
    }

    /**
     * Valid YAML that prompd does not read, in its words: nesting deeper than JSON's reader takes, at the bracket
     * opening the level beyond where brackets show it, infinity or not-a-number ({@code .inf}, {@code .nan}), which
     * JSON cannot write, refused as a number beyond a double is, and a front matter longer than the YAML reader takes,
     * which no fix of its syntax mends; Jackson calls them a limit of its own, a malformed number and a document
     * exceeding a limit.
     */
    private static Optional<Problem> beyondJson(String file, JsonProcessingException invalid, FrontMatter read,
                                                int lineShift, int line) {
        Optional<JsonSyntaxError> deep = JsonSyntaxError.nestedTooDeep(invalid,
                read.yaml().getBytes(StandardCharsets.UTF_8));
        if (deep.isPresent()) {
            return Optional.of(Problem.error(file, "", "the front matter is nested too deep: " + deep.get().reason(),
                    JsonSyntaxError.TOO_DEEP_HINT).atLine(deep.get().line() == 0 ? read.firstYamlLine()
                    : lineShift + deep.get().line()));
        }
        Matcher noNumber = NOT_A_NUMBER.matcher(String.valueOf(invalid.getOriginalMessage()));
        if (noNumber.matches() && invalid.getProcessor() instanceof JsonParser parser) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            return Optional.of(Problem.error(file, pointer, "'" + Pointer.field(pointer) + "' is the number "
                    + noNumber.group(1) + ", which JSON cannot write: it has no number for infinity or not-a-number",
                    "write a number, or quote it to keep it as text").atLine(line));
        }
        Matcher tooLong = TOO_LONG.matcher(String.valueOf(invalid.getOriginalMessage()));
        if (tooLong.lookingAt()) {
            long characters = Long.parseLong(tooLong.group(1));
            return Optional.of(Problem.error(file, "", "the front matter is larger than " + (characters >> 20)
                    + " MiB (" + String.format(Locale.ROOT, "%,d", characters) + " characters), the most prompd reads",
                    "move long text into the body or a context file").atLine(read.firstYamlLine()));
        }
        return Optional.empty();
    }

    /**
     * The line of the front matter where the parser found the problem: SnakeYAML's mark, since
     * Jackson's location is that of the last token read, a line or more before a stray tab.
     */
    private static int yamlLine(JsonProcessingException invalid) {
        if (invalid.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        JsonLocation location = invalid.getLocation();
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    /**
     * The parser's own words without its excerpt of the YAML, whose line numbers count from the
     * front matter rather than from the file.
     */
    private static String yamlMessage(JsonProcessingException invalid, int lineShift) {
        if (invalid.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            Mark start = marked.getContextMark();
            return marked.getProblem() + (marked.getContext() == null ? "" : ", " + marked.getContext()
                    + (start == null ? "" : " that starts on line " + (lineShift + start.getLine() + 1)));
        }
        return invalid.getOriginalMessage();
    }
}
