package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prompd.core.PackageSteps;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.testing.ProblemLocation;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins what validation finds in the real corpus packages. */
class CorpusValidationTest {

    private static final PackageSteps HERE = PackageSteps.here(SuggestedCommands.PLAIN);

    private static List<Problem> validatePackage(String folder) throws IOException {
        Path root = Corpus.packages().resolve(folder);
        JsonNode manifest = new ObjectMapper().readTree(root.resolve("prompd.json").toFile());
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        manifest.path("dependencies").properties().forEach(dependency -> dependencies.put(
                PackageName.parse(dependency.getKey()), VersionRange.parse(dependency.getValue().asText())));
        SortedSet<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .forEach(path -> files.add(root.relativize(path).toString().replace('\\', '/')));
        }
        SortedMap<String, PromptFile> prompts = new TreeMap<>();
        files.stream().filter(path -> path.endsWith(".prmd")).forEach(path -> prompts.put(path,
                PromptParser.parse(path, read(root.resolve(path))).prompt().orElseThrow()));
        return PromptValidator.validate(new PromptPackage(Optional.of(PackageName.parse(manifest.get("name").asText())),
                dependencies, new TreeSet<>(), files, new TreeMap<>(), prompts,
                LoadedTemplates.read(prompts, files, path -> Optional.of(read(root.resolve(path))))), HERE);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static List<String> summaries(String folder) throws IOException {
        return validatePackage(folder).stream()
                .map(problem -> problem.severity().label() + " " + ProblemLocation.of(problem) + " " + problem.message())
                .toList();
    }

    /** Many of the corpus's parameters are required with a default, which says two things (a warning each). */
    private static String requiredWithDefault(String at, String name, String value) {
        return "warning " + at + " '" + name + "' is required and has the default " + value + ": either every call"
                + " gives a value and the default is never used, or the default stands in and 'required' asks nothing";
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "dog-blog-writing"})
    void packagesWithoutFindings(String folder) throws IOException {
        // dog-blog-writing's alias @blog stands for @prompd/blog-writer@0.1.6, declared there as "0.1.6".
        assertEquals(List.of(), summaries(folder));
    }

    @Test
    void csvToolkitRequiresParametersItGivesDefaults() throws IOException {
        assertEquals(List.of(
                requiredWithDefault("prompts/csv-sort-and-distinct.prmd:17 /parameters/2/required", "distinct",
                        "false"),
                requiredWithDefault("prompts/csv-sort-and-distinct.prmd:22 /parameters/3/required", "sort_direction",
                        "\"asc\""),
                requiredWithDefault("prompts/csv-sort-and-distinct.prmd:28 /parameters/4/required", "header_included",
                        "true"),
                requiredWithDefault("prompts/csv-sorter.prmd:17 /parameters/2/required", "header_included", "true"),
                requiredWithDefault("prompts/csv-sorter.prmd:22 /parameters/3/required", "sort_direction",
                        "\"asc\"")), summaries("csv-toolkit"));
    }

    /**
     * The folder holds a copy of its prompt at its root, with the same id, which its manifest's {@code files} leaves
     * out of the package: read here as a file of it, the two ids are told apart by nothing.
     */
    @Test
    void assetExtractionGreetsWithALegacyPlaceholderOfItsParameter() throws IOException {
        // its own README runs it with -p name="World", so "Hello {name}!" is meant to greet the world
        assertEquals(List.of("warning prompts/example.prmd:2 /id the id 'asset-extraction-example' is also the id of"
                        + " example.prmd",
                "warning prompts/example.prmd:18 '{name}' is left in the text as it is written: only"
                + " '{{ name }}' is replaced by the parameter's value"), summaries("asset-extraction"));
    }

    @Test
    void examplesUsesCoreWithoutDeclaringItAndAnUndeclaredWorkflowVariable() throws IOException {
        assertEquals(List.of(
                "error assistants/code-assistant.prmd:27 /using/0/name '@prompd/core@0.0.1' refers to @prompd/core,"
                        + " which is not a dependency of @prompd-internal/examples",
                requiredWithDefault("prompts/base-prompt.prmd:10 /parameters/0/required", "topic",
                        "\"artificial intelligence\""),
                requiredWithDefault("prompts/image-generation-test.prmd:9 /parameters/0/required", "animal",
                        "\"ostrich\""),
                "error prompts/package-inheritance.prmd:6 /inherits '@prompd/core@0.0.1/prompts/base.prmd' refers to"
                        + " @prompd/core, which is not a dependency of @prompd-internal/examples",
                "error prompts/team-project-planner.prmd:29 /using/0/name '@prompd/core@0.0.1' refers to @prompd/core,"
                        + " which is not a dependency of @prompd-internal/examples",
                "warning workflows/prompts/step1.prmd:17 the variable 'workflow' is used in the body but not declared"
                        + " as a parameter",
                requiredWithDefault("workflows/prompts/step2.prmd:9 /parameters/0/required", "previous_step", "{}")),
                summaries("examples"));
    }

    @Test
    void blogWritingAliasesAnUndeclaredPackage() throws IOException {
        assertEquals(List.of("error prompts/advanced-code-assistant.prmd:25 /using/0/name"
                + " '@prompd/public-examples@1.1.0'"
                + " refers to @prompd/public-examples, which is not a dependency of @prompd/blog-writer",
                requiredWithDefault("prompts/ai-blog-writer.prmd:13 /parameters/1/required", "category", "\"AI\""),
                requiredWithDefault("prompts/ai-blog-writer.prmd:18 /parameters/2/required", "word_count", "1000")),
                summaries("blog-writing"));
    }

    /** translate.prmd includes summarize.prmd, which renders with translate's parameters, not its own. */
    @Test
    void demoPromptsAliasesCoreWithoutDeclaringItAndIncludeAPromptUsingParametersTheIncluderLacks()
            throws IOException {
        assertEquals(List.of("error customer-support-sentiment-analyzer.prmd:12 /using/0/name '@prompd/core@0.0.1'"
                + " refers to @prompd/core, which is not a dependency of @prompd/demo-prompts",
                requiredWithDefault("prompts/base-prompt.prmd:10 /parameters/0/required", "topic",
                        "\"artificial intelligence\""),
                "warning summarize.prmd:35 the variable 'length' is used but not declared as a parameter of"
                        + " translate.prmd, which includes this file",
                "warning summarize.prmd:37 the variable 'style' is used but not declared as a parameter of"
                        + " translate.prmd, which includes this file"),
                summaries("demo-prompts"));
    }
}
