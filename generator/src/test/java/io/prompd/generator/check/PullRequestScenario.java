package io.prompd.generator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.generator.cli.CheckReportView;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A registry with a pull request branch, for one scenario: {@code main} holds the registry
 * settings of {@link TestRegistryRepo#initRegistry} (alice owns {@code @common}, bob through the
 * team {@code core}) and {@code @common/util 1.0.0}; the working tree is on branch {@code pr}.
 */
final class PullRequestScenario {

    static final String UTIL = "packages/@common/util/1.0.0";

    /** The time the checks run at: a year past {@link TestRegistryRepo#START}, past every commit a scenario makes. */
    static final Clock CLOCK = Clock.fixed(TestRegistryRepo.START.plus(Duration.ofDays(365)), ZoneOffset.UTC);

    private PullRequestScenario() {
    }

    static TestRegistryRepo registryWithUtil(Path folder) {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/util", "1.0.0");
        repo.commit("publish @common/util 1.0.0");
        repo.branch("pr").checkout("pr");
        return repo;
    }

    /**
     * Commits a change to {@code main} after {@code pr} branched off, as another pull request merged meanwhile, and
     * returns to {@code pr}.
     */
    static void mergedMeanwhile(TestRegistryRepo repo, String login, Consumer<TestRegistryRepo> change) {
        repo.checkout("main");
        change.accept(repo);
        repo.commit("merged meanwhile", login);
        repo.checkout("pr");
    }

    /** Checks branch {@code pr} against {@code main}. */
    static CheckReport check(TestRegistryRepo repo, String actor) {
        try (RegistryRepository registry = repo.open()) {
            return new PullRequestChecker(CLOCK).check(registry, registry.resolve("--base", "main"),
                    registry.resolve("--head", "pr"), Optional.ofNullable(actor));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static void assertPassed(CheckReport report) {
        assertTrue(report.passed(), () -> "expected no errors, got:\n" + ProblemReport.text(report.problems()));
    }

    /** The one error at the file whose message contains every fragment; fails listing all problems otherwise. */
    static Problem assertError(CheckReport report, String file, String... fragments) {
        List<Problem> matching = report.problems().stream()
                .filter(problem -> problem.isError() && problem.file().equals(file))
                .filter(problem -> List.of(fragments).stream().allMatch(problem.message()::contains))
                .toList();
        if (matching.size() != 1) {
            fail("expected one error at " + file + " containing " + List.of(fragments) + ", got:\n"
                    + ProblemReport.text(report.problems()));
        }
        return matching.get(0);
    }

    static void assertErrorCount(CheckReport report, long expected) {
        assertEquals(expected, report.problems().stream().filter(Problem::isError).count(),
                () -> ProblemReport.text(report.problems()));
    }

    /** The Markdown report of a check run with --base main. */
    static String markdown(CheckReport report) {
        return CheckReportView.markdown(report, "main");
    }
}
