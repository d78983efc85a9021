package io.prompd.generator.check;

import io.prompd.core.packaging.RepositoryPaths;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.ChangeType;
import java.util.Map;
import java.util.TreeMap;

/**
 * No path a pull request adds is longer than the policy's {@code maxPathLength} (200 characters unless set): Git for
 * Windows checks out no longer path with its defaults, the clone's own folder included, so once merged every clone
 * of the registry there would fail. A folder over the limit is one problem, however many files it holds, as a folder
 * that does not fit the layout is. A path the base already holds is left alone: the pull request did not add it, and
 * the versions published stay served.
 */
final class LongPathRule implements PullRequestRule {

    /** What the check's messages say of the limit. */
    private static final String ALLOWED = "a path in the registry's repository may have";
    private static final String REPACK = "in the package's own folder, " + RepositoryPaths.SHORTEN + "; then pack"
            + " again, and replace the version folder's files with the tarball's";

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        int limit = pullRequest.policy().maxPathLength();
        Map<String, Problem> byPlace = new TreeMap<>();
        pullRequest.changes().stream().filter(changed -> changed.change().type() == ChangeType.ADDED)
                .forEach(changed -> RepositoryPaths.overLimit(changed.change().path(), limit)
                        .ifPresent(place -> byPlace.computeIfAbsent(place, tooLong -> Problem.error(tooLong, "",
                                RepositoryPaths.whose(tooLong) + " has " + RepositoryPaths.beyond(
                                        RepositoryPaths.lengthOf(tooLong), limit, ALLOWED),
                                changed.path().kind() == ChangedPath.Kind.VERSION_FILE ? REPACK
                                        : RepositoryPaths.SHORTEN))));
        byPlace.values().forEach(problems::add);
    }
}
