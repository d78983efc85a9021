package io.prompd.generator.check;

import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.problem.Problems;

/**
 * A new version folder is {@code packages/<name>/<version>/} of the name and version its
 * prompd.json declares, to the letter (build metadata included), because clients find a version
 * by its folder.
 */
final class FolderMatchesManifestRule implements PullRequestRule {

    private static final String HINT = "the folder must be packages/<name>/<version>/ with the name and version of"
            + " its prompd.json: rename the folder or correct the field";

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            ManifestDraft draft = version.manifest().draft();
            draft.name().filter(name -> !name.equals(version.folder().name())).ifPresent(name -> problems.add(
                    version.manifestError("/name", "the manifest names the package " + name + ", but the folder"
                            + " is that of " + version.folder().name(), HINT)));
            draft.version().filter(declared -> !declared.equals(version.folder().version())).ifPresent(declared ->
                    problems.add(version.manifestError("/version", "the manifest declares version " + declared
                            + ", but the folder is that of version " + version.folder().version(), HINT)));
        }
    }
}
