package io.prompd.generator.build;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.build.BuildState.PackageState;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The dependencies of the versions a build serves that no version it serves meets, each a
 * {@link BuildWarning.UnmetDependency}: a package deleted while others kept depending on it, as a registry's setup
 * commit deleting seed packages does. A warning, never an error: the check refuses a new version whose dependencies do
 * not resolve, so a registry holds such a version only where a deletion or a takedown, which must stay possible, or a
 * push past the check left it, and a rebuild of an older commit must still serve what it served then. Yanked versions
 * count neither as dependents, which nothing installs anew, nor as versions meeting a range, which a resolution skips.
 */
final class UnmetDependencies {

    private UnmetDependencies() {
    }

    /**
     * @param served what the build serves, by package: its versions and those yanked
     * @param judged the versions whose dependencies to judge, each with them; a version {@code served} yanks or does
     *               not hold is left out
     * @param policy the registry's policy, whose external scopes' packages are another registry's to serve
     */
    static List<BuildWarning.UnmetDependency> of(SortedMap<PackageName, PackageState> served,
                                                 SortedMap<PackageVersion, SortedMap<PackageName, VersionRange>> judged,
                                                 RegistryConfig.Policy policy) {
        Map<PackageName, SortedSet<Version>> installable = installable(served);
        List<BuildWarning.UnmetDependency> unmet = new ArrayList<>();
        judged.forEach((dependent, dependencies) -> {
            if (!installable.getOrDefault(dependent.name(), Collections.emptySortedSet())
                    .contains(dependent.version())) {
                return;
            }
            dependencies.forEach((dependency, range) -> {
                Optional<SortedSet<Version>> meeting = Optional.ofNullable(installable.get(dependency));
                if (!policy.isExternal(dependency)
                        && meeting.filter(some -> some.stream().anyMatch(range::satisfiedBy)).isEmpty()) {
                    unmet.add(new BuildWarning.UnmetDependency(dependent, dependency, range, meeting));
                }
            });
        });
        return unmet;
    }

    /**
     * Whether a build serving {@code served} can install every version the previous build could, under the same
     * external scopes: a dependency met then is met now, so only those unmet then ({@link BuildState#unmet}) and the
     * versions built need judging again.
     */
    static boolean onlyGained(BuildState previous, SortedMap<PackageName, PackageState> served,
                              RegistryConfig.Policy policy) {
        Map<PackageName, SortedSet<Version>> now = installable(served);
        return previous.externalScopes().equals(policy.externalScopes()) && installable(previous.packages())
                .entrySet().stream().allMatch(before -> now.getOrDefault(before.getKey(),
                        Collections.emptySortedSet()).containsAll(before.getValue()));
    }

    /** {@link BuildState#unmet} of these. */
    static SortedMap<PackageName, SortedMap<Version, SortedMap<PackageName, VersionRange>>> recorded(
            List<BuildWarning.UnmetDependency> unmet) {
        SortedMap<PackageName, SortedMap<Version, SortedMap<PackageName, VersionRange>>> recorded = new TreeMap<>();
        unmet.forEach(dependency -> recorded.computeIfAbsent(dependency.version().name(), name -> new TreeMap<>())
                .computeIfAbsent(dependency.version().version(), version -> new TreeMap<>())
                .put(dependency.dependency(), dependency.range()));
        return recorded;
    }

    /** Each package's versions that are not yanked, of the packages with a version. */
    private static Map<PackageName, SortedSet<Version>> installable(SortedMap<PackageName, PackageState> served) {
        Map<PackageName, SortedSet<Version>> installable = new TreeMap<>();
        served.forEach((name, state) -> {
            if (!state.versions().isEmpty()) {
                installable.put(name, state.versions().keySet().stream().filter(version -> !state.meta().isYanked(
                        version)).collect(Collectors.toCollection(TreeSet::new)));
            }
        });
        return installable;
    }

    /** The message of one, as the command prints it after {@code warning: }. */
    static String message(BuildWarning.UnmetDependency unmet) {
        PackageName dependency = unmet.dependency();
        String range = unmet.range().text();
        String takeDown = "or have a maintainer take " + unmet.version() + " down (or delete it, before the registry"
                + " is first published)";
        if (unmet.served().isEmpty()) {
            return unmet.version() + " depends on " + dependency + " " + range + ", a package this registry does not"
                    + " have, so installing it fails ('no package " + dependency + " exists'): publish " + dependency
                    + " (or put back its folders that a commit deleted), " + takeDown
                    + (dependency.isScoped() ? "; if " + dependency.scopeWithAt() + "'s packages live in another"
                    + " registry, name " + dependency.scopeWithAt() + " in policy." + RegistryConfig.EXTERNAL_SCOPES
                    + " of " + RegistryConfig.FILE : "");
        }
        SortedSet<Version> versions = unmet.served().get();
        return unmet.version() + " depends on " + dependency + " " + range + ", which no version of " + dependency
                + " this registry serves meets (" + (versions.isEmpty() ? "none is left but yanked ones"
                : versions.stream().map(Version::toString).collect(Collectors.joining(", "))
                + ", yanked ones left out") + "), so installing it fails: publish a version of " + dependency
                + " the range allows, " + takeDown;
    }
}
