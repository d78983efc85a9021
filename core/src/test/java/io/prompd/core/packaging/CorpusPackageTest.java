package io.prompd.core.packaging;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict {@code prompd validate} must reach on each real package of the shared corpus. */
class CorpusPackageTest {

    private static PackageReport validate(String folder) throws IOException {
        return new PackageValidator(ArchiveLimits.DEFAULT, PLAIN)
                .validate(new DirectorySource(SharedData.corpusPackages().resolve(folder)));
    }

    private static List<String> errors(PackageReport report) {
        return report.problems().stream().filter(Problem::isError)
                .map(problem -> problem.file() + " " + problem.pointer() + " " + problem.message()).toList();
    }

    @ParameterizedTest(name = "{0} validates")
    @CsvSource({"asset-extraction", "blog-writing", "core", "csv-toolkit", "dog-blog-writing"})
    void validPackagesHaveNoErrors(String folder) throws IOException {
        PackageReport report = validate(folder);
        assertEquals(List.of(), errors(report), ProblemReport.text(report.problems()));
        assertTrue(report.packable().isPresent());
    }

    @Test
    void examplesDependsOnItselfAndOnAnUndeclaredPackage() throws IOException {
        PackageReport report = validate("examples");
        List<String> errors = errors(report);
        assertTrue(errors.stream()
                .anyMatch(error -> error.startsWith("prompd.json /dependencies/@prompd-internal~1examples")),
                String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(error -> error.startsWith("prompts/package-inheritance.prmd /inherits")
                && error.contains("@prompd/core")), String.join("\n", errors));
        assertTrue(report.packable().isEmpty());
    }

    @Test
    void demoPromptsUsesAnUndeclaredPackage() throws IOException {
        List<String> errors = errors(validate("demo-prompts"));
        assertEquals(List.of("customer-support-sentiment-analyzer.prmd"),
                errors.stream().map(error -> error.substring(0, error.indexOf(' '))).distinct().toList(),
                String.join("\n", errors));
    }

    /** Its manifest ignores .env.* and lists its files: the .env.local beside them is kept out on purpose, unwarned. */
    @Test
    void coreLeavesOutTheSecretItIgnoresItselfWithoutAWarning() throws IOException {
        PackageReport report = validate("core");
        assertFalse(report.problems().stream().anyMatch(problem -> problem.message().contains("looks like secrets")),
                ProblemReport.text(report.problems()));
        assertFalse(report.selection().included().stream().anyMatch(entry -> entry.path().startsWith(".env")));
    }

    @Test
    void onlyPackedPromptsAreValidated() throws IOException {
        // blog-writing's advanced-code-assistant.prmd uses an undeclared package, but "files" leaves it out.
        PackageReport report = validate("blog-writing");
        assertFalse(report.prompts().containsKey("prompts/advanced-code-assistant.prmd"));
        assertEquals(List.of("prompts/ai-blog-writer.prmd", "prompts/blog-writer.prmd",
                "prompts/tech-blog-writer.prmd"),
                report.prompts().keySet().stream().collect(Collectors.toList()));
    }
}
