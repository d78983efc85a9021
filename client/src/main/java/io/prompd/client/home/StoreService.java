package io.prompd.client.home;

import io.prompd.client.install.InstallNote;
import io.prompd.client.install.LastCopyPlace;
import io.prompd.client.install.Redownload;
import io.prompd.client.install.Redownloads;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final SuggestedCommands commands;

    /** @param commands how the hints spell the prompd commands they suggest */
    public StoreService(Path home, PackageStore store, TarballCache cache, SuggestedCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.home = home;
        this.store = store;
        this.cache = cache;
    }

    /**
     * Removes installed versions, damaged copies among them: each spec's range picks among them, a name alone takes
     * every one. A spec picking none is skipped with a warning, as pip and npm skip a package not installed, so that
     * the run a killed one repeats removes what that one left; only when no spec picks any is it refused, the names
     * then likely mistyped. A project whose lock pins a removed version gets it again from its next install, from the
     * cached tarball or its registry: a version whose tarball is not cached and that the registry took down, no longer
     * lists, or no longer has the package of, is refused, nothing removed, unless forced, as its copy is the last one
     * and no install could put it back (then each is warned of), and so is one that no registry configured serves, as
     * none can tell ({@link LastCopies#guarded}); one whose registry could not be read is removed with a warning that
     * it may have been the last.
     *
     * @param redownloads where whether a version can be downloaded again is read, with the home locked, so that no
     *                    install puts a version in place between that look and its removal
     * @param force       whether to remove the last copies too
     * @throws PrompdException NOT_FOUND naming the specs when none picks an installed version; USAGE for a dist-tag;
     *                         CONFLICT, unless forced, when a version picked cannot be downloaded again
     */
    public Removal remove(List<PackageSpec> specs, Redownloads redownloads, boolean force, Consumer<Path> onWait)
            throws IOException {
        return RunLocks.home(home, store, cache, onWait).runThenClose(() -> {
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
                        commands.quoted("list --installed") + " lists the store");
            }
            List<Redownload> found = LastCopies.checked(redownloads, withoutCachedTarball(chosen), force,
                    lost -> lastCopies(lost, chosen));
            for (Map.Entry<PackageName, SortedSet<Version>> ofPackage : chosen.entrySet()) {
                for (Version version : ofPackage.getValue()) {
                    store.remove(ofPackage.getKey(), version);
                }
            }
            chosen.replaceAll((name, versions) -> Collections.unmodifiableSortedSet(versions));
            List<InstallNote> warnings = new ArrayList<>(skipped.stream().map(StoreService::notInStore).toList());
            warnings.addAll(LastCopies.warnings(found, LastCopyPlace.STORE));
            return new Removal(chosen, warnings);
        });
    }

    /**
     * The refusal to remove versions no install can put back ({@link LastCopies#refusal}), with how to remove the
     * others alone.
     *
     * @param chosen every version picked
     */
    private PrompdException lastCopies(List<Redownload> lost, SortedMap<PackageName, SortedSet<Version>> chosen) {
        List<String> others = new ArrayList<>();
        chosen.forEach((name, versions) -> versions.stream()
                .filter(version -> lost.stream().noneMatch(picked -> picked.isOf(name, version)))
                .forEach(version -> others.add(name + "@" + version)));
        return LastCopies.refusal(lost, others.isEmpty() ? ""
                : ", and remove the others alone with " + commands.quoted("uninstall --global "
                        + String.join(" ", others)), commands);
    }

    /**
     * Those of the versions whose tarball is not cached: an install puts one whose tarball is back from the cache, its
     * registry giving it or not, so only the others are asked about.
     */
    private SortedMap<PackageName, SortedSet<Version>> withoutCachedTarball(
            SortedMap<PackageName, SortedSet<Version>> versions) throws IOException {
        SortedMap<PackageName, SortedSet<Version>> uncached = new TreeMap<>();
        for (Map.Entry<PackageName, SortedSet<Version>> ofPackage : versions.entrySet()) {
            for (Version version : ofPackage.getValue()) {
                if (store.cachedTarball(ofPackage.getKey(), version, cache).isEmpty()) {
                    uncached.computeIfAbsent(ofPackage.getKey(), name -> new TreeSet<>()).add(version);
                }
            }
        }
        return uncached;
    }

    /**
     * What {@link #remove} did.
     *
     * @param removed  the versions removed, by package
     * @param warnings each spec that picked no version, skipped, in the order given; then each version removed that
     *                 cannot be downloaded again, or that is not known to be able to, in name and version order
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
