package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.generator.source.GitTreeSource;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The packages a new version's dependencies are judged against: the head's, with what the base branch withdrew
 * since the pull request branched off, as merging it would leave them. A meta.json the pull request leaves alone is
 * the base tip's, with its yanks, deprecations, dist-tags and takedowns, and a version folder the base branch
 * deleted since (a takedown) is gone, as Git merges a change made on one side only. One the pull request changes is
 * its own: the one under review, which a reviewer reads in the diff. A withdrawal only takes choices away, so the
 * check can name the error the merged registry gives, which merging the base branch in would only repeat; versions
 * published there since would add choices the branch does not hold, and stay out ({@link DependencyRule} advises
 * merging the base branch in where one is missing).
 */
final class MergedPackages {

    private final RegistrySnapshot head;
    private final RegistrySnapshot baseTip;
    private final Set<PackageName> metaChanged;
    private final SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages;

    /**
     * @param base        the registry at the merge base
     * @param metaChanged the packages whose meta.json the pull request adds, changes or deletes
     */
    MergedPackages(RegistrySnapshot base, RegistrySnapshot baseTip, RegistrySnapshot head,
                   Set<PackageName> metaChanged) {
        this.head = head;
        this.baseTip = baseTip;
        this.metaChanged = Set.copyOf(metaChanged);
        this.packages = withoutDeletedOnBase(base, baseTip, head);
    }

    /** The head's version folders without those of the merge base that the base tip no longer has. */
    private static SortedMap<PackageName, SortedMap<Version, VersionFolder>> withoutDeletedOnBase(
            RegistrySnapshot base, RegistrySnapshot baseTip, RegistrySnapshot head) {
        SortedMap<PackageName, SortedMap<Version, VersionFolder>> merged = new TreeMap<>(head.packages());
        base.packages().forEach((name, published) -> {
            SortedMap<Version, VersionFolder> left = baseTip.packages()
                    .getOrDefault(name, Collections.emptySortedMap());
            if (!left.keySet().containsAll(published.keySet())) {
                merged.computeIfPresent(name, (unchanged, versions) -> {
                    SortedMap<Version, VersionFolder> kept = new TreeMap<>(versions);
                    kept.keySet().removeIf(version -> published.containsKey(version) && !left.containsKey(version));
                    return kept.isEmpty() ? null : Collections.unmodifiableSortedMap(kept);
                });
            }
        });
        return Collections.unmodifiableSortedMap(merged);
    }

    /** Every package with its version folders, both sorted. */
    SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages() {
        return packages;
    }

    SortedMap<Version, VersionFolder> versions(PackageName name) {
        return packages.getOrDefault(name, Collections.emptySortedMap());
    }

    Optional<VersionFolder> folder(PackageName name, Version version) {
        return Optional.ofNullable(versions(name).get(version));
    }

    /** The package's meta.json: the pull request's where it changes it, else the base tip's. */
    PackageMeta meta(PackageName name) {
        return (metaChanged.contains(name) ? head : baseTip).meta(name);
    }

    /** See {@link RegistrySnapshot#file}: every folder here is the head's. */
    Optional<byte[]> file(VersionFolder folder, String path) throws IOException {
        return head.file(folder, path);
    }

    /** See {@link RegistrySnapshot#source}. */
    GitTreeSource source(VersionFolder folder) throws IOException {
        return head.source(folder);
    }
}
