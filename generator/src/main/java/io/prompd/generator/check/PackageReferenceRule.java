package io.prompd.generator.check;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.PackageReference;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.ReferenceSite;
import io.prompd.core.resolve.Resolution;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every file a prompt of a new version takes from another package ({@code inherits}, {@code using}
 * with a path, {@code context}, {@code system}, ..., or a file its body includes, written as
 * {@code @scope/pkg@range/path})
 * exists in the version of that package the dependencies resolve to, read from the head; a
 * version the declared range also allows without the file is a warning. Whether the package is
 * a declared dependency at all is the prompt validator's rule.
 */
final class PackageReferenceRule implements PullRequestRule {

    /**
     * Where a reference's problems are reported: the prompt's repository path and the field or
     * body line; a field's line is looked up only for a problem (it reads the front matter again).
     */
    private record Site(String file, ReferenceSite written, PromptFile prompt) {

        Problem error(String message, String hint) {
            return locate(Problem.error(file, written.pointer(), message, hint));
        }

        Problem warning(String message, String hint) {
            return locate(Problem.warning(file, written.pointer(), message, hint));
        }

        private Problem locate(Problem problem) {
            return problem.atLine(written.lineIn(prompt));
        }
    }

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        for (NewVersion version : pullRequest.newVersions()) {
            Optional<Resolution> resolution = pullRequest.resolution(version).resolution();
            if (resolution.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, PromptFile> prompt : version.report().prompts().entrySet()) {
                for (ReferenceSite written : prompt.getValue().referenceSites()) {
                    if (!(written.reference() instanceof PackageReference reference)) {
                        continue;
                    }
                    Version chosen = resolution.get().versions().get(reference.packageName());
                    if (chosen != null && !reference.path().isEmpty()) {
                        Site site = new Site(version.repositoryPath(prompt.getKey()), written, prompt.getValue());
                        problems.addAll(missingInResolved(pullRequest, reference, chosen, site));
                        problems.addAll(missingInAllowed(pullRequest, version, reference, chosen, site));
                    }
                }
            }
        }
    }

    /** The file must be in the version the dependencies resolve to: an error otherwise. */
    private static List<Problem> missingInResolved(PullRequest pullRequest, PackageReference reference, Version chosen,
                                                   Site site) throws IOException {
        if (hasFile(pullRequest, reference, chosen)) {
            return List.of();
        }
        return List.of(site.error("'" + reference.written() + "' points to " + reference.path() + ", which "
                        + reference.packageName() + " " + chosen + " (the version the dependencies resolve to) does not have",
                "correct the path, or require a version of " + reference.packageName() + " that has the file"));
    }

    /**
     * Another install may pick another version the declared range allows, so a file missing from
     * any of those (yanked ones aside) is worth a warning, though it does not block.
     */
    private static List<Problem> missingInAllowed(PullRequest pullRequest, NewVersion version, PackageReference reference,
                                                  Version chosen, Site site) throws IOException {
        VersionRange declared = version.manifest().draft().dependencies().get(reference.packageName());
        if (declared == null) {
            return List.of();
        }
        PackageMeta meta = pullRequest.head().meta(reference.packageName());
        List<Version> without = new ArrayList<>();
        for (Version allowed : pullRequest.head().packages()
                .getOrDefault(reference.packageName(), Collections.emptySortedMap()).keySet()) {
            if (!allowed.equals(chosen) && declared.satisfiedBy(allowed) && !meta.isYanked(allowed)
                    && !hasFile(pullRequest, reference, allowed)) {
                without.add(allowed);
            }
        }
        if (without.isEmpty()) {
            return List.of();
        }
        return List.of(site.warning("'" + reference.written() + "' points to " + reference.path() + ", which "
                        + reference.packageName() + " " + without.stream().map(Version::toString)
                        .collect(Collectors.joining(", ")) + " (allowed by \"" + declared.text() + "\") do not have",
                "narrow the range in \"dependencies\" to versions that have the file"));
    }

    private static boolean hasFile(PullRequest pullRequest, PackageReference reference, Version version)
            throws IOException {
        Optional<VersionFolder> folder = pullRequest.head().folder(reference.packageName(), version);
        return folder.isPresent() && pullRequest.head().file(folder.get(), reference.path()).isPresent();
    }
}
