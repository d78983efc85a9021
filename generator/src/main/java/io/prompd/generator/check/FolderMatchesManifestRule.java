package io.prompd.generator.check;

import io.prompd.core.problem.Problems;

/** A new version folder is {@code packages/<name>/<version>/} of the name and version its prompd.json declares. */
final class FolderMatchesManifestRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            problems.addAll(version.folder().mismatches(version.manifest()));
        }
    }
}
