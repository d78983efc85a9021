package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.Plural;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Strategy;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The warnings of an {@link InstallPlanner} plan about the versions it locks: yanked, deprecated and taken down
 * versions, packages gone from the registry, engines asking for another prompd, the locked versions taken down or
 * yanked that a resolution moved off, the takedowns it stopped short of, and the query parameters the lock leaves out
 * of a tarball URL it records anew; the {@code latest} tag a run passed by
 * as yanked, which tells the move off that version already; and the rollbacks of {@code latest} that the packages a
 * run was asked for pass over.
 */
final class PlanWarnings {

    private final LockedInstaller lockedInstaller;
    /** This prompd's version, to say when a package's engines ask for another; empty in a development build. */
    private final Optional<Version> prompdVersion;

    PlanWarnings(LockedInstaller lockedInstaller, Optional<Version> prompdVersion) {
        this.lockedInstaller = lockedInstaller;
        this.prompdVersion = prompdVersion;
    }

    /**
     * Of a new resolution, from the lock {@code current}: the status of every version it locks, then the locked
     * versions it moved off as taken down or yanked, then those it held back below a takedown.
     */
    List<InstallNote> ofResolved(ProjectGraph graph, LockFile current, RegistryIndex index) {
        List<InstallNote> warnings = new ArrayList<>(statusOf(graph, List.copyOf(graph.lock().packages().keySet()),
                index));
        warnings.addAll(movedOff(current, graph.lock(), index));
        warnings.addAll(heldBackByTakedowns(graph, index));
        warnings.addAll(queryLeftOut(current, graph.lock(), index));
        return warnings;
    }

    /**
     * The entries new to the lock, or changed, whose tarball URL as the registry's index gives it has query parameters
     * the lock leaves out but a signature's ({@link LockedPackage#leftOut}): told once, when the lock first records
     * the URL, as one may be a credential the index gives away, or what the registry tells its tarballs apart by.
     */
    private static List<InstallNote> queryLeftOut(LockFile current, LockFile resolved, RegistryIndex index) {
        List<InstallNote> warnings = new ArrayList<>();
        resolved.packages().forEach((name, locked) -> {
            if (current.get(name).filter(locked::equals).isPresent()) {
                return;
            }
            index.findIfReadable(name).flatMap(published -> published.version(locked.version())
                            .map(published::tarballUrl))
                    .filter(indexed -> LockedPackage.recordable(indexed).equals(locked.resolved()))
                    .map(LockedPackage::leftOut).filter(names -> !names.isEmpty())
                    .ifPresent(names -> warnings.add(new InstallNote.QueryLeftOut(name, locked.version(), names)));
        });
        return warnings;
    }

    /**
     * Yanked, deprecated and taken down versions among {@code names}, packages gone from the registry, and those whose
     * engines ask for another
     * prompd. Only packages whose metadata this run needs anyway are looked at, so an install with
     * everything locked and installed asks the registry nothing.
     */
    List<InstallNote> statusOf(ProjectGraph graph, List<PackageName> names, RegistryIndex index) {
        index.prefetch(names);
        List<InstallNote> warnings = new ArrayList<>();
        for (PackageName name : names) {
            LockedPackage locked = graph.lock().packages().get(name);
            index.findIfReadable(name).ifPresent(listed -> listed.version(locked.version()).ifPresent(known -> {
                warnings.addAll(StatusNotes.of(graph, index::findIfReadable, listed, known, true, index.commands()));
                engineWarning(name, known).ifPresent(warnings::add);
            }));
            // without a copy at hand the install fails for it, or an uninstall leaves it out, saying so
            lockedInstaller.takenDown(name, locked, index).filter(gone -> lockedInstaller.isAtHand(name, locked))
                    .ifPresent(gone -> warnings.add(StatusNotes.takenDown(graph, index::findIfReadable, gone,
                            locked.version(), true, index.commands())));
            if (lockedInstaller.isAtHand(name, locked) && LockedInstaller.goneFromRegistry(name, locked, index)) {
                warnings.add(StatusNotes.goneFromRegistry(graph, name, locked.version(), index, true));
            }
        }
        return warnings;
    }


