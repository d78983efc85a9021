package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
