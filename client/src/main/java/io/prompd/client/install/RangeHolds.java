package io.prompd.client.install;

import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.Plural;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.ResolutionException;
import io.prompd.core.resolve.ResolveOptions;
import io.prompd.core.resolve.Resolver;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which packages of a resolved project stay below the version their own ranges prefer, and what holds them there:
 * what {@code update} warns of and {@code outdated} marks, from the same resolution.
 */
final class RangeHolds {

    private RangeHolds() {
    }

    /** Why the project cannot take a version of a package, in the resolver's words; empty when it can, or when unsaid. */
    @FunctionalInterface
    interface Explainer {
        Optional<String> whyNot(PackageName name, Version version) throws IOException;
    }

    /**
     * Whether the resolved graph holds the package below the version its ranges in that graph prefer (the one that
     * {@link TakedownGraph#reach} finds, so that a version only a takedown keeps out is no hold of the graph's), and by
     * what, as {@link #rulingOut} names it; when nothing does alone, with what {@code explainer} says of why that
     * version cannot be installed in the project.
     *
     * @param kept the locked versions the resolution was to keep: of the packages an update was not given by name
     */
    static Optional<InstallNote.HeldBackByRanges> of(ProjectGraph resolved, PackageName name, RegistryIndex index,
                                                     TakedownGraph takedowns, Map<PackageName, Version> kept,
                                                     Explainer explainer) throws IOException {
        LockedPackage locked = resolved.lock().packages().get(name);
        Optional<PublishedPackage> own = index.findIfReadable(name);
        // a package locked from another registry is held by that, as the resolution offers its locked version alone
        if (locked == null || own.isEmpty() || LockedElsewhere.of(name, locked, index).isPresent()) {
            return Optional.empty();
        }
        Optional<Version> allowed = takedowns.reach(own.get(), resolved.rangesOn(name)).version()
                .filter(version -> version.compareTo(locked.version()) > 0);
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        List<InstallNote.Hold> by = rulingOut(resolved, name, allowed.get(), index, kept);
        List<String> lockedToo = by.stream().filter(hold -> hold instanceof InstallNote.HeldVersion held
                        && held.keeper() == InstallNote.Keeper.LOCK).map(hold -> hold.name().toString()).toList();
        Optional<String> wayPast = lockedToo.isEmpty() ? Optional.empty()
                : Optional.of(index.commands().quoted("update " + name + " " + String.join(" ", lockedToo))
                        + " lets " + Plural.series(lockedToo, "and") + " move too");
        return Optional.of(new InstallNote.HeldBackByRanges(name, locked.version(), new InstallNote.OutOfReach(
                allowed.get(), by, by.isEmpty() ? explainer.whyNot(name, allowed.get()) : Optional.empty()), wayPast,
                Optional.empty()));
    }

    /**
     * What in the resolved graph rules out {@code version} of the package: of each package whose version in the graph
     * fails what {@code version} needs of it, the ranges placed on it (by prompd.json or by other packages than this
     * one, at their versions in the graph) that no version meeting that need meets, each with who places it; where
     * versions meeting the need meet every such range, the version the graph has when the resolution chose it for
     * another reason than a range: a locked version in {@code kept}, or the one its latest dist-tag names. Empty when
     * nothing does it alone, as when the conflict lies further down, and when {@code version} cannot be installed even
     * alone with what it needs (a dependency only yanked versions meet, or none), which nothing of the project's then
     * holds back.
     */
    static List<InstallNote.Hold> rulingOut(ProjectGraph resolved, PackageName name, Version version,
                                            RegistryIndex index, Map<PackageName, Version> kept) {
        List<InstallNote.Hold> by = clashing(resolved, name, version, index, kept);
        return by.isEmpty() || installableAlone(name, version, index) ? by : List.of();
    }

    /** What of the graph keeps each need of {@code version} out, as {@link #rulingOut} names it. */
    private static List<InstallNote.Hold> clashing(ProjectGraph resolved, PackageName name, Version version,
                                                   RegistryIndex index, Map<PackageName, Version> kept) {
        List<InstallNote.Hold> by = new ArrayList<>();
        Map<PackageName, VersionRange> needs = index.findIfReadable(name).flatMap(own -> own.version(version))
                .map(VersionSummary::dependencies).orElseGet(TreeMap::new);
        needs.forEach((needed, range) -> {
            LockedPackage other = resolved.lock().packages().get(needed);
            Optional<PublishedPackage> otherPublished = index.findIfReadable(needed);
            if (other == null || range.satisfiedBy(other.version()) || otherPublished.isEmpty()) {
                return;
            }
            List<InstallNote.Requirement> placed = resolved.requirementsOnBesides(needed, name);
            List<InstallNote.Requirement> ruling = placed.stream()
                    .filter(holding -> otherPublished.get().highestAllowed(List.of(range, holding.range())).isEmpty())
                    .toList();
            by.addAll(ruling);
            List<VersionRange> every = new ArrayList<>(List.of(range));
            placed.forEach(holding -> every.add(holding.range()));
            if (ruling.isEmpty() && otherPublished.get().highestAllowed(every).isPresent()) {
                chosenOtherwise(needed, other.version(), range, otherPublished.get(), kept).ifPresent(by::add);
            }
        });
        return by;
    }

    /**
     * What chose {@code version} of a package over the versions meeting {@code needed} that its ranges allow as well:
     * the lock, where the resolution was to keep it, else the latest dist-tag where it names it; empty when neither
     * did (something further down).
     */
    private static Optional<InstallNote.Hold> chosenOtherwise(PackageName name, Version version, VersionRange needed,
                                                              PublishedPackage published,
                                                              Map<PackageName, Version> kept) {
        if (version.equals(kept.get(name))) {
            return Optional.of(new InstallNote.HeldVersion(name, version, needed, InstallNote.Keeper.LOCK));
        }
        return published.taggedLatest().filter(version::equals)
                .map(tagged -> new InstallNote.HeldVersion(name, tagged, needed, InstallNote.Keeper.LATEST_TAG));
    }

    /** Whether the version resolves as the one root of a project of its own, as a global install of it does. */
    private static boolean installableAlone(PackageName name, Version version, RegistryIndex index) {
        try {
            Resolver.resolve(new TreeMap<>(Map.of(name, ResolutionFailures.exactly(version))), index,
                    ResolveOptions.defaults());
            return true;
        } catch (ResolutionException unresolvable) {
            return false;
        }
    }
}
