package io.prompd.generator.check;

import io.prompd.core.problem.Problems;

/**
 * Files outside version folders: a pull request may change only {@code registry.json},
 * {@code scopes.json}, {@code packages/<name>/meta.json} and the repository's own documentation
 * and CI files. Anything else, in particular any other path under {@code packages/}, is refused.
 * Who may change the allowed ones is {@link OwnershipRule}'s business.
 */
final class AllowedPathsRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.OTHER)) {
            problems.error(changed.change().path(), "", changed.path().reason(), ChangedPath.LAYOUT_HINT);
        }
    }
}
