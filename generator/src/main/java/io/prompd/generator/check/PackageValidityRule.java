package io.prompd.generator.check;

import io.prompd.core.archive.LeftOut;
import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Severity;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A new version passes everything {@code prompd validate} and {@code prompd pack} check (manifest,
 * file selection and limits of the registry's policy, prompt files), reported at repository
 * paths. Pack's warnings about files it leaves out are dropped: in the registry those files are
 * errors of {@link PackedExactlyRule}. A description and a license, which an author's package may
 * lack, are required to publish, as crates.io requires them: {@code prompd info} and {@code packages.json} show the
 * one, and without the other nobody knows whether they may use the prompts.
 */
final class PackageValidityRule implements PullRequestRule {

    private static final String DESCRIPTION = Pointer.of(ManifestFields.DESCRIPTION);
    private static final String LICENSE = Pointer.of(ManifestFields.LICENSE);

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            Set<String> leftOut = version.report().selection().leftOut().stream().map(LeftOut::path)
                    .collect(Collectors.toSet());
            ManifestDraft manifest = version.report().draft();
            Set<String> missing = new HashSet<>();
            if (manifest.description().isEmpty()) {
                missing.add(DESCRIPTION);
            }
            if (manifest.license().isEmpty()) {
                missing.add(LICENSE);
            }
            String manifestFile = version.report().manifestResult().file();
            problems.addAll(version.inRepository(version.report().problems().stream()
                    .filter(problem -> problem.isError() || !leftOut.contains(problem.file()))
                    .map(problem -> requiredToPublish(problem, manifestFile, missing))
                    .toList()));
        }
    }

    /** The warning that a manifest lacks a field the registry requires, which says so already, as an error. */
    private static Problem requiredToPublish(Problem problem, String manifestFile, Set<String> missing) {
        if (problem.isError() || !problem.file().equals(manifestFile) || !missing.contains(problem.pointer())) {
            return problem;
        }
        return new Problem(Severity.ERROR, problem.file(), problem.pointer(), problem.line(), problem.message(),
                problem.hint());
    }
}
