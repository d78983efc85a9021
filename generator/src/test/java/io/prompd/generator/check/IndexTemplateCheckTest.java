package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry template's own content passes the rules it documents: each of its packages, added
 * by a pull request of one of its owners on top of all the others, is accepted.
 */
class IndexTemplateCheckTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({
            "@common/base-prompts, carol",
            "@common/output-formats, alice",
            "@prompd/code-reviewer, dave",
            "@prompd/commit-message, bob",
            "@prompd/test-writer, erin",
            "@writing/summarizer, grace",
            "@data/csv-toolkit, judy",
            "sql-explainer, ivan"})
    void addingOnePackageOnTopOfTheRestPasses(String name, String owner) {
        Path template = template();
        String packageFolder = "packages/" + name + "/";
        List<String> files = files(template);
        TestRegistryRepo repo = TestRegistryRepo.init(folder);
        files.stream().filter(path -> !path.startsWith(packageFolder)).forEach(path -> copy(template, path, repo));
        repo.commit("the template without " + name, TestRegistryRepo.MAINTAINER);
        repo.branch("pr").checkout("pr");
        files.stream().filter(path -> path.startsWith(packageFolder)).forEach(path -> copy(template, path, repo));
        repo.commit("publish " + name, owner);

        CheckReport report = check(repo, owner);

        assertPassed(report);
        assertFalse(report.added().isEmpty());
        assertTrue(report.added().stream().allMatch(version -> version.name().toString().equals(name)));
    }

    private static void copy(Path template, String path, TestRegistryRepo repo) {
        try {
            repo.writeBytes(path, Files.readAllBytes(template.resolve(path)));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static List<String> files(Path template) {
        try (Stream<Path> walk = Files.walk(template)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> template.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The hints of the check and the build send maintainers to a section the README of every registry has. */
    @Test
    void theTakedownSectionTheHintsNameIsAHeadingOfTheTemplatesReadme() throws IOException {
        String section = RepositoryLayout.TAKEDOWN_SECTION.substring(1,
                RepositoryLayout.TAKEDOWN_SECTION.indexOf('"', 1));

        assertTrue(Files.readAllLines(template().resolve("README.md")).contains("## " + section), section);
    }

    /** {@code index-template/} of this repository, found from whichever folder the tests run in. */
    static Path template() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("index-template/registry.json"))) {
                return at.resolve("index-template");
            }
        }
        throw new IllegalStateException("no index-template/ above " + Path.of("").toAbsolutePath());
    }
}
