package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.packaging.ContentCheck;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.IntermediateFile;
import io.prompd.generator.source.RegistryRepository;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * No likely credential reaches the registry by a way that validating the new versions does not search: the
 * {@code meta.json}, {@code registry.json} and {@code scopes.json} the pull request changes, whose text is served (a
 * yank's or a takedown's reason in {@code index.json}) or shown as written, and what a commit of the pull request
 * held that a later one changed or deleted, which merging keeps in Git history all the same. A file over the policy's
 * per-file limit is refused by its size elsewhere, or was only on its way, and is not read.
 */
final class CommittedSecretsRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        ArchiveLimits limits = pullRequest.policy().limits();
        RegistryRepository repository = pullRequest.repository();
        for (PullRequest.ChangedFile changed : pullRequest.changes()) {
            Change change = changed.change();
            boolean settings = changed.path().kind() == ChangedPath.Kind.META
                    || changed.path().kind() == ChangedPath.Kind.SETTINGS;
            if (settings && change.type() != ChangeType.DELETED && Change.isFile(change.newMode())) {
                repository.read(change.newBlob(), limits)
                        .ifPresent(bytes -> problems.addAll(ContentCheck.secrets(change.path(), bytes)));
            }
        }
        // a file that holds a key in several commits is named once, at the oldest
        Set<List<String>> named = new HashSet<>();
        for (IntermediateFile file : CommitRange.intermediateFiles(repository, pullRequest.baseTip().commit(),
                pullRequest.base().commit(), pullRequest.head().commit())) {
            Optional<byte[]> bytes = repository.read(file.blob(), limits);
            if (bytes.isEmpty()) {
                continue;
            }
            for (Problem secret : ContentCheck.secrets(file.path(), bytes.get())) {
                if (named.add(List.of(file.path(), secret.message()))) {
                    problems.add(inHistory(secret, RegistryRepository.shortId(file.commit().name())));
                }
            }
        }
    }

    private static Problem inHistory(Problem secret, String commit) {
        return Problem.error(secret.file(), "", "in commit " + commit + " of the pull request " + secret.message()
                        + ": a later commit changed or deleted the file, but Git history keeps that commit",
                "rewrite the branch's history without it (squash its commits, or drop or edit " + commit + " with git"
                        + " rebase -i, then force-push), and revoke the credential if it is real").atLine(secret.line());
    }
}
