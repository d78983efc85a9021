package io.prompd.client.install;

import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
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

    /**
     * Whether the resolved graph holds the package below the version its ranges in that graph prefer (the one that
     * {@link TakedownGraph#reach} finds, so that a version only a takedown keeps out is no hold of the graph's), and by
     * which ranges, as {@link #rulingOut} names them.
     */
    static Optional<InstallNote.HeldBackByRanges> of(ProjectGraph resolved, PackageName name, RegistryIndex index,
                                                     TakedownGraph takedowns) {
        LockedPackage locked = resolved.lock().packages().get(name);
        Optional<PublishedPackage> own = index.findIfReadable(name);
        // a package locked from another registry is held by that, as the resolution offers its locked version alone
        if (locked == null || own.isEmpty() || LockedElsewhere.of(name, locked, index).isPresent()) {
            return Optional.empty();
        }
        return takedowns.reach(own.get(), resolved.rangesOn(name)).version()
                .filter(version -> version.compareTo(locked.version()) > 0)
                .map(allowed -> new InstallNote.HeldBackByRanges(name, locked.version(), allowed,
                        rulingOut(resolved, name, allowed, index), Optional.empty()));
    }

    /**
     * The ranges of the resolved graph that rule out {@code version} of the package: of each package whose version in
     * the graph fails what {@code version} needs of it, the ranges placed on it (by prompd.json or by other packages
     * than this one, at their versions in the graph) that no version meeting that need meets, each with who places it;
     * empty when no one range does it alone, as when the conflict lies further down.
     */
    static List<InstallNote.Requirement> rulingOut(ProjectGraph resolved, PackageName name, Version version,
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
}
