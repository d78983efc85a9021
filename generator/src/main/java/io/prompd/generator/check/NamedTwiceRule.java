package io.prompd.generator.check;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.List;

/**
 * A name that a Git tree above the version folders holds twice at the head but not at the merge base, such as a
 * version folder, a package's meta.json or scopes.json given twice: the registry reads the first entry, while the
 * diff a reviewer reads may show the other. One inside a version folder is {@link PackedExactlyRule}'s.
 */
final class NamedTwiceRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        List<Problem> older = pullRequest.base().namedTwice();
        // restated: SettingsFilesRule reports the head's problems at a changed registry.json or scopes.json already
        pullRequest.head().namedTwice().stream().filter(problem -> !older.contains(problem)).forEach(problems::restate);
    }
}
