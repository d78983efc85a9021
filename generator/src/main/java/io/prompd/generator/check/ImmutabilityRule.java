package io.prompd.generator.check;

import io.prompd.core.ShellWords;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * A published version never changes: any file added to, changed in or deleted from a version
 * folder present at the merge base is refused, at its {@linkplain FirstChangedLine first changed line}, naming the
 * commit that published the version. What
 * counts is content, paths and blobs: a file made executable or not, and nothing else, changes no
 * tarball (every entry is 0644), while a symbolic link or a submodule in a file's place is a change
 * whatever its object. A
 * version whose folder is gone (deleted, or renamed) is one problem at that folder rather than one
 * per file. History is walked only when such a change exists, and then only for the touched
 * folders' manifests.
 *
 * <p>The one exception is a maintainers' takedown: a maintainer's pull request may delete whole
 * version folders (leaked secrets, illegal content), never change or partly delete one.
 */
final class ImmutabilityRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        if (pullRequest.touchedPublishedVersions().isEmpty()) {
            return;
        }
        PublicationHistory history = pullRequest.publications();
        Set<PackageVersion> deleted = pullRequest.deletedVersions();
        Set<PackageVersion> takenDown = pullRequest.takedowns();
        for (PackageVersion version : deleted) {
            // with the maintainers unknown, whether a deletion is a takedown is too, as the ownership rule says
            if (!takenDown.contains(version) && pullRequest.maintainersKnown()) {
                refuseDeletion(pullRequest, version, history.publishedOnce(version), problems);
            }
        }
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.VERSION_FILE)) {
            PackageVersion version = changed.path().packageVersion().orElseThrow();
            if (!pullRequest.touchedPublishedVersions().contains(version) || deleted.contains(version)
                    || changed.change().onlyExecutableBit()) {
                continue;
            }
            Optional<String> rewritten = LineEndingChange.of(pullRequest.repository(), changed.change());
            Problem problem = rewritten.isPresent() ? rewritten(pullRequest, changed, rewritten.get(), history)
                    : Problem.error(changed.change().path(), "", "this file is " + verb(changed) + " in "
                            + version.name() + " " + version.version() + ", a published version: "
                            + publishedIn(history.publishedOnce(version)), "published versions never change; revert"
                            + " this change and publish the correction as a new version (a patch version for a"
                            + " typo); if this one misleads, deprecate it in "
                            + RepositoryLayout.metaFile(version.name()) + ", or yank it there if it is broken");
            problems.add(problem.atLine(FirstChangedLine.of(pullRequest.repository(), changed.change())));
        }
    }

    /**
     * A published file whose text is the same but for its line endings or byte order mark, as an editor or a tool
     * rewrites files, or Git's core.autocrlf where .gitattributes leaves line endings to it: restoring it is the fix,
     * not a new version.
     */
    private static Problem rewritten(PullRequest pullRequest, PullRequest.ChangedFile changed, String difference,
                                     PublicationHistory history) {
        PackageVersion version = changed.path().packageVersion().orElseThrow();
        String folder = RepositoryLayout.versionFolder(version.name(), version.version());
        return Problem.error(changed.change().path(), "", "this file of " + version.name() + " " + version.version()
                + ", a published version, differs from the published file only in " + difference + ", as an editor,"
                + " a tool or Git's core.autocrlf rewrites files: " + publishedIn(history.publishedOnce(version)),
                "published versions never change; restore the published files with 'git checkout "
                        + RegistryRepository.shortId(pullRequest.base().commit().name()) + " -- "
                        + ShellWords.path(folder) + "' and commit, and keep them from being rewritten: run 'git config"
                        + " core.autocrlf false' in this clone, keep '* -text' as the first rule of .gitattributes"
                        + " and let the editor keep each file's line endings");
    }

    /**
     * Only maintainers take a version down. When it is one of two folders that are the same
     * version to clients, the build refuses the branch until one goes, so the way out is said.
     */
    private static void refuseDeletion(PullRequest pullRequest, PackageVersion version,
                                       Optional<Publication> publication, Problems problems) {
        String folder = RepositoryLayout.versionFolder(version.name(), version.version());
        String deleted = "the published version " + version.name() + " " + version.version() + " is deleted: "
                + publishedIn(publication);
        Optional<String> clash = pullRequest.base().packages().get(version.name()).keySet().stream()
                .flatMap(other -> RepositoryLayout.versionClash(version.version(), other)
                        .map(why -> other + " is published too, and " + why).stream())
                .findFirst();
        if (clash.isPresent()) {
            problems.error(folder, "", deleted + "; " + clash.get() + ", so the registry cannot be built until one of"
                    + " the two goes, and only a maintainer may delete a published version", "ask a maintainer to"
                    + " delete the one published later, in a pull request of their own (see "
                    + RepositoryLayout.TAKEDOWN_SECTION + ")");
        } else {
            String meta = RepositoryLayout.metaFile(version.name());
            String section = RepositoryLayout.TAKEDOWN_SECTION;
            // yanking it again is no advice for a version the base branch yanks
            String withdraw = pullRequest.baseTip().meta(version.name()).yanked().containsKey(version.version())
                    ? ": the version is yanked already in " + meta + ", so new installs do not get it; for a leaked"
                            + " secret or illegal content, ask a maintainer to take it down (see " + section + ")"
                    : ", and to withdraw the version yank it in " + meta + " (for a leaked secret or illegal content,"
                            + " see " + section + ")";
            problems.error(folder, "", deleted + ", and only a maintainer may delete a published version, to take it"
                    + " down", "published versions stay; restore the folder" + withdraw);
        }
    }

    private static String verb(PullRequest.ChangedFile changed) {
        return switch (changed.change().type()) {
            case ADDED -> "added";
            case MODIFIED -> "changed";
            case DELETED -> "deleted";
        };
    }

    private static String publishedIn(Optional<Publication> publication) {
        return publication.map(where -> "it was published in commit " + where.describe())
                .orElse("it was published before this pull request");
    }
}
