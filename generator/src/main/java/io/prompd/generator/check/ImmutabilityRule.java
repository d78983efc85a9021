package io.prompd.generator.check;

import io.prompd.core.problem.Problems;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A published version never changes: any file added to, changed in or deleted from a version
 * folder present at the merge base is refused, naming the commit that published the version. A
 * version whose folder is gone (deleted, or renamed) is one problem at that folder rather than one
 * per file. History is walked only when such a change exists, and then
 * only for the touched folders' manifests.
 *
 * <p>The one planned exception, a takedown of a whole version by maintainers, belongs here: it
 * would remove its changes from {@code published} before they are reported.
 */
final class ImmutabilityRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        List<PullRequest.ChangedFile> published = pullRequest.changes(ChangedPath.Kind.VERSION_FILE).stream()
                .filter(changed -> changed.path().packageVersion()
                        .flatMap(id -> pullRequest.base().folder(id.name(), id.version())).isPresent())
                .toList();
        if (published.isEmpty()) {
            return;
        }
        TreeSet<PackageVersion> versions = new TreeSet<>();
        published.forEach(changed -> versions.add(changed.path().packageVersion().orElseThrow()));
        PublicationHistory history = PublicationHistory.compute(pullRequest.repository(), pullRequest.baseCommit(), versions);
        // a version whose folder is gone is one problem, not one per file of it
        Set<PackageVersion> deleted = versions.stream()
                .filter(version -> pullRequest.head().folder(version.name(), version.version()).isEmpty())
                .collect(Collectors.toSet());
        for (PackageVersion version : versions) {
            if (deleted.contains(version)) {
                problems.error(RepositoryLayout.versionFolder(version.name(), version.version()), "", "the published version " + version.name() + " "
                        + version.version() + " is deleted: " + publishedIn(history.publication(version)),
                        "published versions stay; restore the folder, and to withdraw the version yank it in "
                                + RepositoryLayout.metaFile(version.name()));
            }
        }
        for (PullRequest.ChangedFile changed : published) {
            PackageVersion version = changed.path().packageVersion().orElseThrow();
            if (deleted.contains(version)) {
                continue;
            }
            problems.error(changed.change().path(), "", "this file is " + verb(changed) + " in " + version.name() + " "
                            + version.version() + ", a published version: " + publishedIn(history.publication(version)),
                    "published versions never change; revert this change, and to correct the version publish a new"
                            + " one and yank this one in " + RepositoryLayout.metaFile(version.name()));
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
