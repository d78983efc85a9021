package io.prompd.generator.check;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;

/**
 * An entry of a Git tree that Git never writes, at the head but not at the merge base. A name held twice above the
 * version folders, such as a version folder, a package's meta.json or scopes.json given twice, where the registry
 * reads the first entry while the diff a reviewer reads may show the other; one inside a new version's folder is
 * {@link PackedExactlyRule}'s. A name that is no single name in any tree the pull request changes, such as an entry of
 * packages/ named {@code a/1.0.0/notes.md}, which a diff shows as a file of a version folder that does not hold it,
 * and which the build refuses wherever it reads: in a published version's folder too, which no other rule then sees
 * changed, or in the repository's own folders, whose changes the check reads. A symbolic link holding a tree, which
 * the rules reading files refuse as a link, but whose tree a later commit removing the link leaves in history.
 */
final class HandWrittenTreeRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        List<Problem> older = pullRequest.base().handWritten();
        // restated: SettingsFilesRule reports the head's problems at a changed registry.json or scopes.json already,
        // and the listing of the head reports what the diff finds above the version folders
        pullRequest.head().handWritten().stream().filter(problem -> !older.contains(problem))
                .forEach(problems::restate);
        CommitRange.notOneName(pullRequest.repository(), pullRequest.base().commit(), pullRequest.head().commit())
                .forEach(problems::restate);
        for (PullRequest.ChangedFile changed : pullRequest.changes()) {
            Change change = changed.change();
            if (change.type() != ChangeType.DELETED && change.newMode() == FileMode.SYMLINK
                    && !pullRequest.repository().isBlob(change.newBlob())) {
                problems.add(RepositoryLayout.linkHoldingNoBlob(change.path()));
            }
        }
    }
}
