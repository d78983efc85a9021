package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.json.FieldLines;
import io.prompd.core.packaging.Secrets;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.CommitMessage;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.IntermediateFile;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.UrlUserPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.FileMode;

/**
 * No likely credential reaches the registry by a way that validating the new versions does not search: the
 * {@code meta.json}, {@code registry.json} and {@code scopes.json} the pull request changes, whose text is served (a
 * yank's or a takedown's reason in {@code index.json}) or shown as written, the repository's own files it adds or
 * changes outside {@code packages/} (its documentation, CI workflows), which merging publishes in the registry's
 * repository, any one over the default per-file limit refused unread, and what a commit of the pull request
 * held that a later one changed or deleted, symbolic links' targets included, which merging keeps in Git history all
 * the same, as it keeps the target of a link the head holds, which the rules reading a version's files refuse
 * unread. The names of those files and folders are searched too, as Git keeps them as well, and a version folder's
 * file that such a commit held under a name pack leaves out as secrets ({@code .env*}, {@code .npmrc*}, ...), which
 * the head's version folders may not hold ({@link PackedExactlyRule}), is refused by that name, whatever it held.
 * The commits' messages are searched too, which Git keeps and the registry's host shows beside every commit. A
 * file over its per-file limit is not read: a package's or a setting's in the head is refused by its size
 * elsewhere, and the others here, by the size Git records for them, one only on its way too, since history keeps it.
 */
final class CommittedSecretsRule implements PullRequestRule {