    /**
     * A package whose {@code engines} ask for another prompd still installs, as npm's do without
     * engine-strict: the prompts are text, and only some features may be missing. A development
     * build counts as the release it leads to.
     */
    private Optional<InstallNote> engineWarning(PackageName name, VersionSummary known) {
        return refusingPrompd(known.engines(), prompdVersion)
                .map(range -> new InstallNote.EngineMismatch(name, known.version(), range, prompdVersion.orElseThrow()));
    }

    /**
     * The range {@code engines.prompd} gives, a package's or the project's own, when it refuses {@code running}; empty
     * when it allows it, is no range, or prompd's version is not known (a development build).
     */
    static Optional<VersionRange> refusingPrompd(Map<String, String> engines, Optional<Version> running) {
        Optional<VersionRange> wanted = Optional.ofNullable(engines.get(ManifestFields.PROMPD_ENGINE))
                .filter(VersionRange::isValid).map(VersionRange::parse);
        return running.flatMap(version -> wanted.filter(range -> !range.satisfiedBy(release(version))));
    }

    private static Version release(Version version) {
        return Version.parse(version.major() + "." + version.minor() + "." + version.patch());
    }

    /**
     * The packages resolved below the highest version their ranges allow because that version needs something only
     * versions taken down meet: the resolution passes over it as over any version that cannot resolve, and the
     * lock's change alone would not say why an update stopped short.
     */
    private static List<InstallNote> heldBackByTakedowns(ProjectGraph graph, RegistryIndex index) {
        List<InstallNote> warnings = new ArrayList<>();
        TakedownGraph takedowns = new TakedownGraph(index);
        graph.lock().packages().forEach((name, locked) -> index.find(name).ifPresent(published -> {
            List<VersionRange> ranges = graph.rangesOn(name);
            if (published.highestAllowed(ranges).filter(highest -> highest.compareTo(locked.version()) > 0).isEmpty()) {
                return;
            }
            TakedownGraph.Reach reach = takedowns.reach(published, ranges);
            if (reach.version().equals(Optional.of(locked.version()))) {
                StatusNotes.heldBack(name, reach).ifPresent(warnings::add);
            }
        }));
        return warnings;
    }

    /**
     * The locked versions a resolution moved off because their registry took them down or yanked them, with the
     * reason: the lock's change alone ({@code ~ @a/x 2.0.0 -> 2.1.0}) would not say that the version pinned is gone or
     * withdrawn, nor why, least of all when it moves down. What a registry the lock did not have the version from
     * records of the number is never said ({@link LockedElsewhere}): it may be another package's.
     */
    private static List<InstallNote> movedOff(LockFile current, LockFile resolved, RegistryIndex index) {
        List<InstallNote> warnings = new ArrayList<>();
        current.packages().forEach((name, old) -> {
            LockedPackage now = resolved.packages().get(name);
            if (now == null || now.version().equals(old.version())
                    || LockedElsewhere.of(name, old, index).isPresent()) {
                return;
            }
            PublishedPackage published = index.require(name);
            String reason = published.packument().takenDown().get(old.version());
            if (reason != null) {
                warnings.add(new InstallNote.MovedOffTakenDown(name, old.version(), now.version(), reason));
            }
            published.version(old.version()).map(VersionSummary::yanked).ifPresent(yanked -> warnings
                    .add(new InstallNote.MovedOffYanked(name, old.version(), now.version(), yanked)));
        });
        return warnings;
    }

    /**
     * What to say of a package whose {@code latest} tag points at a yanked version, installed instead: an install of
     * the name alone and {@code update --latest} both pass such a tag by.
     */
    static Optional<InstallNote> latestYanked(PackageName name, Version installed, RegistryIndex index) {
        return index.findIfReadable(name).flatMap(PublishedPackage::yankedLatest)
                .map(yanked -> new InstallNote.LatestYanked(name, yanked.version(), yanked.yanked(), installed));
    }

