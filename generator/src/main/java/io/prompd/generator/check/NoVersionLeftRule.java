package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RepositoryLayout;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A takedown that leaves a package without any version is a warning at its record: the package then
 * vanishes from packages.json and no install finds it, a larger step than withdrawing one version,
 * which the summary's line per version taken down does not tell. It stays allowed, since that may be
 * the maintainers' very intent (a package that is all leaked secrets or illegal content), and the
 * name, its owners and the records remain in meta.json; the warning says so, or what is missing of it. One that takes
 * down the last versions not yanked is warned of alike: the resolver never picks a yanked version for a new install,
 * so nothing of the package installs anew either, though packages.json still lists it and lock files that pin a
 * yanked version keep it. The deletion of the last versions by someone else, which {@link ImmutabilityRule} refuses,
 * is warned of too: whoever acts, a reviewer should see where the pull request leads.
 */
final class NoVersionLeftRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        SortedMap<PackageName, SortedSet<Version>> deleted = new TreeMap<>();
        for (PackageVersion version : pullRequest.deletedVersions()) {
            deleted.computeIfAbsent(version.name(), unseen -> new TreeSet<>()).add(version.version());
        }
        deleted.forEach((name, versions) -> {
            PackageMeta meta = pullRequest.head().meta(name);
            SortedSet<Version> left = new TreeSet<>(
                    pullRequest.head().packages().getOrDefault(name, Collections.emptySortedMap()).keySet());
            boolean onlyYankedLeft = !left.isEmpty() && left.stream().allMatch(meta::isYanked)
                    && versions.stream().anyMatch(version -> !pullRequest.base().meta(name).isYanked(version));
            if (!left.isEmpty() && !onlyYankedLeft) {
                return;
            }
            Version newest = versions.last();
            SortedMap<Version, String> records = meta.takenDown();
            String pointer = records.containsKey(newest) ? Pointer.of("takenDown", newest.toString()) : "";
            boolean hasMeta = pullRequest.head().packagesWithMeta().contains(name);
            boolean takedown = pullRequest.takedowns().contains(new PackageVersion(name, newest));
            String withdrawal = "once this pull request " + (takedown ? "takes down " : "deletes ") + series(versions);
            problems.warning(hasMeta ? RepositoryLayout.metaFile(name) : RepositoryLayout.packageFolder(name), pointer,
                    onlyYankedLeft
                            ? name + " has only yanked versions left (" + series(left) + ") " + withdrawal + ", so no"
                            + " new install finds a version of it; only lock files that pin a yanked"
                            + " one still install it"
                            : name + " has no version left " + withdrawal + ", so packages.json no longer lists it and"
                            + " no install finds it; " + left(name, hasMeta, !records.isEmpty()),
                    (takedown ? "the takedown is allowed; if " : "if ") + name + " is meant to stay installable,"
                            + " publish a new version of it" + (onlyYankedLeft ? " or take back the yank of "
                            + left.last() : "") + ", in this pull request or a later one");
        });
    }

    private static String series(SortedSet<Version> versions) {
        return Plural.series(versions.stream().map(Version::toString).toList(), "and");
    }

    /** What is left of the package: its index.json lists the takedowns only while meta.json records some. */
    private static String left(PackageName name, boolean hasMeta, boolean recordsTakedowns) {
        if (!hasMeta) {
            return "it has no meta.json to keep the name taken or to tell clients why it is gone";
        }
        String kept = "its meta.json keeps the name taken" + (name.isScoped() ? "" : " and its owners");
        return recordsTakedowns ? kept + ", and its index.json lists the takedowns"
                : kept + ", but records no takedown, so nothing tells clients why it is gone";
    }
}
