package io.prompd.client.home;

import io.prompd.client.install.InstallNote;
import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Maintenance of {@code <home>/packages}, the store every project shares, under the home lock so
 * that no install is reading or unpacking there meanwhile.
 */
public final class StoreService {

    private final Path home;
    private final PackageStore store;
    private final TarballCache cache;

    public StoreService(Path home, PackageStore store, TarballCache cache) {
        this.home = home;
        this.store = store;
        this.cache = cache;
    }

    /**
     * Removes installed versions, damaged copies among them: each spec's range picks among them, a name alone takes
     * every one. A spec picking none is skipped with a warning, as pip and npm skip a package not installed, so that
     * the run a killed one repeats removes what that one left; only when no spec picks any is it refused, the names
     * then likely mistyped. A project whose lock pins a removed version gets it again from its next install.
     *
     * @throws PrompdException NOT_FOUND naming the specs when none picks an installed version; USAGE for a dist-tag
     */
    public Removal remove(List<PackageSpec> specs, Consumer<Path> onWait) throws IOException {
        try (HomeLock ignored = RunLocks.home(home, store, cache, onWait)) {
            SortedMap<PackageName, SortedSet<Version>> inStore = store.installedOrDamaged();
            SortedMap<PackageName, SortedSet<Version>> chosen = new TreeMap<>();
            List<PackageSpec> unmatched = new ArrayList<>();
            for (PackageSpec spec : specs) {
                SortedSet<Version> picked = picked(spec,
                        inStore.getOrDefault(spec.name(), Collections.emptySortedSet()));
                if (picked.isEmpty()) {
                    unmatched.add(spec);
                } else {
                    chosen.computeIfAbsent(spec.name(), name -> new TreeSet<>()).addAll(picked);
                }
            }
            List<PackageSpec> skipped = unmatched.stream().distinct().toList();
            if (chosen.isEmpty()) {
                throw new PrompdException(ExitCode.NOT_FOUND, "not in the store: " + Plural.series(skipped.stream()
                        .map(PackageSpec::toString).toList(), "and") + "; nothing was removed",
                        "'prompd list --installed' lists the store");
            }
            for (Map.Entry<PackageName, SortedSet<Version>> ofPackage : chosen.entrySet()) {
                for (Version version : ofPackage.getValue()) {
                    store.remove(ofPackage.getKey(), version);
                }
            }
            chosen.replaceAll((name, versions) -> Collections.unmodifiableSortedSet(versions));
            return new Removal(chosen, skipped.stream().map(StoreService::notInStore).toList());
        }
    }

    /**
     * What {@link #remove} did.
     *
     * @param removed  the versions removed, by package
     * @param warnings each spec that picked no version, skipped, in the order given
     */
    public record Removal(SortedMap<PackageName, SortedSet<Version>> removed, List<InstallNote> warnings) {

        public Removal {
            removed = SortedCopies.map(removed);
            warnings = List.copyOf(warnings);
        }
    }

    private static InstallNote notInStore(PackageSpec spec) {
        return new InstallNote.NotInStore(spec.name(), spec.selector() instanceof PackageSpec.Range range
                ? Optional.of(range.range()) : Optional.empty());
    }

    private static SortedSet<Version> picked(PackageSpec spec, SortedSet<Version> installed) {
        if (spec.selector() instanceof PackageSpec.DistTag tag) {
            throw new PrompdException(ExitCode.USAGE, "the store knows versions, not dist-tags: '" + tag.tag() + "' of "
                    + spec.name() + " cannot be looked up there",
                    "give a version or range, as in " + spec.name() + "@1.2.0, or the name alone for every version");
        }
        if (spec.selector() instanceof PackageSpec.Range range) {
            return new TreeSet<>(installed.stream().filter(range.range()::satisfiedBy).toList());
        }
        return installed;
    }
}
