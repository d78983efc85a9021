package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RepositoryLayout;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A new version above the one the dist-tag {@code latest} points at does not become the default: where
 * {@code npm publish} moves latest, a version folder merged here leaves meta.json as it is, so
 * {@code prompd install NAME} keeps choosing the tagged version, as it should after a rollback that pinned latest, and
 * nobody notices otherwise. A warning, since a maintainer may mean it (a fix for an older line, a major version to
 * try first), on the highest new version of each package that is no pre-release (which is never a default), where
 * latest reads at the head and points at a version that is not yanked (a yanked latest is passed by for the highest
 * version, the new one included; {@link MetaFileRule} refuses it).
 */
final class PinnedLatestRule implements PullRequestRule {

    private static final String LATEST = Pointer.of("distTags", Packument.LATEST);

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        SortedMap<PackageName, Version> highest = new TreeMap<>();
        pullRequest.newVersions().stream().map(NewVersion::id).filter(id -> !id.version().isPreRelease())
                .forEach(id -> highest.merge(id.name(), id.version(),
                        (one, other) -> one.comparePrecedence(other) >= 0 ? one : other));
        highest.forEach((name, version) -> {
            PackageMeta meta = pullRequest.head().meta(name);
            Version latest = meta.distTags().get(Packument.LATEST);
            if (latest == null || !pullRequest.head().parsedMeta(name).reads(LATEST) || meta.isYanked(latest)
                    || meta.isYanked(version) || version.comparePrecedence(latest) <= 0) {
                return;
            }
            problems.warning(RepositoryLayout.metaFile(name), LATEST, version + " is above the dist-tag 'latest' ("
                    + latest + ") in meta.json, so 'prompd install " + name + "' keeps choosing " + latest,
                    "point latest at " + version + " in this pull request if it should be the default: a version"
                            + " published here does not move the tag");
        });
    }
}
