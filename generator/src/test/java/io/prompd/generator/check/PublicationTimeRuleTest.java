package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.testing.TestRegistryRepo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** The commit time a new version would be dated by, which its author sets, is warned of where no honest one has it. */
class PublicationTimeRuleTest extends PullRequestScenarioTest {

    private static final String NEW = "packages/@common/util/1.1.0";

    private static final String AMEND = "rewrite the commit with the current time (git commit --amend --reset-author"
            + " --no-edit) and push the branch again";

    /** main's commit the branch starts from, publishing @common/util 1.0.0 at the second tick of the test clock. */
    private static final Instant FORK_TIME = TestRegistryRepo.START.plus(Duration.ofHours(1));

    @Test
    void aVersionCommittedBeforeTheCommitItWasMadeOnIsWarnedOf() {
        repo.publish("@common/util", "1.1.0");
        ObjectId commit = repo.commit("publish 1.1.0", "alice", Instant.parse("2001-01-01T00:00:00Z"));

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(Problem.warning(NEW, "", "version 1.1.0 would be dated 2001-01-01T00:00:00Z, the time of"
                + " its commit " + RegistryRepository.shortId(commit.name()) + ", which is before that of the base"
                + " branch's commit it was made on, " + RegistryRepository.shortId(report.mergeBase()) + " ("
                + FORK_TIME + ")", AMEND)), report.problems());
    }

    @Test
    void aVersionCommittedPastTheChecksTimeIsWarnedOf() {
        repo.publish("@common/util", "1.1.0");
        Instant future = PullRequestScenario.CLOCK.instant().plus(Duration.ofHours(2));
        ObjectId commit = repo.commit("publish 1.1.0", "alice", future);

        CheckReport report = check(repo, "alice");

        assertEquals(List.of(Problem.warning(NEW, "", "version 1.1.0 would be dated " + future + ", the time of its"
                + " commit " + RegistryRepository.shortId(commit.name()) + ", which is after the time of this check ("
                + PullRequestScenario.CLOCK.instant() + ")", AMEND)), report.problems());
    }

    /** Amending the last commit would not change the one that publishes: the whole branch is rewritten. */
    @Test
    void aPublishingCommitBelowTheHeadIsToldToRebase() {
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish 1.1.0", "alice", Instant.parse("2001-01-01T00:00:00Z"));
        repo.write("packages/@common/util/meta.json", "{\"distTags\": {\"latest\": \"1.1.0\"}}");
        repo.commit("tag it", "alice", Instant.parse("2001-01-01T00:00:00Z"));

        CheckReport report = check(repo, "alice");

        assertEquals(List.of("rewrite the commit with the current time (git rebase --ignore-date "
                + RegistryRepository.shortId(report.mergeBase()) + ") and push the branch again"),
                report.problems().stream().map(Problem::hint).toList());
    }

    /**
     * A branch older than the base branch's tip, main merged into it since, or clocks an hour apart are no sign of a
     * time set by hand: the version's commit is held to the commit of main it was made on, not to the merge base.
     */
    @Test
    void aBranchOlderThanTheBaseBranchOrMergedWithItSinceOrAClockSlightlyBehindIsNoneOfIt() {
        repo.publish("@common/util", "1.1.0");
        repo.commit("publish 1.1.0", "alice", FORK_TIME.minus(Duration.ofMinutes(50)));
        repo.checkout("main");
        repo.write("README.md", "# Registry\n");
        repo.commit("readme", TestRegistryRepo.MAINTAINER, FORK_TIME.plus(Duration.ofDays(3)));
        repo.checkout("pr");
        repo.merge("main", "up to date", "alice");
        PullRequestScenario.mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("LICENSE", "x\n"));

        assertPassed(check(repo, "alice"));
        assertEquals(List.of(), check(repo, "alice").problems());
    }

    /**
     * A version restored with the files it was published with keeps its first publication once merged, whatever the
     * time of the commit restoring it.
     */
    @Test
    void aVersionRestoredKeepsItsFirstPublicationUnwarned() {
        repo.checkout("main");
        repo.publish("@common/gone", "1.0.0");
        repo.commit("publish gone", "alice");
        repo.delete("packages/@common/gone");
        repo.commit("revert gone", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "up to date", "alice");
        repo.publish("@common/gone", "1.0.0");
        repo.commit("restore gone", "alice", Instant.parse("2001-01-01T00:00:00Z"));

        CheckReport report = check(repo, "alice");

        assertEquals(List.of("@common/gone@1.0.0 true"), report.readded().stream()
                .map(again -> again.version() + " " + again.sameFiles()).toList());
        assertEquals(List.of(), report.problems());
    }
}
