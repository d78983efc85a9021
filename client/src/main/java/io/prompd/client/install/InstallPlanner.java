package io.prompd.client.install;

import io.prompd.client.http.NotCached;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.store.DependencyTexts;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.TarballCache;
import io.prompd.client.install.store.TarballOfAnother;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.Resolution;
import io.prompd.core.resolve.ResolutionException;
import io.prompd.core.resolve.ResolveOptions;
import io.prompd.core.resolve.Resolver;
import io.prompd.core.resolve.Strategy;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what a run of {@link Installer} locks: the lock file kept when it still meets the project and nothing asks
 * to move, else a new resolution, with the warnings the choice calls for (a stale lock, a latest version set aside
 * by {@link RangesFromLatest}, and {@link PlanWarnings}' on the versions it locks). It reads the registry, the store
 * and the cache, and changes none of them, but for the tarball of a locked version whose registry's index disagrees
 * with the lock, which it downloads to the cache to unpack beside the store, for its own {@code prompd.json} to say
 * which of the two to believe ({@link #unpackedWhereIndexDiffers}).
 */
final class InstallPlanner {

    /** What a conflict's explanation calls the root of a global install, which has no project. */
    private static final String GLOBAL_ROOT = "the global install";

    private final PackageStore store;
    private final TarballCache cache;
    private final PackageRegistry registry;
    private final boolean offline;
    private final LockedInstaller lockedInstaller;
    private final PlanWarnings planWarnings;
    private final InstallListener listener;

    InstallPlanner(PackageStore store, TarballCache cache, PackageRegistry registry, boolean offline,
                   LockedInstaller lockedInstaller, Optional<Version> prompdVersion, InstallListener listener) {
        this.store = store;
        this.listener = listener;
        this.cache = cache;
        this.registry = registry;
        this.offline = offline;
        this.lockedInstaller = lockedInstaller;
        this.planWarnings = new PlanWarnings(lockedInstaller, prompdVersion);
    }

    /**
     * The plan of an install adding {@code requests} to the project's dependencies. Without requests, a lock that
     * still meets {@code prompd.json} is kept as it is. When the ranges of packages named alone, taken from their
     * latest versions, cannot go with the project, they may take any release instead, with a warning: the highest
     * (with {@code --resolution lowest} the lowest) that can go with the project, the locked versions of others moving
     * for it as they do for a range the user gives, so that the warning's word holds.
     */
    Plan forInstall(Project project, List<RequestedPackage> requests, ProjectRun run, RegistryIndex index)
            throws IOException {
        Set<PackageName> unpinned = Set.copyOf(requests.stream().map(RequestedPackage::name).toList());
        Set<PackageName> newcomers = Set.copyOf(unpinned.stream()
                .filter(name -> !project.manifest().dependencies().containsKey(name)).toList());
        Plan plan = RangesFromLatest.plan(requests, false, run.options(), index, (asked, first) -> plan(new Goal(
                roots(project.manifest().dependencies(), asked), unpinned, newcomers, first, latestOf(asked), false,
                Optional.of(run.again())),
                project, unpinned, !requests.isEmpty(), run.options(), index));
        return run.options().strategyGiven()
                ? plan.withWarningsFirst(lockKept(plan, project.lockOrEmpty(), unpinned, run.options().strategy(),
                        index).stream().toList())
                : plan;
    }

    /**
     * What to say when an install given {@code --resolution} kept versions the lock holds, which the strategy does not
     * choose among, as uv keeps them: those of the kept versions that the strategy, resolving the plan's roots anew,
     * would not choose, lest a run meant to test lower bounds quietly test the lock. Empty when the plan kept no
     * locked version (but those named, which were free to move) or kept only the ones it would choose. When that
     * resolution fails, which kept versions differ is not known, and that the lock kept them is told all the same.
     */
    private static Optional<InstallNote> lockKept(Plan plan, LockFile before, Set<PackageName> unpinned,
                                                  Strategy strategy, RegistryIndex index) {
        SortedMap<PackageName, Version> kept = new TreeMap<>(plan.lock().versions());
        kept.keySet().removeAll(unpinned);
        kept.entrySet().removeIf(entry -> !before.get(entry.getKey()).map(LockedPackage::version)
                .equals(Optional.of(entry.getValue())));
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<InstallNote.KeptVersion> differing = new ArrayList<>();
        try {
            Resolution anew = Resolver.resolve(plan.graph().roots(), LockedElsewhere.keepingLocked(before, index),
                    ResolveOptions.defaults().withStrategy(strategy));
            kept.forEach((name, version) -> Optional.ofNullable(anew.versions().get(name))
                    .filter(chosen -> !chosen.equals(version))
                    .ifPresent(chosen -> differing.add(new InstallNote.KeptVersion(name, version, chosen))));
            if (differing.isEmpty()) {
                return Optional.empty();
            }
        } catch (PrompdException | UncheckedIOException unresolvable) {
            // a courtesy, as the lock alone is enough to install: what stops the project resolving anew (a conflict,
            // the network), update says when asked
        }
        return Optional.of(new InstallNote.LockKept(strategy, differing,
                index.commands().quoted("update --resolution " + strategy.name().toLowerCase(Locale.ROOT))));
    }

    /**
     * The plan of a global install of one package, resolved on its own; named alone, it falls back from its latest
     * version as a project's install does.
     *
     * @throws PrompdException INTEGRITY when a version it needs is installed from other bytes than the registry lists,
     *                         as a project's install fails
     */
    Plan forStore(RequestedPackage request, InstallOptions options, RegistryIndex index) throws IOException {
        ResolveOptions alone = ResolveOptions.defaults().withStrategy(options.strategy()).withRootName(GLOBAL_ROOT);
        // its one root is the first package decided anyway
        return RangesFromLatest.plan(List.of(request), true, options, index, (asked, first) -> {
            Goal goal = Goal.ofStore(roots(new TreeMap<>(), asked), latestOf(asked));
            Plan plan = resolved(goal, LockFile.empty(), alone, index);
            LockAudit.requireFromResolvedBytes(plan.lock(), LockFile.empty(), LockFile.empty(), store, index,
                    goal.again());
            return plan;
        });
    }

    /**
     * The plan of an update to the roots of {@code ranges}, the project's dependencies with the ranges it saves,
     * letting {@code unpinned} move; first what {@code --latest} says of the ranges: a {@code latest} tag it passed by
     * as yanked, a range it kept, a latest version passed over within its range for a higher one the project needs.
     * When the ranges {@code --latest} moves cannot all go with the project, each move that cannot go with those taken
     * before it by name, the later ones left free to take either range, is set aside for prompd.json's own range, with
     * a warning, as an install sets aside the range from a latest version: one conflicting move no longer stops every
     * other, and moves that only go together still go.
     *
     * @param named the packages the update was given by name, none when it moves every one
     * @throws PrompdException the failure to resolve prompd.json's own ranges when even those cannot be, in the
     *                         user's words rather than in the ranges --latest would have written
     */
    Updated forUpdate(Project project, LatestRanges ranges, Set<PackageName> unpinned, Set<PackageName> named,
                      ProjectRun run, RegistryIndex index) throws IOException {
        SortedSet<PackageName> aside = new TreeSet<>();
        Plan plan;
        try {
            plan = planUpdate(project, ranges, unpinned, run, index);
        } catch (PrompdException unresolvable) {
            if (ranges.moved().isEmpty() || !ResolutionFailures.isOne(unresolvable)) {
                throw unresolvable;
            }
            // resolved for its failure alone: when prompd.json's own ranges cannot be, that says so in the user's
            // words, rather than in the ranges --latest would have written
            planUpdate(project, ranges.settingAside(ranges.moved()), unpinned, run, index);
            // each move in name order is taken when it goes with those taken, the ones set aside at prompd.json's
            // ranges and the ones still to decide at either range: moves that only go together (two packages moving
            // off the major they share) are taken one by one, one resolution each. A resolution met every choice so
            // far, so the moves taken always go together, and each move set aside cannot go with them
            SortedSet<PackageName> undecided = new TreeSet<>(ranges.moved());
            for (PackageName name : ranges.moved()) {
                undecided.remove(name);
                try {
                    planUpdate(project, ranges.settingAside(aside).eitherWay(undecided), unpinned, run, index);
                } catch (PrompdException conflicting) {
                    if (!ResolutionFailures.isOne(conflicting)) {
                        throw conflicting;
                    }
                    aside.add(name);
                }
            }
            plan = planUpdate(project, ranges.settingAside(aside), unpinned, run, index);
        }
        LatestRanges settled = ranges.settingAside(aside);
        // the locked versions the update keeps where it can: what holds a package back when no range does
        SortedMap<PackageName, Version> kept = new TreeMap<>(project.lockOrEmpty().versions());
        kept.keySet().removeAll(unpinned);
        SortedMap<PackageName, VersionRange> saved = new TreeMap<>(settled.saved());
        List<InstallNote> first = new ArrayList<>();
        for (PackageName name : ranges.taggedYanked()) {
            PlanWarnings.latestYanked(name, plan.lock().packages().get(name).version(), index)
                    .ifPresent(first::add);
        }
        first.addAll(ranges.kept());
        for (PackageName name : aside) {
            Version installed = plan.lock().packages().get(name).version();
            VersionRange own = ranges.direct().get(name);
            // a range --latest meant to rewrite takes the caret of the version installed, as an install's set-aside
            // range from a latest version does (an exact one the version alone, as the move would have)
            Optional<VersionRange> rewritten = Optional.of(ranges.movedTo(name, installed))
                    .filter(range -> ranges.saved().containsKey(name) && !range.equals(own));
            rewritten.ifPresent(range -> saved.put(name, range));
            Version latest = index.require(name).latest().orElseThrow();
            List<InstallNote.Hold> by = RangeHolds.rulingOut(plan.graph(), name, latest, index, kept);
            // with nothing to name, the resolver says what keeps the latest version out
            Optional<String> problem = by.isEmpty()
                    ? whyNotUpdating(project, settled, name, latest, unpinned, run, index)
                    : Optional.empty();
            first.add(new InstallNote.LatestConflicts(name, own, latest, installed, rewritten, by,
                    run.options().strategy(), problem));
        }
        // a range --latest took, passed over within it for a higher version the rest needs (a move of a dependant to
        // its own latest, needing the release this one's maintainers moved the tag back from): kept, as --latest asked
        // for every package's latest, but said, as an install of the name alone says it
        for (PackageName name : ranges.fromLatest().stream().filter(name -> !aside.contains(name)).toList()) {
            Version installed = plan.lock().packages().get(name).version();
            Version latest = index.require(name).latest().orElseThrow();
            if (!installed.equals(latest)) {
                first.add(InstallNote.LatestPassedOver.asked(name, latest, installed, run.options().strategy(),
                        false, whyNotUpdating(project, settled, name, latest, unpinned, run, index)));
            }
        }
        Set<PackageName> asked = new TreeSet<>(named);
        asked.addAll(settled.fromLatest());
        first.addAll(PlanWarnings.aboveRolledBackLatest(plan.graph(), asked, run.options().strategy(), false, index));
        // what the rest of the project keeps below what its own ranges allow, as 'outdated' marks it from the same
        // resolution: an update that moves nothing says why; a move set aside has said it. The lowest resolution
        // chooses the lowest version on purpose: nothing holds a package below a higher one there
        if (run.options().strategy() == Strategy.HIGHEST) {
            TakedownGraph takedowns = new TakedownGraph(index);
            for (PackageName name : unpinned.stream().filter(name -> !aside.contains(name)).sorted().toList()) {
                // a package the resolution moved down (a latest tag moved back) or up is not said to stay
                Optional<Version> before = project.lockOrEmpty().get(name).map(LockedPackage::version);
                RangeHolds.of(plan.graph(), name, index, takedowns, kept, (held, allowed) -> whyNotUpdating(
                        project, settled, held, allowed, unpinned, run, index))
                        .map(held -> held.lockedBefore(before)).ifPresent(first::add);
            }
        }
        return new Updated(plan.without(PlanWarnings.movesTold(plan, first)).withWarningsFirst(first), saved);
    }

    /** Why the update cannot take {@code version} of the package, as {@link ResolutionFailures#whyNot} says it. */
    private Optional<String> whyNotUpdating(Project project, LatestRanges ranges, PackageName name, Version version,
                                            Set<PackageName> unpinned, ProjectRun run, RegistryIndex index)
            throws IOException {
        return ResolutionFailures.whyNot(() -> planUpdate(project,
                ranges.resolvingFor(name, ResolutionFailures.exactly(version)), unpinned, run, index));
    }

    /**
     * What a project's command asks of the planner, given once for all the plans it tries.
     *
     * @param options how to install
     * @param again   the command as given, with the packages it named, for a hint to run it again
     *                ({@link LockAudit#requireFromResolvedBytes})
     */
    record ProjectRun(InstallOptions options, String again) {
        ProjectRun {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(again, "again");
        }
    }

    /** What an update locks, and the ranges prompd.json takes. */
    record Updated(Plan plan, SortedMap<PackageName, VersionRange> saved) {
        Updated {
            Objects.requireNonNull(plan, "plan");
            saved = SortedCopies.map(saved);
        }
    }

    private Plan planUpdate(Project project, LatestRanges ranges, Set<PackageName> unpinned, ProjectRun run,
                            RegistryIndex index) throws IOException {
        return plan(Goal.ofProject(ranges.roots(), ranges.saved().keySet(), Set.of(), run.again()), project, unpinned,
                true, run.options(), index);
    }

    /**
     * The project as {@code prompd update} without names would resolve it, every package free to move, for
     * {@code outdated} to want what it moves to; empty when it cannot be resolved, as that update would fail.
     *
     * @throws PrompdException INTEGRITY as that update fails, when it keeps a locked version that its registry now
     *                         lists with other bytes: no package is up to date at bytes no install accepts
     */
    Optional<ProjectGraph> forOutdated(Project project, RegistryIndex index) throws IOException {
        try {
            return Optional.of(everyPackageMoving(project, project.manifest().dependencies(), index).graph());
        } catch (PrompdException unresolvable) {
            if (!ResolutionFailures.isOne(unresolvable)) {
                throw unresolvable;
            }
            return Optional.empty();
        }
    }

    /**
     * Why the project, resolved as {@link #forOutdated} resolves it, cannot take {@code version} of the package, as
     * {@link ResolutionFailures#whyNot} says it. Where that resolution of the whole project fails, every version would
     * fail alike, blaming the dependency that does for each: the project as locked is asked instead, without the
     * dependencies of prompd.json the lock lacks (added by hand) but this one.
     *
     * @param resolves whether the project resolves as {@link #forOutdated} resolves it
     */
    Optional<String> whyNotForOutdated(Project project, PackageName name, Version version, boolean resolves,
                                       RegistryIndex index) throws IOException {
        SortedMap<PackageName, VersionRange> roots = new TreeMap<>(project.manifest().dependencies());
        if (!resolves) {
            roots.keySet().removeIf(dependency -> project.lockOrEmpty().get(dependency).isEmpty());
        }
        roots.put(name, ResolutionFailures.exactly(version));
        return ResolutionFailures.whyNot(() -> everyPackageMoving(project, roots, index));
    }

    /** A resolution of {@code roots} in the project, every locked package free to move. */
    private Plan everyPackageMoving(Project project, SortedMap<PackageName, VersionRange> roots, RegistryIndex index)
            throws IOException {
        LockFile current = project.lockOrEmpty();
        return resolved(Goal.ofProject(roots, Set.of(), Set.of(), "outdated"), current,
                moving(current, current.packages().keySet(), InstallOptions.defaults()), index);
    }

    /** What a resolution of a project prefers: the locked versions but those of {@code unpinned}, which may move. */
    private static ResolveOptions moving(LockFile current, Set<PackageName> unpinned, InstallOptions options) {
        return ResolveOptions.defaults().withStrategy(options.strategy()).withLocked(current.versions())
                .freeing(unpinned);
    }

    /**
     * The plan of an uninstall leaving {@code roots}; when those cannot be resolved anew, the lock as it was but what
     * only the removed dependencies led to.
     */
    Plan forUninstall(Project project, SortedMap<PackageName, VersionRange> roots, ProjectRun run,
                      RegistryIndex index) throws IOException {
        try {
            return plan(Goal.ofProject(roots, Set.of(), Set.of(), run.again()), project, Set.of(), false, run.options(),
                    index);
        } catch (PrompdException unresolvable) {
            if (!ResolutionFailures.isOne(unresolvable)) {
                throw unresolvable;
            }
            return unresolved(roots, project.lock(), unresolvable, index);
        }
    }

    /**
     * What an uninstall leaves when the dependencies that stay cannot be resolved anew: the lock less what
     * only the removed ones led to, as it was otherwise. As cargo's remove, which edits the manifest
     * whatever the resolution then says, the user asked only for the removal, which a problem of another
     * dependency must not stand in the way of (an outdated or update hint naming the uninstall would
     * otherwise lead to a command failing on the other); that problem is warned of, with its own way off.
     */
    private Plan unresolved(SortedMap<PackageName, VersionRange> roots, Optional<LockFile> current,
                            PrompdException unresolvable, RegistryIndex index) {
        ProjectGraph graph = new ProjectGraph(roots, current.orElseGet(LockFile::empty).reachableFrom(roots.keySet()));
        Map<PackageName, String> waysOff = StatusNotes.unlockable(graph, graph.unlocked().stream()
                .flatMap(name -> index.find(name).stream()).toList(), new TakedownGraph(index), index.commands());
        // the notes of the dependencies that cannot be locked say what to do better than the resolver's general hint
        String hint = waysOff.isEmpty() && !unresolvable.hint().isEmpty() ? " (" + unresolvable.hint() + ")" : "";
        List<InstallNote> warnings = new ArrayList<>();
        warnings.add(new InstallNote.NotResolvedAgain(current.isPresent(), unresolvable.getMessage().strip() + hint));
        waysOff.forEach((name, why) -> warnings.add(new InstallNote.Unlockable(name, why)));
        return new Plan(graph, false, warnings);
    }

    /**
     * What a run resolves for.
     *
     * @param asked  the roots whose ranges the run means to save, which a hint past a failed resolution keeps
     * @param added  those of them no dependency yet, which such a hint cannot say to uninstall
     * @param first  the roots whose versions the resolution decides before any other: those named alone once opened to
     *               any release, which would otherwise take what the locked versions of others leave them
     * @param latest the versions the roots named alone are to take where they can, deprecated or not, as
     *               {@link #latestOf} says
     * @param global whether the run installs into the store alone, as the install such a hint offers must too
     * @param again  the project's command that made the run, as given, for a hint to run it again
     *               ({@link LockAudit#requireFromResolvedBytes}); empty for a global install
     */
    private record Goal(SortedMap<PackageName, VersionRange> roots, Set<PackageName> asked, Set<PackageName> added,
                        Set<PackageName> first, SortedMap<PackageName, Version> latest, boolean global,
                        Optional<String> again) {

        Goal {
            roots = SortedCopies.map(roots);
            asked = Set.copyOf(asked);
            added = Set.copyOf(added);
            first = Set.copyOf(first);
            latest = SortedCopies.map(latest);
            Objects.requireNonNull(again, "again");
        }

        static Goal ofProject(SortedMap<PackageName, VersionRange> roots, Set<PackageName> asked,
                              Set<PackageName> added, String again) {
            return new Goal(roots, asked, added, Set.of(), new TreeMap<>(), false, Optional.of(again));
        }

        /** A global install's: its roots are new, and their ranges are saved nowhere. */
        static Goal ofStore(SortedMap<PackageName, VersionRange> roots, SortedMap<PackageName, Version> latest) {
            return new Goal(roots, Set.of(), roots.keySet(), Set.of(), latest, true, Optional.empty());
        }
    }

    /**
     * The latest version of each package named alone: what its {@code latest} dist-tag names, which such an install
     * takes even when deprecated, as {@code npm install <name>} takes {@code <name>@latest} (a maintainer moving the
     * tag back to a deprecated version rolls back to it, with the deprecation warned of), where a resolution within a
     * range passes over a deprecated version while the range allows another, as npm-pick-manifest does.
     */
    private static SortedMap<PackageName, Version> latestOf(List<RequestedPackage> requests) {
        SortedMap<PackageName, Version> latest = new TreeMap<>();
        requests.forEach(request -> request.latest().ifPresent(version -> latest.put(request.name(), version)));
        return latest;
    }

    /**
     * The lock to install: the current one reduced to what the roots need when it meets them and
     * nothing asks to move, else a new resolution preferring the current lock's versions except
     * for {@code unpinned}. The merge of a conflicted lock's sides is taken as any lock is: a merge whose entries do
     * not go together is resolved again, as a lock edited by hand is, and an entry both sides agree on keeps the
     * integrity it pins, else a conflict anywhere in the file would let a registry's changed bytes in unnoticed.
     */
    private Plan plan(Goal goal, Project project, Set<PackageName> unpinned, boolean mustResolve,
                      InstallOptions options, RegistryIndex index) throws IOException {
        LockFile current = project.lockOrEmpty();
        List<String> stale = List.of();
        LockFile audited = LockFile.empty();
        if (!mustResolve) {
            Optional<LockFile> kept = current.satisfying(goal.roots());
            audited = kept.orElseGet(() -> current.reachableFrom(goal.roots().keySet()));
            // an entry recording dependencies its version does not declare can fail the roots too, and is as stale
            stale = new ArrayList<>(LockAudit.problems(audited, project, store, options.writesProject(),
                    index.commands()));
            if (options.frozen() && (kept.isEmpty() || !stale.isEmpty())) {
                // what the project's files and the store show is told before any registry is asked, as npm ci tells it
                throw LockOutOfDate.of(project, String.join("; ", outOfDate(new ProjectGraph(goal.roots(), current),
                        stale)), index.commands());
            }
            if (kept.isPresent()) {
                List<PackageName> missing = lockedInstaller.missing(kept.get());
                ProjectGraph graph = new ProjectGraph(goal.roots(), options.writesProject()
                        ? LockedInstaller.inCurrentForm(kept.get(), missing, index) : kept.get());
                // a lock already stale is resolved again, taking what the index lists, which the unpack compares then
                Unpacked unpacked = stale.isEmpty() ? unpackedWhereIndexDiffers(graph, current, missing, index)
                        : Unpacked.NONE;
                stale.addAll(unpacked.stale());
                if (stale.isEmpty()) {
                    return new Plan(graph, false, planWarnings.statusOf(graph, missing, index), unpacked.downloaded())
                            .withWarningsFirst(unpacked.warnings());
                }
            }
            if (options.frozen()) {
                // stale by its registry's record: a resolution would change the lock, which --frozen refuses, so none
                // is tried, whose failure (a conflict, the network) would hide what is wrong
                throw LockOutOfDate.of(project, String.join("; ", stale), index.commands());
            }
        }
        Plan plan = resolved(goal, current, moving(current, unpinned, options).decidingFirst(goal.first()), index);
        // the versions a resolution keeps installed were not compared with the integrity it locks, unless audited so
        LockAudit.requireFromResolvedBytes(plan.lock(), audited, current, store, index, goal.again());
        return stale.isEmpty() ? plan : plan.withWarningsFirst(List.of(new InstallNote.StaleLock(stale)));
    }

    /**
     * Each way the lock does not meet the project's ranges, then each way it is {@code stale}: what a resolution would
     * change it for.
     */
    private static List<String> outOfDate(ProjectGraph graph, List<String> stale) {
        List<String> why = new ArrayList<>(graph.outsideRoots());
        why.addAll(graph.outsideLockedRanges());
        graph.unlocked().forEach(name -> why.add(name + " " + graph.roots().get(name) + " is not locked"));
        why.addAll(stale);
        return why;
    }

    /**
     * The locked versions not installed yet whose registry's {@code index.json} lists other dependencies than the lock
     * records, compared as the resolver reads them, each got and unpacked beside the store as the lock pins it, then
     * dropped: the install puts it in place with the rest, or nothing. Either the lock's record or the index is wrong,
     * and only the version's own {@code prompd.json}, in the tarball whose integrity the lock pins, tells which, as the
     * unpack compares it with the record. One agreeing is to be installed, the index warned of, as the lock and its
     * integrity decide what is installed, as {@code npm ci}'s do, and as a home holding the version installs it
     * without asking; one disagreeing makes the lock stale in the words {@link LockAudit} says it with the store's
     * copy: a clean home answers as one holding the version.
     */
    private Unpacked unpackedWhereIndexDiffers(ProjectGraph graph, LockFile before, List<PackageName> missing,
                                               RegistryIndex index) throws IOException {
        List<String> stale = new ArrayList<>();
        List<InstallNote> warnings = new ArrayList<>();
        Set<PackageName> downloaded = new TreeSet<>();
        for (PackageName name : missing) {
            LockedPackage locked = graph.lock().packages().get(name);
            Optional<PublishedPackage> published = index.findIfReadable(name);
            Optional<VersionSummary> listed = published.flatMap(found -> found.version(locked.version()))
                    .filter(known -> !VersionRange.desugarAlike(known.dependencies(), locked.dependencies()));
            if (listed.isEmpty()) {
                continue;
            }
            Set<PackageName> others = new TreeSet<>(graph.lock().packages().keySet());
            others.remove(name);
            boolean cached = cache.find(locked.integrity()).isPresent();
            // its download's own warnings are the install's to give, which gets it again from the cache
            try (LockedInstaller.Staged checked = lockedInstaller.stage(graph, before, index, others)) {
                warnings.add(new InstallNote.IndexListsOtherDependencies(name, locked.version(),
                        published.get().url(), DependencyTexts.of(listed.get().dependencies()),
                        DependencyTexts.of(locked.dependencies())));
                if (!cached) {
                    downloaded.add(name);
                }
            } catch (TarballOfAnother refused) {
                SortedMap<String, String> declared = refused.declaredDependencies().orElseThrow(() -> refused);
                stale.add(LockAudit.recordedAgainst(name, locked, declared, "its own " + ManifestReader.FILE_NAME
                        + " declares"));
            }
        }
        return new Unpacked(stale, warnings, downloaded);
    }

    /**
     * What {@link #unpackedWhereIndexDiffers} found.
     *
     * @param stale     each way the lock is stale by a tarball declaring other dependencies than it records
     * @param warnings  of the indexes listing other dependencies than the tarballs declare
     * @param downloaded the versions whose tarballs it downloaded
     */
    private record Unpacked(List<String> stale, List<InstallNote> warnings, Set<PackageName> downloaded) {

        static final Unpacked NONE = new Unpacked(List.of(), List.of(), Set.of());

        Unpacked {
            stale = List.copyOf(stale);
            warnings = List.copyOf(warnings);
            downloaded = Set.copyOf(downloaded);
        }
    }

    /**
     * A new resolution of the roots, as a lock. An entry it keeps at the same version and integrity
     * keeps its recorded URL: resolved against a mirror, the bytes are the same, and rewriting every
     * URL would churn the lock for nothing (the install fetches from the mirror either way). One that stands for the
     * index's URL ({@link LockedPackage#standsFor}) is recorded from that URL as this prompd records it: the same for
     * an entry this prompd wrote, the query added for one an older prompd recorded without it.
     *
     * @throws PrompdException INTEGRITY when it keeps a version {@code current} pins that its registry now lists with
     *                         other bytes ({@link LockAudit#changedInRegistry})
     */
    private Plan resolved(Goal goal, LockFile current, ResolveOptions resolveOptions, RegistryIndex index)
            throws IOException {
        Resolution resolution;
        try {
            resolution = resolution(goal, current, resolveOptions, index);
        } catch (ResolutionException failed) {
            Optional<PrompdException> gone = goneFromRegistry(failed, goal, current, index);
            if (gone.isPresent()) {
                throw gone.get();
            }
            String message = LockedElsewhere.explaining(failed.getMessage(), current, index);
            PrompdException online = failed;
            if (offline) {
                // a run without --offline is the way past only where it could resolve, and then what failed is a
                // version not cached, told as every offline miss is; where the versions the cached documents list fail
                // too (a range whose every version is yanked), it fails as well, and the hint is the one it gets there
                Optional<ResolutionException> failsOnline = failingOnline(goal, current, resolveOptions, index);
                if (failsOnline.isEmpty()) {
                    throw new NotCached(message, "offline, only the versions installed or cached count: run again"
                            + " without --offline to choose among all published ones", failed);
                }
                online = failsOnline.get();
            }
            RegistryIndex listed = index.listingAll();
            String hint = StatusNotes.waysPast(goal.roots(), goal.asked(), goal.added(),
                    goal.global() ? "install --global" : "install", listed, new TakedownGraph(listed))
                    .orElse(online.hint());
            throw message.equals(failed.getMessage()) && hint.equals(failed.hint()) ? failed
                    : new PrompdException(failed.exitCode(), message, hint, failed);
        }
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>();
        List<InstallNote> keptElsewhere = new ArrayList<>();
        for (Map.Entry<PackageName, Version> chosen : resolution.versions().entrySet()) {
            Optional<LockedElsewhere> elsewhere = current.get(chosen.getKey())
                    .filter(locked -> locked.version().equals(chosen.getValue()))
                    .flatMap(locked -> LockedElsewhere.of(chosen.getKey(), locked, index));
            if (elsewhere.isPresent()) {
                // kept as the lock has it: the registry's copy of the version, if any, has other bytes
                packages.put(chosen.getKey(), current.get(chosen.getKey()).orElseThrow());
                keptElsewhere.add(elsewhere.get().note());
                continue;
            }
            Optional<PublishedPackage> published = index.find(chosen.getKey());
            Optional<VersionSummary> listed = published.flatMap(found -> found.version(chosen.getValue()));
            if (listed.isEmpty()) {
                // a locked version taken down, or of a package gone from the registry, chosen from the copy at hand:
                // the lock is all there is of it
                packages.put(chosen.getKey(), current.get(chosen.getKey()).orElseThrow());
                continue;
            }
            VersionSummary summary = listed.get();
            Optional<LockedPackage> changed = current.get(chosen.getKey()).filter(old -> old.version()
                    .equals(summary.version()) && !old.integrity().equals(summary.dist().integrity()));
            if (changed.isPresent()) {
                // locked from this registry (a route change kept its entry above), which now lists other bytes under
                // the number: whatever the run asked to move, the version stays as the lock pins it or the run fails,
                // as installing the lock on a clean machine fails, never taking the listed bytes unasked
                Optional<String> installed = store.recordedIntegrity(chosen.getKey(), summary.version());
                throw LockAudit.changedInRegistry(chosen.getKey(), changed.get(), summary.dist().integrity(),
                        store.contains(chosen.getKey(), summary.version())
                                && !installed.equals(Optional.of(summary.dist().integrity().toString())),
                        index.commands());
            }
            URI indexed = published.get().tarballUrl(summary);
            // An entry kept at its version (its bytes too: other bytes were refused above) keeps its URL, a mirror's
            // or another host's, unless it stands for the URL the index gives: then the entry is made anew from that
            // URL, which the new entry records without its signature, the very URL again for an entry in this
            // prompd's form, and with the query an older prompd left out for one in its form. An entry made from the
            // index records the registry that gave it, when the URL lies outside it; one kept keeps its record.
            packages.put(chosen.getKey(), current.get(chosen.getKey())
                    .filter(old -> old.version().equals(summary.version())
                            && !old.standsFor(summary.version(), indexed))
                    .map(old -> new LockedPackage(summary.version(), old.resolved(), summary.dist().integrity(),
                            summary.dependencies(), old.registry()))
                    .orElseGet(() -> index.given(chosen.getKey(), new LockedPackage(summary.version(), indexed,
                            summary.dist().integrity(), summary.dependencies()))));
        }
        ProjectGraph graph = new ProjectGraph(goal.roots(), new LockFile(packages));
        return new Plan(graph, true, planWarnings.ofResolved(graph, current, index)).withWarningsFirst(keptElsewhere);
    }

    private static Resolution resolution(Goal goal, LockFile current, ResolveOptions resolveOptions,
                                         RegistryIndex index) {
        return Resolver.resolve(goal.roots(), LockedElsewhere.keepingLocked(current, index),
                resolveOptions.preferring(goal.latest()));
    }

    /**
     * Offline, how the resolution of the goal fails offered every version the cached documents list, as a run without
     * {@code --offline} is offered them; empty when it gets through, or needs a document that is not cached, which
     * such a run would fetch: that run could get further.
     */
    private static Optional<ResolutionException> failingOnline(Goal goal, LockFile current,
                                                               ResolveOptions resolveOptions, RegistryIndex index) {
        try {
            resolution(goal, current, resolveOptions, index.listingAll());
            return Optional.empty();
        } catch (ResolutionException failed) {
            return Optional.of(failed);
        } catch (PrompdException notCached) {
            return Optional.empty();
        }
    }

    /**
     * The failure of a resolution stopped at a locked package its registry no longer has at all (no copy of it at hand
     * to keep, or named to move off the lock), worded as an install of it fails and as {@code outdated} warns of it,
     * with the way off: the names the registry has instead are other packages. Empty when the failure names no such
     * package.
     */
    private static Optional<PrompdException> goneFromRegistry(ResolutionException failed, Goal goal, LockFile current,
                                                              RegistryIndex index) {
        ProjectGraph graph = new ProjectGraph(goal.roots(), current);
        // named in a long explanation's middle too, which its message leaves out
        String said = failed.wholeMessage().orElse(failed.getMessage());
        return current.packages().entrySet().stream()
                .filter(entry -> StatusNotes.names(said, entry.getKey())
                        && LockedInstaller.goneFromRegistry(entry.getKey(), entry.getValue(), index))
                .findFirst().map(entry -> StatusNotes.goneFromRegistry(graph, entry.getKey(),
                        entry.getValue().version(), index, Optional.of(failed)));
    }

    /**
     * The resolver's view of the registry. Offline, only versions at hand count, installed, with
     * their tarball cached or in a registry folder, as with cargo's {@code --offline}: a newer
     * version known only from a cached {@code index.json} could not be installed. A version {@code lock} pins
     * stays a candidate once taken down, or no longer listed, while its copy is at hand, as the install of it from
     * that copy does.
     */
    RegistryIndex index(LockFile lock) {
        return new RegistryIndex(registry, offline ? Optional.of(this::isAtHand) : Optional.empty(),
                name -> lock.get(name).filter(locked -> lockedInstaller.isAtHand(name, locked))
                        .map(locked -> Candidate.of(name, locked.version(), locked.dependencies())),
                listener.reading());
    }

    private boolean isAtHand(PackageName name, VersionSummary version) {
        return store.containsRecorded(name, version.version()) || cache.find(version.dist().integrity()).isPresent()
                || registry.isAtHand(name);
    }

    /** The dependencies with the requested packages added, or their ranges replaced. */
    private static SortedMap<PackageName, VersionRange> roots(SortedMap<PackageName, VersionRange> dependencies,
                                                              List<RequestedPackage> requests) {
        SortedMap<PackageName, VersionRange> roots = new TreeMap<>(dependencies);
        requests.forEach(request -> roots.put(request.name(), request.range()));
        return roots;
    }
}
