package io.prompd.client.install;

import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which locked packages have newer versions, within their ranges (wanted) and at all (latest), or
 * versions outside their ranges, yanked or taken down.
 */
public final class Outdated {

    private Outdated() {
    }

    /**
     * One package with a newer version or a locked version yanked, or a dependency of {@code prompd.json} not locked
     * yet (as npm's outdated lists a missing one).
     *
     * @param current the locked version; empty when the lock lacks the package
     * @param wanted  the version 'prompd update' would choose, from the resolution it makes of the whole project;
     *                when that fails, as the update would, the one the {@code latest} tag points at when every range
     *                on the package allows it, else the highest they allow, not yanked, or the current one when it is
     *                higher, within them and still published, unless that version cannot go in with the project as
     *                locked ({@code heldBack} says why), when it is the current one, where that meets the ranges; empty
     *                when none does
     * @param latest  the version the {@code latest} dist-tag points at
     * @param direct  whether {@code prompd.json} names it
     * @param invalid   whether the locked version is outside a range asking for it (see
     *                  {@link ProjectGraph.Entry#invalid})
     * @param yanked    the registry's reason for yanking the locked version, empty text when it gave none; empty when
     *                  the version is not yanked
     * @param takenDown whether the registry no longer lists the locked version, as the {@link InstallNote.TakenDown}
     *                  warning of an install tells of it: taken down by its maintainers, or {@code unlisted}; for a
     *                  dependency not locked, whether it has no version left or only versions taken down met its
     *                  range, or what each version in it needs, so that it cannot be locked
     * @param unlisted  whether the locked version is taken down without the registry recording a takedown of it (a
     *                  build forced past it, say): only that it is no longer listed can be said of it
     * @param goneFromRegistry whether the registry no longer has the locked package at all, so that none of its
     *                  versions is listed, the locked one included, and none recorded taken down
     * @param notInRegistry whether the registry serving the name of a dependency not locked has no such package, so
     *                  that it cannot be locked, no version of it to want
     * @param routeChanged whether the locked version came from another registry than the one its name resolves in
     *                  now, which lacks it or lists it with other bytes ({@link LockedElsewhere}): that one's versions
     *                  of the name may be another's package, so none is wanted nor latest, and none was compared
     * @param heldBack  what keeps {@code wanted} below the version the package's own ranges prefer, when the rest of
     *                  the project does; where the update's resolution fails, why the version its own ranges prefer
     *                  cannot go in with the project as locked, which the update cannot install then, so that no
     *                  version is wanted but the current one, if it meets its ranges
     */
    public record Row(PackageName name, Optional<Version> current, Optional<Version> wanted, Optional<Version> latest,
                      boolean direct, boolean invalid, Optional<String> yanked, boolean takenDown, boolean unlisted,
                      boolean goneFromRegistry, boolean notInRegistry, boolean routeChanged,
                      Optional<InstallNote.OutOfReach> heldBack) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(yanked, "yanked");
            Objects.requireNonNull(heldBack, "heldBack");
            if (yanked.isPresent() && (current.isEmpty() || takenDown)) {
                throw new IllegalArgumentException("only a locked version still listed can be yanked: " + name);
            }
            if (unlisted && (!takenDown || current.isEmpty())) {
                throw new IllegalArgumentException("only a locked version taken down can be unlisted: " + name);
            }
            if (goneFromRegistry && (!unlisted || wanted.isPresent() || latest.isPresent())) {
                throw new IllegalArgumentException("a package gone from its registry has no version listed: " + name);
            }
            if (notInRegistry && (current.isPresent() || takenDown || wanted.isPresent() || latest.isPresent())) {
                throw new IllegalArgumentException("only a dependency not locked, with no version listed, can be"
                        + " missing from its registry: " + name);
            }
            if (routeChanged && (current.isEmpty() || takenDown || yanked.isPresent() || wanted.isPresent()
                    || latest.isPresent())) {
                throw new IllegalArgumentException("a version locked from another registry is compared with none of"
                        + " the current one's: " + name);
            }
        }
    }

    /**
     * What {@link #check} found.
     *
     * @param rows     the packages with newer versions, or whose locked version is yanked, in name order
     * @param warnings what else the user should know: locked versions yanked, deprecated, taken down, or gone
     *                 from the registry, in name order, then dependencies not locked that the registry lacks or
     *                 that takedowns keep from being locked
     */
    public record Result(List<Row> rows, List<InstallNote> warnings) {
        public Result {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The outdated packages of the graph, and the dependencies it has not locked; fetches the index
     * of every one, in parallel.
     *
     * @param updated   the graph as 'prompd update' resolves it, every package free to move; empty when it cannot be
     *                  resolved
     * @param explainer why that resolution cannot take a version, said of one held back that no one range holds; when
     *                  it cannot be made, why the project as locked cannot
     */
    static Result check(ProjectGraph graph, RegistryIndex index, Optional<ProjectGraph> updated,
                        RangeHolds.Explainer explainer) throws IOException {
        List<PackageName> unlocked = graph.unlocked();
        List<PackageName> names = new ArrayList<>(graph.lock().packages().keySet());
        names.addAll(unlocked);
        index.prefetch(names);
        List<Row> rows = new ArrayList<>();
        List<InstallNote> warnings = new ArrayList<>();
        TakedownGraph takedowns = new TakedownGraph(index);
        for (ProjectGraph.Entry entry : graph.entries()) {
            Optional<PublishedPackage> published = index.find(entry.name());
            LockedPackage locked = graph.lock().packages().get(entry.name());
            Optional<LockedElsewhere> moved = LockedElsewhere.of(entry.name(), locked, index);
            if (moved.isPresent()) {
                // a row, as for a package gone from its registry: the one asked now cannot give the locked version,
                // and a script reading the exit code must not take the package for up to date
                warnings.add(moved.get().note());
                rows.add(new Row(entry.name(), Optional.of(entry.version()), Optional.empty(), Optional.empty(),
                        entry.direct(), entry.invalid(), Optional.empty(), false, false, false, false, true,
                        Optional.empty()));
                continue;
            }
            if (published.isEmpty()) {
                // a row, as for a version taken down: no version is left to want, and a home without it cannot install
                // it; its version is as unlisted as one a forced build dropped, and no index.json is left to record why
                warnings.add(StatusNotes.goneFromRegistry(graph, entry.name(), entry.version(), index, false));
                rows.add(new Row(entry.name(), Optional.of(entry.version()), Optional.empty(), Optional.empty(),
                        entry.direct(), entry.invalid(), Optional.empty(), true, true, true, false, false,
                        Optional.empty()));
                continue;
            }
            Optional<VersionSummary> summary = published.get().version(entry.version());
            summary.ifPresent(known -> warnings.addAll(
                    StatusNotes.of(graph, index::findIfReadable, published.get(), known, false, index.commands())));
            boolean gone = summary.isEmpty();
            if (gone) {
                warnings.add(StatusNotes.takenDown(graph, index::findIfReadable, published.get(),
                        entry.version(), false, index.commands()));
            }
            TakedownGraph.Reach reach = takedowns.reach(published.get(), graph.rangesOn(entry.name()));
            Optional<Version> reached = reach.version();
            // a newer version that a takedown further down keeps from the package is no update to want
            StatusNotes.heldBack(entry.name(), reach).ifPresent(warnings::add);
            // what 'prompd update' resolves the whole project to; when it cannot, as that update fails, what the
            // package's own ranges allow; a locked version taken down that the update keeps, its copy at hand, is no
            // version to want
            Optional<Version> wanted = updatedVersion(updated, entry.name())
                    .filter(version -> !gone || !version.equals(entry.version()))
                    .or(() -> wantedByOwnRanges(entry, reached, gone, published.get()));
            Optional<Version> latest = published.get().latest();
            Optional<String> yanked = summary.map(VersionSummary::yanked);
            // a yanked version is a row even with nothing newer to move to, as one taken down is: its maintainers
            // withdrew it as broken or harmful, which a script reading the rows or the exit code must learn
            boolean behind = !wanted.equals(Optional.of(entry.version())) || yanked.isPresent()
                    || latest.filter(version -> version.compareTo(entry.version()) > 0).isPresent();
            if (behind) {
                boolean unlisted = gone && !published.get().packument().takenDown().containsKey(entry.version());
                Wanting wanting = wanting(entry.name(), wanted, Optional.of(entry.version())
                        .filter(current -> !gone && !entry.invalid()), updated, index, takedowns, explainer);
                rows.add(new Row(entry.name(), Optional.of(entry.version()), wanting.wanted(), latest,
                        entry.direct(), entry.invalid(), yanked, gone, unlisted, false, false, false,
                        wanting.held()));
            }
        }
        List<PublishedPackage> listed = new ArrayList<>();
        for (PackageName name : unlocked) {
            Optional<PublishedPackage> published = index.find(name);
            if (published.isEmpty()) {
                // a row, as npm's outdated lists a dependency missing: it is not locked, and no install locks it
                warnings.add(new InstallNote.NotInRegistry(name, index.describe(name),
                        StatusNotes.notInRegistryWayOff(graph, name, index.commands()), index.elsewhere(name)));
                rows.add(new Row(name, Optional.empty(), Optional.empty(), Optional.empty(), true, false,
                        Optional.empty(), false, false, false, true, false, Optional.empty()));
                continue;
            }
            listed.add(published.get());
        }
        Map<PackageName, String> unlockable = StatusNotes.unlockable(graph, listed, takedowns, index.commands());
        for (PublishedPackage published : listed) {
            PackageName name = published.packument().name();
            boolean cannotLock = unlockable.containsKey(name);
            // one that a dependency taken down keeps from being locked has no version to want either
            Wanting wanting = wanting(name, updatedVersion(updated, name)
                    .or(() -> published.preferredAllowed(graph.rangesOn(name))).filter(version -> !cannotLock),
                    Optional.empty(), updated, index, takedowns, explainer);
            rows.add(new Row(name, Optional.empty(), wanting.wanted(), published.latest(), true, false,
                    Optional.empty(), cannotLock, false, false, false, false, wanting.held()));
        }
        unlockable.forEach((name, why) -> warnings.add(new InstallNote.Unlockable(name, why)));
        rows.sort(Comparator.comparing(Row::name));
        return new Result(rows, warnings);
    }

    /**
     * The version a locked package's own ranges want, {@code reached} by them: a version outside its ranges is wanted
     * away from even when it is newer, as 'prompd install' moves it, and so is one gone, which can no longer be
     * installed; and one above the version the latest tag points at, which 'prompd update' moves back to as npm's does
     * when maintainers move the tag back. Else the current one, unless a higher one is reached.
     */
    private static Optional<Version> wantedByOwnRanges(ProjectGraph.Entry entry, Optional<Version> reached,
                                                       boolean gone, PublishedPackage published) {
        if (entry.invalid() || gone || reached.equals(published.taggedLatest())) {
            return reached;
        }
        return Optional.of(reached.filter(version -> version.compareTo(entry.version()) > 0).orElse(entry.version()));
    }

    private static Optional<Version> updatedVersion(Optional<ProjectGraph> updated, PackageName name) {
        return updated.flatMap(graph -> graph.lock().get(name)).map(LockedPackage::version);
    }

    /** The version a row wants, and what holds the package below the one its own ranges prefer. */
    private record Wanting(Optional<Version> wanted, Optional<InstallNote.OutOfReach> held) {
    }

    /**
     * What a row wants of the package: {@code wanted}, and what in the update's resolution holds it back, when that
     * resolution is made; when it fails, so that the update installs nothing, {@code wanted} is what the package's own
     * ranges prefer, which, when it cannot go in with the project as locked (a dependency added to prompd.json by
     * hand whose every version needs what the others rule out), is held back with the resolver's explanation, and
     * {@code staying} wanted instead: the locked version where it meets its ranges, else none. {@code staying} itself
     * is never held back.
     */
    private static Wanting wanting(PackageName name, Optional<Version> wanted, Optional<Version> staying,
                                   Optional<ProjectGraph> updated, RegistryIndex index, TakedownGraph takedowns,
                                   RangeHolds.Explainer explainer) throws IOException {
        if (updated.isPresent()) {
            // every package moves in that resolution: no lock holds one, as none is kept
            return new Wanting(wanted, RangeHolds.of(updated.get(), name, index, takedowns, Map.of(), explainer)
                    .map(InstallNote.HeldBackByRanges::preferred));
        }
        Optional<Version> moving = wanted.filter(version -> !staying.equals(Optional.of(version)));
        Optional<String> problem = moving.isEmpty() ? Optional.empty() : explainer.whyNot(name, moving.get());
        return problem.isEmpty() ? new Wanting(wanted, Optional.empty())
                : new Wanting(staying, Optional.of(new InstallNote.OutOfReach(moving.get(), List.of(), problem)));
    }
}
