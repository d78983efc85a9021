package io.prompd.generator.check;

import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import java.util.Collections;
import java.util.stream.Stream;

/**
 * A new version number is free: versions that differ only in build metadata ({@code 1.0.0+a},
 * {@code 1.0.0}) have the same SemVer precedence, so to a resolver they are one version and the
 * second is refused, whether it is published already or added in the same pull request.
 */
final class VersionTakenRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            Version added = version.folder().version();
            pullRequest.base().packages().getOrDefault(version.folder().name(), Collections.emptySortedMap()).keySet()
                    .stream().filter(other -> differsOnlyInBuild(added, other)).forEach(published ->
                            problems.error(version.folder().path(), "", "version " + added + " is taken: "
                                    + published + " is published, and build metadata does not make another version",
                                    "publish a new version number"));
            otherNewVersions(pullRequest, version).filter(other -> differsOnlyInBuild(added, other)).forEach(other ->
                    problems.error(version.folder().path(), "", "version " + added + " is also added as " + other
                            + " in this pull request, and build metadata does not make another version",
                            "keep one of the two folders"));
        }
    }

    private static Stream<Version> otherNewVersions(PullRequest pullRequest, NewVersion version) {
        return pullRequest.newVersions().stream()
                .filter(other -> other.folder().name().equals(version.folder().name()) && other != version)
                .map(other -> other.folder().version());
    }

    private static boolean differsOnlyInBuild(Version added, Version other) {
        return !added.equals(other) && added.comparePrecedence(other) == 0;
    }
}
