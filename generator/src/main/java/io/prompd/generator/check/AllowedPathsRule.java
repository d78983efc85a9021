package io.prompd.generator.check;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.ChangeType;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files outside version folders: a pull request may change only {@code registry.json},
 * {@code scopes.json}, {@code packages/<name>/meta.json} and the repository's own documentation
 * and CI files. Anything else, in particular any other path under {@code packages/}, is refused.
 * Who may change the allowed ones is {@link OwnershipRule}'s business. A folder that does not fit
 * is one problem, however many files it holds. Deleting a path that does not fit is no such problem: it is how a
 * stray file the build refuses leaves the registry, which only maintainers may do ({@link OwnershipRule}).
 */
final class AllowedPathsRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        Map<String, Problem> misfitByPlace = new TreeMap<>();
        pullRequest.changes(ChangedPath.Kind.OTHER).stream()
                .filter(changed -> changed.change().type() != ChangeType.DELETED)
                .forEach(changed -> changed.path().misfit()
                        .ifPresent(misfit -> misfitByPlace.putIfAbsent(misfit.file(), misfit)));
        misfitByPlace.values().forEach(problems::add);
    }
}
