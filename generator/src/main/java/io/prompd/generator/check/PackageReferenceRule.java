package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Severity;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.prompt.DependencyFiles.FileUse;
import io.prompd.core.prompt.DependencyFiles.VersionFiles;
import io.prompd.core.prompt.PackageReference;
import io.prompd.core.resolve.Resolution;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Every file a prompt of a new version takes from another package exists in the version of that
 * package the dependencies resolve to, read from the head ({@link MergedPackages}), and one a template loads renders
 * there as a file of the new version's own would: {@link DependencyFiles}, which {@code prompd validate} applies to the
 * version installed. A version the declared range also allows without the file is a warning.
 */
final class PackageReferenceRule implements PullRequestRule {

    private static final String RESOLVED = "the version the dependencies resolve to";

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        HeadFiles head = new HeadFiles(pullRequest.merged());
        for (NewVersion version : pullRequest.newVersions()) {
            Optional<Resolution> resolution = pullRequest.resolution(version).resolution();
            if (resolution.isEmpty()) {
                continue;
            }
            SortedMap<PackageName, Version> chosen = resolution.get().versions();
            List<FileUse> uses = DependencyFiles.uses(version.report().prompts().values());
            List<Problem> found = new ArrayList<>(DependencyFiles.check(version.report().prompts(),
                    name -> chosen.containsKey(name) ? head.of(name, chosen.get(name)) : Optional.empty(), RESOLVED)
                    .problems());
            for (FileUse use : uses) {
                Version picked = chosen.get(use.reference().packageName());
                // a file the chosen version lacks too is an error above, which the warning would only repeat
                if (picked != null && head.has(use.reference().packageName(), picked, use.reference().path())) {
                    missingInAllowed(pullRequest, head, version, use, picked).ifPresent(found::add);
                }
            }
            // after PackageValidityRule, so that a restated error of the validator replaces it
            found.forEach(problem -> problems.restate(problem.inFile(version.repositoryPath(problem.file()))));
        }
    }

    /**
     * Another install may pick another version the declared range allows, so a file missing from
     * any of those (yanked ones aside) is worth a warning, though it does not block.
     */
    private static Optional<Problem> missingInAllowed(PullRequest pullRequest, HeadFiles head, NewVersion version,
                                                      FileUse use, Version chosen) throws IOException {
        PackageReference reference = use.reference();
        VersionRange declared = version.manifest().draft().dependencies().get(reference.packageName());
        if (declared == null) {
            return Optional.empty();
        }
        PackageMeta meta = pullRequest.merged().meta(reference.packageName());
        List<Version> without = new ArrayList<>();
        for (Version allowed : pullRequest.merged().versions(reference.packageName()).keySet()) {
            if (!allowed.equals(chosen) && declared.satisfiedBy(allowed) && !meta.isYanked(allowed)
                    && !head.has(reference.packageName(), allowed, reference.path())) {
                without.add(allowed);
            }
        }
        if (without.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(use.problem(Severity.WARNING, "'" + reference.written() + "' points to " + reference.path()
                        + ", which " + reference.packageName() + " " + without.stream().map(Version::toString)
                        .collect(Collectors.joining(", ")) + " (allowed by \"" + declared.text() + "\") "
                        + (without.size() == 1 ? "does" : "do") + " not have",
                "narrow the range in \"dependencies\" to versions that have the file"));
    }

    /** The versions' files at the head, each listed once however many references and new versions ask. */
    private static final class HeadFiles {

        private final MergedPackages merged;
        private final Map<PackageVersion, Optional<VersionFiles>> listed = new HashMap<>();

        HeadFiles(MergedPackages merged) {
            this.merged = merged;
        }

        Optional<VersionFiles> of(PackageName name, Version version) throws IOException {
            PackageVersion id = new PackageVersion(name, version);
            Optional<VersionFiles> files = listed.get(id);
            if (files == null) {
                Optional<VersionFolder> folder = merged.folder(name, version);
                files = folder.isEmpty() ? Optional.empty()
                        : Optional.of(new VersionFiles(version, merged.source(folder.get())));
                listed.put(id, files);
            }
            return files;
        }

        boolean has(PackageName name, Version version, String path) throws IOException {
            Optional<VersionFiles> files = of(name, version);
            return files.isPresent() && files.get().has(path);
        }
    }
}
