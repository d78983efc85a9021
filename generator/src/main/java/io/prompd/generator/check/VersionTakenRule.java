package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A new version number is free, whether the other one is published already (at the merge base
 * or, since, on the base branch) or added in the same pull request. Versions that differ only in build metadata ({@code 1.0.0+a}, {@code 1.0.0}) have
 * the same SemVer precedence, so to a resolver they are one version. Versions that differ only in
 * letter case ({@code 2.0.0-RC.1}, {@code 2.0.0-rc.1}) are two, but their folders, documents and
 * installed copies would be one on the case-insensitive file systems of macOS and Windows.
 */
final class VersionTakenRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            PackageName name = version.folder().name();
            Version added = version.folder().version();
            for (Version published : pullRequest.takenVersions(name)) {
                boolean since = pullRequest.takenSinceBranching(name, published);
                String where = since ? " was published on the base branch after this pull request branched off" : " is published";
                String hint = since ? "merge the base branch into this pull request, and publish a new version number"
                        : "publish a new version number";
                if (added.equals(published)) {
                    problems.error(version.folder().path(), "", "version " + added + " is taken: it" + where, hint);
                }
                clash(added, published).ifPresent(why -> problems.error(version.folder().path(), "",
                        "version " + added + " is taken: " + published + where + ", and " + why, hint));
            }
            otherNewVersions(pullRequest, version).forEach(other -> clash(added, other).ifPresent(why ->
                    problems.error(version.folder().path(), "", "version " + added + " is also added as " + other
                            + " in this pull request, and " + why, "keep one of the two folders")));
        }
    }

    private static Stream<Version> otherNewVersions(PullRequest pullRequest, NewVersion version) {
        return pullRequest.newVersions().stream()
                .filter(other -> other.folder().name().equals(version.folder().name()) && other != version)
                .map(other -> other.folder().version());
    }

    /** Why two different version folders cannot both exist, if they cannot. */
    private static Optional<String> clash(Version added, Version other) {
        if (added.equals(other)) {
            return Optional.empty();
        }
        if (added.comparePrecedence(other) == 0) {
            return Optional.of("build metadata does not make another version");
        }
        if (added.toString().toLowerCase(Locale.ROOT).equals(other.toString().toLowerCase(Locale.ROOT))) {
            return Optional.of("versions that differ only in letter case would be one folder on macOS and Windows");
        }
        return Optional.empty();
    }
}