    /**
     * The packages the run was not asked for that the graph holds above their {@code latest} dist-tag, which their
     * maintainers moved back, as versions of the packages {@code asked} for need, and nothing else: the resolution
     * keeps what the user asked for, and lets the rollback yield to it, which is not to pass unsaid. Where the ranges
     * of the graph allow each of those packages a version that goes with the rollback, the way back holds them there,
     * as {@code update} without names holds a rollback.
     */
    static List<InstallNote> aboveRolledBackLatest(ProjectGraph graph, Set<PackageName> asked, Strategy strategy,
                                                   boolean global, RegistryIndex index) {
        List<InstallNote> warnings = new ArrayList<>();
        // only what the packages asked for need is looked up: a lock kept as it is asks the registry nothing
        SortedSet<PackageName> needed = new TreeSet<>();
        asked.stream().map(graph.lock().packages()::get).filter(Objects::nonNull)
                .forEach(dependant -> needed.addAll(dependant.dependencies().keySet()));
        needed.removeAll(asked);
        for (PackageName name : needed) {
            LockedPackage locked = graph.lock().packages().get(name);
            Optional<Version> latest = Optional.ofNullable(locked).filter(one -> !one.version().isPreRelease())
                    .flatMap(one -> index.findIfReadable(name)).flatMap(PublishedPackage::taggedLatest)
                    .filter(tagged -> locked.version().compareTo(tagged) > 0);
            if (latest.isEmpty()) {
                continue;
            }
            List<InstallNote.Requirement> by = graph.requirementsOnBesides(name, name).stream()
                    .filter(requirement -> !requirement.range().satisfiedBy(latest.get())).toList();
            // a range of prompd.json's, or of a package not asked for, that rules the latest out is no choice of this
            // run's: the rollback yields to it whatever is asked
            if (by.isEmpty() || !by.stream().allMatch(requirement -> requirement.dependent()
                    .filter(dependent -> asked.contains(dependent.name())).isPresent())) {
                continue;
            }
            List<String> holds = new ArrayList<>();
            for (InstallNote.Requirement requirement : by) {
                PackageName dependent = requirement.dependent().orElseThrow().name();
                heldFor(graph, dependent, name, latest.get(), index)
                        .ifPresent(version -> holds.add(dependent + " at " + version));
            }
            // a global install has no project for an update to hold back
            Optional<String> wayBack = global || holds.size() < by.size() ? Optional.empty()
                    : Optional.of(index.commands().quoted("update") + " without names keeps " + latest.get()
                            + " by holding " + Plural.series(holds, "and"));
            warnings.add(new InstallNote.LatestPassedOver(name, latest.get(), locked.version(), strategy, global,
                    Optional.empty(), by, wayBack));
        }
        return warnings;
    }

    /**
     * The highest version of {@code dependent} the graph's ranges on it allow that goes with {@code version} of the
     * package it needs; empty when none does.
     */
    private static Optional<Version> heldFor(ProjectGraph graph, PackageName dependent, PackageName needed,
                                             Version version, RegistryIndex index) {
        List<VersionRange> ranges = graph.rangesOn(dependent);
        return index.findIfReadable(dependent).flatMap(published -> published.packument().versions().values()
                .stream().filter(summary -> summary.yanked() == null
                        && ranges.stream().allMatch(range -> range.satisfiedBy(summary.version()))
                        && Optional.ofNullable(summary.dependencies().get(needed))
                                .map(range -> range.satisfiedBy(version)).orElse(true))
                .map(VersionSummary::version).max(Version::compareTo));
    }

    /**
     * The plan's notes of a move off a locked yanked version that a {@link #latestYanked} note among {@code notes}
     * tells already: the tag points at that version, and the note says it was passed by and what was installed.
     */
    static List<InstallNote> movesTold(Plan plan, List<InstallNote> notes) {
        return plan.warnings().stream()
                .filter(note -> note instanceof InstallNote.MovedOffYanked moved && notes.stream().anyMatch(told ->
                        told instanceof InstallNote.LatestYanked yanked && yanked.name().equals(moved.name())
                                && yanked.tagged().equals(moved.from())))
                .toList();
    }
}
