package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.name.NameCorrection;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.RepositoryLayout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Files outside version folders: a pull request may change only {@code registry.json},
 * {@code scopes.json}, {@code packages/<name>/meta.json} and the repository's own documentation
 * and CI files. Anything else, in particular any other path under {@code packages/}, is refused.
 * Who may change the allowed ones is {@link OwnershipRule}'s business. A folder that does not fit
 * is one problem, however many files it holds. Deleting a path that does not fit is no such problem: it is how a
 * stray file the build refuses leaves the registry, which only maintainers may do ({@link OwnershipRule}).
 * A package folder whose name is no package name is offered the name it means only when that name is free: not a
 * package's at the merge base, the base branch's tip or the head, nor a look-alike of one
 * ({@link LookalikeNameRule}), nor the name another such folder of the pull request means.
 */
final class AllowedPathsRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        Map<String, Problem> misfitByPlace = new TreeMap<>();
        pullRequest.changes(ChangedPath.Kind.OTHER).stream()
                .filter(changed -> changed.change().type() != ChangeType.DELETED)
                .forEach(changed -> changed.path().misfit()
                        .ifPresent(misfit -> misfitByPlace.putIfAbsent(misfit.file(), misfit)));
        Map<String, String> misnamed = new TreeMap<>();
        misfitByPlace.forEach((place, misfit) -> misnamedPackage(place, misfit)
                .ifPresent(name -> misnamed.put(place, name)));
        Map<String, PackageName> meantByPlace = new TreeMap<>();
        misnamed.forEach((place, name) -> NameCorrection.of(name)
                .ifPresent(corrected -> meantByPlace.put(place, corrected.name())));
        SortedSet<PackageName> existing = pullRequest.takenNames();
        SortedSet<PackageName> added = pullRequest.head().namesInUse();
        added.removeAll(existing);
        misnamed.forEach((place, name) -> misfitByPlace.put(place, RepositoryLayout.packageNameMisfit(name,
                meant -> taken(name, meant, existing, added).or(() -> meantElsewhere(meant, place, meantByPlace)))
                .orElseThrow()));
        misfitByPlace.values().forEach(problems::add);
    }

    /**
     * The name of the package folder at the place, when the misfit there is that its name is no package name, as
     * {@link ChangedPath} found it: not, say, that the folder is a symbolic link.
     */
    private static Optional<String> misnamedPackage(String place, Problem misfit) {
        String packages = RepositoryLayout.PACKAGES + "/";
        if (!place.startsWith(packages)) {
            return Optional.empty();
        }
        String name = place.substring(packages.length());
        return RepositoryLayout.packageNameMisfit(name).filter(misfit::equals).map(same -> name);
    }

    /**
     * Why the name meant is a package's already, or reads like one's, as a clause after the name; none where the
     * folder's name is that package's in other letters' case, a new version of it in a folder misspelt.
     *
     * @param existing the names taken at the merge base and the base branch's tip
     * @param added    the other names the head holds: those this pull request adds
     */
    private static Optional<String> taken(String folder, PackageName meant, SortedSet<PackageName> existing,
                                          SortedSet<PackageName> added) {
        if (folder.toLowerCase(Locale.ROOT).equals(meant.toString())) {
            return Optional.empty();
        }
        return readAlike(meant, existing).map(other -> other.equals(meant) ? "is an existing package"
                        : "reads like the existing package " + other)
                .or(() -> readAlike(meant, added).map(other -> other.equals(meant)
                        ? "is a package this pull request adds" : "reads like " + other
                        + ", a package this pull request adds"));
    }

    /** The name itself if it is among the names, else one of them that reads like it. */
    private static Optional<PackageName> readAlike(PackageName meant, SortedSet<PackageName> names) {
        return names.contains(meant) ? Optional.of(meant)
                : names.stream().filter(name -> name.lookalikeKey().equals(meant.lookalikeKey())).findFirst();
    }

    /**
     * The other misnamed package folders of the pull request that mean the same name, or one that reads like it, as a
     * clause after the name: offered to each, it would make their versions one package, or look-alikes.
     */
    private static Optional<String> meantElsewhere(PackageName meant, String place,
                                                   Map<String, PackageName> meantByPlace) {
        Map<Boolean, List<String>> others = meantByPlace.entrySet().stream()
                .filter(other -> !other.getKey().equals(place)
                        && other.getValue().lookalikeKey().equals(meant.lookalikeKey()))
                .collect(Collectors.partitioningBy(other -> other.getValue().equals(meant),
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        if (!others.get(true).isEmpty()) {
            return Optional.of("is also the name meant by " + Plural.series(others.get(true), "and"));
        }
        return others.get(false).isEmpty() ? Optional.empty()
                : Optional.of("reads like the name meant by " + Plural.series(others.get(false), "and"));
    }
}
