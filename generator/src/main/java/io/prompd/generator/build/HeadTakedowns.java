package io.prompd.generator.build;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Parsed;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The takedowns HEAD's meta.json files record of versions that a build of another commit holds and that commit does
 * not take down: going back to an earlier state with {@code --rev}, as the README advises for a bad commit, must not
 * serve again what maintainers took down since, as a rule a leaked secret or personal data. The build leaves them out
 * as the takedown does, its record in their package's meta.json.
 *
 * @param head    the commit HEAD names
 * @param reasons each version left out, to the reason HEAD's record gives (empty when it gives none)
 */
public record HeadTakedowns(HeadCommit head, SortedMap<PackageVersion, String> reasons) {

    public HeadTakedowns {
        Objects.requireNonNull(head, "head");
        reasons = SortedCopies.map(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("no version taken down at HEAD is left out");
        }
    }

    /**
     * Of the takedowns {@code atHead}, the commit HEAD names (on {@code branch}), records, those of a version folder
     * {@code built} holds whose takedown it does not record; empty when there are none. Of a meta.json of HEAD's with
     * entries that do not read, those that do count ({@link #unreadMeta} names its package).
     */
    static Optional<HeadTakedowns> of(RegistrySnapshot atHead, Optional<String> branch, RegistrySnapshot built) {
        SortedMap<PackageVersion, String> reasons = new TreeMap<>();
        atHead.packagesWithMeta().forEach(name -> {
            SortedMap<Version, ?> folders = built.packages().getOrDefault(name, Collections.emptySortedMap());
            // a takedown of 1.0.0+b is one of 1.0.0, as HEAD's own build refuses the folder under either, but for one
            // HEAD holds itself, published before the takedown (TakenNumbers)
            atHead.meta(name).takenDown().forEach((gone, reason) -> folders.keySet().stream()
                    .filter(version -> version.samePrecedence(gone)
                            && (version.equals(gone) || atHead.folder(name, version).isEmpty())
                            && !built.meta(name).takenDown().containsKey(version))
                    .forEach(version -> reasons.put(new PackageVersion(name, version), reason)));
        });
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(new HeadTakedowns(new HeadCommit(atHead.commit().name(), branch), reasons));
    }

    /**
     * The packages {@code built} serves versions of whose takedowns at HEAD do not read: a takedown HEAD's meta.json
     * records may be among what does not read, and so not left out; empty when none. A meta.json that is no JSON
     * object, or whose takenDown or an entry of it does not read, is one; an error elsewhere in it, as a dist-tag's,
     * hides none, and its takedowns count.
     */
    static Optional<BuildWarning.HeadMetaUnread> unreadMeta(RegistrySnapshot atHead, Optional<String> branch,
                                                           RegistrySnapshot built) {
        SortedSet<PackageName> unread = new TreeSet<>();
        atHead.packagesWithMeta().stream().filter(name -> built.packages().containsKey(name)
                && !takedownsRead(atHead.parsedMeta(name))).forEach(unread::add);
        // a meta.json HEAD holds as a link or a folder is no file to read
        Set<String> unreadable = atHead.problems().stream().filter(Problem::isError).map(Problem::file)
                .collect(Collectors.toSet());
        built.packages().keySet().stream().filter(name -> unreadable.contains(RepositoryLayout.metaFile(name)))
                .forEach(unread::add);
        return unread.isEmpty() ? Optional.empty()
                : Optional.of(new BuildWarning.HeadMetaUnread(new HeadCommit(atHead.commit().name(), branch),
                        built.commit().name(), unread));
    }

    private static boolean takedownsRead(Parsed<PackageMeta> meta) {
        return meta.value().isPresent() && meta.reads(Pointer.of("takenDown"));
    }

    /** Whether the build leaves out the version folder. */
    boolean leavesOut(PackageName name, Version version) {
        return reasons.containsKey(new PackageVersion(name, version));
    }

    /** The package's meta.json as the commit built has it, with HEAD's takedowns of its versions. */
    PackageMeta meta(PackageName name, PackageMeta committed) {
        SortedMap<Version, String> taken = new TreeMap<>();
        reasons.forEach((version, reason) -> {
            if (version.name().equals(name)) {
                taken.put(version.version(), reason);
            }
        });
        return taken.isEmpty() ? committed : committed.takingDown(taken);
    }
}
