package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageVersion;
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
 * A yank or a takedown that leaves published versions of other packages with a dependency range that
 * no version left unyanked satisfies is a warning at the withdrawal: new installs of those versions
 * fail from then on. The withdrawal itself stays allowed, as cargo allows a yank where npm refuses to
 * unpublish what others depend on: it is how a broken or harmful version is withdrawn, and the
 * dependents' owners can publish a fix. Each range left without a version is one warning naming the
 * versions that declare it ({@linkplain Plural#named at most ten}, then how many more), so that
 * withdrawing a package many depend on stays one line per range;
 * yanked dependents are left out, since nothing installs them anew, and so are new ones, which
 * {@link DependencyRule} judges. Only a pull request that yanks or takes down reads the other
 * packages' manifests.
 */
final class StrandedDependentsRule implements PullRequestRule {

    /** A range on a package the pull request withdraws versions of. */
    private record Dependency(PackageName withdrawn, VersionRange range) {
    }

    /** The versions of one package a pull request yanks, and those it takes down. */
    private record Withdrawal(SortedSet<Version> yanked, SortedSet<Version> takenDown) {

        Withdrawal {
            yanked = SortedCopies.set(yanked);
            takenDown = SortedCopies.set(takenDown);
        }

        /** The versions of this withdrawal the range allows. */
        Withdrawal allowedBy(VersionRange range) {
            return new Withdrawal(allowed(yanked, range), allowed(takenDown, range));
        }

        private static SortedSet<Version> allowed(SortedSet<Version> versions, VersionRange range) {
            return versions.stream().filter(range::satisfiedBy).collect(Collectors.toCollection(TreeSet::new));
        }

        boolean isEmpty() {
            return yanked.isEmpty() && takenDown.isEmpty();
        }

        /** Where the warning points: the entry of the newest version withdrawn. */
        String newestEntry() {
            SortedSet<Version> withdrawn = new TreeSet<>(yanked);
            withdrawn.addAll(takenDown);
            Version newest = withdrawn.last();
            return Pointer.of(takenDown.contains(newest) ? "takenDown" : "yanked", newest.toString());
        }

        /** What the pull request does, as "yanks 1.0.0 and takes down 1.1.0". */
        String description() {
            List<String> actions = new ArrayList<>();
            if (!yanked.isEmpty()) {
                actions.add("yanks " + series(yanked));
            }
            if (!takenDown.isEmpty()) {
                actions.add("takes down " + series(takenDown));
            }
            return String.join(" and ", actions);
        }

        private static String series(SortedSet<Version> versions) {
            return Plural.series(versions.stream().map(Version::toString).toList(), "and");
        }
    }

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        SortedMap<PackageName, Withdrawal> withdrawals = newWithdrawals(pullRequest);
        if (withdrawals.isEmpty()) {
            return;
        }
        RegistrySnapshot head = pullRequest.head();
        Map<Dependency, SortedSet<PackageVersion>> dependents = new LinkedHashMap<>();
        for (Candidate dependent : pullRequest.index().dependentsOf(withdrawals.keySet())) {
            if (dependent.yanked() || pullRequest.base().folder(dependent.name(), dependent.version()).isEmpty()) {
                continue;
            }
            dependent.dependencies().forEach((name, range) -> {
                if (withdrawals.containsKey(name)) {
                    dependents.computeIfAbsent(new Dependency(name, range), unseen -> new TreeSet<>())
                            .add(new PackageVersion(dependent.name(), dependent.version()));
                }
            });
        }
        dependents.forEach((dependency, versions) -> {
            Withdrawal withdrawnHere = withdrawnHere(head, dependency, withdrawals.get(dependency.withdrawn()));
            if (withdrawnHere.isEmpty()) {
                return;
            }
            String range = "\"" + dependency.range().text() + "\"";
            // each as name@version, which holds an '@' scoped or not, so that the Markdown report sets every one as
            // code
            String stranded = Plural.named(versions);
            List<String> fixes = new ArrayList<>(List.of("publish a version of " + dependency.withdrawn() + " that "
                    + range + " allows", "publish new versions of the dependents with a range that allows a version"
                    + " that is not yanked"));
            String hint;
            if (withdrawnHere.takenDown().isEmpty()) {
                fixes.add("take back the yank of " + withdrawnHere.yanked().last());
                hint = "the yank is allowed, and lock files that pin those versions still install; to keep them"
                        + " installable, " + Plural.series(fixes, "or");
            } else {
                hint = "the takedown is allowed; to keep those versions installable, " + Plural.series(fixes, "or");
            }
            problems.warning(RepositoryLayout.metaFile(dependency.withdrawn()), withdrawnHere.newestEntry(),
                    "no version of " + dependency.withdrawn() + " that " + range + " allows is left unyanked once this"
                            + " pull request " + withdrawnHere.description() + ", so no new install can use the"
                            + " versions that depend on it with that range: " + stranded, hint);
        });
    }

    /**
     * What the pull request withdraws of each package whose meta.json it changes: the versions published at the
     * merge base, and not yanked there, that it yanks, and those whose folders it deletes as a takedown.
     */
    private static SortedMap<PackageName, Withdrawal> newWithdrawals(PullRequest pullRequest) {
        SortedMap<PackageName, SortedSet<Version>> yanks = PackageVersion.byName(pullRequest.yanks());
        SortedMap<PackageName, Withdrawal> withdrawals = new TreeMap<>();
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.META)) {
            PackageName name = changed.path().name().orElseThrow();
            Withdrawal withdrawal = new Withdrawal(yanks.getOrDefault(name, Collections.emptySortedSet()),
                    pullRequest.head().meta(name).takenDown().keySet().stream()
                            .filter(version -> pullRequest.head().folder(name, version).isEmpty()
                                    && pullRequest.base().folder(name, version).isPresent())
                            .collect(Collectors.toCollection(TreeSet::new)));
            if (!withdrawal.isEmpty()) {
                withdrawals.put(name, withdrawal);
            }
        }
        return withdrawals;
    }

    /**
     * What this pull request withdraws that the range allows, when every version left at the head that it allows is
     * yanked; empty when one is not, or when the range allowed none of those withdrawn (then it was without a version
     * before).
     */
    private static Withdrawal withdrawnHere(RegistrySnapshot head, Dependency dependency, Withdrawal withdrawal) {
        boolean noneLeft = head.packages().getOrDefault(dependency.withdrawn(), Collections.emptySortedMap()).keySet()
                .stream().filter(dependency.range()::satisfiedBy).allMatch(head.meta(dependency.withdrawn())::isYanked);
        return noneLeft ? withdrawal.allowedBy(dependency.range()) : new Withdrawal(new TreeSet<>(), new TreeSet<>());
    }
}
