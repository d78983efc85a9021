package io.prompd.generator.source;

import io.prompd.core.Plural;
import io.prompd.core.name.NameCorrection;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Package folders whose name is no package name, as the check of a pull request and the build of a commit both refuse
 * them ({@link RepositoryLayout#packageNameMisfit(String)}). A folder is offered the name it means only when that name
 * is free: not another package's, nor a look-alike of one, nor the name another such folder means, since its versions
 * would go into that package. A folder naming an existing or added package exactly but for the case of its letters
 * holds a new version of it, misplaced, and is offered that package's folder, whatever other folders mean: the name is
 * that package's already. A folder whose name in small letters is no package's is judged as any other, as that name
 * may read like one.
 */
public final class MisnamedPackageFolders {

    private MisnamedPackageFolders() {
    }

    /**
     * The problem of each folder, in the order given.
     *
     * @param names    the folders' names below packages/, such as {@code @common/_util}, each no package name
     * @param existing the names packages have already: at the commit built, or at the base of a pull request
     * @param added    the other names in use: those a pull request adds; none for a build
     */
    public static List<Problem> misfits(Collection<String> names, SortedSet<PackageName> existing,
                                        SortedSet<PackageName> added) {
        Map<String, PackageName> meantByPlace = new TreeMap<>();
        names.forEach(name -> NameCorrection.of(name)
                .ifPresent(corrected -> meantByPlace.put(place(name), corrected.name())));
        return names.stream().map(name -> RepositoryLayout.packageNameMisfit(name,
                        meant -> namesInOtherCase(name, meant, existing, added) ? Optional.empty()
                                : taken(meant, existing, added)
                                .or(() -> meantElsewhere(meant, place(name), meantByPlace)))
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is a package name")))
                .toList();
    }

    private static String place(String name) {
        return RepositoryLayout.PACKAGES + "/" + name;
    }

    /** Whether the folder's name is that of a package existing or added, the name meant, in other letters' case. */
    private static boolean namesInOtherCase(String folder, PackageName meant, SortedSet<PackageName> existing,
                                            SortedSet<PackageName> added) {
        return folder.toLowerCase(Locale.ROOT).equals(meant.toString())
                && (existing.contains(meant) || added.contains(meant));
    }

    /** Why the name meant is a package's already, or reads like one's, as a clause after the name. */
    private static Optional<String> taken(PackageName meant, SortedSet<PackageName> existing,
                                          SortedSet<PackageName> added) {
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
     * The other misnamed package folders that mean the same name, or one that reads like it, as a clause after the
     * name: offered to each, it would make their versions one package, or look-alikes.
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
