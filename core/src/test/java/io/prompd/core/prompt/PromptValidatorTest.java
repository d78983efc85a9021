package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.PackageSteps;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.source.MemorySource;
import io.prompd.core.testing.ContradictoryPrompt;
import io.prompd.core.testing.ProblemLocation;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptValidatorTest {

    /** Jackson's reason, in this project's words, for the text {@code {not json}. */
    private static final String JSON_REASON = "Unexpected character ('n' (code 110)): was expecting double-quote to"
            + " start field name (at character 2)";

    private static final PackageSteps HERE = PackageSteps.here(SuggestedCommands.PLAIN);

    private static final Optional<PackageName> SELF = Optional.of(PackageName.parse("@team/prompts"));

    private static List<Problem> validate(Map<String, String> files, Map<String, String> dependencies) {
        return PromptValidator.validate(pack(files, dependencies), HERE);
    }

    private static PromptPackage pack(Map<String, String> files, Map<String, String> dependencies) {
        List<Problem> parsing = new ArrayList<>();
        PromptPackage pack = pack(files, dependencies, parsing);
        assertEquals(List.of(), parsing);
        return pack;
    }

    /** @param parsing where the problems of parsing the prompts go */
    private static PromptPackage pack(Map<String, String> files, Map<String, String> dependencies,
                                      List<Problem> parsing) {
        SortedMap<String, PromptFile> prompts = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".prmd")) {
                PromptParseResult result = PromptParser.parse(path, text);
                parsing.addAll(result.problems());
                prompts.put(path, result.draft().orElseThrow());
            }
        });
        SortedMap<PackageName, VersionRange> declared = new TreeMap<>();
        dependencies.forEach((name, range) -> declared.put(PackageName.parse(name), VersionRange.parse(range)));
        TreeSet<String> paths = new TreeSet<>(files.keySet());
        try {
            return new PromptPackage(SELF, declared, new TreeSet<>(), paths, new TreeMap<>(),
                    prompts, LoadedTemplates.read(prompts, paths, path -> Optional.of(files.get(path))));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static List<Problem> validate(String prompt) {
        return validate(Map.of("prompts/a.prmd", prompt), Map.of());
    }

    private static Problem single(List<Problem> problems, Severity severity) {
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(severity, problems.get(0).severity(), problems.toString());
        return problems.get(0);
    }

    /**
     * A parameter left out for a refused value, read as absent (a YAML tag), may be the one the body uses: "not
     * declared" was a second, false problem, and for a file the prompt includes too, and so was a placeholder's "names
     * no declared parameter". (One of the wrong shape, such as parameters: 5, is told with the variables it would
     * declare, as PackageValidatorTest shows.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"parameters: !!seq\n  - name: topic", "parameters:\n  - !!map\n    name: topic",
        "parameters:\n  - name: !!str topic", "parameters:\n  topic: !!str string"})
    void aVariableIsNotToldUndeclaredWhenAParameterWasLeftOutForARefusedValue(String parameters) {
        List<Problem> parsing = new ArrayList<>();
        PromptPackage pack = pack(Map.of("prompts/a.prmd", "---\n" + parameters + "\n---\n{{ topic }} {topic}\n"
                + "{% include \"./part.md\" %}\n", "prompts/part.md", "{{ topic }}\n"), Map.of(), parsing);

        assertTrue(parsing.stream().allMatch(Problem::isError), parsing.toString());
        assertEquals(List.of(), PromptValidator.validate(pack, HERE));
    }

    /**
     * A front matter that is no valid YAML hid every problem of the body after its closing '---': the template's
     * syntax, its filters and the files it includes are checked all the same. Nothing else of the front matter is
     * known, so neither is told of what it may give: the parameters a variable or a placeholder may name, the aliases
     * of 'using' a name may start with, the text that a prompt, or one inheriting it, may have.
     */
    @Test
    void theBodyOfAPromptWhoseFrontMatterIsNoValidYamlIsCheckedAllTheSame() {
        List<Problem> parsing = new ArrayList<>();
        PromptPackage pack = pack(Map.of(
                "prompts/a.prmd", """
                        ---
                        using: [{name: "@acme/base@^1.0.0", prefix: "@base"}]
                        parameters:
                          - name: ticket
                            type: string
                                 required: true
                        ---
                        {% if team %}{{ tikcet | uper }} {ticket}
                        {% include "parts/nothere.md" %}{% include "@base/parts/x.md" %}{% include "@base" %}
                        """,
                "prompts/b.prmd", "---\ninherits: ./a.prmd\n---\n",
                "prompts/c.prmd", "---\n- system\n---\n"), Map.of(), parsing);

        assertEquals(List.of("prompts/a.prmd:6 the front matter is not valid YAML: line 6 is indented more than the key"
                        + " above it ('type', line 5), so YAML reads it as going on with the value of 'type'",
                        "prompts/c.prmd:2 the front matter must be a map of keys (id: ..., name: ...)"),
                parsing.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).sorted()
                        .toList());
        assertEquals(List.of("prompts/a.prmd:8 the template does not render: no filter named 'uper' in Jinja, Nunjucks"
                        + " or Prompd",
                        "prompts/a.prmd:8 the template does not render: {% if %} is never closed",
                        "prompts/a.prmd:9 'parts/nothere.md' resolves to 'prompts/parts/nothere.md', which is not in"
                                + " the package"),
                PromptValidator.validate(pack, HERE).stream()
                        .map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    @Test
    void aCleanPromptHasNoProblem() {
        assertEquals(List.of(), validate("""
                ---
                parameters:
                  - name: topic
                    type: string
                    enum: [a, b]
                    default: a
                ---
                {{ topic }}
                """));
    }

    @Test
    void aPromptInheritsOnlyFromAPromptFile() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", "---\ninherits: ../notes.md\n---\nHi\n",
                "notes.md", "# Notes\n"), Map.of()), Severity.ERROR);
        assertEquals("/inherits", problem.pointer());
        assertEquals("'../notes.md' is not a prompt file, which ends in .prmd or .prompd", problem.message());
        assertEquals(List.of(), validate(Map.of("prompts/a.prmd", "---\ninherits: ./b.prompd\n---\nHi\n",
                "prompts/b.prompd", "---\nid: b\n---\nBase\n"), Map.of()));
    }

    @Test
    void aPromptInheritingAPromptFileWithoutItsExtensionIsToldTheFileMeant() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", "---\ninherits: ./example\n---\nHi\n",
                "prompts/example.prompd", "---\nid: b\n---\nBase\n"), Map.of()), Severity.ERROR);
        assertEquals("/inherits", problem.pointer());
        assertEquals(2, problem.line());
        assertEquals("'./example' is not a prompt file, which ends in .prmd or .prompd", problem.message());
        assertEquals("did you mean './example.prompd'?", problem.hint());
    }

    /** Both hints at once: the extension left off and the name in other letter case, which Linux takes for another. */
    @Test
    void aPromptInheritingAPromptFileWithoutItsExtensionAndInOtherLetterCaseIsToldTheFileMeant() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", "---\ninherits: ./Example\n---\nHi\n",
                "prompts/example.prompd", "---\nid: b\n---\nBase\n"), Map.of()), Severity.ERROR);
        assertEquals("'./Example' is not a prompt file, which ends in .prmd or .prompd", problem.message());
        assertEquals("did you mean './example.prompd'?", problem.hint());
    }

    /**
     * The folder of the inheriting prompt is as the files have it: a file in a folder named in other letter case is
     * not the one a path of its own names, and no hint tells it.
     */
    @Test
    void onlyTheLetterCaseOfThePathAsWrittenIsTakenForAMistake() {
        List<Problem> problems = validate(Map.of("Prompts/a.prmd", "---\ninherits: ./example\n---\nHi\n",
                "prompts/example.prompd", "---\nid: b\n---\nBase\n"), Map.of());
        assertEquals(List.of("inherit from a prompt file", "add the file, or fix the path: it is relative to the"
                        + " folder of Prompts/a.prmd"),
                problems.stream().filter(problem -> problem.severity() == Severity.ERROR).map(Problem::hint).toList());
    }

    @Test
    void aPromptWithNoTextAfterItsFrontMatterIsAWarningAtItsClosingLine() {
        Problem problem = single(validate("---\nid: x\n---\n \n"), Severity.WARNING);
        assertEquals(new Problem(Severity.WARNING, "prompts/a.prmd", "", 3,
                "the prompt has no text after its front matter",
                "write the prompt's text after the closing '---', give it in 'system' or 'user', or take"
                        + " it from another"
                        + " prompt with 'inherits'"), problem);
        assertEquals(2, single(validate("---\n---\n"), Severity.WARNING).line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = {"inherits: ./b.prmd", "system: You review code.", "user: ./u.md", "context: ./u.md"})
    void aPromptWhoseTextComesFromItsFrontMatterOrItsParentNeedsNoBody(String field) {
        assertEquals(List.of(), validate(Map.of("prompts/a.prmd", "---\n" + field + "\n---\n",
                "prompts/b.prmd", "---\n---\nBase\n", "prompts/u.md", "Review this."), Map.of()));
    }

    /** The chain is warned of once, at the prompt no other inherits: its parents are bases, as they may be. */
    @Test
    void aPromptInheritingOnlyPromptsWithoutTextIsAWarningNamingThem() {
        List<Problem> problems = validate(Map.of("prompts/base.prmd", "---\nparameters:\n  - name: x\n---\n",
                "prompts/mid.prmd", "---\ninherits: ./base.prmd\n---\n\n",
                "prompts/leaf.prmd", "---\nid: leaf\ninherits: ./mid.prmd\n---\n"), Map.of());

        assertEquals(List.of(
                new Problem(Severity.WARNING, "prompts/leaf.prmd", "", 4,
                        "the prompt has no text after its front matter,"
                        + " nor have the prompts it inherits, prompts/mid.prmd → prompts/base.prmd", "write the text"
                        + " after the closing '---' of one of them, or give it in 'system' or 'user'")), problems);
    }

    /**
     * A base prompt declaring parameters alone for the prompts inheriting it, as CONTRIBUTING.md allows, was warned of
     * having no text, so that its package always failed validate --strict.
     */
    @Test
    void aBasePromptAnotherPromptInheritsNeedsNoText() {
        assertEquals(List.of(), validate(Map.of("prompts/f.prmd", "---\nid: f\nparameters:\n  - name: p\n"
                + "    type: string\n---\n", "prompts/g.prmd", "---\nid: g\ninherits: ./f.prmd\n---\n"
                + "# User\n{{ p }}\n"), Map.of()));
    }

    /** A parent of another package may have text, and a missing one or a cycle has its own error: no warning. */
    @ParameterizedTest
    @ValueSource(strings = {"\"@team/base@^1.0.0/prompts/base.prmd\"", "./missing.prmd", "./a.prmd"})
    void aPromptWhoseParentIsNotReadHereIsNotWarnedOfHavingNoText(String parent) {
        List<Problem> problems = validate(Map.of("prompts/a.prmd", "---\ninherits: " + parent + "\n---\n"),
                Map.of("@team/base", "^1.0.0"));

        assertTrue(problems.stream().noneMatch(problem -> problem.message().contains("no text")), problems.toString());
    }

    @Test
    void parameterNamesAreUnique() {
        Problem problem = single(validate("---\nparameters:\n  - name: x\n  - name: x\n---\n{{ x }}\n"),
                Severity.ERROR);
        assertEquals("/parameters/1/name", problem.pointer());
        assertEquals(4, problem.line(), "the second declaration's own line");
        assertTrue(problem.message().contains("declared twice"), problem.message());
    }

    @Test
    void parameterTypesAreKnown() {
        Problem problem = single(validate("---\nparameters:\n  - name: x\n    type: text\n---\n{{ x }}\n"),
                Severity.ERROR);
        assertEquals("/parameters/0/type", problem.pointer());
        assertTrue(problem.hint().contains("string, number, integer"), problem.hint());
    }

    @Test
    void arrayItemTypesAreKnown() {
        assertEquals(List.of(), validate("---\nparameters:\n  - name: x\n    type: array\n    items: string\n"
                + "  - name: y\n    type: array\n    items: {type: object}\n---\n{{ x }}{{ y }}\n"));
        assertEquals("/parameters/0/items/type", single(validate("---\nparameters:\n  - name: x\n    type: array\n"
                + "    items: {type: text}\n---\n{{ x }}\n"), Severity.ERROR).pointer());
        assertEquals("/parameters/0/items", single(validate("---\nparameters:\n  - name: x\n    type: array\n"
                + "    items: text\n---\n{{ x }}\n"), Severity.ERROR).pointer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "integer | abc | false", "integer | 1.5 | false", "integer | 3 | true", "integer | 3.0 | true",
        "number | 1.5 | true", "float | 2 | true", "number | '\"1\"' | false",
        "boolean | '\"yes\"' | false", "boolean | '\"true\"' | false", "boolean | true | true", "string | 3 | false",
        "string | '\"3\"' | true",
        "array | [a] | true", "array | a | false", "object | {a: 1} | true", "object | [a] | false",
        "json | [a] | true", "json | 3 | true", "file | ./x.md | true", "base64 | 12 | false"})
    void aDefaultHasItsParametersType(String type, String value, boolean valid) {
        List<Problem> problems = validate("---\nparameters:\n  - name: x\n    type: " + type + "\n    default: " + value
                + "\n---\n{{ x }}\n");
        if (valid) {
            assertEquals(List.of(), problems);
        } else {
            assertEquals("/parameters/0/default", single(problems, Severity.ERROR).pointer());
        }
    }

    /**
     * A tester's prompt that validated with no problem: each contradiction in its parameters is told at its field and
     * line, an error where no value could ever be given (an empty enum, a default its type's encoding refuses), a
     * warning where the prompt still works.
     */
    @Test
    void contradictionsInParametersAreToldAtTheirFields() {
        List<Problem> problems = validate(ContradictoryPrompt.TEXT);
        assertEquals(List.of(
                "WARNING prompts/a.prmd:5 /parameters/0/required 'a' is required and has the default \"x\": either"
                        + " every call gives a value and the default is never used, or the default stands in and"
                        + " 'required' asks nothing / remove 'required: true' to let a call leave it out and take the"
                        + " default, or remove the default to have every call give a value",
                "ERROR prompts/a.prmd:6 /parameters/1/enum the enum of 'c' is empty: it allows no value, so every call"
                        + " would be refused / list the values it takes, such as enum: [brief, detailed], or remove"
                        + " 'enum' to take any value",
                "WARNING prompts/a.prmd:7 /parameters/2/pattern 'pattern' does not apply to 'd', of type number: it"
                        + " checks text, which a value of type number never is / remove 'pattern', or make 'd' of type"
                        + " string",
                "WARNING prompts/a.prmd:8 /parameters/3/min 'min' does not apply to 'e', of type string: it checks"
                        + " numbers, which a value of type string never is / use minLength for a text's length in"
                        + " characters, or remove 'min'",
                "ERROR prompts/a.prmd:9 /parameters/4/default the default \"{not json\" of 'j' is not JSON, which a"
                        + " parameter of type json takes as text: " + JSON_REASON + " / write JSON in the text,"
                        + " such as '{\"limit\": 10}' (JSON's text in its own quotes: '\"brief\"'), or the value in"
                        + " YAML, such as {limit: 10}",
                "ERROR prompts/a.prmd:10 /parameters/5/default the default \"!!!notbase64\" of 'k' is not base64: '!'"
                        + " (character 1) is not a character of base64 / give the data encoded in base64 (A-Z, a-z,"
                        + " 0-9, '+' and '/', padded with '='), such as \"aGVsbG8=\" for hello",
                "WARNING prompts/a.prmd:11 /parameters/6/enum/1 the enum value \"a\" of 'm' is listed twice (first at"
                        + " /parameters/6/enum/0) / remove one of them, or correct it to the value meant"),
                problems.stream().map(problem -> problem.severity() + " " + ProblemLocation.of(problem) + " "
                        + problem.message() + " / " + problem.hint()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "json | '''{\"a\": [1, 2]}''' | true", "json | '''\"brief\"''' | true", "json | '''null''' | true",
        "json | '''[1,''' | false", "json | brief | false", "json | '\"\"' | false",
        "json | {a: 1} | true", "base64 | aGVsbG8= | true", "base64 | aGVsbG8 | true", "base64 | '\"\"' | true",
        "base64 | '\"aGVs\\nbG8=\"' | true", "base64 | _-8A | true", "base64 | +_8A | false",
        "base64 | aGVsb | false", "base64 | aG=VsbG8 | false", "base64 | hé | false",
        "string | '\"{not json\"' | true"})
    void aTextDefaultOfAJsonOrBase64ParameterDecodes(String type, String value, boolean valid) {
        List<Problem> problems = validate("---\nparameters:\n  - name: x\n    type: " + type + "\n    default: "
                + value + "\n---\n{{ x }}\n");
        if (valid) {
            assertEquals(List.of(), problems);
        } else {
            assertEquals("/parameters/0/default", single(problems, Severity.ERROR).pointer());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "string | 'minLength: 1, maxLength: 3, pattern: a' | ''", "file | 'pattern: a' | ''",
        "base64 | 'maxLength: 8' | ''", "json | 'min: 1, pattern: a, maxLength: 2' | ''",
        "integer | 'min: 1, max: 3' | ''", "float | 'max: 1.5' | ''",
        "string | 'min: 1, max: 3' | /max /min", "integer | 'minLength: 1, maxLength: 3, pattern: a'"
        + " | /maxLength /minLength /pattern", "boolean | 'min: 1, pattern: a' | /min /pattern",
        "array | 'max: 3' | /max", "object | 'minLength: 1' | /minLength"})
    void aConstraintAppliesToItsTypesValuesOnly(String type, String constraints, String inapplicable) {
        List<Problem> problems = validate("---\nparameters:\n  - {name: x, type: " + type + ", " + constraints
                + "}\n---\n{{ x }}\n");
        assertEquals(inapplicable, problems.stream().map(problem -> problem.pointer().substring("/parameters/0"
                .length())).collect(Collectors.joining(" ")), problems.toString());
        assertTrue(problems.stream().noneMatch(Problem::isError), problems.toString());
    }

    /** An enum whose every value was refused is read as absent, not as one written empty. */
    @Test
    void anEnumOfRefusedValuesIsNotAnEmptyOne() {
        List<Problem> parsing = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(PromptValidator.validate(pack(Map.of("prompts/a.prmd",
                "---\nparameters:\n  - name: x\n    enum: [!!str a]\n---\n{{ x }}\n"), Map.of(), parsing), HERE));
        assertEquals(List.of("/parameters/0/enum/0"), parsing.stream().map(Problem::pointer).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void anEnumValueIsTwiceOnlyWhenEqualAsAValue() {
        assertEquals(List.of("/parameters/0/enum/2"), validate("---\nparameters:\n  - {name: x, type: json,"
                + " enum: [3, \"3\", 3.0]}\n---\n{{ x }}\n").stream().map(Problem::pointer).toList());
    }

    @Test
    void twoPromptsOfAPackageWithOneIdAreWarnedOfAtTheSecond() {
        String prompt = "---\nid: review\n---\nReview it.\n";
        List<Problem> problems = validate(Map.of("prompts/a.prmd", prompt, "prompts/b.prmd", prompt,
                "prompts/review.prmd", prompt, "prompts/c.prmd", "---\nid: other\n---\nText.\n"), Map.of());
        assertEquals(List.of("prompts/b.prmd:2 /id the id 'review' is also the id of prompts/a.prmd / give each prompt"
                        + " of the package an id of its own, such as its file's name: id: b",
                "prompts/review.prmd:2 /id the id 'review' is also the id of prompts/a.prmd / give each prompt of the"
                        + " package an id of its own"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message() + " / "
                        + problem.hint()).toList());
        assertTrue(problems.stream().noneMatch(Problem::isError), problems.toString());
    }

    @Test
    void aDefaultIsOneOfTheEnumValues() {
        Problem problem = single(validate("---\nparameters:\n  - name: x\n    enum: [a, b]\n    default:"
                + " c\n---\n{{ x }}\n"),
                Severity.WARNING);
        assertEquals("/parameters/0/default", problem.pointer());
    }

    @Test
    void theElementsOfAnArrayDefaultAreEnumValues() {
        assertEquals(List.of(), validate("---\nparameters:\n  - name: x\n    type: array\n    enum: [a, b]\n"
                + "    default: [a, b]\n---\n{{ x }}\n"));
        single(validate("---\nparameters:\n  - name: x\n    type: array\n    enum: [a, b]\n"
                + "    default: [a, c]\n---\n{{ x }}\n"), Severity.WARNING);
    }

    @Test
    void anUnknownTypeGetsTheClosestKnownOne() {
        Problem problem = single(validate("---\nparameters:\n  - name: x\n    type: strin\n---\n{{ x }}\n"),
                Severity.ERROR);
        assertEquals("did you mean 'string'? use one of: " + ParameterType.keywords(), problem.hint());
    }

    @Test
    void boundsThatNoValueMeetsAndAPatternThatIsNoRegexAreErrors() {
        List<Problem> problems = validate("---\nparameters:\n  - name: n\n    type: integer\n    min: 10\n    max: 5\n"
                + "  - name: s\n    minLength: 5\n    maxLength: 2\n    pattern: \"[a-z\"\n---\n{{ n }}{{ s }}\n");
        assertEquals(List.of("/parameters/0/max", "/parameters/1/maxLength", "/parameters/1/pattern"),
                problems.stream().map(Problem::pointer).toList(), problems.toString());
        assertTrue(problems.stream().allMatch(Problem::isError), problems.toString());
        assertEquals("the max 5 of 'n' is below its min 10", problems.get(0).message());
        assertTrue(problems.get(2).message().startsWith("the pattern of 's' is not a regular expression: "),
                problems.get(2).message());
    }

    @Test
    void aDefaultOutsideItsOwnBoundsOrPatternIsAWarning() {
        List<Problem> problems = validate("---\nparameters:\n  - name: n\n    type: integer\n    min: 10\n "
                + "   default: 7\n"
                + "  - name: s\n    maxLength: 2\n    default: abc\n  - name: c\n    pattern: \"^[0-9]+$\"\n  "
                + "  default: x1\n"
                + "  - name: fine\n    type: number\n    min: 0\n    max: 1\n    default: 0.5\n---\n{{ n }}{{ s }}{{ c"
                + " }}{{ fine }}\n");
        assertEquals(List.of("the default 7 of 'n' is below its min 10", "the default \"abc\" of 's' is longer than its"
                + " maxLength 2", "the default \"x1\" of 'c' does not match its pattern ^[0-9]+$"),
                problems.stream().map(Problem::message).toList());
        assertTrue(problems.stream().noneMatch(Problem::isError), problems.toString());
    }

    @Test
    void aParameterNameATemplateCannotReadIsAWarning() {
        Problem problem = single(validate("---\nparameters:\n  - name: 2nd-topic\n---\ntext\n"), Severity.WARNING);
        assertEquals("the parameter name '2nd-topic' cannot be written in a template as {{ 2nd-topic }}",
                problem.message());
        assertEquals("use letters, digits and _, not starting with a digit, such as _2nd_topic", problem.hint());
    }

    /**
     * Jinja reads a name as Python does an identifier, in any script; a name with nothing of one gets no suggestion.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "名前-2      | use letters, digits and _, not starting with a digit, such as 名前_2",
            "€ €        | use letters, digits and _, not starting with a digit"})
    void aParameterNameInAnyScriptIsReadAndTheSuggestedNameIsOne(String name, String hint) {
        assertEquals(List.of(),
                validate("---\nparameters:\n  - name: 名前\n  - name: नाम\n---\n{{ 名前"
                        + " }} {{ नाम }}\n"));
        assertEquals(List.of("the variable '日本' is used in the body but not declared as a parameter"),
                validate("---\nparameters:\n  - name: 名前\n---\n{% set 名 = 名前 %}{{ 名 }}{{ 日本 }}\n")
                        .stream()
                        .map(Problem::message).toList());

        Problem problem = single(validate("---\nparameters:\n  - name: \"" + name + "\"\n---\ntext\n"),
                Severity.WARNING);
        assertEquals(hint, problem.hint());
    }

    @Test
    void aKeyATypoAwayFromAKnownOneIsAWarningAndOtherKeysAreKept() {
        PromptParseResult result = PromptParser.parse("a.prmd",
                "---\nparamters:\n  - name: x\nparameters:\n  - name: y\n    requried: true\nx-owner:"
                        + " team\n---\n{{ y }}\n");

        assertEquals(List.of("/paramters", "/parameters/0/requried"),
                result.problems().stream().map(Problem::pointer).toList(), result.problems().toString());
        assertEquals("unknown key 'paramters', which prompd ignores", result.problems().get(0).message());
        assertEquals("did you mean 'parameters'?", result.problems().get(0).hint());
        assertEquals(List.of(2, 6), result.problems().stream().map(Problem::line).toList());
        assertTrue(result.problems().stream().noneMatch(Problem::isError));
        assertEquals(Set.of("paramters", "x-owner"), result.prompt().orElseThrow().extra().keySet());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "string | [a, '\"2\"'] | ''", "string | [a, 2] | /enum/1", "integer | [1, 2, 3] | ''",
        "integer | ['\"a\"', 2.5, 3] | /enum/0 /enum/1", "number | [1, 2.5] | ''", "boolean | [true, x] | /enum/1",
        "array | [1, a] | ''", "array\\n    items: integer | [1, a] | /enum/1",
        "array\\n    items: {type: string} | [a, 1] | /enum/1", "json | [1, a, {b: 2}] | ''", "strin | [1] | /type"})
    void enumValuesHaveTheParametersType(String type, String values, String wrong) {
        List<Problem> problems = validate("---\nparameters:\n  - name: x\n    type: " + type.replace("\\n", "\n")
                + "\n    enum: " + values + "\n---\n{{ x }}\n");
        assertEquals(wrong, problems.stream().map(problem -> problem.pointer().substring("/parameters/0".length()))
                .collect(Collectors.joining(" ")), problems.toString());
        assertTrue(problems.stream().allMatch(Problem::isError), problems.toString());
    }

    @Test
    void aValueOfAnotherTypeIsShownAsWrittenNotAsYamlReadsIt() {
        List<Problem> problems = validate("""
                ---
                parameters:
                  - name: country
                    enum: [NO, SE, DK, 01]
                    default: NO
                  - name: count
                    type: integer
                    enum: ["1", 2]
                ---
                {{ country }}{{ count }}
                """);
        assertEquals(List.of(
                "4 the enum value NO of 'country' is not of its type string / quote it: \"NO\"",
                "4 the enum value 01 of 'country' is not of its type string / quote it: \"01\"",
                "5 the default NO of 'country' is not of its type string / quote it: \"NO\"",
                "8 the enum value \"1\" of 'count' is not of its type integer / write a value of type"
                        + " integer, or change"
                        + " the type"), problems.stream()
                .map(problem -> problem.line() + " " + problem.message() + " / " + problem.hint()).toList());
    }

    @Test
    void aDefaultIsOneOfTheEnumValuesOfItsType() {
        assertEquals(List.of(), validate("---\nparameters:\n  - name: x\n    type: integer\n    enum: [1, 2]\n"
                + "    default: 2.0\n---\n{{ x }}\n"));
        Problem problem = single(validate("---\nparameters:\n  - name: x\n    type: integer\n    enum: [1, 2]\n"
                + "    default: 3\n---\n{{ x }}\n"), Severity.WARNING);
        assertEquals("use one of: 1, 2", problem.hint());
    }

    /** The parser refuses the default for its control character; that it is outside the enum would only restate it. */
    @Test
    void aDefaultRefusedForAControlCharacterIsNotAlsoOutsideTheEnum() {
        PromptFile draft = PromptParser.parse("prompts/a.prmd", "---\nparameters:\n  - name: x\n    enum: [a, b]\n"
                + "    default: \"a\\b\"\n---\n{{ x }}\n").draft().orElseThrow();

        assertEquals(List.of(), PromptValidator.validate(new PromptPackage(SELF, new TreeMap<>(), new TreeSet<>(),
                new TreeSet<>(Set.of("prompts/a.prmd")), new TreeMap<>(),
                new TreeMap<>(Map.of("prompts/a.prmd", draft)), new LoadedTemplates.Loaded(new TreeMap<>(),
                new TreeSet<>())), HERE));
    }

    /**
     * The parser refuses a number beyond a double; no rule compares it with the others, which would fail on infinity.
     */
    @Test
    void aNumberRefusedForItsSizeIsLeftOutOfEveryRule() {
        PromptParseResult result = PromptParser.parse("prompts/a.prmd",
                "---\nparameters:\n  - name: x\n    type: integer\n"
                + "    enum: [1, 1e400]\n    min: -1e400\n    max: 1e400\n    default: 1e400\n"
                + "  - name: y\n    type: array\n    items: number\n    enum: [1]\n    default: [1, 1e400]\n---\n"
                + "{{ x }}{{ y }}\n");
        PromptFile draft = result.draft().orElseThrow();

        assertEquals(List.of("/parameters/0/enum/1", "/parameters/0/min", "/parameters/0/max", "/parameters/0/default",
                "/parameters/1/default/1"), result.problems().stream().map(Problem::pointer).toList());
        assertEquals(List.of(), PromptValidator.validate(new PromptPackage(SELF, new TreeMap<>(), new TreeSet<>(),
                new TreeSet<>(Set.of("prompts/a.prmd")), new TreeMap<>(),
                new TreeMap<>(Map.of("prompts/a.prmd", draft)), new LoadedTemplates.Loaded(new TreeMap<>(),
                new TreeSet<>())), HERE));
    }

    @Test
    void anUndeclaredVariableIsAWarningAtItsLine() {
        Problem problem = single(validate("---\nparameters:\n  - name: temp\n---\n\n{{ workflow.topic }} {{ temp }}\n"),
                Severity.WARNING);
        assertEquals(6, problem.line());
        assertTrue(problem.message().contains("'workflow'"), problem.message());
    }

    @Test
    void aSingleBracePlaceholderOfADeclaredParameterIsAWarningAtItsLineSuggestingDoubleBraces() {
        Problem problem = single(validate("---\nparameters:\n  - name: who\n---\n\nHello {who.name}!\n"),
                Severity.WARNING);

        assertEquals(new Problem(Severity.WARNING, "prompts/a.prmd", "", 6, "'{who.name}' is left in the text as it"
                + " is written: only '{{ who.name }}' is replaced by the parameter's value", "write {{ who.name }}, or,"
                + " to show the braces as they are, set them as `code` or in {% raw %}...{% endraw %}"), problem);
    }

    @Test
    void aSpacedSingleBracePlaceholderIsLeftInTheTextAsWrittenToo() {
        Problem problem = single(validate("---\nparameters:\n  - name: who\n---\n\nHello { who }!\n"),
                Severity.WARNING);

        assertEquals("'{ who }' is left in the text as it is written: only '{{ who }}' is replaced by the parameter's"
                + " value", problem.message());
    }

    @Test
    void aSingleBracePlaceholderOfNoParameterIsAWarningInTheWordsOfTheLegacyForm() {
        Problem problem = single(validate("---\nid: a\n---\n\nHello {nothere}!\n"), Severity.WARNING);

        assertEquals(new Problem(Severity.WARNING, "prompts/a.prmd", "", 5, "the legacy placeholder '{nothere}' names"
                + " no declared parameter, and is left in the text as it is written", "to fill it in, declare 'nothere'"
                + " under \"parameters\" and write {{ nothere }}; to show the braces as they are, set them as `code`"
                + " or in {% raw %}...{% endraw %}"), problem);
    }

    @Test
    void aSingleBracePlaceholderOfAParameterOfALocalParentIsAWarningToo() {
        Problem problem = single(validate(Map.of("prompts/base.prmd",
                "---\nparameters:\n  - name: topic\n---\n{{ topic }}\n",
                "prompts/leaf.prmd", "---\ninherits: ./base.prmd\n---\nOn {topic}.\n"), Map.of()), Severity.WARNING);

        assertEquals("prompts/leaf.prmd", problem.file());
        assertTrue(problem.message().startsWith("'{topic}' is left in the text"), problem.message());
    }

    /**
     * Braces around other words are the prompt's own text; in code, inside {{ }} or a raw block, a single brace is
     * shown, not meant to be replaced, as a fenced example of a template is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Reply as {\"answer\": \"...\"}.", "Use `{who}` in your own prompt.",
            "An example:\n\n```\nHello {who}!\n```", "An example:\n\n    Hello {who}!\n", "{{ {'who': who} }}",
            "{% raw %}{who}{% endraw %}",
            "{{who}} {{{who}}} ${who} \\{who}"})
    void aSingleBraceOutsideTextOrAroundAnotherNameIsNoWarning(String body) {
        List<Problem> problems = validate("---\nparameters:\n  - name: who\n---\n" + body + "\n");

        assertTrue(problems.stream().noneMatch(problem -> problem.message().contains("left in the text")),
                problems.toString());
    }

    @Test
    void variablesDeclaredByALocalParentAreDeclared() {
        assertEquals(List.of(), validate(Map.of(
                "prompts/base.prmd", "---\nparameters:\n  - name: topic\n---\n{{ topic }}\n",
                "prompts/mid.prmd", "---\ninherits: ./base.prmd\nparameters:\n  - name: depth\n---\n{{ depth }}\n",
                "prompts/leaf.prmd", "---\ninherits: ./mid.prmd\n---\n{{ topic }} {{ depth }}\n"), Map.of()));
    }

    @Test
    void variablesUnderAPackageParentAreWarnedAboutWithAHint() {
        Problem problem = single(validate(Map.of("a.prmd",
                "---\ninherits: \"@prompd/core@1.0.0/base.prmd\"\n---\n{{ topic }}\n"),
                Map.of("@prompd/core", "1.0.0")), Severity.WARNING);
        assertTrue(problem.hint().contains("@prompd/core@1.0.0/base.prmd"), problem.hint());
    }

    @Test
    void localReferencesExist() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        inherits: ./base.prmd
                        context: [../contexts/here.md, ../contexts/missing.md]
                        system: roles/admin.md
                        user: ["./u.txt"]
                        ---
                        """,
                "prompts/base.prmd", "---\n---\nBase\n",
                "contexts/here.md", "x"), Map.of());
        assertEquals(List.of("/context/1", "/system", "/user/0"), problems.stream().map(Problem::pointer).toList());
        assertTrue(problems.get(0).message().contains("'contexts/missing.md'"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("'prompts/roles/admin.md'"), problems.get(1).message());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void includedFilesExistAtTheLineOfTheirInclude() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        parameters: [{name: name_from_caller, type: string}]
                        ---
                        {% include "./part.prmd" %}
                        {% include './missing.prmd' with context %}
                        {% include "gone.prmd" ignore missing %}
                        {% include name_from_caller %}
                        {% include "@prompd/core@0.0.1/prompts/base.prmd" %}
                        """,
                "prompts/part.prmd", "---\n---\nPart\n"), Map.of());

        assertEquals(List.of(5, 7, 8), problems.stream().map(Problem::line).toList(), problems.toString());
        assertTrue(problems.get(1).message().startsWith("'{% include name_from_caller %}' names its file by an"
                + " expression computed at render time"), problems.get(1).message());
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        assertEquals("'./missing.prmd' resolves to 'prompts/missing.prmd', which is not in the package",
                errors.get(0).message());
        assertTrue(errors.get(1).message().contains("which is not a dependency of @team/prompts"),
                errors.get(1).message());
        assertEquals(2, errors.size());
    }

    /**
     * A path differing from a file's name only in Unicode normalization names the file only on macOS: written
     * decomposed it is told so; written in NFC to a file named decomposed, as macOS names it, it was hinted "did you
     * mean" the same-looking name, and now it is told what differs, and to rename the file.
     */
    @Test
    void aLocalPathDifferingFromAFileOnlyInNormalizationSaysWhichIsDecomposed() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", "---\ncontexts:\n  - ../contexts/cafe\u0301.md\n  - ../contexts/th\u00e9.md\n---\n"
                        + "Hello.\n",
                "contexts/caf\u00e9.md", "menu", "contexts/the\u0301.md", "tea"), Map.of());

        assertEquals(List.of("'../contexts/cafe\u0301.md' is written decomposed (not in Unicode NFC, as macOS gives"
                        + " names out), and the package has 'contexts/cafe\u0301.md' only under its NFC name, which"
                        + " Linux takes for another | write the path in Unicode NFC, as package file names are: type it"
                        + " again rather than paste it, or normalize the prompt's text to NFC",
                "'../contexts/th\u00e9.md' is written in NFC, and the package has 'contexts/th\u00e9.md' only under a"
                        + " name written decomposed (not in Unicode NFC, as macOS gives names out), which Linux takes"
                        + " for another | rename the file to its name in Unicode NFC, as prompts/a.prmd writes it and"
                        + " package file names are: type the new name rather than paste it"),
                problems.stream().map(problem -> problem.message() + " | " + problem.hint()).toList());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    /**
     * A parameter declared decomposed is not the variable the body writes in NFC: the variable was told undeclared,
     * with the hint to declare it; now that the declaration is written decomposed, which is warned of itself too.
     */
    @Test
    void aParameterDeclaredDecomposedIsWarnedOfAndAVariableWrittenInNfcIsToldSo() {
        List<Problem> problems = validate("---\nparameters:\n  - name: nai\u0308ve\n---\n{{ na\u00efve }}\n");

        assertEquals(List.of("warning /parameters/0/name the parameter name 'nai\u0308ve' is written decomposed (not in"
                        + " Unicode NFC, as macOS gives names out): a template or a caller writing it in NFC, as it is"
                        + " typed, names another | write the name in Unicode NFC, as a keyboard types it: type it again"
                        + " rather than paste it, or normalize this file's text to NFC",
                "warning  the variable 'na\u00efve' is used in the body but not declared as a parameter: it is declared"
                        + " decomposed (not in Unicode NFC, as macOS gives names out), and written in NFC, which Jinja"
                        + " takes for another name | write the parameter's declaration in Unicode NFC, as it is used:"
                        + " type it again rather than paste it, or normalize the declaring prompt's text to NFC"),
                problems.stream().map(problem -> problem.severity().name().toLowerCase(Locale.ROOT) + " "
                        + problem.pointer() + " " + problem.message() + " | " + problem.hint()).toList());
        assertEquals(List.of(3, 5), problems.stream().map(Problem::line).toList());
    }

    /**
     * Jinja looks a variable up by its name as written: one written decomposed is not the parameter it looks like, and
     * was hinted "did you mean" that same-looking name; now it is told what differs, as a path is.
     */
    @Test
    void aVariableWrittenDecomposedSaysSoRatherThanDidYouMeanTheSameLookingName() {
        Problem problem = single(validate("---\nparameters:\n  - name: gr\u00f6\u00dfe\n---\n{{ gro\u0308\u00dfe }}\n"),
                Severity.WARNING);

        assertEquals("the variable 'gro\u0308\u00dfe' is used in the body but not declared as a parameter: it is"
                + " written decomposed (not in Unicode NFC, as macOS gives names out), and declared in NFC, which Jinja"
                + " takes for another name", problem.message());
        assertEquals("write the name in Unicode NFC, as it is declared: type it again rather than paste it, or"
                + " normalize this file's text to NFC", problem.hint());
    }

    /** A file the prompt includes is told so too, at its own line. */
    @Test
    void aVariableAnIncludedFileWritesDecomposedSaysSo() {
        Problem problem = single(validate(Map.of(
                "prompts/p.prmd", "---\nparameters:\n  - name: gr\u00f6\u00dfe\n---\n{% include 'part.md' %}\n",
                "prompts/part.md", "Size: {{ gro\u0308\u00dfe }}\n"), Map.of()), Severity.WARNING);

        assertEquals("prompts/part.md:1 the variable 'gro\u0308\u00dfe' is used but not declared as a parameter of"
                + " prompts/p.prmd, which includes this file: it is written decomposed (not in Unicode NFC, as macOS"
                + " gives names out), and declared in NFC, which Jinja takes for another name",
                ProblemLocation.of(problem) + " " + problem.message());
        assertEquals("write the name in Unicode NFC, as it is declared: type it again rather than paste it, or"
                + " normalize this file's text to NFC", problem.hint());
    }

    /** Only Windows reads '\\' as a separator: one rule for it wherever a prompt writes a path, as in prompd.json. */
    @Test
    void aPathWrittenWithBackslashesIsAnErrorWhereverAPromptWritesItAndThePathMeantIsChecked() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        inherits: .\\base.prmd
                        context: ..\\contexts\\style.md
                        system: ..\\contexts\\typo-not-there.md
                        contexts: ['@common/base@^2.0.0/contexts\\x.md']
                        ---
                        {% include "..\\contexts\\style.md" %}
                        """,
                "prompts/base.prmd", "---\n---\nBase\n",
                "contexts/style.md", "Use British spelling."), Map.of("@common/base", "^2.0.0"));

        assertEquals(List.of(
                        "/inherits:2 '.\\base.prmd' contains '\\'; package paths use '/' on every system"
                                + " (write './base.prmd')",
                        "/context:3 '..\\contexts\\style.md' contains '\\'; package paths use '/' on every system"
                                + " (write '../contexts/style.md')",
                        "/system:4 '../contexts/typo-not-there.md' resolves to 'contexts/typo-not-there.md', which is"
                                + " not in the package (add the file, or fix the path: it is relative to the folder of"
                                + " prompts/a.prmd)",
                        "/system:4 '..\\contexts\\typo-not-there.md' contains '\\'; package paths use '/' on every"
                                + " system (write '../contexts/typo-not-there.md')",
                        "/contexts/0:5 '@common/base@^2.0.0/contexts\\x.md' contains '\\'; package paths use '/' on"
                                + " every system (write '@common/base@^2.0.0/contexts/x.md')",
                        ":7 '..\\contexts\\style.md' contains '\\'; package paths use '/' on every system"
                                + " (write '../contexts/style.md')"),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line() + " " + problem.message()
                        + " (" + problem.hint() + ")").toList());
    }

    /**
     * A file system follows 'nothere/..' only through a folder that exists, where the text alone resolves it: a path
     * may start with './' or '../' steps, then holds names only, and the hint gives that form.
     */
    @Test
    void aPathIsWrittenInItsNormalFormWhichIsCheckedToo() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        inherits: ./base.prmd
                        context: nothere/../../README.md
                        contexts: [../contexts//style.md, ./../contexts/style.md, ../contexts/./style.md,
                          ../contexts/style.md, ./nothere/../gone.md]
                        system: contexts//style.md
                        ---
                        {% include "./parts/../base.prmd" %}
                        """,
                "prompts/base.prmd", "---\n---\nBase\n",
                "contexts/style.md", "Use British spelling.", "README.md", "# Read me"), Map.of());

        String why = " in its path: a prompt's path may start with './' or '../' steps, then holds names only, as a file"
                + " system follows 'name/..' only through a folder that exists";
        assertEquals(List.of(
                        "/context:3 'nothere/../../README.md' has '..'" + why + " (write '../README.md')",
                        "/contexts/0:4 '../contexts//style.md' has '//'" + why + " (write '../contexts/style.md')",
                        "/contexts/1:4 './../contexts/style.md' has '..'" + why + " (write '../contexts/style.md')",
                        "/contexts/2:4 '../contexts/./style.md' has '.'" + why + " (write '../contexts/style.md')",
                        "/contexts/4:5 './gone.md' resolves to 'prompts/gone.md', which is not in the package (add the"
                                + " file, or fix the path: it is relative to the folder of prompts/a.prmd)",
                        "/contexts/4:5 './nothere/../gone.md' has '..'" + why + " (write './gone.md')",
                        "/system:6 'contexts//style.md' has '//'" + why + " (write 'contexts/style.md')",
                        "/system:6 'contexts/style.md' resolves to 'prompts/contexts/style.md', which is not in the"
                                + " package (add the file, or fix the path: it is relative to the folder of"
                                + " prompts/a.prmd)",
                        ":8 './parts/../base.prmd' has '..'" + why + " (write './base.prmd')"),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line() + " " + problem.message()
                        + " (" + problem.hint() + ")").toList());
    }

    /** A folder or a pattern is not a file missing: "not in the package" sent the author to look for one. */
    @Test
    void aPathToAFolderOrAPatternIsToldToNameEachFile() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        context: ../contexts/sub
                        contexts: [./, ../contexts/*.md]
                        ---
                        Text
                        """,
                "contexts/sub/style.md", "Use British spelling.", "contexts/tone.md", "Be kind."), Map.of());

        assertEquals(List.of(
                        "/context:2 '../contexts/sub' resolves to the folder 'contexts/sub', and a prompt names files,"
                                + " each by its own path (name each file, such as '../contexts/sub/style.md')",
                        "/contexts/0:3 './' resolves to the folder 'prompts', and a prompt names files, each by its"
                                + " own path (name each file by its path, relative to the folder of prompts/a.prmd)",
                        "/contexts/1:3 '../contexts/*.md' reads as a pattern, and a prompt names files, each by its own"
                                + " path, never read as a pattern (name each file by its path, relative to the folder"
                                + " of prompts/a.prmd)"),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line() + " " + problem.message()
                        + " (" + problem.hint() + ")").toList());
    }

    /**
     * A folder written with a final '/' or '.' steps was told two contradicting errors, the folder's quoting the path
     * in normal form and the form's hint giving the folder again; the package root ('../' from prompts/) was told it
     * points outside the package; and './' was told to name the prompt itself. Now a folder's one error quotes the path
     * as written, and its example is another file of the folder, or none.
     */
    @Test
    void aPathToAFolderIsToldOnceAsWrittenTheRootTooWithAnotherFileForExample() {
        List<Problem> problems = validate(Map.of(
                "prompts/example.prmd", """
                        ---
                        context: "../contexts/"
                        contexts: ["../", "./", "./../prompts/", '..\\contexts\\']
                        ---
                        Text
                        """,
                "prompts/other.md", "Other.", "contexts/a.md", "A."), Map.of());

        String names = ", and a prompt names files, each by its own path (name each file, such as ";
        assertEquals(List.of(
                        "/context:2 '../contexts/' resolves to the folder 'contexts'" + names + "'../contexts/a.md')",
                        "/contexts/0:3 '../' resolves to the package's root folder" + names + "'../contexts/a.md')",
                        "/contexts/1:3 './' resolves to the folder 'prompts'" + names + "'./other.md')",
                        "/contexts/2:3 './../prompts/' resolves to the folder 'prompts'" + names + "'./other.md')",
                        "/contexts/3:3 '..\\contexts\\' resolves to the folder 'contexts'" + names
                                + "'../contexts/a.md')"),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line() + " " + problem.message()
                        + " (" + problem.hint() + ")").toList());
    }

    /**
     * The root's first files are those every package has, sorting before the rest (prompd.json, README.md, LICENSE),
     * odd files for a prompt to name: the example is a prompt or a text file, any other file only where there is none.
     */
    @Test
    void theRootsExampleIsAFileAPromptNamesNotTheManifestOrReadme() {
        String prompt = """
                ---
                contexts: ["../"]
                ---
                Text
                """;
        String names = "/contexts/0:2 '../' resolves to the package's root folder, and a prompt names files, each by"
                + " its own path (name each file, such as ";

        Function<Map<String, String>, List<String>> told = files -> validate(files, Map.of()).stream()
                .map(problem -> problem.pointer() + ":" + problem.line() + " " + problem.message() + " ("
                        + problem.hint() + ")").toList();

        assertEquals(List.of(names + "'tone.txt')"), told.apply(Map.of("prompts/a.prmd", prompt, "prompd.json", "{}",
                "README.md", "Read me.", "LICENSE", "MIT", "data.csv", "a,b", "prompts/tone.txt", "Be kind.")));
        assertEquals(List.of(names + "'../LICENSE')"), told.apply(Map.of("prompts/a.prmd", prompt, "prompd.json",
                "{}", "LICENSE", "MIT")));
    }

    /** Linux takes a name in other letter case for another file, where macOS and Windows find the file. */
    @Test
    void aLocalPathNamingNoFileIsToldTheFileItLikelyMeansAsAPathIntoADependencyIs() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        context: ../contexts/style.md
                        system: ./roles/Admin.md
                        inherits: ./Base.prmd
                        ---
                        {% include "part/intro.md" %}
                        """,
                "prompts/base.prmd", "---\n---\nBase\n", "contexts/Style.md", "British spelling.",
                "prompts/roles/admin.md", "You review code.", "prompts/parts/intro.md", "Hello."), Map.of());

        String fix = " add the file, or fix the path: it is relative to the folder of prompts/a.prmd";
        assertEquals(List.of("/context:2 did you mean '../contexts/Style.md'?" + fix,
                        "/system:3 did you mean './roles/admin.md'?" + fix,
                        "/inherits:4 did you mean './base.prmd'?" + fix,
                        ":6 did you mean 'parts/intro.md'?" + fix),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line() + " " + problem.hint())
                        .toList());
    }

    @Test
    void templatesThatIncludeThemselvesAreACycleNamedOnce() {
        List<Problem> problems = validate(Map.of(
                "p/a.prmd", "---\n---\n{% include './b.prmd' %}\n{% include './shared.prmd' %}\n",
                "p/b.prmd", "---\n---\ntext\n{% import './a.prmd' as a %}\n",
                "p/self.prmd", "---\n---\n{% extends './self.prmd' %}\n",
                "p/shared.prmd", "---\n---\nshared\n",
                "p/top.prmd", "---\n---\n{% include './shared.prmd' %}{% include './a.prmd' %}\n"), Map.of());

        assertEquals(List.of("p/a.prmd:3 circular include: p/a.prmd → p/b.prmd → p/a.prmd",
                        "p/self.prmd:3 circular include: p/self.prmd → p/self.prmd"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void aFileIncludedTwiceOrByTwoPromptsIsNoCycle() {
        assertEquals(List.of(), validate(Map.of(
                "a.prmd", "---\n---\n{% include './c.prmd' %}{% include './c.prmd' %}{% include './b.prmd' %}\n",
                "b.prmd", "---\n---\n{% include './c.prmd' %}\n",
                "c.prmd", "---\n---\nc\n"), Map.of()));
    }

    /** 41 small files each including the next twice render 2^40 copies of the last: terabytes for one prompt. */
    @Test
    @Timeout(10)
    void includesThatMultiplyAreRefusedAtThePromptWithTheChainThatMultiplies() {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            files.put("prompts/p" + i + ".md", "{% include \"p" + (i + 1) + ".md\" %}{% if true %}{% include \"p"
                    + (i + 1) + ".md\" %}{% endif %}\n");
        }
        files.put("prompts/p40.md", "leaf text\n");
        files.put("prompts/a.prmd", "---\n---\n# User\n\n{% include \"p0.md\" %}\n");

        List<Problem> problems = validate(files, Map.of());

        assertEquals(List.of("prompts/a.prmd:5 the prompt's includes expand to more than 1,000 files loaded in all,"
                        + " through prompts/a.prmd → prompts/p0.md → prompts/p1.md ×2 → prompts/p2.md ×2 → … (34 more)"
                        + " → prompts/p37.md ×2 → prompts/p38.md ×2 → prompts/p39.md ×2 → prompts/p40.md ×2: each file"
                        + " loading the next more than once multiplies the copies"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertTrue(problems.get(0).isError());
    }

    /** A large text counts as much as many files: a few loads of a file near the per-file limit are too much. */
    @Test
    void includesOfALargeFileThatMultiplyPastTheTextLimitAreRefused() {
        List<Problem> problems = validate(Map.of(
                "a.prmd", "---\n---\n{% include './b.md' %}{% include './b.md' %}{% include './b.md' %}\n",
                "b.md", "{% include './big.md' %}{% include './big.md' %}\n",
                "big.md", "x".repeat(3 * 1024 * 1024)), Map.of());

        assertEquals(List.of("a.prmd:3 the prompt's includes expand to more than 16 MiB of text, through a.prmd →"
                        + " b.md ×3 → big.md ×2: each file loading the next more than once multiplies the copies"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /** A file of another package is loaded as a local one is: without its text known, each load still counts. */
    @Test
    void loadsOfAFileOfAnotherPackageCountTowardsTheLimit() {
        String include = "{% include \"@common/base@^2.0.0/prompts/reviewer-base.prmd\" %}";
        List<Problem> problems = validate(Map.of("a.prmd", "---\n---\n" + include.repeat(1_001) + "\n"),
                Map.of("@common/base", "^2.0.0"));

        assertEquals(List.of("a.prmd:3 the prompt's includes expand to more than 1,000 files loaded in all, through"
                        + " a.prmd → @common/base@^2.0.0/prompts/reviewer-base.prmd ×1001: each file loading the next"
                        + " more than once multiplies the copies"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /** A loop over range() of a literal loads the file once a round, and nested loops multiply. */
    @Test
    void loadsInLoopsOverARangeCountOnceARound() {
        List<Problem> problems = validate(Map.of(
                "a.prmd", "---\n---\n{% for i in range(30) %}\n{% for j in range(30) %}{% include './x.md' %}"
                        + "{% endfor %}{% endfor %}{% for k in ['a', 'b'] %}{% include './y.md' %}{% endfor %}\n"
                        + "{% for i in range(100) %}{% include './y.md' %}{% endfor %}\n",
                "x.md", "x\n", "y.md", "y\n"), Map.of());

        assertEquals(List.of("a.prmd:4 the prompt's includes expand to more than 1,000 files loaded in all, through"
                        + " a.prmd → x.md ×900: each file loading the next more than once multiplies the copies"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /** Loops of more rounds than the limit are too much on their own, told where the file is loaded. */
    @Test
    void aLoadInLoopsOfMoreRoundsThanTheLimitIsAnErrorWhereItIsLoaded() {
        List<Problem> problems = validate(Map.of(
                "a.prmd", "---\n---\n{% include './b.md' %}\n",
                "b.md", "{% for i in range(1000000) %}{% for j in range(1000000) %}\n{% include './x.md' %}"
                        + "{% endfor %}{% endfor %}{% for k in range(99999999999999999999) %}{% include './x.md' %}"
                        + "{% endfor %}\n",
                "x.md", "x\n"), Map.of());

        assertEquals(List.of("b.md:2 the template loads './x.md' in loops over range() of 1,000,000,000,000 rounds in"
                        + " all, more than the 1,000 files a prompt may load",
                "b.md:2 the template loads './x.md' in loops over range() of too many rounds in all, more than the"
                        + " 1,000 files a prompt may load"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    /** Macros each calling the next twice render 2^40 copies of the first without a single include. */
    @Test
    @Timeout(10)
    void macrosThatMultiplyAreRefusedAsIncludesAre() {
        StringBuilder body = new StringBuilder("{% macro m0() %}" + "x".repeat(48) + "{% endmacro %}\n");
        for (int i = 1; i <= 40; i++) {
            body.append("{% macro m").append(i).append("() %}{{ m").append(i - 1).append("() }}{{ m").append(i - 1)
                    .append("() }}{% endmacro %}\n");
        }
        List<Problem> problems = validate(Map.of("a.prmd", "---\n---\n" + body + "{{ m40() }}\n"), Map.of());

        assertEquals(List.of("a.prmd:44 the prompt's includes expand to more than 1,000 files loaded in all, through"
                        + " a.prmd → a.prmd: m40() → a.prmd: m39() ×2 → a.prmd: m38() ×2 → … (34 more)"
                        + " → a.prmd: m3() ×2 → a.prmd: m2() ×2 → a.prmd: m1() ×2 → a.prmd: m0() ×2: each file"
                        + " loading the next more than once multiplies the copies"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /** A macro called in loops over range() is called once a round, as a file loaded there is loaded. */
    @Test
    void aMacroCalledInLoopsOfMoreRoundsThanTheLimitIsRefused() {
        List<Problem> problems = validate(Map.of("a.prmd", "---\n---\n{% macro m() %}x{% endmacro %}\n"
                + "{% for i in range(1000000) %}{{ m() }}{% endfor %}\n"), Map.of());

        assertEquals(List.of("a.prmd:4 the prompt's includes expand to more than 1,000 files loaded in all, through"
                        + " a.prmd → a.prmd: m() ×1001: each file loading the next more than once multiplies the"
                        + " copies"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /** A macro called a few times, by another macro or in a loop over a list, is far below the limit. */
    @Test
    void macrosCalledAFewTimesPass() {
        assertEquals(List.of(), validate(Map.of("a.prmd", "---\n---\n{% macro item(x) %}- {{ x }}{% endmacro %}"
                + "{% macro list(xs) %}{% for x in xs %}{{ item(x) }}{% endfor %}{% endmacro %}"
                + "{{ list(['a', 'b']) }}{{ list(['c']) | upper }}{{ 'x'.upper() }}{{ item('d') }}\n"), Map.of()));
    }

    /** Shared files reached along several ways are each counted as often as they are rendered, far below the limit. */
    @Test
    void aDiamondOfIncludesIsNoExpansionTooLarge() {
        assertEquals(List.of(), validate(Map.of(
                "a.prmd", "---\n---\n{% include './b.md' %}{% include './c.md' %}{% include './b.md' %}\n",
                "b.md", "{% include './d.md' %}{% include './e.md' %}\n",
                "c.md", "{% include './d.md' %}{% include './d.md' %}\n",
                "d.md", "{% include './e.md' %}\n",
                "e.md", "e\n"), Map.of()));
    }

    /** Jinja renders a file a prompt includes as a template too, whatever its extension. */
    @Test
    void aCycleThroughFilesThatAreNoPromptIsNamedAtTheFileThatClosesIt() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", "---\n---\nA {% include './c.md' %}\n",
                "prompts/c.md", "C\n{% include './d.md' %}\n",
                "prompts/d.md", "D {% include 'c.md' %}\n",
                "prompts/b.prmd", "---\n---\n{% include './part.txt' %}\n",
                "prompts/part.txt", "{% include './b.prmd' %}\n"), Map.of());

        assertEquals(List.of("prompts/b.prmd:3 circular include: prompts/b.prmd → prompts/part.txt →"
                + " prompts/b.prmd",
                        "prompts/c.md:2 circular include: prompts/c.md → prompts/d.md → prompts/c.md"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void aMissingFileThatAnIncludedFileIncludesIsAnErrorAtItsLine() {
        Problem problem = single(validate(Map.of(
                "prompts/a.prmd", "---\n---\n{% include './parts/part.md' %}\n",
                "prompts/parts/part.md", "Part\n\n{% include '../missing.md' %}\n"), Map.of()), Severity.ERROR);

        assertEquals("prompts/parts/part.md:3 '../missing.md' resolves to 'prompts/missing.md', which is not in the"
                + " package", ProblemLocation.of(problem) + " " + problem.message());
    }

    @Test
    void anUnclosedTagOfAFileIncludedByTwoPromptsIsOneErrorThereNamingWhatIncludesIt() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", "---\n---\n{% include './c.md' %}\n",
                "prompts/b.prmd", "---\n---\n{% include './c.md' %}\n",
                "prompts/c.md", "{% include './d.md' %}\n",
                "prompts/d.md", "one\n{% if x %} never closed {{ y\n"), Map.of());

        assertEquals(List.of("prompts/d.md:2 the template does not render (loaded through prompts/a.prmd →"
                + " prompts/c.md):"
                        + " '{{' is never closed with '}}'",
                        "prompts/d.md:2 the template does not render (loaded through prompts/a.prmd → prompts/c.md):"
                        + " {% if %} is never closed"),
                problems.stream().filter(Problem::isError).map(problem -> ProblemLocation.of(problem) + " " + problem.message())
                        .toList());
    }

    @Test
    void anIncludedFileThatRendersPassesWhateverIncludesItAndTheFilesItLeavesUnread() {
        assertEquals(List.of("prompts/parts/intro.md:2 '{% include name %}'"), validate(Map.of(
                "prompts/a.prmd", "---\nparameters:\n  - name: topic\n  - name: items\n    type: array\n"
                        + "  - name: name\n---\n{% include './parts/intro.md' %}\n",
                "prompts/b.prmd", "---\nparameters:\n  - name: items\n    type: array\n  - name: name\n---\n"
                        + "{% set topic = 'x' %}{% include './parts/intro.md' %}{% include './parts/intro.md' %}\n",
                "prompts/parts/intro.md", "{% for item in items %}{{ item }}{% endfor %} {{ topic }}\n"
                        + "{% include './outro.md' %}{% include './maybe.md' ignore missing %}{% include name %}\n",
                "prompts/parts/outro.md", "{# a note #}Bye {% raw %}{{ {% endraw %}\n",
                "prompts/data.md", "{% if never closed, but no template loads this file\n"), Map.of()).stream()
                .map(problem -> ProblemLocation.of(problem) + " " + problem.message())
                .map(shown -> shown.replace(" names its file by an expression computed at render time, so neither"
                        + " validate nor a registry's check can tell that the file exists or lies inside the package",
                        ""))
                .toList());
    }

    /**
     * A variable a typo away from a declared parameter got only "not declared", while a misspelt filter, type or key
     * gets a "did you mean": the name meant is suggested by the same rule, among the parameters, the names the file
     * sees where it is loaded, and Jinja's own; none for a name far from all of them.
     */
    @Test
    void anUndeclaredVariableIsAskedWhetherItMeantAParameterOrAJinjaNameCloseToIt() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        parameters:
                          - name: ticket
                          - name: audience
                        ---
                        {{ tikcet }} {{ Ticket }} {{ rnage(3) | join }} {{ weather }}
                        {% for entry in [1] %}{% include 'part.md' %}{% endfor %}
                        """,
                "prompts/part.md", "{{ audeince }} {{ entyr }}\n"), Map.of());

        assertEquals(List.of("prompts/p.prmd:6 Ticket: did you mean 'ticket'? declare it under \"parameters\", or fix"
                        + " its spelling",
                        "prompts/p.prmd:6 rnage: did you mean 'range'? declare it under \"parameters\", or fix its"
                                + " spelling",
                        "prompts/p.prmd:6 tikcet: did you mean 'ticket'? declare it under \"parameters\", or fix its"
                                + " spelling",
                        "prompts/p.prmd:6 weather: declare it under \"parameters\", or fix its spelling",
                        "prompts/part.md:1 audeince: did you mean 'audience'? declare it under \"parameters\" of"
                                + " prompts/p.prmd, or fix its spelling",
                        "prompts/part.md:1 entyr: did you mean 'entry'? declare it under \"parameters\" of"
                                + " prompts/p.prmd, or fix its spelling"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " "
                        + problem.message().replaceFirst("the variable '([^']*)'.*", "$1") + ": " + problem.hint())
                        .toList());
    }

    @Test
    void aVariableAnIncludedFileUsesThatTheIncludingPromptLacksIsAWarningThereNamingThePrompt() {
        Problem problem = single(validate(Map.of(
                "prompts/p.prmd", "---\nparameters:\n  - name: text\n---\n{% include 'part.md' %} {{ text }}\n",
                "prompts/part.md", "Say {{ text }}\nAudience: {{ audeince }}\n"), Map.of()), Severity.WARNING);

        assertEquals("prompts/part.md:2 the variable 'audeince' is used but not declared as a parameter of"
                + " prompts/p.prmd, which includes this file", ProblemLocation.of(problem) + " " + problem.message());
        assertEquals("declare it under \"parameters\" of prompts/p.prmd, or fix its spelling", problem.hint());
    }

    /**
     * {@code super} and {@code self} are Jinja's own, as {@code loop} and {@code caller} are: they were told undeclared
     * variables. {@code super()} renders the overridden block, inside a block only; {@code self} names the
     * template's blocks anywhere. A block is rendered as a function of its own: what it sets, the file extended does
     * not see.
     */
    @Test
    void superInsideABlockAndSelfAnywhereAreJinjasOwnNames() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        ---
                        {% extends "parts/layout.md" %}{% block header %}{{ super() }} / {{ self.body() | length }}\
                        {% set mark = '*' %}{% endblock %}{% set title = self.header() %}
                        {% block body %}{{ super() }}{{ mark }}{% endblock %}{{ super() }}
                        """,
                "prompts/parts/layout.md", "{% block header %}H{% endblock %}\n{% block body %}B{% endblock %}\n"
                        + "{{ title }}{{ mark }}\n"),
                Map.of());

        assertEquals(List.of("prompts/p.prmd:4 the variable 'mark' is used in the body but not declared as a"
                        + " parameter",
                        "prompts/p.prmd:4 the variable 'super' is used in the body but not declared as a parameter",
                        "prompts/parts/layout.md:3 the variable 'mark' is used but not declared as a parameter of"
                                + " prompts/p.prmd, which extends this file"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /**
     * Jinja renders the file a prompt extends in the prompt's context, once the prompt's template has run: it sees the
     * prompt's parameters and what the prompt sets outside its blocks, before its extends or after, and a variable
     * neither gives it renders empty, as in a file included.
     */
    @Test
    void aVariableAnExtendedFileUsesThatTheExtendingPromptLacksIsAWarningThereNamingThePrompt() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        parameters:
                          - name: topic
                        ---
                        {% extends './layouts/base.md' %}{% set tone = 'calm' %}
                        {% block body %}About {{ topic }}{% endblock %}
                        """,
                "prompts/layouts/base.md", """
                        {{ tone }} {{ topic }}
                        Audience: {{ audeince }}
                        {% block body %}{% endblock %}{% include './footer.md' %}
                        """,
                "prompts/layouts/footer.md", "{{ tone }} {{ signature }}\n"), Map.of());

        assertEquals(List.of("prompts/layouts/base.md:2 the variable 'audeince' is used but not declared as a parameter"
                        + " of prompts/p.prmd, which extends this file",
                        "prompts/layouts/footer.md:1 the variable 'signature' is used but not declared as"
                                + " a parameter of"
                        + " prompts/p.prmd, which includes this file through prompts/layouts/base.md"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertEquals("declare it under \"parameters\" of prompts/p.prmd, or fix its spelling", problems.get(0).hint());
    }

    /**
     * Jinja's include renders the file seeing the caller's context: the prompt's parameters and what the including
     * templates bind where they include it.
     */
    @Test
    void anIncludedFileMaySeeWhatTheIncludingTemplatesBindWhereTheyIncludeItAndEachPromptIncludingItIsChecked() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        parameters:
                          - name: items
                            type: array
                        ---
                        {% set tone = 'calm' %}{% for item in items %}{% include './parts/item.md' %}{% endfor %}
                        """,
                "prompts/b.prmd", """
                        ---
                        parameters:
                          - name: colour
                          - name: item
                          - name: tone
                        ---
                        {% include './parts/item.md' %}
                        """,
                "prompts/parts/item.md", "{{ item }} {{ tone }} {{ loop.index }}\n{% include './detail.md' %}\n",
                "prompts/parts/detail.md", "{{ item.name }}\n{{ colour }}\n"), Map.of());

        assertEquals(List.of("prompts/parts/detail.md:2 the variable 'colour' is used but not declared as"
                + " a parameter of"
                        + " prompts/a.prmd, which includes this file through prompts/parts/item.md"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /**
     * Jinja renders a file included without context seeing none of the caller's names, nor do the files it includes
     * in turn: a parameter the prompt declares renders empty there, as a typo does; only what the file binds itself
     * is seen.
     */
    @Test
    void aVariableOfAFileIncludedWithoutContextIsAWarningEvenWhenThePromptDeclaresIt() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        parameters:
                          - name: text
                        ---
                        {{ text }}{% set own = 1 %}{% include 'parts/nc.md' without context %}
                        """,
                "prompts/parts/nc.md", """
                        {% set own = 'mine' %}{{ own }} {{ text }}
                        {% for row in [1, 2] %}{{ row }}{% endfor %}{{ typo1 }}
                        {% include './inner.md' %}
                        """,
                "prompts/parts/inner.md", "{{ own }} {{ text }}\n"), Map.of());

        assertEquals(List.of("prompts/parts/inner.md:1 the variable 'text' is used but prompts/p.prmd includes"
                        + " prompts/parts/nc.md without context, and this file through prompts/parts/nc.md, so the file"
                        + " sees none of the prompt's parameters and 'text' renders empty",
                        "prompts/parts/nc.md:1 the variable 'text' is used but prompts/p.prmd includes"
                                + " this file without"
                        + " context, so the file sees none of the prompt's parameters and 'text' renders empty",
                        "prompts/parts/nc.md:2 the variable 'typo1' is used but prompts/p.prmd includes this file"
                        + " without context, so the file sees none of the prompt's parameters and"
                        + " 'typo1' renders empty"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertEquals(List.of(Severity.WARNING), problems.stream().map(Problem::severity).distinct().toList());
        assertEquals("include prompts/parts/nc.md with context (drop 'without context'), or set the variable in the"
                + " file", problems.get(0).hint());
        assertEquals("include this file with context (drop 'without context'), or set the variable in the file",
                problems.get(1).hint());
    }

    /**
     * A name of a file the prompt includes both with its context and without renders empty in each way for another
     * cause: declaring it mends the one, setting it in the file or passing the context the other, so each is told.
     */
    @Test
    void aFileIncludedWithAndWithoutContextIsToldOfAnUndeclaredVariableInEachWay() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        parameters:
                          - name: topic
                        ---
                        {% include './both.md' %}
                        {% include './both.md' without context %}
                        """,
                "prompts/both.md", "On {{ topic }}: {{ tpoic }}\n"), Map.of());

        assertEquals(List.of("prompts/both.md:1 the variable 'topic' is used but prompts/p.prmd includes this file"
                        + " without context, so the file sees none of the prompt's parameters and"
                        + " 'topic' renders empty",
                        "prompts/both.md:1 the variable 'tpoic' is used but not declared as a parameter of"
                                + " prompts/p.prmd,"
                        + " which includes this file",
                        "prompts/both.md:1 the variable 'tpoic' is used but prompts/p.prmd includes this file"
                        + " without context, so the file sees none of the prompt's parameters and"
                        + " 'tpoic' renders empty"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /**
     * Jinja imports without context by default: a macro of an imported file sees its own arguments and what the file
     * binds, none of the caller's names. Imported with context, the file sees the prompt's parameters and what the
     * importing template binds where it imports it, and is checked as an included file is.
     */
    @Test
    void anImportedFileIsCheckedAgainstThePromptWithContextAndSeesNothingOfItWithout() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        parameters:
                          - name: text
                          - name: items
                            type: array
                        ---
                        {% from 'parts/m.md' import row %}{% import 'parts/lib.md' as lib without context %}
                        {% for item in items %}{% from 'parts/w.md' import cell with context %}{{ cell() }}{% endfor %}
                        {{ row(text) }}{{ lib.col() }}{{ text }}
                        """,
                "prompts/parts/m.md", "{% set sep = '|' %}{% macro row(value) %}{{ sep }}{{ value }}{{ caller }}"
                        + "{% endmacro %}\n{% macro other() %}{{ text }}{% endmacro %}\n",
                "prompts/parts/lib.md", "{% macro col() %}{{ items }}{% endmacro %}\n",
                "prompts/parts/w.md", "{% macro cell() %}[{{ item }} {{ text }} {{ typo2 }}]{% endmacro %}\n"),
                Map.of());

        assertEquals(List.of("prompts/parts/lib.md:1 the variable 'items' is used but prompts/p.prmd imports this"
                        + " file without context (Jinja's default for an import), so the file sees none of the prompt's"
                        + " parameters and 'items' renders empty",
                        "prompts/parts/m.md:2 the variable 'text' is used but prompts/p.prmd imports this file without"
                        + " context (Jinja's default for an import), so the file sees none of the prompt's parameters"
                        + " and 'text' renders empty",
                        "prompts/parts/w.md:1 the variable 'typo2' is used but not declared as a parameter of"
                        + " prompts/p.prmd, which imports this file"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertEquals("import this file with context (add 'with context' to the import), or pass the value to the macro"
                + " as an argument", problems.get(0).hint());
        assertEquals("declare it under \"parameters\" of prompts/p.prmd, or fix its spelling", problems.get(2).hint());
    }

    /**
     * A prompt file included renders with the including prompt's variables, as any other file does: the parameters
     * its own front matter declares are not the includer's, so a variable it uses is checked against the includer,
     * through another file too, and against itself as a prompt.
     */
    @Test
    void aPromptFileIncludedIsCheckedAgainstTheIncludingPromptAsAnotherFileIs() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", "---\n---\n# User\n{% include './other.prmd' %}\n",
                "prompts/b.prmd", "---\n---\n# User\n{% include './other.md' %}\n",
                "prompts/c.prmd", "---\nparameters:\n  - name: q\n---\n{% include './via.md' %}\n",
                "prompts/via.md", "{% include './other.prmd' %}\n",
                "prompts/other.md", "Other {{ q }}\n",
                "prompts/other.prmd", "---\nparameters:\n  - name: q\n    type: string\n---\n# System\nOther {{ q }}"
                        + " {{ r }}\n"), Map.of());

        assertEquals(List.of("prompts/other.md:1 the variable 'q' is used but not declared as a parameter of"
                        + " prompts/b.prmd, which includes this file",
                        "prompts/other.prmd:7 the variable 'q' is used but not declared as a parameter of"
                        + " prompts/a.prmd, which includes this file",
                        "prompts/other.prmd:7 the variable 'r' is used but not declared as a parameter of"
                        + " prompts/a.prmd, which includes this file",
                        "prompts/other.prmd:7 the variable 'r' is used but not declared as a parameter of"
                        + " prompts/c.prmd, which includes this file through prompts/via.md",
                        "prompts/other.prmd:7 the variable 'r' is used in the body but not declared as a parameter"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    /**
     * A name taken with {% from %} is one the file defines by a macro or a set outside its loops and macros, or Jinja
     * and Nunjucks refuse to render; a file extending another may take names from it, and is not judged.
     */
    @Test
    void aNameImportedFromAFileThatDoesNotDefineItIsAnErrorNamingWhatItDefines() {
        List<Problem> problems = validate(Map.of(
                "prompts/p.prmd", """
                        ---
                        ---
                        {% from '../parts/macros.md' import nothere, real as r %}{{ nothere() }}{{ r() }}
                        {% from '../parts/vars.md' import greeting, reel %}{% from '../parts/child.md' import a %}
                        {% from '../parts/empty.md' import x %}{{ greeting }}{{ reel }}{{ x }}{{ a }}
                        """,
                "parts/macros.md", "{% macro real() %}x{% endmacro %}{% set _own = 1 %}{% set shared = 2 %}\n"
                        + "{% for i in [1] %}{% set inner = i %}{% endfor %}{% macro m() %}{% set local = 1 %}"
                        + "{% endmacro %}\n",
                "parts/vars.md", "{% if true %}{% set greeting = 'hi' %}{% endif %}{% set real = 1 %}\n",
                "parts/child.md", "{% extends './macros.md' %}\n",
                "parts/empty.md", "Nothing here.\n"), Map.of());

        assertEquals(List.of("prompts/p.prmd:3 the template does not render: 'nothere' is imported from"
                        + " '../parts/macros.md', which does not define it (it defines 'real', 'shared' and 'm')",
                        "prompts/p.prmd:4 the template does not render: 'reel' is imported from '../parts/vars.md',"
                        + " which does not define it (it defines 'greeting' and 'real')",
                        "prompts/p.prmd:5 the template does not render: 'x' is imported from '../parts/empty.md',"
                        + " which does not define it (it defines no macro or variable)"),
                problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertEquals(List.of("import a name it defines, or define 'nothere' in parts/macros.md with"
                        + " {% macro nothere() %} or {% set nothere = ... %}, outside its loops and macros",
                        "did you mean 'real'? import a name it defines, or define 'reel' in parts/vars.md with"
                        + " {% macro reel() %} or {% set reel = ... %}, outside its loops and macros"),
                problems.subList(0, 2).stream().map(Problem::hint).toList());
    }

    /**
     * A file a template may render without is rendered all the same when it is there: checked as a template at its
     * own lines, with what it loads in turn and the cycles it closes; only its absence is no error.
     */
    @Test
    void aFileIncludedIgnoreMissingOrFromAListIsCheckedAsATemplateWhenItIsThere() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        ---
                        {% include "../parts/x.md" ignore missing %}
                        {% include ["../parts/nope.md", "../parts/y.md"] %}
                        {% include "../parts/gone.md" ignore missing %}{% include "../parts/z.md" if m else "" %}
                        """,
                "parts/x.md", "{% if x %}open\n",
                "parts/y.md", "Y\n{% include './gone.md' %}\n",
                "parts/z.md", "{% include ['./z.md'] ignore missing %}\n"), Map.of());

        assertEquals(List.of("parts/x.md:1 the template does not render (loaded through prompts/a.prmd):"
                        + " {% if %} is never closed",
                        "parts/y.md:2 './gone.md' resolves to 'parts/gone.md', which is not in the package",
                        "parts/z.md:1 circular include: parts/z.md → parts/z.md"),
                problems.stream().filter(Problem::isError).map(problem -> ProblemLocation.of(problem) + " " + problem.message())
                        .toList());
    }

    /**
     * Jinja renders the first file of a list that is there and fails when none is; of a condition it renders the
     * branch taken, which must be there. A list beside a name computed at render time may hold none of them.
     */
    @Test
    void aListWithNoFileThereOrAMissingBranchOfAConditionIsAnErrorAtItsLine() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        ---
                        {% include ["../parts/none1.md", "../parts/none2.md"] %}
                        {% import ["../parts/none3.md"] as m %}
                        {% include ["../parts/none4.md", "../parts/y.md"] %}{% include [name, "../parts/none5.md"] %}
                        {% include "../parts/y.md" if name else ["../parts/none6.md", "@other/p@^1/x.md"] %}
                        """,
                "prompts/b.prmd", """
                        ---
                        parameters:
                          - name: x
                            type: boolean
                        ---
                        {% extends "../parts/none7.md" if x else "../parts/y.md" %}
                        """,
                "parts/y.md", "Y\n"), Map.of("@other/p", "^1"));

        assertEquals(List.of("prompts/a.prmd:3 '../parts/none1.md' resolves to 'parts/none1.md', which is not in the"
                        + " package",
                        "prompts/a.prmd:3 '../parts/none2.md' resolves to 'parts/none2.md', which is not"
                                + " in the package",
                        "prompts/a.prmd:4 '../parts/none3.md' resolves to 'parts/none3.md', which is not"
                                + " in the package",
                        "prompts/b.prmd:6 '../parts/none7.md' resolves to 'parts/none7.md', which is not"
                                + " in the package"),
                problems.stream().filter(Problem::isError).map(problem -> ProblemLocation.of(problem) + " " + problem.message())
                        .toList());
    }

    /**
     * A file named by an expression is one no check can follow: from a parameter's value or a string joined to
     * another it may be missing, or lie outside the package, so it is a warning at its tag's line, in a file a prompt
     * includes too; a name written out, alone or in a list, is checked and warned of by no such rule.
     */
    @Test
    void aFileNamedByAnExpressionComputedAtRenderTimeIsAWarningAtItsLine() {
        List<Problem> problems = validate(Map.of(
                "prompts/a.prmd", """
                        ---
                        parameters:
                          - name: topic
                            type: string
                        ---
                        {% include topic %}
                        {% include "../../../../" ~ "etc/passwd" %}
                        {% set p = "../../../etc/passwd" %}{% include p %}
                        {% include "../parts/y.md" %}{% include ["../parts/y.md", "../parts/z.md"] %}
                        """,
                "parts/y.md", "{% import 'm' ~ 'acros.md' as m %}\n",
                "parts/z.md", "Z\n"), Map.of());

        String computed = "names its file by an expression computed at render time, so neither validate nor a"
                + " registry's check can tell that the file exists or lies inside the package";
        assertEquals(List.of("parts/y.md:1 '{% import 'm' ~ 'acros.md' as m %}' " + computed,
                        "prompts/a.prmd:6 '{% include topic %}' " + computed,
                        "prompts/a.prmd:7 '{% include \"../../../../\" ~ \"etc/passwd\" %}' " + computed,
                        "prompts/a.prmd:8 '{% include p %}' " + computed),
                problems.stream().filter(problem -> problem.message().contains("computed at render time"))
                        .map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
        assertTrue(problems.stream().noneMatch(Problem::isError), problems::toString);
    }

    /** The condition of a conditional extends is read from the caller as that of a conditional include is. */
    @Test
    void theConditionOfAnExtendsIsAVariableUsed() {
        assertEquals("the variable 'full' is used in the body but not declared as a parameter",
                single(validate(Map.of("prompts/a.prmd", "---\n---\n{% extends './b.prmd' if full else './c.prmd' %}\n",
                        "prompts/b.prmd", "---\n---\nB\n", "prompts/c.prmd", "---\n---\nC\n"), Map.of()),
                        Severity.WARNING).message());
    }

    @Test
    void localReferencesStayInsideThePackage() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", "---\ninherits: ../../outside.prmd\n---\n"),
                Map.of()),
                Severity.ERROR);
        assertTrue(problem.message().contains("outside the package"), problem.message());
    }

    @Test
    void absoluteHomeAndUrlPathsInMessageFieldsAreOutsideThePackage() {
        List<Problem> problems = validate(Map.of("prompts/a.prmd", """
                ---
                context: /etc/hosts.md
                contexts: ["/prompts/x.prompd", "~/secret.md", "file:///etc/passwd", "https://example.com/x.md"]
                system: /nonexistent/sys.md
                user: 'C:\\notes\\u.md'
                ---
                """), Map.of());
        assertEquals(List.of("/context:2", "/contexts/0:3", "/contexts/1:3", "/contexts/2:3", "/contexts/3:3",
                "/system:4",
                        "/user:5"), problems.stream().map(problem -> problem.pointer() + ":" + problem.line()).toList(),
                problems.toString());
        assertEquals("'~/secret.md' points outside the package", problems.get(2).message());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void packageReferencesNameDeclaredDependencies() {
        Problem problem = single(validate(Map.of("a.prmd",
                "---\ninherits: \"@prompd/core@0.0.1/prompts/base.prmd\"\n---\n"),
                Map.of()), Severity.ERROR);
        assertEquals("/inherits", problem.pointer());
        assertTrue(problem.hint().contains("\"@prompd/core\": \"0.0.1\""), problem.hint());
        assertTrue(problem.hint().contains("prompd.json"), problem.hint());
    }

    /** Written as a file of another package, a message entry is one with or without an extension, as an include is. */
    @Test
    void aMessageEntryNamingAFileOfAPackageIsCheckedAsAReferenceWithOrWithoutAnExtension() {
        List<Problem> problems = validate(Map.of("a.prmd", """
                ---
                contexts:
                  - "@zzz/notadep@^1.0.0/x"
                  - "@zzz/notadep@^1.0.0/x.md"
                  - "@prompd/core@^1.0.0/x"
                system: "@other/pkg/roles/admin"
                ---
                """), Map.of("@prompd/core", "^1.0.0"));

        assertEquals(List.of("/contexts/0", "/contexts/1", "/system"),
                problems.stream().map(Problem::pointer).toList(), problems.toString());
        assertEquals("'@zzz/notadep@^1.0.0/x' refers to @zzz/notadep, which is not a dependency of @team/prompts",
                problems.get(0).message());
        assertTrue(problems.get(2).message().startsWith("'@other/pkg/roles/admin' starts with the alias @other"),
                problems.get(2).message());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void aPackageReferenceWithDotSegmentsIsRefusedWhereverItIsWrittenNamingThePathMeant() {
        List<Problem> problems = validate(Map.of("prompts/a.prmd", """
                ---
                using:
                  - name: "@common/base@^2.0.0"
                    prefix: "@base"
                inherits: "@common/base@^2.0.0/prompts/./base.prmd"
                contexts:
                  - "@common/base@^2.0.0/../../../../etc/passwd"
                  - "@base/prompts/../README.md"
                  - "@common/base@^2.0.0/prompts/.."
                ---
                {% include "@common/base/prompts/../../x.md" %}
                """), Map.of("@common/base", "^2.0.0"));

        assertEquals(List.of("/inherits:5", "/contexts/0:7", "/contexts/1:8", "/contexts/2:9", ":11"),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line()).toList(),
                problems.toString());
        assertEquals("'@common/base@^2.0.0/prompts/./base.prmd' has '.' in its path, which is not allowed in a package"
                + " reference: the path is the file's from the root of @common/base", problems.get(0).message());
        assertEquals("write '@common/base@^2.0.0/prompts/base.prmd'", problems.get(0).hint());
        assertEquals("'@common/base@^2.0.0/../../../../etc/passwd' has '..' in its path, which is not allowed in a"
                + " package reference: the path is the file's from the root of @common/base, and this one leads out of"
                + " it", problems.get(1).message());
        assertEquals("refer only to files inside @common/base, by their path from its root", problems.get(1).hint());
        assertEquals("write '@base/README.md'", problems.get(2).hint());
        assertTrue(problems.get(3).message().endsWith("and this one names no file inside it"),
                "the package's root folder: " + problems.get(3).message());
        assertTrue(problems.get(4).message().endsWith("and this one leads out of it"), problems.get(4).message());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void anUndefinedAliasIsNamedWithTheAliasesThereAre() {
        Problem problem = single(validate(Map.of("a.prmd", """
                ---
                using:
                  - name: "@prompd/core@0.0.1"
                    prefix: "@core"
                ---
                {% include "@core/x.prmd" %}
                {% include "@undefinedalias/x.prmd" %}
                """), Map.of("@prompd/core", "0.0.1")), Severity.ERROR);
        assertEquals(7, problem.line());
        assertEquals("'@undefinedalias/x.prmd' starts with the alias @undefinedalias, which no 'using' entry defines"
                + " (the prompt's aliases are @core)", problem.message());
        assertEquals("add a 'using' entry with prefix: \"@undefinedalias\", or write a package reference as"
                + " @scope/name@range/path, with the package in \"dependencies\"", problem.hint());
        assertTrue(single(validate("---\ninherits: \"@base/prompts/x.prmd\"\n---\n"), Severity.ERROR).message()
                .endsWith("(the prompt has no 'using' entry)"));
    }

    /**
     * {@code @acme/base/prompts/x.prmd} is a package reference, but with the prefix {@code @acme} it reads as the alias
     * and the path {@code base/prompts/x.prmd}: the author meant the package, and was told the alias lacks a file.
     */
    @Test
    void aPrefixThatIsTheScopeOfItsPackageIsRefused() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", "---\nusing:\n  - name: \"@acme/base@^1.0.0\"\n"
                + "    prefix: \"@acme\"\n---\nText\n"), Map.of("@acme/base", "^1.0.0")), Severity.ERROR);

        assertEquals("/using/0/prefix:4 the prefix '@acme' is the scope of @acme/base, so every reference starting"
                + " '@acme/' reads as a package of that scope, where it is a file of @acme/base (choose a prefix that"
                + " is the scope of no package the prompt or prompd.json names, nor reads like one, such as '@base')",
                problem.pointer() + ":" + problem.line() + " " + problem.message() + " (" + problem.hint() + ")");
    }

    /**
     * The prefix {@code @common} of another package shadowed the dependency {@code @common/base-prompts}:
     * {@code inherits} reads as a file of the trusted {@code @common/base-prompts}, and is one of
     * {@code @prompd/code-reviewer}, which a warning let pass.
     */
    @Test
    void aPrefixThatIsTheScopeOfADependencyIsRefusedBeforeAnyInstall() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", """
                ---
                using:
                  - name: "@prompd/code-reviewer@^1.0.0"
                    prefix: "@common"
                inherits: "@common/base-prompts@^2.0.0/prompts/base.prmd"
                ---
                Text
                """), Map.of("@prompd/code-reviewer", "^1.0.0", "@common/base-prompts", "^2.0.0")), Severity.ERROR);

        assertEquals("/using/0/prefix:4 the prefix '@common' is the scope of @common/base-prompts, so every reference"
                + " starting '@common/' reads as a package of that scope, where it is a file of @prompd/code-reviewer"
                + " (choose a prefix that is the scope of no package the prompt or prompd.json names, nor reads like"
                + " one, such as '@code-reviewer')", problem.pointer() + ":" + problem.line() + " " + problem.message()
                + " (" + problem.hint() + ")");
    }

    /**
     * A package the prompt writes with a range under the prefix's scope is shadowed too, a dependency or not; the
     * prefix suggested is no scope of a package named, nor another alias's prefix.
     */
    @Test
    void aPrefixThatIsTheScopeOfAPackageThePromptWritesIsRefusedWithAFreePrefix() {
        List<Problem> problems = validate(Map.of("prompts/a.prmd", """
                ---
                using:
                  - name: "@prompd/base@^1.0.0"
                    prefix: "@common"
                  - name: "@other/tools@^1.0.0"
                    prefix: "@base"
                context: "@common/notes@^1.0.0/contexts/style.md"
                ---
                Text
                """), Map.of("@prompd/base", "^1.0.0", "@other/tools", "^1.0.0", "@base2/x", "^1.0.0"));

        List<Problem> prefixes = problems.stream().filter(problem -> problem.pointer().endsWith("/prefix")).toList();
        assertEquals(1, prefixes.size(), problems.toString());
        assertEquals("/using/0/prefix:4 the prefix '@common' is the scope of @common/notes, so every reference starting"
                + " '@common/' reads as a package of that scope, where it is a file of @prompd/base",
                prefixes.get(0).pointer() + ":" + prefixes.get(0).line() + " " + prefixes.get(0).message());
        assertEquals("choose a prefix that is the scope of no package the prompt or prompd.json names, nor reads like"
                + " one, such as '@base3'", prefixes.get(0).hint());
    }

    /** {@code @c0mmon/base-prompts/x.prmd} reads as a file of {@code @common/base-prompts}, as look-alike names do. */
    @Test
    void aPrefixThatReadsLikeTheScopeOfADependencyIsRefused() {
        Problem problem = single(validate(Map.of("prompts/a.prmd", """
                ---
                using:
                  - name: "mal-utils@^1.0.0"
                    prefix: "@c0mmon"
                inherits: "@c0mmon/base-prompts/prompts/base.prmd"
                ---
                """), Map.of("mal-utils", "^1.0.0", "@common/base-prompts", "^2.0.0")), Severity.ERROR);

        assertEquals("/using/0/prefix the prefix '@c0mmon' reads like the scope of @common/base-prompts, so every"
                + " reference starting '@c0mmon/' reads as a package of that scope, where it is a file of mal-utils",
                problem.pointer() + " " + problem.message());
    }

    /**
     * A prefix is read before anything else a reference may be: spelled as a package reference, it made
     * {@code inherits} the direct reference to a trusted package a reviewer reads, resolved into the alias's package,
     * and validate and the registry's check passed it; spelled as a folder, it did the same with a file of the package.
     * Each is refused at the prefix, with a prefix written as a scope is.
     */
    @Test
    void aPrefixThatReadsAsAPackageOrAPathIsRefused() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("@common/base-prompts@^2.1.0", "holds '/', so a reference through it,"
                + " '@common/base-prompts@^2.1.0/…', reads as a file of the package it names");
        refused.put("@common\\base-prompts", "holds '\\', so a reference through it,"
                + " '@common\\base-prompts/…', reads as a file of the package it names");
        refused.put("base-prompts@^2.1.0", "holds '@' after its first character, as a version is written, so a"
                + " reference through it, 'base-prompts@^2.1.0/…', reads as a file of the package and version it"
                + " names");
        refused.put("prompts", "does not start with '@', so a reference through it, 'prompts/…', reads as a file of"
                + " this package");
        refused.put("@Common", "is not written as a scope is (the scope 'Common' holds 'C' at position 1; use only"
                + " lowercase letters a-z, digits, '.', '_' and '-', starting with a letter or digit), so a reference"
                + " through it, '@Common/…', reads as a file of a package of the scope it looks like");
        refused.forEach((prefix, why) -> {
            String quoted = prefix.replace("\\", "\\\\");
            List<Problem> parsing = new ArrayList<>();
            PromptPackage pack = pack(Map.of("prompts/a.prmd", "---\nusing:\n  - name: \"mal-utils@^1.0.0\"\n"
                    + "    prefix: \"" + quoted + "\"\ninherits: \"" + quoted + "/prompts/reviewer-base.prmd\"\n---\n"),
                    Map.of("mal-utils", "^1.0.0"), parsing);
            assertEquals(List.of(), PromptValidator.validate(pack, HERE));
            Problem problem = single(parsing, Severity.ERROR);
            assertEquals("/using/0/prefix:4 the prefix '" + prefix + "' " + why + ", where it is one of mal-utils"
                    + " (name the alias something that cannot be read as a package or a path, '@' and a word as a"
                    + " scope is written, such as '@mal-utils')", problem.pointer() + ":" + problem.line() + " "
                    + problem.message() + " (" + problem.hint() + ")", prefix);
        });
        assertEquals(List.of(), validate(Map.of("prompts/a.prmd", "---\nusing:\n  - name: \"mal-utils@^1.0.0\"\n"
                + "    prefix: \"@mal_utils.v-2\"\n---\nText\n"), Map.of("mal-utils", "^1.0.0")));
    }

    @Test
    void aUsingEntryWithoutRangeNamesAMissingDependency() {
        Problem problem = single(validate("---\nusing:\n  - name: \"@prompd/core\"\n    prefix: \"@core\"\n---\nHi\n"),
                Severity.ERROR);
        assertEquals("add \"@prompd/core\": \"*\" to \"dependencies\" in prompd.json, then run 'prompd install',"
                + " which tells whether the registry has such a version (validate works offline)", problem.hint());
    }

    @Test
    void aliasesNameDeclaredDependenciesAndAreCheckedOnce() {
        String prompt = "---\nusing:\n  - name: \"@prompd/core@0.0.1\"\n    prefix: \"@core\"\n"
                + "inherits: \"@core/prompts/base.prmd\"\n---\n";
        assertEquals("/using/0/name", single(validate(Map.of("a.prmd", prompt), Map.of()), Severity.ERROR).pointer());
        assertEquals(List.of(), validate(Map.of("a.prmd", prompt), Map.of("@prompd/core", "0.0.1")));
    }

    @Test
    void aRangeOtherThanTheDeclaredOneIsAnErrorNamingBoth() {
        List<Problem> problems = validate(Map.of("a.prmd", """
                ---
                using:
                  - name: "@common/base@~1.2.0"
                    prefix: "@base"
                inherits: "@common/base@^9.9.9/prompts/x.prmd"
                ---
                {% include "@common/base@2.0.0/prompts/y.prmd" %}
                """), Map.of("@common/base", "^2.0.0"));
        assertEquals(List.of("/using/0/name:3", "/inherits:5", ":7"),
                problems.stream().map(problem -> problem.pointer() + ":" + problem.line()).toList(),
                problems.toString());
        assertEquals("'@common/base@^9.9.9/prompts/x.prmd' asks for @common/base \"^9.9.9\", but \"dependencies\" in"
                + " prompd.json give \"^2.0.0\"", problems.get(1).message());
        assertEquals("write '@common/base@^2.0.0/prompts/x.prmd' here, with the range prompd.json gives, which"
                + " prompd.lock follows", problems.get(1).hint());
        assertEquals("write '@common/base@^2.0.0' here, with the range prompd.json gives, which prompd.lock follows",
                problems.get(0).hint());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void dependencyMismatchesAreTheReferencesValidateHoldsAgainstTheDependenciesWithWhatToWrite() {
        Map<String, String> files = Map.of("prompts/a.prmd", """
                ---
                using:
                  - name: "@common/base@~1.2.0"
                    prefix: "@base"
                inherits: "@base/prompts/x.prmd"
                system: "@common/base@^2.0.0/contexts/c.md"
                ---
                {% include "@gone/pkg/prompts/y.prmd" %}
                {% include "./part.md" %}
                """, "prompts/part.md", "{% include \"lib@1.0.0/z.md\" %}\n");

        List<DependencyMismatch> found = PromptValidator.dependencyMismatches(pack(files,
                Map.of("@common/base", "^2.0.0", "lib", "^1.0.0")));

        assertEquals(List.of("prompts/a.prmd:3 @common/base@~1.2.0 -> @common/base@^2.0.0",
                        "prompts/a.prmd:8 @gone/pkg/prompts/y.prmd -> (not a dependency)",
                        "prompts/part.md:1 lib@1.0.0/z.md -> lib@^1.0.0/z.md"),
                found.stream().map(mismatch -> mismatch.file() + ":" + mismatch.line() + " "
                        + mismatch.reference().written() + " -> " + mismatch.agreeing().orElse("(not a dependency)"))
                        .toList());
        assertEquals("/using/0/name", found.get(0).pointer());
        assertEquals(2, validate(files, Map.of("@common/base", "^2.0.0", "lib", "^1.0.0")).stream()
                .filter(problem -> problem.message().contains("\"dependencies\" in prompd.json give")).count(),
                "validate's errors are the same references, @gone/pkg read there as an undefined alias");
    }

    @Test
    void theDeclaredRangeWrittenAnotherWayOrNoRangeAtAllIsAccepted() {
        assertEquals(List.of(), validate(Map.of("a.prmd", "---\ninherits: \"@prompd/core@^1/base.prmd\"\n---\n"
                + "{% include \"@prompd/core/part.prmd\" %}\n"), Map.of("@prompd/core", "^1.0.0")));
    }

    @Test
    void aPromptDoesNotReferToItsOwnPackageByName() {
        Problem problem = single(validate(Map.of("a.prmd", "---\ninherits: \"@team/prompts@1.0.0/base.prmd\"\n---\n",
                "base.prmd", "---\n---\nBase\n"), Map.of("@team/prompts", "1.0.0")), Severity.ERROR);
        assertTrue(problem.hint().contains("./base.prmd"), problem.hint());
    }

    @Test
    void circularInheritanceIsAnErrorNamingTheCycle() {
        Problem problem = single(validate(Map.of(
                "b.prmd", "---\ninherits: ./a.prmd\n---\n",
                "a.prmd", "---\ninherits: ./c.prmd\n---\n",
                "c.prmd", "---\ninherits: ./b.prmd\n---\n",
                "d.prmd", "---\ninherits: ./a.prmd\n---\n"), Map.of()), Severity.ERROR);
        assertEquals("a.prmd", problem.file());
        assertTrue(problem.message().endsWith("a.prmd → c.prmd → b.prmd → a.prmd"), problem.message());
    }

    @Test
    void everyCycleIsReportedOnceWhateverLeadsIntoIt() {
        List<Problem> problems = validate(Map.of(
                "a.prmd", "---\ninherits: ./b.prmd\n---\n",
                "b.prmd", "---\ninherits: ./a.prmd\n---\n",
                "c.prmd", "---\ninherits: ./a.prmd\n---\n",
                "x.prmd", "---\ninherits: ./x.prmd\n---\n",
                "y.prmd", "---\ninherits: ./c.prmd\n---\n"), Map.of());
        assertEquals(List.of("circular inheritance: a.prmd → b.prmd → a.prmd",
                "circular inheritance: x.prmd → x.prmd"),
                problems.stream().map(Problem::message).toList());
    }

    @Test
    void declaredVariablesAreFoundThroughACycleWithoutLoopingForever() {
        List<Problem> problems = validate(Map.of(
                "a.prmd", "---\ninherits: ./b.prmd\nparameters:\n  - name: x\n---\n{{ x }}{{ y }}\n",
                "b.prmd", "---\ninherits: ./a.prmd\nparameters:\n  - name: y\n---\n{{ x }}{{ y }}\n"), Map.of());
        assertEquals(List.of("circular inheritance: a.prmd → b.prmd → a.prmd"),
                problems.stream().map(Problem::message).toList());
    }

    @Test
    void aPromptInheritingFromItselfIsACycle() {
        Problem problem = single(validate(Map.of("a.prmd", "---\ninherits: ./a.prmd\n---\n"), Map.of()),
                Severity.ERROR);
        assertTrue(problem.message().endsWith("a.prmd → a.prmd"), problem.message());
        assertEquals(2, problem.line());
    }

    /** @common/util 1.2.0 with these prompt files; every other package's version unknown. */
    private static DependencyParents utilParents(PromptPackage pack, Map<String, String> files) throws IOException {
        DependencyFiles.VersionFiles version = new DependencyFiles.VersionFiles(Version.parse("1.2.0"),
                MemorySource.ofText("util", files));
        return DependencyParents.read(pack, name -> name.toString().equals("@common/util") ? Optional.of(version)
                : Optional.empty());
    }

    private static final String INHERITS_UTIL = """
            ---
            id: a
            inherits: "./base.prmd"
            ---
            {{ tone }} {{ audience }} {{ reader }}
            {% include "./part.md" %}
            """;

    private static final Map<String, String> INHERITING_UTIL = Map.of("prompts/a.prmd", INHERITS_UTIL,
            "prompts/base.prmd", "---\nid: base\ninherits: \"@common/util@^1.0.0/prompts/writer.prmd\"\n---\n",
            "prompts/part.md", "{{ audience }} {{ listener }}\n");

    /**
     * The inherited prompt of a version at hand, and the one it inherits within it, declare what they declare: for
     * the prompt's body and the file it includes alike.
     */
    @Test
    void aVariableThePromptOfAnotherPackageDeclaresInTheVersionAtHandIsDeclared() throws IOException {
        PromptPackage pack = pack(INHERITING_UTIL, Map.of("@common/util", "^1.0.0"));
        DependencyParents outside = utilParents(pack, Map.of(
                "prompts/writer.prmd", "---\nid: w\ninherits: ./root.prmd\nparameters:\n  - name: audience\n---\nW\n",
                "prompts/root.prmd", "---\nid: r\nparameters:\n  - name: tone\n---\nR\n"));

        List<Problem> problems = PromptValidator.validate(pack, HERE, outside);

        String util = " (the inherited prompt @common/util@^1.0.0/prompts/writer.prmd does not declare it either, in"
                + " @common/util 1.2.0)";
        assertEquals(List.of("prompts/a.prmd: the variable 'reader' is used in the body but not declared as a"
                        + " parameter; declare it under \"parameters\", or fix its spelling" + util,
                "prompts/part.md: the variable 'listener' is used but not declared as a parameter of prompts/a.prmd,"
                        + " which includes this file; declare it under \"parameters\" of prompts/a.prmd, or fix its"
                        + " spelling" + util),
                problems.stream().map(problem -> problem.file() + ": " + problem.message() + "; " + problem.hint())
                        .toList());
    }

    /** A chain leading on to yet another package, whose version is not at hand, may declare any name. */
    @Test
    void aChainOfTheVersionAtHandInheritingYetAnotherPackageLeavesTheVariablesUnknown() throws IOException {
        PromptPackage pack = pack(INHERITING_UTIL, Map.of("@common/util", "^1.0.0"));
        DependencyParents outside = utilParents(pack, Map.of("prompts/writer.prmd",
                "---\nid: w\ninherits: \"@common/other@^1.0.0/prompts/x.prmd\"\n---\nW\n"));

        List<Problem> problems = PromptValidator.validate(pack, HERE, outside);

        assertEquals(List.of(), problems.stream().filter(problem -> !problem.hint().endsWith("may declare it, but it"
                + " cannot be checked here)")).toList());
        assertEquals(5, problems.size(), problems.toString());
    }
}
