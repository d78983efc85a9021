package io.prompd.client.install;

import io.prompd.client.config.NoRegistryChosen;
import io.prompd.client.install.lock.ConflictedLock;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.files.Folders;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Pointer;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs, updates and uninstalls the dependencies of a project, or packages without one. Every
 * run holds the home's lock (and the project's, as runs with other homes may share the project, but for a frozen
 * install, which writes nothing of it, and which takes not even the home's where the home refuses its writes and it
 * finds nothing to write there), first cleans what
 * killed runs left, changes the store only by adding complete version folders, once every one the run needs passed its
 * checks, and writes {@code prompd.json} and
 * {@code prompd.lock} last, both in full before either replaces its file, so that a failure before those two renames
 * leaves the project as it was (see {@link Project#write} for one between them).
 */
public final class Installer {

    private final Path home;
    private final PackageStore store;
    private final TarballCache cache;
    private final PackageRegistry registry;
    private final InstallListener listener;
    private final LockedInstaller lockedInstaller;
    private final InstallPlanner planner;
    private final Optional<Version> prompdVersion;
    private final SuggestedCommands commands;

    /** @param commands how the hints spell the prompd commands they suggest */
    public Installer(Path home, PackageStore store, TarballCache cache, PackageRegistry registry, boolean offline,
                     InstallListener listener, Optional<Version> prompdVersion, SuggestedCommands commands) {
        this.home = Objects.requireNonNull(home, "home");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.prompdVersion = Objects.requireNonNull(prompdVersion, "prompdVersion");
        this.lockedInstaller = new LockedInstaller(store, cache, registry, offline, listener);
        this.planner = new InstallPlanner(store, cache, registry, offline, lockedInstaller, prompdVersion, listener);
    }

    /**
     * This installer as an {@code --offline} run's, reading the cache alone and changing nothing, its progress not
     * shown: what a failure offering {@code --offline} asks whether that run would get through ({@link OfflineOffer}).
     */
    private Installer fromCache() {
        return new Installer(home, store, cache, registry.cacheOnly(), true, InstallListener.SILENT, prompdVersion,
                commands);
    }

    /**
     * Installs the project's dependencies, adding {@code added} to them first. Without additions, a
     * lock file that still meets {@code prompd.json} is used as it is, without asking the registry.
     */
    public InstallReport install(Path projectFolder, List<PackageSpec> added, InstallOptions options)
            throws IOException {
        return lockedProject(projectFolder, options.writesProject(), (project, repaired) -> {
            if (options.frozen() && project.conflicted().isPresent()) {
                throw LockOutOfDate.conflicted(commands);
            }
            requireNotItself(project, added);
            return installPlanned(project, options, repaired, (installer, index) -> {
                List<RequestedPackage> requests = request(added, index, project.lockOrEmpty(), options.saveExact(),
                        "install");
                Plan plan = installer.planner.forInstall(project, requests,
                        new InstallPlanner.ProjectRun(options, spelt("install", added)), index);
                SortedMap<PackageName, VersionRange> saved = new TreeMap<>();
                for (RequestedPackage request : requests) {
                    saved.put(request.name(), request.saved(plan.lock()));
                }
                return new Planned(plan, saved, List.of(), Set.of());
            });
        });
    }

    /**
     * Installs packages into the store alone: no project, so no {@code prompd.json} or lock to change.
     * As with {@code npm install --global}, each package is resolved on its own, since the store
     * holds any number of versions of a package: two named packages needing different versions of a
     * third do not conflict. Every one is resolved, and every tarball of theirs got and checked, before anything is
     * installed: one refused installs none.
     */
    public InstallReport installGlobal(List<PackageSpec> specs, InstallOptions options) throws IOException {
        return locked(repaired -> OfflineOffer.checked(() -> {
            try (RegistryIndex index = planner.index(LockFile.empty())) {
                List<Plan> plans = planGlobal(specs, options, index);
                Set<InstallNote> warnings = new LinkedHashSet<>();
                plans.forEach(plan -> warnings.addAll(plan.warnings()));
                // earned before any download: a download failing leaves no report to say them
                warnings.forEach(listener::warned);
                // every package's versions got and checked before any goes in place: one refused installs none; a
                // version two packages share is got, and reported, once
                LockedInstaller.Installed installed;
                try (LockedInstaller.Staged staged = lockedInstaller.stage(
                        plans.stream().map(Plan::graph).toList(), LockFile.empty(), index, Set.of())) {
                    installed = staged.place();
                }
                warnings.addAll(installed.warnings());
                return new InstallReport(installed.packages(), new TreeMap<>(), List.of(), Optional.empty(), true,
                        List.copyOf(warnings), repaired);
            }
        }, () -> {
            Installer offline = fromCache();
            try (RegistryIndex index = offline.planner.index(LockFile.empty())) {
                for (Plan plan : offline.planGlobal(specs, options, index)) {
                    offline.lockedInstaller.requireAtHand(plan.lock());
                }
            }
        }));
    }

    /** The plan of each package a global install names, each resolved on its own. */
    private List<Plan> planGlobal(List<PackageSpec> specs, InstallOptions options, RegistryIndex index)
            throws IOException {
        // The packages are planned one after another: announced together with their ranges first, each has the
        // documents of its likely versions' dependencies fetched at once, in parallel, as a project's resolution has.
        SortedMap<PackageName, VersionRange> named = new TreeMap<>();
        specs.forEach(spec -> named.putIfAbsent(spec.name(), spec.selector() instanceof PackageSpec.Range given
                ? given.range() : VersionRange.any()));
        index.prefetch(named);
        List<Plan> plans = new ArrayList<>();
        for (RequestedPackage request : request(specs, index, LockFile.empty(), false, "install --global")) {
            plans.add(planner.forStore(request, options, index));
        }
        return plans;
    }

    /**
     * Resolves again, letting the named packages (all when none is named) move to the versions their
     * ranges allow that the {@code latest} dist-tag points at, else the newest. With {@code latest}, the
     * named direct dependencies' ranges move to {@code ^<latest>} first (an exact one, or any with
     * {@code options.saveExact()}, to the latest version alone), but for those already allowing it and every later
     * release.
     */
    public InstallReport update(Path projectFolder, Collection<PackageName> names, boolean latest,
            InstallOptions options)
            throws IOException {
        return lockedProject(projectFolder, true, (project, repaired) -> {
            LockFile current = project.lockOrEmpty();
            SortedMap<PackageName, VersionRange> direct = project.manifest().dependencies();
            List<PackageName> unknown = names.stream()
                    .filter(name -> !direct.containsKey(name) && current.get(name).isEmpty()).sorted().toList();
            if (!unknown.isEmpty()) {
                Set<PackageName> known = new TreeSet<>(direct.keySet());
                known.addAll(current.packages().keySet());
                throw notInProject(unknown, known, commands.quoted("list") + " shows the project's packages, and "
                        + commands.quoted("install NAME") + " adds one");
            }
            Set<PackageName> unpinned = Set.copyOf(names.isEmpty() ? current.packages().keySet() : names);
            return installPlanned(project, options, repaired, (installer, index) -> {
                LatestRanges ranges = latest ? LatestRanges.of(direct, names, current, index, options.saveExact())
                        : LatestRanges.unchanged(direct);
                InstallPlanner.Updated updated = installer.planner.forUpdate(project, ranges, unpinned,
                        Set.copyOf(names),
                        new InstallPlanner.ProjectRun(options, spelt(latest ? "update --latest" : "update", names)),
                        index);
                // --latest tells of each range it was asked to move and could not; an update of named packages notes
                // only them
                SortedMap<PackageName, VersionRange> within = new TreeMap<>(latest ? Map.of() : direct);
                within.keySet().removeIf(name -> !names.isEmpty() && !names.contains(name));
                return new Planned(updated.plan().withWarningsLast(latestOutsideRanges(within, updated.plan().lock(),
                        index)), updated.saved(), List.of(), Set.of());
            });
        });
    }

    /**
     * The packages among {@code ranges} whose latest version, the one {@code outdated} names, is newer than the range
     * allows and than the version locked, which only a move of the range reaches; but a package locked from another
     * registry, whose name may be another's package in this one.
     */
    private List<InstallNote> latestOutsideRanges(SortedMap<PackageName, VersionRange> ranges, LockFile lock,
                                                  RegistryIndex index) {
        List<InstallNote> notes = new ArrayList<>();
        ranges.forEach((name, range) -> lock.get(name)
                .filter(locked -> LockedElsewhere.of(name, locked, index).isEmpty())
                .flatMap(locked -> index.find(name).flatMap(PublishedPackage::latest)
                        .filter(newest -> !range.satisfiedBy(newest) && newest.compareTo(locked.version()) > 0))
                .ifPresent(newest -> notes.add(new InstallNote.LatestOutsideRange(name, range, newest,
                        commands.line("update --latest " + ShellWords.quote(name.toString()))))));
        return notes;
    }

    /**
     * What is outdated in the project, wanting for each package what {@code update} without names moves it to, from
     * the same resolution. As {@code npm outdated}, it takes no lock and changes nothing.
     */
    public Outdated.Result outdated(Path projectFolder) throws IOException {
        requireNotInstalled(projectFolder);
        Project project = Project.load(projectFolder, commands);
        try {
            return OfflineOffer.checked(() -> outdated(project), () -> fromCache().outdated(project));
        } catch (NoRegistryChosen none) {
            throw withLockRegistries(none, project);
        }
    }

    private Outdated.Result outdated(Project project) throws IOException {
        try (RegistryIndex index = planner.index(project.lockOrEmpty())) {
            Optional<ProjectGraph> updated = planner.forOutdated(project, index);
            return Outdated.check(ProjectGraph.of(project), index, updated, (name, version) ->
                    planner.whyNotForOutdated(project, name, version, updated.isPresent(), index));
        }
    }

    /**
     * Removes dependencies from {@code prompd.json} and from the lock, with what only they needed.
     * The store keeps their versions: other projects may use them. A name the project has nowhere is skipped with a
     * warning, as pip and npm skip a package not installed, unless no name given is a dependency (likely mistyped);
     * one the lock has as a need of the dependencies is refused, as the uninstall could not remove it.
     */
    public InstallReport uninstall(Path projectFolder, Collection<PackageName> names) throws IOException {
        return lockedProject(projectFolder, true, (project, repaired) -> {
            SortedMap<PackageName, VersionRange> roots = new TreeMap<>(project.manifest().dependencies());
            // a name given twice (uninstall a a) is one dependency removed, and said once
            List<PackageName> given = names.stream().distinct().sorted().toList();
            List<PackageName> removed = given.stream().filter(roots::containsKey).toList();
            List<PackageName> unknown = given.stream().filter(name -> !roots.containsKey(name)).toList();
            LockFile reached = project.lockOrEmpty().reachableFrom(roots.keySet());
            List<PackageName> needed = unknown.stream().filter(name -> reached.get(name).isPresent()).toList();
            if (needed.isEmpty() && removed.isEmpty()) {
                throw notInProject(unknown, roots.keySet(), commands.quoted("list") + " shows the project's direct"
                        + " dependencies");
            }
            if (!needed.isEmpty()) {
                throw notADependency(needed, roots.keySet(), project.lockOrEmpty());
            }
            roots.keySet().removeAll(removed);
            InstallPlanner.ProjectRun run = new InstallPlanner.ProjectRun(InstallOptions.defaults(),
                    spelt("uninstall", names));
            return installPlanned(project, run.options(), repaired, (installer, index) -> {
                Plan plan = installer.planner.forUninstall(project, roots, run, index);
                List<PackageName> leftOut = installer.lockedInstaller.outOfReach(plan.lock(), index);
                // the dependencies left: one this uninstall removes is not the one meant by a name it skips
                List<InstallNote> first = new ArrayList<>(unknown.stream().map(name -> new InstallNote.NotADependency(
                        name, SimilarNames.amongOwn(roots.keySet(), name))).toList());
                if (!leftOut.isEmpty()) {
                    first.add(installer.lockedInstaller.leftOutWarning(plan.graph(), leftOut, index));
                }
                return new Planned(plan.withWarningsFirst(first), new TreeMap<>(), removed, Set.copyOf(leftOut));
            });
        });
    }

    /**
     * The project's command a run was given, with the packages it named as given, for a hint to run it again: a run
     * refused saved none of them, so the command without them would install none.
     */
    private static String spelt(String command, Collection<?> named) {
        return Stream.concat(Stream.of(command), named.stream().map(Object::toString).map(ShellWords::quote))
                .collect(Collectors.joining(" "));
    }

    /**
     * Names given that the project has nowhere, update's and uninstall's alike, with the ones of its own likely meant,
     * as info and install suggest a registry's: uninstall's "likely a typo" was left to the user to find.
     *
     * @param known the names the command takes, to suggest among, a wrong scope too, as the project's own names
     * @param see   where the project's names are shown
     */
    private static PrompdException notInProject(List<PackageName> unknown, Collection<PackageName> known, String see) {
        return new PrompdException(ExitCode.NOT_FOUND, "not a dependency of this project: " + join(unknown),
                see + SimilarNames.didYouMeanAmongOwn(unknown, known).map(meant -> "; " + meant).orElse(""));
    }

    /**
     * Names what locked a package that is only there because another needs it, as the lock records, and the
     * dependencies of prompd.json leading to it, whose uninstall removes it: the packages needing it may not be
     * those, and an uninstall takes only those.
     */
    private PrompdException notADependency(List<PackageName> unknown, Collection<PackageName> direct,
                                           LockFile lock) {
        if (unknown.size() == 1) {
            PackageName name = unknown.get(0);
            List<PackageName> dependents = lock.packages().entrySet().stream()
                    .filter(entry -> entry.getValue().dependencies().containsKey(name)).map(Map.Entry::getKey).toList();
            List<String> leading = direct.stream()
                    .filter(root -> lock.reachableFrom(List.of(root)).get(name).isPresent())
                    .map(PackageName::toString).sorted().toList();
            if (!dependents.isEmpty() && !leading.isEmpty()) {
                return new PrompdException(ExitCode.NOT_FOUND, name + " is not a dependency in prompd.json: "
                        + LockFile.FILE_NAME + " has it because " + Plural.series(dependents.stream()
                                .map(PackageName::toString).toList(), "and")
                        + (dependents.size() == 1 ? " depends" : " depend") + " on it", commands.quoted("uninstall "
                        + String.join(" ", leading)) + " removes it too; " + commands.quoted("tree") + " shows who"
                        + " needs what");
            }
        }
        return new PrompdException(ExitCode.NOT_FOUND, "not a dependency in prompd.json: " + join(unknown),
                commands.quoted("list") + " shows the project's direct dependencies");
    }

    /** Work done while holding the home lock, after cleaning what killed runs left behind. */
    @FunctionalInterface
    private interface LockedWork {
        InstallReport run(List<Path> repaired) throws IOException;
    }

    /**
     * Runs the work holding the home's lock; a run refused removes what it made of the home ({@link
     * HomeLock#closeRefused}): a first install that fails leaves no home behind.
     */
    private InstallReport locked(LockedWork work) throws IOException {
        return locked(RunLocks.home(home, store, cache, listener::waitingForLock), work);
    }

    /** As {@link #locked(LockedWork)}, holding {@code lock}. */
    private InstallReport locked(HomeLock lock, LockedWork work) throws IOException {
        return lock.runThenClose(() -> {
            List<Path> repaired = new ArrayList<>(lock.repaired());
            // documents are cached by commands that take no lock, so their leftovers are looked for every time
            repaired.addAll(registry.removeLeftovers());
            return work.run(repaired);
        });
    }

    /**
     * Refuses an installed package in a store for a project, whichever command is run there: it is never installed in
     * itself, and a command telling what an install would do there would send the user to one that is refused.
     */
    private void requireNotInstalled(Path projectFolder) throws IOException {
        InstalledCopy.requireOutside(projectFolder, Optional.of(store.root()), "");
    }

    /** Work on a project done while holding the home's lock and the project's. */
    @FunctionalInterface
    private interface ProjectWork {
        InstallReport run(Project project, List<Path> repaired) throws IOException;
    }

    /**
     * Runs the work on the project read under both locks, once what a killed run left beside its files is gone. A run
     * that never writes the project ({@link InstallOptions#writesProject}) takes the home's lock alone, as
     * {@code outdated} and {@code list} take none of the project's: the project's lock keeps two runs from writing
     * prompd.json, prompd.lock and the lock's audit note at once, each written whole by a rename, and the store has
     * the home's, so that a read-only checkout (a container's {@code -v $PWD:/src:ro}) installs, and a read-only
     * home too when it has nothing to write there ({@link #lockedOrReading}). It leaves a killed run's leftovers to a
     * run holding the lock, as they may be those of one writing now.
     *
     * @param writes whether the work may write the project's files
     */
    private InstallReport lockedProject(Path projectFolder, boolean writes, ProjectWork work) throws IOException {
        Project.requireIn(projectFolder, commands);
        requireNotInstalled(projectFolder);
        if (!writes) {
            return lockedOrReading(projectFolder, work);
        }
        return locked(repaired -> {
            try (RunLocks.Held ignored = RunLocks.project(projectFolder, home, listener::waitingForLock, commands)) {
                repaired.addAll(Project.removeLeftovers(projectFolder));
                return work.run(read(projectFolder), repaired);
            }
        });
    }

    /**
     * Runs work that writes nothing of the project (a frozen install) holding the home's lock, or, where the home
     * refuses this user's writes (a disk mounted read-only, a home of another user's), without it when the run has
     * nothing to write there either: every version the project's lock pins installed with its record. A run finding
     * a version to install takes the lock as any, and fails as any does on such a home. Reading the store while
     * another user's run writes it is safe, as every run reading it without a lock does ({@code list}, {@code tree}):
     * a version goes in place whole in one rename, after its record, and out in one rename, before its record, a copy
     * replaced going out before the new record is written, so a version is found whole with the record of its own
     * bytes, or not installed, and the run then takes the lock. Nobody writes a home on a disk mounted read-only.
     */
    private InstallReport lockedOrReading(Path projectFolder, ProjectWork work) throws IOException {
        Optional<HomeLock> lock = RunLocks.homeUnlessUnwritable(home, store, cache, listener::waitingForLock);
        if (lock.isPresent()) {
            return locked(lock.get(), repaired -> work.run(read(projectFolder), repaired));
        }
        Project project = read(projectFolder);
        if (!lockedInstaller.missing(project.lockOrEmpty()).isEmpty()) {
            return locked(repaired -> work.run(read(projectFolder), repaired));
        }
        // nothing of a killed run's is removed: that is a write
        return work.run(project, List.of());
    }

    /** The project as a run reads it, its prompd.json's unknown fields warned of. */
    private Project read(Path projectFolder) throws IOException {
        Project project = Project.loadMerging(projectFolder, commands);
        // said of a run that fails too: a misspelt dependencies may be why
        unknownFields(project).forEach(listener::warned);
        return project;
    }

    /**
     * What a run of a project's command plans.
     *
     * @param saved   the ranges prompd.json takes
     * @param removed the dependencies it drops from prompd.json
     * @param leftOut locked versions it does not install
     */
    private record Planned(Plan plan, SortedMap<PackageName, VersionRange> saved,
                           List<PackageName> removed, Set<PackageName> leftOut) {
        Planned {
            Objects.requireNonNull(plan, "plan");
            saved = SortedCopies.map(saved);
            removed = List.copyOf(removed);
            leftOut = Set.copyOf(leftOut);
        }
    }

    /** How a project's command plans, with the installer and the index of its run. */
    @FunctionalInterface
    private interface Planning {
        Planned plan(Installer installer, RegistryIndex index) throws IOException;
    }

    /**
     * Plans with this installer and applies the plan. A failure that offers {@code --offline} keeps the offer only
     * where the same planning from the cache alone gets through with every version it locks at hand to install.
     */
    private InstallReport installPlanned(Project project, InstallOptions options, List<Path> repaired,
                                         Planning planning) throws IOException {
        try {
            return OfflineOffer.checked(() -> {
                try (RegistryIndex index = planner.index(project.lockOrEmpty())) {
                    return apply(project, planning.plan(this, index), options, repaired, index);
                }
            }, () -> {
                Installer offline = fromCache();
                try (RegistryIndex index = offline.planner.index(project.lockOrEmpty())) {
                    Planned planned = planning.plan(offline, index);
                    offline.lockedInstaller.requireAtHand(planned.plan().lock().without(planned.leftOut()));
                }
            });
        } catch (NoRegistryChosen none) {
            throw withLockRegistries(none, project);
        }
    }

    /** No registry chosen in a fresh clone: its lock knows the registries the team uses, which the hint names. */
    private PrompdException withLockRegistries(NoRegistryChosen none, Project project) {
        return project.lock().map(lock -> LockRegistries.explained(none, lock, commands)).orElse(none);
    }

    /**
     * The packages this run put in place for the project: moved in its lock, or unpacked into the store, as in a
     * fresh clone's first install. Of the others, the run that installed them said what there was to say.
     */
    private static Set<PackageName> newToTheProject(InstallReport.LockUpdate lock,
                                                    LockedInstaller.Installed installed) {
        Set<PackageName> moved = new TreeSet<>();
        lock.changes().stream().filter(change -> change.after().isPresent()).map(LockChange::name).forEach(moved::add);
        installed.packages().stream().filter(one -> one.origin() != InstalledPackage.Origin.ALREADY_INSTALLED)
                .map(InstalledPackage::name).forEach(moved::add);
        return moved;
    }

    /**
     * Installs the plan but the versions it leaves out, and then, only if that succeeded, writes the project's files.
     */
    private InstallReport apply(Project project, Planned planned, InstallOptions options, List<Path> repaired,
                                RegistryIndex index) throws IOException {
        Plan plan = planned.plan();
        SortedMap<PackageName, VersionRange> saved = planned.saved();
        List<PackageName> removed = planned.removed();
        Manifest manifest = project.manifest();
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>(manifest.dependencies());
        dependencies.putAll(saved);
        dependencies.keySet().removeAll(removed);
        boolean manifestChanged = !dependencies.equals(manifest.dependencies());
        // a conflicted lock is rewritten whatever its merge: the file holds Git's markers
        boolean lockChanged = project.conflicted().isPresent()
                || project.lock().map(existing -> !existing.equals(plan.lock())).orElse(true);
        if (options.frozen() && (manifestChanged || lockChanged)) {
            throw frozenRefusal(project, plan.lock(), manifestChanged);
        }
        project.requireWritable(manifestChanged, lockChanged);
        // first, prompd.json's fields that did nothing: what the rest was made from leaves them out
        List<InstallNote> warnings = new ArrayList<>(unknownFields(project));
        // then: it says what the lock the rest speaks of was made from (of the versions the plan locks, which the
        // install records as they are)
        project.conflicted().ifPresent(conflict -> warnings.add(new InstallNote.LockConflictMerged(
                conflict.sides().oursLabel(), conflict.sides().theirsLabel(), conflict.differing(),
                movedFromMerge(conflict.differing(), plan.lock()))));
        PlanWarnings.refusingPrompd(manifest.engines(), prompdVersion)
                .ifPresent(range -> warnings.add(new InstallNote.ProjectEngineMismatch(range, prompdVersion.get())));
        warnings.addAll(plan.warnings());
        // earned before any download: a download failing leaves no report to say them
        warnings.forEach(listener::warned);
        LockedInstaller.Installed installed = lockedInstaller.install(plan.graph(), project.lockOrEmpty(), index,
                planned.leftOut());
        // only entries new to the lock record another URL than planned, so a lock planned unchanged stays so
        LockFile written = installed.recording(plan.lock());
        project.write(manifestChanged ? Optional.of(dependencies) : Optional.empty(),
                lockChanged ? Optional.of(written) : Optional.empty());
        InstallReport.LockUpdate lock = new InstallReport.LockUpdate(lockChanged,
                LockChange.between(project.lockOrEmpty(), written));
        SortedMap<PackageName, VersionRange> changedRanges = new TreeMap<>(saved);
        changedRanges.entrySet()
                .removeIf(range -> range.getValue().equals(manifest.dependencies().get(range.getKey())));
        // a route change the plan told of is not told again of the version's download
        installed.warnings().stream().filter(warning -> !warnings.contains(warning)).forEach(warnings::add);
        Set<PackageName> changed = new TreeSet<>(changedRanges.keySet());
        changed.addAll(removed);
        warnings.addAll(referencesOutOfStep(project.folder(), home, changed, commands));
        warnings.addAll(InstalledReferences.missingFiles(installed.packages(), newToTheProject(lock, installed),
                written, installed.unpackedPrompts(), index::findIfReadable, commands));
        return new InstallReport(installedThisRun(installed.packages(), plan.downloaded()), changedRanges, removed,
                Optional.of(lock), plan.resolved(), warnings, repaired);
    }

    /** The fields of the project's prompd.json prompd does not know, as validate warns of them. */
    private static List<InstallNote> unknownFields(Project project) {
        return project.unknownFields().stream().<InstallNote>map(problem -> new InstallNote.UnknownField(
                Pointer.readable(problem.pointer()).substring(1), problem.line(), problem.hint())).toList();
    }

    /**
     * The packages the sides of a conflicted lock locked at different versions whose higher one, the merge's, the lock
     * written has moved off, to the version it has; one it no longer has, its changes tell of.
     */
    private static SortedMap<PackageName, Version> movedFromMerge(List<ConflictedLock.Differing> differing,
                                                                  LockFile written) {
        SortedMap<PackageName, Version> moved = new TreeMap<>();
        differing.stream().filter(one -> !one.sameVersion()).forEach(one -> written.get(one.name())
                .map(LockedPackage::version).filter(version -> !version.equals(one.kept().version()))
                .ifPresent(version -> moved.put(one.name(), version)));
        return moved;
    }

    /** The versions installed, each as it got there in this run: the tarballs planning downloaded were downloaded. */
    private static List<InstalledPackage> installedThisRun(List<InstalledPackage> installed,
                                                           Set<PackageName> downloaded) {
        return installed.stream().map(one -> one.origin() == InstalledPackage.Origin.CACHE
                && downloaded.contains(one.name()) ? new InstalledPackage(one.name(), one.version(), one.folder(),
                InstalledPackage.Origin.DOWNLOADED) : one).toList();
    }

    /**
     * The references of the project's prompts to the packages whose ranges the run changed or removed that validate
     * now refuses, as it requires them to give prompd.json's range: the prompt files are the author's, and stay as
     * they are. A home kept inside the project (a CI caching it in its checkout) holds installed packages, whose
     * prompts are not the project's.
     */
    private static List<InstallNote> referencesOutOfStep(Path folder, Path home, Set<PackageName> changed,
                                                         SuggestedCommands commands) {
        if (changed.isEmpty()) {
            return List.of();
        }
        try {
            return new PackageValidator(ArchiveLimits.DEFAULT, commands)
                    .dependencyMismatches(new DirectorySource(folder), Folders.pathWithin(folder, home))
                    .stream().filter(mismatch -> changed.contains(mismatch.reference().packageName()))
                    .<InstallNote>map(mismatch -> new InstallNote.ReferenceOutOfStep(mismatch.file(), mismatch.line(),
                            mismatch.reference().written(), mismatch.reference().packageName(), mismatch.agreeing()))
                    .toList();
        } catch (IOException unread) {
            // prompd.json and the lock are written: a prompt that cannot be read is for validate to report
            return List.of();
        }
    }

    private PrompdException frozenRefusal(Project project, LockFile wanted, boolean manifestChanged) {
        if (manifestChanged) {
            return new PrompdException(ExitCode.CONFLICT, "--frozen forbids changing prompd.json",
                    "run without --frozen to add or remove dependencies");
        }
        return LockOutOfDate.of(project, String.join(", ", LockChange.between(project.lockOrEmpty(), wanted).stream()
                .map(LockChange::phrase).toList()), commands);
    }

    /** As npm refuses to: mostly a project named after the package it means to use. */
    private static void requireNotItself(Project project, List<PackageSpec> added) {
        PackageName own = project.manifest().name();
        if (added.stream().anyMatch(spec -> spec.name().equals(own))) {
            throw new PrompdException(ExitCode.USAGE, "refusing to add " + own + " as a dependency of the project "
                    + own + " itself", "a package cannot depend on itself; if the project only took the package's name,"
                    + " rename it in " + project.manifestFile().getFileName()
                    + ", or install the package with --global");
        }
    }

    /**
     * @param lock    the project's lock, empty for a global install
     * @param install the subcommand that installs them, {@code --global} and all, for the hints of a refusal
     */
    private static List<RequestedPackage> request(List<PackageSpec> specs, RegistryIndex index, LockFile lock,
                                                  boolean saveExact, String install) {
        // each request reads its package's index.json: fetched together, not one after another
        index.prefetch(specs.stream().map(PackageSpec::name).toList());
        return specs.stream().map(spec -> RequestedPackage.of(spec, index, lock, saveExact, install)).toList();
    }

    private static String join(Collection<PackageName> names) {
        return String.join(", ", names.stream().map(PackageName::toString).toList());
    }
}
