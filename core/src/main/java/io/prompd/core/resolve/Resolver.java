package io.prompd.core.resolve;

import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.version.VersionRange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Chooses one version of every package the project needs, so that every dependency range holds. */
public final class Resolver {

    private Resolver() {
    }

    /**
     * @param roots   the project's own dependencies
     * @param index   where published versions come from; asked only for packages in the graph
     * @param options which versions to try first
     * @throws ResolutionException when no choice satisfies every range, explaining why
     */
    public static Resolution resolve(SortedMap<PackageName, VersionRange> roots, PackageIndex index,
            ResolveOptions options) {
        Objects.requireNonNull(roots, "roots");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(options, "options");
        return solve(() -> Solver.resolve(roots, index, options, Optional.empty()), index);
    }

    /**
     * Resolves the dependencies of one version of a package, as the registry checks a new version: the graph holds
     * that version as the package's only one, whatever else the index lists of it, so a dependency back on the
     * package must allow it; a failure calls the root by the version's name and names the cycle such a dependency
     * closes.
     *
     * @param version the version whose dependencies to resolve, which the index may list or not
     * @throws ResolutionException when no choice satisfies every range, explaining why
     */
    public static Resolution resolveVersion(Candidate version, PackageIndex index, ResolveOptions options) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(options, "options");
        return solve(() -> Solver.resolve(version.dependencies(), index,
                options.withRootName(version.name() + " " + version.version()), Optional.of(version)), index);
    }

    private static Resolution solve(Supplier<Resolution> solver, PackageIndex index) {
        try {
            return solver.get();
        } catch (Solver.FailedResolution failed) {
            throw failure(failed.proof(), index);
        }
    }

    private static ResolutionException failure(Incompatibility proof, PackageIndex index) {
        Explanation explanation = Explanation.of(proof, index);
        // what follows the explanation, whole or shortened
        StringBuilder after = new StringBuilder();
        Set<String> notes = new LinkedHashSet<>();
        for (PackageName name : explanation.unknownPackages()) {
            NameSuggestions similar = index.similarNames(name);
            if (!similar.names().isEmpty()) {
                after.append("\nInstead of ").append(name).append(", ")
                        .append(SimilarNames.didYouMean(similar.names()));
            }
            similar.note().ifPresent(notes::add);
        }
        // one registry's damaged list of names would otherwise be named once for each name it lacks
        notes.forEach(note -> after.append("\n").append(note));
        Optional<List<PackageName>> cycle = explanation.cycleThroughRoot();
        if (cycle.isPresent()) {
            after.append("\nThe dependencies close a cycle: ")
                    .append(cycle.get().stream().map(PackageName::toString).collect(Collectors.joining(" → ")))
                    .append(", and a graph holds one version of a package.");
        }
        String message = explanation.text() + after;
        String whole = explanation.wholeText() + after;
        if (explanation.isNotFound()) {
            String elsewhere = explanation.unknownPackages().stream().map(index::elsewhere).flatMap(Optional::stream)
                    .distinct().map(advice -> "; " + advice).collect(Collectors.joining());
            Optional<PackageName> unknown = explanation.unknownPackages().stream().findFirst();
            return new ResolutionException(unknown.isPresent() ? ResolutionException.PACKAGE_NOT_FOUND
                    : ResolutionException.VERSION_NOT_FOUND, unknown.<Map<String, Object>>map(name -> Map.of("name",
                    name.toString())).orElseGet(() -> explanation.unmetRange().orElse(Map.of())), message, whole,
                    explanation.preReleaseLeftOut()
                    .map(Resolver::preReleaseHint)
                    .orElse("check the names and ranges above against the registry; a range may ask for a version"
                            + " that was never published, or that has been yanked or taken down") + elsewhere);
        }
        // a version ruled out on the way for needing what no version meets is no way out of the conflict
        return new ResolutionException(ResolutionException.CONFLICT, Map.of("dependencies",
                explanation.dependencies()), message, whole, cycle.isPresent()
                ? DependencyCycles.HOW_TO_BREAK
                : "widen the conflicting ranges above, or choose versions of those packages that agree"
                        + (explanation.involvesMissingVersions() ? "; a version above that needs what no published"
                                + " version meets cannot be used, whatever the ranges" : ""));
    }

    /**
     * How to get the pre-release a range keeps out: the project names it in its own range; a dependant's range keeps
     * it out whatever the project's ranges say, as the graph must meet every range on the package.
     */
    private static String preReleaseHint(Explanation.PreReleaseLeftOut leftOut) {
        Cause.Dependency dependency = leftOut.dependency();
        Domain target = dependency.target().domain();
        if (leftOut.isProjects()) {
            return "to install a pre-release of " + target + ", ask for it by a range naming one, as "
                    + leftOut.version() + " or ^" + leftOut.version() + " does";
        }
        Domain dependant = dependency.depender().domain();
        return dependency.depender().describe(true) + " depends on " + target + " " + dependency.range()
                + ", which leaves out the pre-release " + leftOut.version() + " whatever the project's own ranges say:"
                + " only a version of " + dependant + " whose range names a pre-release could take it, so ask the"
                + " maintainers of " + dependant + " for one, or wait for a release of " + target + " that "
                + dependency.range() + " matches";
    }
}
