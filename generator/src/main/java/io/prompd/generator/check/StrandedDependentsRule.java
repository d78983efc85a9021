package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.json.Pointer;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A yank that leaves published versions of other packages with a dependency range that no version
 * left unyanked satisfies is a warning at the yank: new installs of those versions fail from then
 * on, while lock files that pin them keep installing. The yank itself stays allowed, as cargo
 * allows it where npm refuses to unpublish what others depend on: it is how a broken or harmful
 * version is withdrawn, and the dependents' owners can publish a fix. Each range left without a
 * version is one warning naming every version that declares it, so that a yank of a package many
 * depend on stays one line per range; yanked dependents are left out, since nothing installs them
 * anew, and so are new ones, which {@link DependencyRule} judges. Only a pull request that yanks
 * reads the other packages' manifests.
 */
final class StrandedDependentsRule implements PullRequestRule {

    /** A range on a package the pull request yanks versions of. */
    private record Dependency(PackageName yanked, VersionRange range) {
    }

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        SortedMap<PackageName, SortedSet<Version>> yanks = newYanks(pullRequest);
        if (yanks.isEmpty()) {
            return;
        }
        RegistrySnapshot head = pullRequest.head();
        Map<Dependency, SortedMap<PackageName, List<Version>>> dependents = new LinkedHashMap<>();
        for (Candidate dependent : pullRequest.headIndex().dependentsOf(yanks.keySet())) {
            if (dependent.yanked() || pullRequest.base().folder(dependent.name(), dependent.version()).isEmpty()) {
                continue;
            }
            dependent.dependencies().forEach((name, range) -> {
                if (yanks.containsKey(name)) {
                    dependents.computeIfAbsent(new Dependency(name, range), unseen -> new TreeMap<>())
                            .computeIfAbsent(dependent.name(), unseen -> new ArrayList<>()).add(dependent.version());
                }
            });
        }
        dependents.forEach((dependency, versions) -> {
            List<Version> yankedHere = yankedHere(head, dependency.yanked(), dependency.range(),
                    yanks.get(dependency.yanked()));
            if (yankedHere.isEmpty()) {
                return;
            }
            Version newest = yankedHere.get(yankedHere.size() - 1);
            String range = "\"" + dependency.range().text() + "\"";
            String stranded = versions.entrySet().stream().map(dependent -> dependent.getKey() + " "
                    + dependent.getValue().stream().map(Version::toString).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            problems.warning(RepositoryLayout.metaFile(dependency.yanked()), Pointer.of("yanked", newest.toString()),
                    "every version of " + dependency.yanked() + " that " + range + " allows is yanked once this pull"
                            + " request yanks " + Plural.series(yankedHere.stream().map(Version::toString).toList(),
                            "and") + ", so no new install can use the versions that depend on it with that range: "
                            + stranded,
                    "the yank is allowed, and lock files that pin those versions still install; to keep them"
                            + " installable, publish a version of " + dependency.yanked() + " that " + range
                            + " allows, publish new versions of the dependents with a range that allows a version that"
                            + " is not yanked, or take back the yank of " + newest);
        });
    }

    /**
     * The versions of each package whose meta.json the pull request changes that it yanks: published
     * at the merge base, and not yanked there.
     */
    private static SortedMap<PackageName, SortedSet<Version>> newYanks(PullRequest pullRequest) {
        SortedMap<PackageName, SortedSet<Version>> yanks = new TreeMap<>();
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.META)) {
            PackageName name = changed.path().name().orElseThrow();
            PackageMeta before = pullRequest.base().meta(name);
            SortedSet<Version> yanked = pullRequest.head().meta(name).yanked().keySet().stream()
                    .filter(version -> !before.isYanked(version) && pullRequest.base().folder(name, version).isPresent())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!yanked.isEmpty()) {
                yanks.put(name, yanked);
            }
        }
        return yanks;
    }

    /**
     * The versions of {@code name} this pull request yanks that the range allows, when every version at the head it
     * allows is yanked; empty when one is not, or when the range allowed none of those it yanks (then it was
     * without a version before).
     */
    private static List<Version> yankedHere(RegistrySnapshot head, PackageName name, VersionRange range,
                                            SortedSet<Version> yanks) {
        List<Version> allowed = head.packages().getOrDefault(name, Collections.emptySortedMap()).keySet().stream()
                .filter(range::satisfiedBy).toList();
        if (!allowed.stream().allMatch(head.meta(name)::isYanked)) {
            return List.of();
        }
        return allowed.stream().filter(yanks::contains).toList();
    }
}
