package io.prompd.generator.check;

import io.prompd.core.archive.LeftOut;
import io.prompd.core.problem.Problems;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A new version passes everything {@code prompd validate} and {@code prompd pack} check (manifest,
 * file selection and limits of the registry's policy, prompt files), reported at repository
 * paths. Pack's warnings about files it leaves out are dropped: in the registry those files are
 * errors of {@link PackedExactlyRule}.
 */
final class PackageValidityRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            Set<String> leftOut = version.report().selection().leftOut().stream().map(LeftOut::path)
                    .collect(Collectors.toSet());
            problems.addAll(version.inRepository(version.report().problems().stream()
                    .filter(problem -> problem.isError() || !leftOut.contains(problem.file()))
                    .toList()));
        }
    }
}
