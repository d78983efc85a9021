package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.VersionFolder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Every dependency of a new version, but one on a package of the policy's external scopes (another registry's, which
 * the check cannot read), names a package of the registry (published, or added in the
 * same pull request) with a version in range that is not yanked, a failure naming the versions in
 * range that were taken down, or those published on the base branch since the pull request branched off,
 * with the advice to merge it; then the whole graph resolves
 * with the resolver clients use. Yanks and takedowns count as the merge leaves them ({@link MergedPackages}): one
 * made on the base branch since the pull request branched off is the same error as on a branch that has it. The
 * resolver's explanation is reported only when each range on its own is fine, so one missing package is not reported
 * twice.
 */
final class DependencyRule implements PullRequestRule {

    /**
     * A dependency published on the base branch since the pull request branched off is there once it merges, but
     * the check reads the dependency's files and resolves over the pull request's own commit, which lacks them.
     */
    private static final String MERGE_BASE_BRANCH = "merge the base branch into this pull request, so that the check"
            + " sees the versions the registry has now";

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        for (NewVersion version : pullRequest.newVersions()) {
            List<Problem> found = new ArrayList<>();
            pullRequest.dependenciesHere(version).forEach((name, range) ->
                    rangeProblem(pullRequest, version, name, range).ifPresent(found::add));
            if (found.isEmpty()) {
                pullRequest.resolution(version).failure().ifPresent(failure -> found.add(version.manifestError(
                        "/dependencies", "the dependencies cannot be resolved together: " + failure.getMessage(),
                        failure.hint())));
            }
            problems.addAll(found);
        }
    }

    private static Optional<Problem> rangeProblem(PullRequest pullRequest, NewVersion version, PackageName name,
                                                  VersionRange range) {
        MergedPackages merged = pullRequest.merged();
        String pointer = Pointer.of("dependencies", name.toString());
        SortedMap<Version, VersionFolder> versions = merged.packages().get(name);
        Takedowns takedowns = pullRequest.index().takedowns(name);
        if (takedowns.noVersionLeft()) {
            return Optional.of(version.manifestError(pointer, takedowns.everyVersion(name),
                    "depend on another package, or publish a new version of it first"));
        }
        if (versions == null) {
            if (pullRequest.baseTip().packages().containsKey(name)) {
                return Optional.of(version.manifestError(pointer, name + " was published on the base branch after this"
                        + " pull request branched off, so its branch does not have it yet", MERGE_BASE_BRANCH));
            }
            // the package that depends on the name is no typo of it, nor is the name a typo of it
            List<PackageName> similar = pullRequest.index().similarNames(name).names().stream()
                    .filter(other -> !other.equals(version.folder().name())).toList();
            String publish = "publish it first (or in this pull request), or correct the name";
            return Optional.of(version.manifestError(pointer, name + " is not a package of this registry",
                    !similar.isEmpty() ? SimilarNames.didYouMean(similar)
                            : isUnknownScope(pullRequest, name) ? "if " + name.scopeWithAt() + "'s packages live in"
                            + " another registry, a maintainer names " + name.scopeWithAt() + " in policy."
                            + RegistryConfig.EXTERNAL_SCOPES + " of " + RegistryConfig.FILE + ", and the check leaves"
                            + " them to it; otherwise " + publish : publish));
        }
        List<Version> allowed = versions.keySet().stream().filter(range::satisfiedBy).toList();
        if (allowed.isEmpty()) {
            List<Version> publishedSince = pullRequest.baseTip().packages().getOrDefault(name,
                    Collections.emptySortedMap()).keySet().stream().filter(range::satisfiedBy).toList();
            // a version this pull request adds is not published until it merges
            Map<Boolean, List<Version>> byPublished = versions.keySet().stream()
                    .collect(Collectors.partitioningBy(other -> pullRequest.base().folder(name, other).isPresent()));
            List<String> there = new ArrayList<>();
            if (!byPublished.get(true).isEmpty()) {
                there.add("published: " + list(byPublished.get(true)));
            }
            if (!byPublished.get(false).isEmpty()) {
                there.add("added by this pull request: " + list(byPublished.get(false)));
            }
            takedowns.matching(range).ifPresent(there::add);
            return Optional.of(version.manifestError(pointer, "no version of " + name + " satisfies \""
                            + range.text() + "\" (" + String.join("; ", there) + ")"
                            + (publishedSince.isEmpty() ? "" : " on this pull request's branch; " + list(publishedSince)
                            + (publishedSince.size() == 1 ? " was" : " were") + " published on the base branch after it"
                            + " branched off"),
                    !publishedSince.isEmpty() ? MERGE_BASE_BRANCH
                            : "allow " + (byPublished.get(true).isEmpty() ? "a version this pull request adds"
                            : "a published version") + ", or publish one the range allows first"));
        }
        PackageMeta meta = merged.meta(name);
        if (allowed.stream().allMatch(meta::isYanked)) {
            Version newest = allowed.get(allowed.size() - 1);
            return Optional.of(version.manifestError(pointer, "every version of " + name + " that \"" + range.text()
                            + "\" allows is yanked (" + list(allowed) + ")",
                    "allow a version that is not yanked; " + newest + " was yanked because: "
                    + meta.yanked().get(newest)));
        }
        return Optional.empty();
    }

    /**
     * Whether the package's scope is none of this registry's: not declared in scopes.json at the tip of the base
     * branch, and without a package here. Such a dependency is likely another registry's, which clients route the
     * scope to, so the hint names the setting that says so rather than only advising to publish a copy here.
     */
    private static boolean isUnknownScope(PullRequest pullRequest, PackageName name) {
        return name.isScoped() && !pullRequest.baseTip().scopes().isKnownScope(name.scopeWithAt())
                && pullRequest.merged().packages().keySet().stream()
                .noneMatch(other -> other.scopeWithAt().equals(name.scopeWithAt()));
    }

    private static String list(Collection<Version> versions) {
        return versions.stream().map(Version::toString).collect(Collectors.joining(", "));
    }
}
