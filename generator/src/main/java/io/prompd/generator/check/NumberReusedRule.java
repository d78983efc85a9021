package io.prompd.generator.check;

import io.prompd.core.problem.Problems;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;

/**
 * A new version folder whose number the base branch published and deleted since (a revert, or a takedown whose record
 * went too), under whatever build metadata, holds the very files published under it, or is refused: lock files pin the
 * tarball those files made, so a number is never reused, as on npm and crates.io. Putting back the same files, as a
 * maintainer restoring a version does, is no new publication. A number whose takedown record stays is
 * {@link VersionTakenRule}'s. The history walked is the one {@link ImmutabilityRule} reads, once, and only for the
 * folders concerned.
 */
final class NumberReusedRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        for (NewVersion version : pullRequest.newVersions()) {
            ReaddedVersion readded = pullRequest.readded().get(version.id());
            if (readded == null || readded.sameFiles() || pullRequest.takenDown(version.id().name()).keySet().stream()
                    .anyMatch(gone -> gone.samePrecedence(readded.publishedAs()))) {
                continue;
            }
            String folder = version.folder().path();
            Removal removal = readded.removal();
            problems.error(folder, "", removal.reusedMessage(readded.publishedAs(), version.id().version()),
                    "publish a new version number; to restore the version itself, " + removal.restoreHint(folder,
                            RepositoryLayout.versionFolder(version.id().name(), readded.publishedAs())));
        }
    }
}
