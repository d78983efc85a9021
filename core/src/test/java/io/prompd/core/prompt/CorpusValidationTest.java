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

    @ParameterizedTest
    @ValueSource(strings = {"core", "csv-toolkit", "dog-blog-writing"})
    void packagesWithoutFindings(String folder) throws IOException {
        // dog-blog-writing's alias @blog stands for @prompd/blog-writer@0.1.6, declared there as "0.1.6".
        assertEquals(List.of(), summaries(folder));
    }

    @Test
    void assetExtractionGreetsWithALegacyPlaceholderOfItsParameter() throws IOException {
        // its own README runs it with -p name="World", so "Hello {name}!" is meant to greet the world
        assertEquals(List.of("warning prompts/example.prmd:18 '{name}' is left in the text as it is written: only"
                + " '{{ name }}' is replaced by the parameter's value"), summaries("asset-extraction"));
    }

    @Test
    void examplesUsesCoreWithoutDeclaringItAndAnUndeclaredWorkflowVariable() throws IOException {
        assertEquals(List.of(
                "error assistants/code-assistant.prmd:27 /using/0/name '@prompd/core@0.0.1' refers to @prompd/core,"
                        + " which is not a dependency of @prompd-internal/examples",
                "error prompts/package-inheritance.prmd:6 /inherits '@prompd/core@0.0.1/prompts/base.prmd' refers to"
                        + " @prompd/core, which is not a dependency of @prompd-internal/examples",
                "error prompts/team-project-planner.prmd:29 /using/0/name '@prompd/core@0.0.1' refers to @prompd/core,"
                        + " which is not a dependency of @prompd-internal/examples",
                "warning workflows/prompts/step1.prmd:17 the variable 'workflow' is used in the body but not declared"
                        + " as a parameter"), summaries("examples"));
    }

    @Test
    void blogWritingAliasesAnUndeclaredPackage() throws IOException {
        assertEquals(List.of("error prompts/advanced-code-assistant.prmd:25 /using/0/name"
                + " '@prompd/public-examples@1.1.0'"
                + " refers to @prompd/public-examples, which is not a dependency of @prompd/blog-writer"),
                summaries("blog-writing"));
    }

    /** translate.prmd includes summarize.prmd, which renders with translate's parameters, not its own. */
    @Test
    void demoPromptsAliasesCoreWithoutDeclaringItAndIncludeAPromptUsingParametersTheIncluderLacks()
            throws IOException {
        assertEquals(List.of("error customer-support-sentiment-analyzer.prmd:12 /using/0/name '@prompd/core@0.0.1'"
                + " refers to @prompd/core, which is not a dependency of @prompd/demo-prompts",
                "warning summarize.prmd:35 the variable 'length' is used but not declared as a parameter of"
                        + " translate.prmd, which includes this file",
                "warning summarize.prmd:37 the variable 'style' is used but not declared as a parameter of"
                        + " translate.prmd, which includes this file"),
                summaries("demo-prompts"));
    }
}
