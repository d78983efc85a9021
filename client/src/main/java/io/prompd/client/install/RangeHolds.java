package io.prompd.client.install;

import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
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
     * which ranges, as {@link #rulingOut} names them; when no one range does, with what {@code explainer} says of why
     * that version cannot be installed in the project.
     */
    static Optional<InstallNote.HeldBackByRanges> of(ProjectGraph resolved, PackageName name, RegistryIndex index,
                                                     TakedownGraph takedowns, Explainer explainer) throws IOException {
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
        List<InstallNote.Requirement> by = rulingOut(resolved, name, allowed.get(), index);
        return Optional.of(new InstallNote.HeldBackByRanges(name, locked.version(), allowed.get(), by,
                by.isEmpty() ? explainer.whyNot(name, allowed.get()) : Optional.empty()));
    }

    /**
     * The ranges of the resolved graph that rule out {@code version} of the package: of each package whose version in
     * the graph fails what {@code version} needs of it, the ranges placed on it (by prompd.json or by other packages
     * than this one, at their versions in the graph) that no version meeting that need meets, each with who places it;
     * empty when no one range does it alone, as when the conflict lies further down, and when {@code version} cannot
     * be installed even alone with what it needs (a dependency only yanked versions meet, or none), which no range of
     * the project's then holds back.
     */
    static List<InstallNote.Requirement> rulingOut(ProjectGraph resolved, PackageName name, Version version,
                                                   RegistryIndex index) {
        List<InstallNote.Requirement> by = clashing(resolved, name, version, index);
        return by.isEmpty() || installableAlone(name, version, index) ? by : List.of();
    }

    /** The ranges of the graph that no version meeting a need of {@code version} meets. */
    private static List<InstallNote.Requirement> clashing(ProjectGraph resolved, PackageName name, Version version,
                                                          RegistryIndex index) {
        List<InstallNote.Requirement> by = new ArrayList<>();
        Map<PackageName, VersionRange> needs = index.findIfReadable(name).flatMap(own -> own.version(version))
                .map(VersionSummary::dependencies).orElseGet(TreeMap::new);
        needs.forEach((needed, range) -> {
            LockedPackage other = resolved.lock().packages().get(needed);
            Optional<PublishedPackage> otherPublished = index.findIfReadable(needed);
            if (other == null || range.satisfiedBy(other.version()) || otherPublished.isEmpty()) {
                return;
            }
            resolved.requirementsOnBesides(needed, name).stream()
                    .filter(holding -> otherPublished.get().highestAllowed(List.of(range, holding.range())).isEmpty())
                    .forEach(by::add);
        });
        return by;
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
