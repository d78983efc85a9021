package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RepositoryLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * down or yanks the last versions not yanked is warned of alike: the resolver never picks a yanked version for a new
 * install, so nothing of the package installs anew either, though packages.json still lists it and lock files that pin
 * a yanked version keep it; a yank is how a broken or harmful version is withdrawn, so it stays allowed too, and a
 * reviewer learns that nothing is left to install in its place. The deletion of the last versions by someone else,
 * which {@link ImmutabilityRule} refuses, is warned of too: whoever acts, a reviewer should see where the pull request
 * leads.
 */
final class NoVersionLeftRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        SortedMap<PackageName, SortedSet<Version>> deleted = PackageVersion.byName(pullRequest.deletedVersions());
        SortedMap<PackageName, SortedSet<Version>> yanks = PackageVersion.byName(pullRequest.yanks());
        SortedSet<PackageName> names = new TreeSet<>(deleted.keySet());
        names.addAll(yanks.keySet());
        for (PackageName name : names) {
            SortedSet<Version> versions = deleted.getOrDefault(name, Collections.emptySortedSet());
            PackageMeta meta = pullRequest.head().meta(name);
            SortedSet<Version> left = new TreeSet<>(
                    pullRequest.head().packages().getOrDefault(name, Collections.emptySortedMap()).keySet());
            SortedSet<Version> yanked = new TreeSet<>(yanks.getOrDefault(name, Collections.emptySortedSet()));
            yanked.retainAll(left);
            boolean onlyYankedLeft = !left.isEmpty() && left.stream().allMatch(meta::isYanked)
                    && (!yanked.isEmpty()
                    || versions.stream().anyMatch(version -> !pullRequest.base().meta(name).isYanked(version)));
            if (!left.isEmpty() && !onlyYankedLeft) {
                continue;
            }
            boolean hasMeta = pullRequest.head().packagesWithMeta().contains(name);
            SortedMap<Version, String> records = meta.takenDown();
            boolean takedown = !versions.isEmpty()
                    && pullRequest.takedowns().contains(new PackageVersion(name, versions.last()));
            String withdrawal = "once this pull request " + withdrawal(yanked, versions, takedown);
            problems.warning(hasMeta ? RepositoryLayout.metaFile(name) : RepositoryLayout.packageFolder(name),
                    newestEntry(records, yanked, versions),
                    onlyYankedLeft
                            ? name + " has only yanked versions left (" + series(left) + ") " + withdrawal + ", so no"
                            + " new install finds a version of it; only lock files that pin a yanked"
                            + " one still install it"
                            : name + " has no version left " + withdrawal + ", so packages.json no longer lists it and"
                            + " no install finds it; " + left(name, hasMeta, !records.isEmpty()),
                    versions.isEmpty() ? yankHint(name)
                            // an author unknown is no maintainer yet, whose takedown alone is allowed
                            : (takedown && pullRequest.actor().isPresent() ? "the takedown is allowed; if " : "if ") + name + " is meant to stay"
                            + " installable, publish a new version of it" + (onlyYankedLeft ? " or take back the yank"
                            + " of " + left.last() : "") + ", in this pull request or a later one");
        }
    }

    /** What the pull request does to the package, as "yanks 1.1.0 and takes down 1.0.0". */
    private static String withdrawal(SortedSet<Version> yanked, SortedSet<Version> deleted, boolean takedown) {
        List<String> actions = new ArrayList<>();
        if (!yanked.isEmpty()) {
            actions.add("yanks " + series(yanked));
        }
        if (!deleted.isEmpty()) {
            actions.add((takedown ? "takes down " : "deletes ") + series(deleted));
        }
        return String.join(" and ", actions);
    }

    /**
     * The ways on from a yank of the last versions not yanked: taking it back is no advice, as the yank withdraws what
     * is broken or harmful, while a takedown is the step further for what must not be served at all.
     */
    private static String yankHint(PackageName name) {
        return "the yank is allowed; if " + name + " is meant to stay installable, publish a fixed version of it, in"
                + " this pull request or a later one; if what it yanks must not be downloaded at all, not even by the"
                + " lock files that pin it, a maintainer takes it down instead (see "
                + RepositoryLayout.TAKEDOWN_SECTION + ")";
    }

    /** Where the warning points: the entry of the newest version withdrawn, when meta.json has one. */
    private static String newestEntry(SortedMap<Version, String> records, SortedSet<Version> yanked,
                                      SortedSet<Version> deleted) {
        SortedSet<Version> withdrawn = new TreeSet<>(yanked);
        withdrawn.addAll(deleted);
        Version newest = withdrawn.last();
        if (yanked.contains(newest)) {
            return Pointer.of("yanked", newest.toString());
        }
        return records.containsKey(newest) ? Pointer.of("takenDown", newest.toString()) : "";
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
