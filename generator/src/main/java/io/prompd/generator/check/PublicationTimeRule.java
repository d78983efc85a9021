package io.prompd.generator.check;

import io.prompd.core.problem.Problems;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A new version is dated by the committer time of the commit that adds it ({@link PublicationHistory}), which its
 * author sets at will ({@code GIT_COMMITTER_DATE}); merged with a merge commit, the version keeps that date for good.
 * So a commit time no honest commit has is a warning, for a reviewer to weigh: before that of the base branch's commit
 * the publishing commit was made on (the newest it shares with the base branch, which a branch merging the base branch
 * in since does not move, where the merge base does), or after the check's own time, each past an allowance for clocks
 * that differ. A version restored with the files it was published with keeps that first publication once merged.
 */
final class PublicationTimeRule implements PullRequestRule {

    /** How far clocks may honestly differ, a machine's from GitHub's or another's. */
    private static final Duration ALLOWANCE = Duration.ofHours(1);

    private final Clock clock;

    PublicationTimeRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        List<PackageVersion> added = pullRequest.newVersions().stream().map(NewVersion::id).toList();
        RegistryRepository repository = pullRequest.repository();
        PublicationHistory history = PublicationHistory.compute(repository, pullRequest.head().commit(), added);
        // a commit time has whole seconds, and so has the time it is told beside
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // the versions of a pull request share a few publishing commits, as a rule one, each walked to the base once
        Map<ObjectId, Optional<RevCommit>> madeOnByCommit = new HashMap<>();
        for (NewVersion version : pullRequest.newVersions()) {
            Optional<Publication> publication = history.publication(version.id());
            ReaddedVersion readded = pullRequest.readded().get(version.id());
            if (publication.isEmpty() || readded != null && readded.sameFiles()) {
                continue;
            }
            Publication published = publication.get();
            Optional<RevCommit> madeOn = madeOnByCommit.get(published.commit());
            if (madeOn == null) {
                madeOn = CommitRange.commonAncestor(repository, published.commit(), pullRequest.baseTip().commit());
                madeOnByCommit.put(published.commit(), madeOn);
            }
            if (madeOn.isEmpty()) {
                continue;
            }
            Instant since = PublicationHistory.committed(madeOn.get());
            String dated = "version " + version.id().version() + " would be dated " + published.time() + ", the time"
                    + " of its commit " + RegistryRepository.shortId(published.commit().name()) + ", which is ";
            if (published.time().isBefore(since.minus(ALLOWANCE))) {
                problems.warning(version.folder().path(), "", dated + "before that of the base branch's commit it was"
                        + " made on, " + RegistryRepository.shortId(madeOn.get().name()) + " (" + since + ")",
                        rewrite(pullRequest, published));
            } else if (published.time().isAfter(now.plus(ALLOWANCE))) {
                problems.warning(version.folder().path(), "", dated + "after the time of this check (" + now + ")",
                        rewrite(pullRequest, published));
            }
        }
    }

    /** How to give the publishing commit the time now: amending it where it is the head, rebasing the branch else. */
    private static String rewrite(PullRequest pullRequest, Publication published) {
        String command = published.commit().equals(pullRequest.head().commit())
                ? "git commit --amend --reset-author --no-edit"
                : "git rebase --ignore-date " + RegistryRepository.shortId(pullRequest.base().commit().name());
        return "rewrite the commit with the current time (" + command + ") and push the branch again";
    }
}
