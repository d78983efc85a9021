package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ValidationException;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import io.prompd.generator.build.BuildOptions;
import io.prompd.generator.build.BuildProgress;
import io.prompd.generator.build.BuildResult;
import io.prompd.generator.build.RegistryBuilder;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two pull requests, each checked against a base without the other, add one version under two build metadata: both
 * pass, and once both are merged no build serves either. A maintainer takes one down, as the build's hint says, and
 * the check and the build agree that the other, published before that takedown, stays; taking it down as well, later,
 * is a takedown as any other.
 */
class TakedownRaceTest {

    private static final PackageName NAME = PackageName.parse("@common/a");
    private static final String FOLDER = "packages/@common/a/";

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"1.1.0+b, 1.1.0", "1.1.0, 1.1.0+b"})
    void twoPullRequestsAddingOneVersionUnderTwoBuildMetadataAreMendedByTakingEitherDown(String gone, String kept)
            throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a 1.0.0", "alice");
            for (String version : List.of("1.1.0", "1.1.0+b")) {
                repo.checkout("main").branch(version).checkout(version);
                repo.publish("@common/a", version);
                repo.commit("publish a " + version, "alice");
                assertPassed(check(repo, version, "alice"));
            }
            repo.checkout("main");
            String first = repo.merge("1.1.0", "merge 1.1.0", TestRegistryRepo.MAINTAINER).name();
            build(repo, out);
            repo.merge("1.1.0+b", "merge 1.1.0+b", TestRegistryRepo.MAINTAINER);
            ValidationException clash = assertThrows(ValidationException.class, () -> build(repo, out));
            assertTrue(clash.problems().stream().map(Problem::hint)
                    .allMatch(hint -> hint.startsWith("a maintainer deletes the one published later")),
                    clash::toString);

            takeDown(repo, "fix", Map.of(gone, "duplicate"), gone);
            BuildResult mended = build(repo, out);

            Packument index = index(out);
            assertEquals(Set.of(Version.parse("1.0.0"), Version.parse(kept)), index.versions().keySet());
            assertEquals(Map.of(Version.parse(gone), "duplicate"), index.takenDown());
            assertEquals(List.of(), mended.warnings());
            // going back with --rev to the first merge serves 1.1.0 unless HEAD took that very one down: into the
            // output, which serves 1.1.0 beside the takedown of 1.1.0+b, as no version taken down served again
            boolean firstTakenDown = gone.equals("1.1.0");
            BuildResult back = new RegistryBuilder().build(new BuildOptions(repo.root(), first,
                    firstTakenDown ? temp.resolve("back") : out, Optional.empty(), false, false, repo.root()),
                    BuildProgress.NONE);
            assertEquals(firstTakenDown, back.takenDownAtHead().isPresent());
            assertEquals(firstTakenDown ? 1 : 2, back.versions());

            build(repo, out);
            takeDown(repo, "fix-as-well", Map.of(gone, "duplicate", kept, "leaked a key"), kept);
            build(repo, out);

            index = index(out);
            assertEquals(Set.of(Version.parse("1.0.0")), index.versions().keySet());
            assertEquals(Map.of(Version.parse(gone), "duplicate", Version.parse(kept), "leaked a key"),
                    index.takenDown());
            assertEquals(index.takenDown().keySet(), index.takenDownIntegrity().keySet());
            assertFalse(Files.exists(out.resolve(RegistryLayout.tarball(NAME, Version.parse(kept)))));
        }
    }

    /**
     * A maintainer's pull request deleting {@code version}'s folder with {@code takenDown} as the package's records,
     * checked, then merged into main.
     */
    private static void takeDown(TestRegistryRepo repo, String branch, Map<String, String> takenDown,
                                 String version) {
        repo.branch(branch).checkout(branch);
        repo.delete(FOLDER + version).meta("@common/a", Json.writeString(Map.of("takenDown", takenDown)));
        repo.commit("take " + version + " down", TestRegistryRepo.MAINTAINER);
        assertPassed(check(repo, branch, TestRegistryRepo.MAINTAINER));
        repo.checkout("main");
        repo.merge(branch, "merge " + branch, TestRegistryRepo.MAINTAINER);
    }

    private static CheckReport check(TestRegistryRepo repo, String branch, String actor) {
        try (RegistryRepository registry = repo.open()) {
            return new PullRequestChecker(PullRequestScenario.CLOCK).check(registry,
                    registry.resolve("--base", "main"), registry.resolve("--head", branch), Optional.of(actor));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static BuildResult build(TestRegistryRepo repo, Path out) throws IOException {
        return new RegistryBuilder().build(new BuildOptions(repo.root(), "HEAD", out, Optional.empty(), false, false,
                repo.root()), BuildProgress.NONE);
    }

    private static Packument index(Path out) throws IOException {
        return Json.read(Files.readAllBytes(out.resolve(RegistryLayout.packument(NAME))), Packument.class);
    }
}
