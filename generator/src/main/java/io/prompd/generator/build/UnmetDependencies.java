package io.prompd.generator.build;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * @param served what the build serves: each package's versions, yanked ones, and dependencies
     * @param policy the registry's policy, whose external scopes' packages are another registry's to serve
     */
    static List<BuildWarning> of(BuildState served, RegistryConfig.Policy policy) {
        Map<PackageName, SortedSet<Version>> installable = new TreeMap<>();
        served.packages().forEach((name, state) -> {
            if (!state.versions().isEmpty()) {
                installable.put(name, state.versions().keySet().stream().filter(version -> !state.meta().isYanked(
                        version)).collect(Collectors.toCollection(TreeSet::new)));
            }
        });
        List<BuildWarning> unmet = new ArrayList<>();
        installable.forEach((name, versions) -> versions.forEach(version -> served.dependencies()
                .getOrDefault(name, Collections.emptySortedMap()).getOrDefault(version, Collections.emptySortedMap())
                .forEach((dependency, range) -> {
                    if (policy.isExternal(dependency)) {
                        return;
                    }
                    Optional<SortedSet<Version>> meeting = Optional.ofNullable(installable.get(dependency));
                    if (meeting.filter(some -> some.stream().anyMatch(range::satisfiedBy)).isEmpty()) {
                        unmet.add(new BuildWarning.UnmetDependency(new PackageVersion(name, version), dependency,
                                range, meeting));
                    }
                })));
        return unmet;
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