    /** What a file refused by its name is named for, beside the messages of the credentials its content holds. */
    private static final String SECRET_NAME = "named as secrets";
    private static final String LINK = "the file is a symbolic link, Git keeping its target as its content";

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        ArchiveLimits policy = pullRequest.policy().limits();
        RegistryRepository repository = pullRequest.repository();
        List<String> ownPaths = new ArrayList<>();
        for (PullRequest.ChangedFile changed : pullRequest.changes()) {
            Change change = changed.change();
            boolean ownFile = changed.path().kind() != ChangedPath.Kind.VERSION_FILE;
            if (ownFile && change.type() != ChangeType.DELETED) {
                ownPaths.add(change.path());
            }
            if (ownFile && change.type() != ChangeType.DELETED && Change.isFile(change.newMode())) {
                ArchiveLimits limits = limitsOf(changed.path(), policy);
                Optional<byte[]> bytes = repository.read(change.newBlob(), limits);
                bytes.ifPresent(content -> problems.addAll(toldOnce(pullRequest, change.path(), content,
                        Secrets.found(change.path(), content))));
                // the settings and meta.json files are refused by their size where they are read
                if (bytes.isEmpty() && changed.path().kind() == ChangedPath.Kind.REPOSITORY_FILE) {
                    problems.add(Problem.error(change.path(), "", "the file has " + overLimit(repository
                            .size(change.newBlob()), limits) + ", so it is not searched for credentials",
                            "keep the file under the limit, or out of the registry's repository (link to"
                            + " where it is kept)"));
                }
            }
            // refused as a link, in a version or elsewhere, but its target is history once merged all the same: told
            // in the same run, the credential is revoked and the link dropped from the branch's history at once; one
            // written by hand holding a tree has no target, and is refused as a link as the build refuses it
            if (change.type() != ChangeType.DELETED && change.newMode() == FileMode.SYMLINK
                    && repository.isBlob(change.newBlob())) {
                repository.read(change.newBlob(), limitsOf(changed.path(), policy)).ifPresent(target -> Secrets
                        .inFile(change.path(), target).forEach(secret -> problems.add(new Problem(secret.severity(),
                                secret.file(), "", secret.line(), LINK + ", and " + secret.message(), secret.hint()))));
            }
        }
        problems.addAll(Secrets.inNames(ownPaths));
        for (CommitMessage message : CommitRange.messages(repository, pullRequest.baseTip().commit(),
                pullRequest.head().commit())) {
            String commit = RegistryRepository.shortId(message.commit().name());
            problems.addAll(Secrets.inText("commit " + commit, "message of commit " + commit + " of the pull request",
                    message.text(), ": merging keeps it in Git history, which the registry's host shows",
                    "reword the commit without it (git rebase -i, reword " + commit + ", then force-push), and revoke"
                            + " the credential if it is real"));
        }
        // a file that holds a key in several commits is named once, at the oldest, as is one over the limit
        Set<List<String>> named = new HashSet<>();
        for (IntermediateFile file : CommitRange.intermediateFiles(repository, pullRequest.baseTip().commit(),
                pullRequest.base().commit(), pullRequest.head().commit())) {
            String commit = RegistryRepository.shortId(file.commit().name());
            // a name the head still holds is the head's error, which a rename fixes
            for (Problem secret : Secrets.inNames(List.of(file.path()))) {
                if (!pullRequest.head().has(secret.file()) && named.add(List.of(secret.file(), secret.message()))) {
                    problems.add(inHistory(secret, commit, false));
                }
            }
            ChangedPath place = ChangedPath.of(file.path());
            // the head's name rule for version folders, on history too: no key pattern finds a .env's passwords
            if (place.kind() == ChangedPath.Kind.VERSION_FILE && PackSelector.isNamedAsSecrets(file.path())
                    && !pullRequest.head().has(file.path()) && named.add(List.of(file.path(), SECRET_NAME))) {
                problems.add(namedAsSecrets(file, commit));
            }
            ArchiveLimits limits = limitsOf(place, policy);
            Optional<byte[]> bytes = repository.read(file.blob(), limits);
            if (bytes.isEmpty()) {
                if (named.add(List.of(file.path()))) {
                    problems.add(overLimit(file, commit, repository.size(file.blob()), limits));
                }
                continue;
            }
            for (Problem secret : Secrets.inFile(file.path(), bytes.get())) {
                if (named.add(List.of(file.path(), secret.message()))) {
                    problems.add(inHistory(secret, commit, file.link()));
                }
            }
        }
    }

    /**
     * The credentials found in a changed file but a password in registry.json's base URL or git URL, as written or with
     * escapes JSON decodes, which its own rule refuses at the same line, in its words ({@link UrlUserPart}): told once.
     */
    private static List<Problem> toldOnce(PullRequest pullRequest, String path, byte[] content,
                                          List<Secrets.Found> secrets) {
        List<String> refused = path.equals(RegistryConfig.FILE) ? pullRequest.head().parsedConfig().problems()
                .stream().filter(UrlUserPart::isRefusal).map(Problem::pointer).toList() : List.of();
        // the lines of a file's fields are read only for registry.json holding a refused URL
        Set<Integer> refusedLines = refused.isEmpty() ? Set.of()
                : refused.stream().map(FieldLines.ofJson(content)::lineOf).collect(Collectors.toSet());
        return secrets.stream().filter(secret -> !secret.passwordInUrl()
                || !refusedLines.contains(secret.problem().line())).map(Secrets.Found::problem).toList();
    }

    /**
     * The per-file limit of a path: the policy's for a package's files, and for the registry's settings and own files,
     * which the policy does not bound, the most the registry reads of any file, as the snapshot reads settings.
     */
    private static ArchiveLimits limitsOf(ChangedPath path, ArchiveLimits policy) {
        return path.kind() == ChangedPath.Kind.SETTINGS || path.kind() == ChangedPath.Kind.REPOSITORY_FILE
                ? ArchiveLimits.DEFAULT : policy;
    }

    private static Problem inHistory(Problem secret, String commit, boolean link) {
        return new Problem(secret.severity(), secret.file(), "", secret.line(), "in commit " + commit + " of the pull"
                + " request " + (link ? "(where " + LINK + ") " : "") + secret.message() + ": a later commit changed or"
                + " deleted the file, but Git history keeps that commit", rewriteHistory(commit) + ", and revoke the"
                + " credential if it is real");
    }

    /**
     * A file named as secrets that a commit added to a version folder and a later one deleted: its passwords are
     * history once merged, whatever they look like.
     */
    private static Problem namedAsSecrets(IntermediateFile file, String commit) {
        return Problem.error(file.path(), "", "commit " + commit + " of the pull request added the file, whose name"
                + " looks like secrets (" + PackSelector.SECRET_LIST + "), which a version folder may not hold: a later"
                + " commit deleted it, but Git history keeps that commit", rewriteHistory(commit)
                + ", and revoke the credentials it held if they are real");
    }

    /**
     * A content over the per-file limit, refused by the size Git records for it rather than searched: merged, the
     * registry's history would hold it for good, in every clone.
     */
    private static Problem overLimit(IntermediateFile file, String commit, long size, ArchiveLimits limits) {
        return Problem.error(file.path(), "", "in commit " + commit + " of the pull request the file has "
                + overLimit(size, limits) + ", so it is not searched for credentials: a later commit changed or deleted"
                + " the file, but Git history keeps that commit", rewriteHistory(commit));
    }

    /** The limit, with where it is set when the registry's policy lowers it, as for a version's files. */
    private static String overLimit(long size, ArchiveLimits limits) {
        return PackageLocation.VERSION_FOLDER.overFileLimit(size, limits);
    }

    private static String rewriteHistory(String commit) {
        return "rewrite the branch's history without it (squash its commits, or drop or edit " + commit + " with git"
                + " rebase -i, then force-push)";
    }
}
