package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import io.prompd.generator.source.RepositoryLayout;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * A new version number is free, whether the other one is published already (at the merge base
 * or, since, on the base branch), was taken down (its record in meta.json's {@code "takenDown"},
 * which {@link TakedownRecordRule} keeps), or is added in the same pull request;
 * {@link RepositoryLayout#versionClash} says which other versions count as the same one. A number
 * taken down stays taken because lock files pin its old content: a new folder comes after every takedown the base
 * records, which keeps it from being published ({@link io.prompd.generator.source.TakenNumbers}), as the build decides.
 */
final class VersionTakenRule implements PullRequestRule {

    private static final String NEW_NUMBER = "publish a new version number";

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            PackageName name = version.folder().name();
            SortedSet<Version> taken = pullRequest.takenVersions(name);
            for (Version published : taken) {
                boolean since = pullRequest.takenSinceBranching(name, published);
                refuse(problems, version, published, since
                        ? " was published on the base branch after this pull request branched off" : " is published",
                        since ? "merge the base branch into this pull request, and " + NEW_NUMBER : NEW_NUMBER);
            }
            pullRequest.takenDown(name).forEach((gone, reason) -> {
                if (!taken.contains(gone)) {
                    refuse(problems, version, gone, " " + RepositoryLayout.takenDown(name, reason),
                            NEW_NUMBER + ": " + RepositoryLayout.NUMBER_STAYS_TAKEN);
                }
            });
            Version added = version.folder().version();
            otherNewVersions(pullRequest, version).forEach(other -> RepositoryLayout.versionClash(added, other)
                    .ifPresent(why -> problems.error(version.folder().path(), "", "version " + added
                                    + " is also added as " + other + " in this pull request, and " + why,
                                    "keep one of the two folders")));
        }
    }

    /** Refuses the new version if it is the other one, or clashes with it. */
    private static void refuse(Problems problems, NewVersion version, Version other, String where, String hint) {
        Version added = version.folder().version();
        if (added.equals(other)) {
            problems.error(version.folder().path(), "", "version " + added + " is taken: it" + where, hint);
        }
        RepositoryLayout.versionClash(added, other).ifPresent(why -> problems.error(version.folder().path(), "",
                "version " + added + " is taken: " + other + where + ", and " + why, hint));
    }

    private static Stream<Version> otherNewVersions(PullRequest pullRequest, NewVersion version) {
        return pullRequest.newVersions().stream()
                .filter(other -> other.folder().name().equals(version.folder().name()) && other != version)
                .map(other -> other.folder().version());
    }
}
