package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every prompt file of the real corpus parses without a problem. */
class CorpusParseTest {

    @Test
    void parsesEveryCorpusPromptWithoutProblems() throws IOException {
        List<Path> prompts;
        try (Stream<Path> files = Files.walk(Corpus.packages())) {
            prompts = files.filter(path -> path.toString().endsWith(".prmd") || path.toString().endsWith(".prompd"))
                    .sorted().toList();
        }
        assertTrue(prompts.size() >= 27, "found " + prompts.size());
        for (Path path : prompts) {
            PromptParseResult result = PromptParser.parse(path.getFileName().toString(),
                    Files.readString(path, StandardCharsets.UTF_8));
            assertEquals(List.of(), result.problems(), path.toString());
            assertTrue(result.prompt().isPresent(), path.toString());
        }
    }

    private static PromptFile corpusPrompt(String path) throws IOException {
        return PromptParser.parse(path, Files.readAllBytes(Corpus.packages().resolve(path))).prompt().orElseThrow();
    }

    @Test
    void readsAliasesAndTheirInheritance() throws IOException {
        PromptFile prompt = corpusPrompt("dog-blog-writing/prompts/dog-blog-writer.prmd");
        assertEquals("@blog", prompt.using().get(0).prefix());
        PackageReference parent = (PackageReference) prompt.inherits().orElseThrow();
        assertEquals("@blog/prompts/blog-writer.prmd", parent.written());
        assertEquals(PackageName.parse("@prompd/blog-writer"), parent.packageName());
        assertEquals("0.1.6", parent.selector());
        assertEquals("prompts/blog-writer.prmd", parent.path());
        assertEquals(List.of("category", "topic", "word_count", "include_technical_specs"),
                prompt.parameters().stream().map(Parameter::name).toList());
        assertEquals(List.of("Dog Blog Writer", "Usage"),
                prompt.sections().stream().limit(2).map(Section::title).toList());
    }

    @Test
    void readsFileReferencesOfMessagesAndContexts() throws IOException {
        PromptFile researcher = corpusPrompt("demo-prompts/prompts/topic-researcher.prmd");
        assertEquals(List.of(new PromptPart.FilePart(new LocalReference("../systems/system-admin.md"), "/system")),
                researcher.system());
        assertEquals(new LocalReference("./base-prompt.prmd"), researcher.inherits().orElseThrow());
        PromptFile assets = corpusPrompt("asset-extraction/example.prmd");
        assertEquals(List.of(new PromptPart.FilePart(new LocalReference("contexts/assets.xlsx"), "/context/0"),
                new PromptPart.FilePart(new LocalReference("contexts/project-desc.docx"), "/context/1")),
                assets.contexts());
    }

    @Test
    void keepsUnknownKeys() throws IOException {
        assertEquals("xml", corpusPrompt("demo-prompts/xml-test-prompt.prmd").extra().get("content-type").asText());
        assertEquals("MIT",
                corpusPrompt("examples/assistants/unit-test-generator.prmd").extra().get("license").asText());
    }
}
