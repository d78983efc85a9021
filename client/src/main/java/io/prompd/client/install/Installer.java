package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.store.HomeLock;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.RunLocks;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.files.RunLock;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.Resolution;
import io.prompd.core.resolve.ResolutionException;
import io.prompd.core.resolve.ResolveOptions;
import io.prompd.core.resolve.Resolver;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Installs, updates and uninstalls the dependencies of a project, or packages without one. Every
 * run holds the home's lock (and the project's, as runs with other homes may share the project), first cleans what killed runs left, changes the store only by adding
 * complete version folders, and writes {@code prompd.json} and {@code prompd.lock} last, both in full
 * before either replaces its file, so that a failure before those two renames leaves the project as
 * it was (see {@link Project#write} for one between them).
 */
public final class Installer {

    /** What a conflict's explanation calls the root of a global install, which has no project. */
    private static final String GLOBAL_ROOT = "the global install";

    /** The commands that install into a project and into the store alone, as the hints of a refusal offer them. */
    private static final String INSTALL = "prompd install";
    private static final String INSTALL_GLOBAL = "prompd install --global";

    private final Path home;
    private final PackageStore store;
    private final TarballCache cache;
    private final PackageRegistry registry;
    private final boolean offline;
    private final InstallListener listener;
    /** This prompd's version, to say when a package's engines ask for another; empty in a development build. */
    private final Optional<Version> prompdVersion;

    public Installer(Path home, PackageStore store, TarballCache cache, PackageRegistry registry, boolean offline,
                     InstallListener listener, Optional<Version> prompdVersion) {
        this.home = Objects.requireNonNull(home, "home");
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.offline = offline;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.prompdVersion = Objects.requireNonNull(prompdVersion, "prompdVersion");
    }

    /**
     * Installs the project's dependencies, adding {@code added} to them first. Without additions, a
     * lock file that still meets {@code prompd.json} is used as it is, without asking the registry.
     */
    public InstallReport install(Path projectFolder, List<PackageSpec> added, InstallOptions options) throws IOException {
        return lockedProject(projectFolder, (project, repaired) -> {
            try (RegistryIndex index = index(project.lockOrEmpty())) {
                requireNotItself(project, added);
                List<RequestedPackage> requests = request(added, index, options.saveExact(), INSTALL);
                Set<PackageName> unpinned = Set.copyOf(requests.stream().map(RequestedPackage::name).toList());
                Set<PackageName> newcomers = Set.copyOf(unpinned.stream()
                        .filter(name -> !project.manifest().dependencies().containsKey(name)).toList());
                Plan plan;
                try {
                    plan = plan(Goal.ofProject(roots(project.manifest().dependencies(), requests), unpinned,
                            newcomers), project, unpinned, !requests.isEmpty(), options, index);
                } catch (PrompdException unresolvable) {
                    List<RequestedPackage> opened = requests.stream().map(RequestedPackage::anyRelease).toList();
                    if (opened.equals(requests) || !isResolutionFailure(unresolvable)) {
                        throw unresolvable;
                    }
                    plan = latestSetAside(project, requests, opened, unresolvable, unpinned, newcomers, options,
                            index);
                }
                SortedMap<PackageName, VersionRange> saved = new TreeMap<>();
                for (RequestedPackage request : requests) {
                    saved.put(request.name(), request.saved(plan.lock()));
                }
                return apply(project, plan, saved, List.of(), Set.of(), options, repaired, index);
            }
        });
    }

    /**
     * The plan once the packages named alone may take any release, with a warning for each whose latest version
     * was set aside; when that fails too, the first failure, saying that their ranges were prompd's choice.
     */
    private Plan latestSetAside(Project project, List<RequestedPackage> requests, List<RequestedPackage> opened,
                                PrompdException unresolvable, Set<PackageName> unpinned, Set<PackageName> newcomers,
                                InstallOptions options, RegistryIndex index) throws IOException {
        List<RequestedPackage> byName = requests.stream().filter(RequestedPackage::byName).toList();
        Plan plan;
        try {
            plan = plan(Goal.ofProject(roots(project.manifest().dependencies(), opened), unpinned, newcomers),
                    project, unpinned, true, options, index);
        } catch (PrompdException stillUnresolvable) {
            // said only of the ranges a conflict blames, which the user may take for ranges of theirs; a takedown's
            // hint says which versions are left
            List<String> blamed = byName.stream().map(request -> request.name() + " " + request.range())
                    .filter(unresolvable.getMessage()::contains).toList();
            if (blamed.isEmpty() || unresolvable.exitCode() != ExitCode.CONFLICT) {
                throw unresolvable;
            }
            String chosen = Plural.series(blamed, "and");
            throw new PrompdException(unresolvable.exitCode(), unresolvable.getMessage(), (unresolvable.hint().isEmpty()
                    ? "" : unresolvable.hint() + "; ") + chosen + " is the range prompd chose from the latest version,"
                    + " named without one, and no other version goes with the project either", unresolvable);
        }
        List<String> setAside = new ArrayList<>();
        for (RequestedPackage request : byName) {
            Version installed = plan.lock().packages().get(request.name()).version();
            if (!request.range().satisfiedBy(installed)) {
                setAside.add(request.name() + " " + request.range() + ", from its latest version, cannot be"
                        + " installed in this project, so " + installed + ", the highest version that can, is installed");
            }
        }
        return plan.warnedAlso(setAside);
    }

    private static boolean isResolutionFailure(PrompdException failure) {
        return failure instanceof ResolutionException || failure.getCause() instanceof ResolutionException;
    }

    /**
     * Installs packages into the store alone: no project, so no {@code prompd.json} or lock to change.
     * As with {@code npm install --global}, each package is resolved on its own, since the store
     * holds any number of versions of a package: two named packages needing different versions of a
     * third do not conflict. Every one is resolved before anything is installed.
     */
    public InstallReport installGlobal(List<PackageSpec> specs, InstallOptions options) throws IOException {
        return locked(repaired -> {
            try (RegistryIndex index = index(LockFile.empty())) {
                ResolveOptions alone = ResolveOptions.defaults().withStrategy(options.strategy())
                        .withRootName(GLOBAL_ROOT);
                List<Plan> plans = new ArrayList<>();
                for (RequestedPackage request : request(specs, index, false, INSTALL_GLOBAL)) {
                    plans.add(resolved(Goal.ofStore(roots(new TreeMap<>(), List.of(request))), LockFile.empty(), alone,
                            index));
                }
                Map<String, InstalledPackage> installed = new LinkedHashMap<>();
                Set<String> warnings = new LinkedHashSet<>();
                for (Plan plan : plans) {
                    // a version two packages share is reported once, as the first of them installed it
                    installer().install(plan.graph(), LockFile.empty(), index)
                            .forEach(one -> installed.putIfAbsent(one.name() + "@" + one.version(), one));
                    warnings.addAll(plan.warnings());
                }
                return new InstallReport(installed.values().stream().sorted(Comparator.comparing(InstalledPackage::name)
                        .thenComparing(InstalledPackage::version)).toList(), new TreeMap<>(), List.of(), Optional.empty(),
                        true, List.copyOf(warnings), repaired);
            }
        });
    }

    /**
     * Resolves again, letting the named packages (all when none is named) move to the newest
     * versions their ranges allow. With {@code latest}, the named direct dependencies' ranges move
     * to {@code ^<latest>} first, but for those already allowing it and every later release.
     */
    public InstallReport update(Path projectFolder, Collection<PackageName> names, boolean latest, InstallOptions options)
            throws IOException {
        return lockedProject(projectFolder, (project, repaired) -> {
            LockFile current = project.lockOrEmpty();
            SortedMap<PackageName, VersionRange> direct = project.manifest().dependencies();
            List<PackageName> unknown = names.stream()
                    .filter(name -> !direct.containsKey(name) && current.get(name).isEmpty()).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new PrompdException(ExitCode.NOT_FOUND, "not a dependency of this project: " + join(unknown),
                        "'prompd list' shows the project's packages; 'prompd install NAME' adds one");
            }
            Set<PackageName> unpinned = Set.copyOf(names.isEmpty() ? current.packages().keySet() : names);
            try (RegistryIndex index = index(current)) {
                SortedMap<PackageName, VersionRange> roots = new TreeMap<>(direct);
                SortedMap<PackageName, VersionRange> saved = new TreeMap<>();
                List<String> kept = new ArrayList<>();
                if (latest) {
                    names.stream().filter(name -> !direct.containsKey(name)).sorted().forEach(name -> kept.add(name
                            + " is not in prompd.json, so --latest has no range of it to move: it was updated within"
                            + " the ranges of the packages that need it"));
                    StatusNotes.Blockages blockages = new StatusNotes.Blockages(index);
                    for (PackageName name : direct.keySet()) {
                        if (!names.isEmpty() && !names.contains(name)) {
                            continue;
                        }
                        Optional<Version> newest = index.require(name).latest();
                        if (newest.isEmpty()) {
                            continue;
                        }
                        Optional<Version> locked = current.get(name).map(LockedPackage::version);
                        if (locked.isPresent() && newest.get().compareTo(locked.get()) < 0) {
                            // an update never moves back: a pre-release chosen on purpose stays
                            kept.add("kept " + name + " " + direct.get(name) + ": its latest version, " + newest.get()
                                    + ", is older than the locked " + locked.get());
                            continue;
                        }
                        Optional<String> blocked = StatusNotes.blocking(index.require(name), newest.get(), blockages);
                        if (blocked.isPresent()) {
                            // a range with no upper bound resolves from the highest version that can be installed,
                            // as it does from the latest, whichever way it resolves
                            StatusNotes.reach(index.require(name), List.of(direct.get(name)), blockages).version()
                                    .filter(direct.get(name)::allowsEveryReleaseFrom)
                                    .ifPresent(reachable -> roots.put(name, VersionRange.parse(">=" + reachable)));
                            // a range allowing it already, the resolution's own note says why it stops short
                            if (!direct.get(name).satisfiedBy(newest.get())) {
                                kept.add("kept " + name + " " + direct.get(name) + ": its latest version, " + newest.get()
                                        + ", cannot be installed now, as it " + blocked.get() + " (wait for a release"
                                        + " of " + name + " needing another)");
                            }
                            continue;
                        }
                        if (direct.get(name).allowsEveryReleaseFrom(newest.get())) {
                            // already as open as --latest means, and ^<latest> would narrow it; the resolution still
                            // starts at the latest, whichever way it resolves
                            roots.put(name, VersionRange.parse(">=" + newest.get()));
                            continue;
                        }
                        VersionRange range = VersionRange.caret(newest.get());
                        roots.put(name, range);
                        saved.put(name, range);
                    }
                }
                Plan plan = plan(Goal.ofProject(roots, saved.keySet(), Set.of()), project, unpinned, true, options,
                        index)
                        .warnedAlso(kept);
                return apply(project, plan, saved, List.of(), Set.of(), options, repaired, index);
            }
        });
    }

    /**
     * Removes dependencies from {@code prompd.json} and from the lock, with what only they needed.
     * The store keeps their versions: other projects may use them.
     */
    public InstallReport uninstall(Path projectFolder, Collection<PackageName> names) throws IOException {
        return lockedProject(projectFolder, (project, repaired) -> {
            SortedMap<PackageName, VersionRange> roots = new TreeMap<>(project.manifest().dependencies());
            List<PackageName> unknown = names.stream().filter(name -> !roots.containsKey(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw notADependency(unknown, roots.keySet(), project.lockOrEmpty());
            }
            roots.keySet().removeAll(names);
            try (RegistryIndex index = index(project.lockOrEmpty())) {
                Plan plan;
                try {
                    plan = plan(Goal.ofProject(roots, Set.of(), Set.of()), project, Set.of(), false,
                            InstallOptions.defaults(), index);
                } catch (PrompdException unresolvable) {
                    if (!isResolutionFailure(unresolvable)) {
                        throw unresolvable;
                    }
                    plan = unresolved(roots, project.lock(), unresolvable, index);
                }
                List<PackageName> leftOut = installer().outOfReach(plan.lock(), index);
                if (!leftOut.isEmpty()) {
                    plan = plan.warnedAlso(List.of(installer().leftOutWarning(plan.graph(), leftOut, index)));
                }
                // a name given twice (uninstall a a) is one dependency removed, and said once
                return apply(project, plan, new TreeMap<>(), names.stream().distinct().sorted().toList(), Set.copyOf(leftOut),
                        InstallOptions.defaults(), repaired, index);
            }
        });
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
        List<String> waysOff = StatusNotes.unlockable(graph, graph.unlocked().stream()
                .flatMap(name -> index.find(name).stream()).toList(), index);
        // the notes of the dependencies that cannot be locked say what to do better than the resolver's general hint
        String hint = waysOff.isEmpty() && !unresolvable.hint().isEmpty() ? " (" + unresolvable.hint() + ")" : "";
        List<String> warnings = new ArrayList<>();
        warnings.add((current.isPresent() ? "the other dependencies were not resolved again, as they cannot be, and"
                + " stay as " + LockFile.FILE_NAME + " locked them: " : "the other dependencies were not resolved, as"
                + " they cannot be, and stay unlocked, as there was no " + LockFile.FILE_NAME + ": ")
                + unresolvable.getMessage().strip() + hint);
        warnings.addAll(waysOff);
        return new Plan(graph, false, warnings);
    }

    /**
     * Names what locked a package that is only there because another needs it, as the lock records, and the
     * dependencies of prompd.json leading to it, whose uninstall removes it: the packages needing it may not be
     * those, and an uninstall takes only those.
     */
    private static PrompdException notADependency(List<PackageName> unknown, Collection<PackageName> direct,
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
                        + (dependents.size() == 1 ? " depends" : " depend") + " on it", "'prompd uninstall "
                        + String.join(" ", leading) + "' removes it too; 'prompd tree' shows who needs what");
            }
        }
        return new PrompdException(ExitCode.NOT_FOUND, "not a dependency in prompd.json: " + join(unknown),
                "'prompd list' shows the project's direct dependencies");
    }

    /** Work done while holding the home lock, after cleaning what killed runs left behind. */
    @FunctionalInterface
    private interface LockedWork {
        InstallReport run(List<Path> repaired) throws IOException;
    }

    private InstallReport locked(LockedWork work) throws IOException {
        try (HomeLock lock = RunLocks.home(home, store, cache, listener::waitingForLock)) {
            List<Path> repaired = new ArrayList<>(lock.repaired());
            // documents are cached by commands that take no lock, so their leftovers are looked for every time
            repaired.addAll(registry.removeLeftovers());
            return work.run(repaired);
        }
    }

    /** Work on a project done while holding the home's lock and the project's. */
    @FunctionalInterface
    private interface ProjectWork {
        InstallReport run(Project project, List<Path> repaired) throws IOException;
    }

    /** Runs the work on the project read under both locks, once what a killed run left beside its files is gone. */
    private InstallReport lockedProject(Path projectFolder, ProjectWork work) throws IOException {
        Project.requireIn(projectFolder);
        if (projectFolder.toAbsolutePath().normalize().startsWith(store.root())) {
            throw new PrompdException(ExitCode.USAGE, projectFolder + " is an installed package, which is never"
                    + " changed", "to work on it, copy it out of " + store.root() + " first");
        }
        return locked(repaired -> {
            try (RunLock ignored = RunLocks.project(projectFolder, listener::waitingForLock)) {
                repaired.addAll(Project.removeLeftovers(projectFolder));
                return work.run(Project.load(projectFolder), repaired);
            }
        });
    }

    private LockedInstaller installer() {
        return new LockedInstaller(store, cache, registry, offline, listener);
    }

    /** The new lock with the ranges it meets, and whether it took a resolution. */
    private record Plan(ProjectGraph graph, boolean resolved, List<String> warnings) {

        LockFile lock() {
            return graph.lock();
        }

        Plan warnedAlso(List<String> more) {
            List<String> all = new ArrayList<>(more);
            all.addAll(warnings);
            return new Plan(graph, resolved, all);
        }
    }

    /**
     * What a run resolves for.
     *
     * @param asked  the roots whose ranges the run means to save, which a hint past a failed resolution keeps
     * @param added  those of them no dependency yet, which such a hint cannot say to uninstall
     * @param global whether the run installs into the store alone, as the install such a hint offers must too
     */
    private record Goal(SortedMap<PackageName, VersionRange> roots, Set<PackageName> asked, Set<PackageName> added,
                        boolean global) {

        Goal {
            roots = SortedCopies.map(roots);
            asked = Set.copyOf(asked);
            added = Set.copyOf(added);
        }

        static Goal ofProject(SortedMap<PackageName, VersionRange> roots, Set<PackageName> asked,
                              Set<PackageName> added) {
            return new Goal(roots, asked, added, false);
        }

        /** A global install's: its roots are new, and their ranges are saved nowhere. */
        static Goal ofStore(SortedMap<PackageName, VersionRange> roots) {
            return new Goal(roots, Set.of(), roots.keySet(), true);
        }
    }

    /**
     * The lock to install: the current one reduced to what the roots need when it meets them and
     * nothing asks to move, else a new resolution preferring the current lock's versions except
     * for {@code unpinned}.
     */
    private Plan plan(Goal goal, Project project, Set<PackageName> unpinned, boolean mustResolve,
                      InstallOptions options, RegistryIndex index) throws IOException {
        LockFile current = project.lockOrEmpty();
        List<String> stale = List.of();
        if (!mustResolve) {
            Optional<LockFile> kept = current.satisfying(goal.roots());
            if (kept.isPresent()) {
                List<PackageName> missing = installer().missing(kept.get());
                stale = new ArrayList<>(LockAudit.problems(kept.get(), store, project.folder()));
                stale.addAll(disagreeingWithRegistry(kept.get(), missing, index));
                if (stale.isEmpty()) {
                    ProjectGraph graph = new ProjectGraph(goal.roots(), kept.get());
                    return new Plan(graph, false, statusWarnings(graph, missing, index));
                }
            }
        }
        Plan plan = resolved(goal, current, ResolveOptions.defaults().withStrategy(options.strategy())
                .withLocked(current.versions()).freeing(unpinned), index);
        return stale.isEmpty() ? plan : plan.warnedAlso(List.of(LockFile.FILE_NAME + " was stale, so its versions were"
                + " resolved again: " + String.join("; ", stale)));
    }

    /**
     * The locked versions not installed yet whose recorded dependencies are not those their registry lists, which it
     * took from the version's {@code prompd.json} when it was published; those installed {@link LockAudit} reads.
     */
    private static List<String> disagreeingWithRegistry(LockFile lock, List<PackageName> missing, RegistryIndex index) {
        List<String> disagreeing = new ArrayList<>();
        for (PackageName name : missing) {
            LockedPackage locked = lock.packages().get(name);
            Optional<VersionSummary> listed;
            try {
                listed = index.find(name).flatMap(published -> published.version(locked.version()));
            } catch (PrompdException unavailable) {
                // the lock alone is enough to install, as the status warnings' look-up says
                continue;
            }
            listed.filter(known -> !known.dependencies().equals(locked.dependencies())).ifPresent(known ->
                    disagreeing.add(LockAudit.recordedAgainst(name, locked, LockAudit.texts(known.dependencies()),
                            "its registry lists")));
        }
        return disagreeing;
    }

    /**
     * A new resolution of the roots, as a lock. An entry it keeps at the same version and integrity
     * keeps its recorded URL: resolved against a mirror, the bytes are the same, and rewriting every
     * URL would churn the lock for nothing (the install fetches from the mirror either way).
     */
    private Plan resolved(Goal goal, LockFile current, ResolveOptions resolveOptions, RegistryIndex index) {
        Resolution resolution;
        try {
            resolution = Resolver.resolve(goal.roots(), index, resolveOptions);
        } catch (ResolutionException failed) {
            if (offline) {
                throw new PrompdException(failed.exitCode(), failed.getMessage(), "offline, only the versions installed"
                        + " or cached count: run again without --offline to choose among all published ones", failed);
            }
            throw StatusNotes.waysPast(goal.roots(), goal.asked(), goal.added(),
                            goal.global() ? INSTALL_GLOBAL : INSTALL, index)
                    .map(hint -> new PrompdException(failed.exitCode(), failed.getMessage(), hint, failed))
                    .orElse(failed);
        }
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>();
        for (Map.Entry<PackageName, Version> chosen : resolution.versions().entrySet()) {
            PublishedPackage published = index.require(chosen.getKey());
            Optional<VersionSummary> listed = published.version(chosen.getValue());
            if (listed.isEmpty()) {
                // a locked version taken down, chosen from the copy at hand: the lock is all there is of it
                packages.put(chosen.getKey(), current.get(chosen.getKey()).orElseThrow());
                continue;
            }
            VersionSummary summary = listed.get();
            URI tarball = current.get(chosen.getKey())
                    .filter(old -> old.version().equals(summary.version())
                            && old.integrity().equals(summary.dist().integrity()))
                    .map(LockedPackage::resolved).orElseGet(() -> published.tarballUrl(summary));
            packages.put(chosen.getKey(), new LockedPackage(summary.version(), tarball, summary.dist().integrity(),
                    summary.dependencies()));
        }
        ProjectGraph graph = new ProjectGraph(goal.roots(), new LockFile(packages));
        List<String> warnings = new ArrayList<>(statusWarnings(graph, List.copyOf(packages.keySet()), index));
        warnings.addAll(movedOffTakedowns(current, packages, index));
        warnings.addAll(heldBackByTakedowns(graph, index));
        return new Plan(graph, true, warnings);
    }

    /**
     * The packages resolved below the highest version their ranges allow because that version needs something only
     * versions taken down meet: the resolution passes over it as over any version that cannot resolve, and the
     * lock's change alone would not say why an update stopped short.
     */
    private static List<String> heldBackByTakedowns(ProjectGraph graph, RegistryIndex index) {
        List<String> warnings = new ArrayList<>();
        StatusNotes.Blockages blockages = new StatusNotes.Blockages(index);
        graph.lock().packages().forEach((name, locked) -> index.find(name).ifPresent(published -> {
            List<VersionRange> ranges = graph.rangesOn(name);
            if (published.highestAllowed(ranges).filter(highest -> highest.compareTo(locked.version()) > 0).isEmpty()) {
                return;
            }
            StatusNotes.Reach reach = StatusNotes.reach(published, ranges, blockages);
            if (reach.version().equals(Optional.of(locked.version()))) {
                reach.heldBack().ifPresent(warnings::add);
            }
        }));
        return warnings;
    }

    /**
     * The locked versions a resolution moved off because their registry took them down, with the reason: the lock's
     * change alone ({@code ~ @a/x 2.0.0 -> 2.1.0}) would not say that the version pinned is gone, nor why.
     */
    private static List<String> movedOffTakedowns(LockFile current, SortedMap<PackageName, LockedPackage> resolved,
                                                  RegistryIndex index) {
        List<String> warnings = new ArrayList<>();
        current.packages().forEach((name, old) -> {
            LockedPackage now = resolved.get(name);
            if (now == null || now.version().equals(old.version())) {
                return;
            }
            String reason = index.require(name).packument().takenDown().get(old.version());
            if (reason != null) {
                warnings.add(StatusNotes.movedOffTakenDown(name, old.version(), now.version(), reason));
            }
        });
        return warnings;
    }

    /**
     * A package whose {@code engines} ask for another prompd still installs, as npm's do without
     * engine-strict: the prompts are text, and only some features may be missing. A development
     * build counts as the release it leads to.
     */
    private Optional<String> engineWarning(PackageName name, VersionSummary known) {
        Optional<VersionRange> wanted = Optional.ofNullable(known.engines().get(ManifestFields.PROMPD_ENGINE))
                .filter(VersionRange::isValid).map(VersionRange::parse);
        return prompdVersion.flatMap(running -> wanted.filter(range -> !range.satisfiedBy(release(running)))
                .map(range -> name + "@" + known.version() + " asks for prompd " + range + ", and this is"
                        + " prompd " + running + "; its prompts may use what this one lacks (update prompd)"));
    }

    private static Version release(Version version) {
        return Version.parse(version.major() + "." + version.minor() + "." + version.patch());
    }

    /**
     * Yanked, deprecated and taken down versions among {@code names}, and those whose engines ask for another
     * prompd. Only packages whose metadata this run needs anyway are looked at, so an install with
     * everything locked and installed asks the registry nothing.
     */
    private List<String> statusWarnings(ProjectGraph graph, List<PackageName> names, RegistryIndex index) {
        index.prefetch(names);
        List<String> warnings = new ArrayList<>();
        for (PackageName name : names) {
            Version version = graph.lock().packages().get(name).version();
            Optional<PublishedPackage> published;
            try {
                published = index.find(name);
            } catch (PrompdException unavailable) {
                // the lock alone is enough to install; the status is a courtesy when the registry can tell it
                continue;
            }
            published.ifPresent(listed -> {
                listed.version(version).ifPresent(known -> {
                    warnings.addAll(StatusNotes.of(graph, listed, known, "installed because the lock file pins it; "));
                    engineWarning(name, known).ifPresent(warnings::add);
                });
                // Without a copy at hand the install fails for it, or an uninstall leaves it out, saying so. Only a
                // takedown the index records counts: a version missing from an index cached offline may just be
                // newer than that copy.
                if (listed.packument().takenDown().containsKey(version)
                        && installer().isAtHand(name, graph.lock().packages().get(name))) {
                    warnings.add(StatusNotes.takenDown(graph, listed, version,
                            "installed from the copy at hand because the lock file pins it; "));
                }
            });
        }
        return warnings;
    }

    /**
     * The resolver's view of the registry. Offline, only versions at hand count, installed, with
     * their tarball cached or in a registry folder, as with cargo's {@code --offline}: a newer
     * version known only from a cached {@code index.json} could not be installed. A version {@code lock} pins
     * stays a candidate once taken down while its copy is at hand, as the install of it from that copy does.
     */
    private RegistryIndex index(LockFile lock) {
        return new RegistryIndex(registry, offline ? Optional.of(this::isAtHand) : Optional.empty(),
                name -> lock.get(name).filter(locked -> installer().isAtHand(name, locked))
                        .map(locked -> Candidate.of(name, locked.version(), locked.dependencies())));
    }

    private boolean isAtHand(PackageName name, VersionSummary version) {
        return store.contains(name, version.version()) || cache.find(version.dist().integrity()).isPresent()
                || registry.isAtHand(name);
    }

    /**
     * Installs the plan but {@code leftOut}, locked versions it does not install, and then, only if that succeeded,
     * writes the project's files.
     */
    private InstallReport apply(Project project, Plan plan, SortedMap<PackageName, VersionRange> saved,
                                List<PackageName> removed, Set<PackageName> leftOut, InstallOptions options,
                                List<Path> repaired, RegistryIndex index)
            throws IOException {
        Manifest manifest = project.manifest();
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>(manifest.dependencies());
        dependencies.putAll(saved);
        dependencies.keySet().removeAll(removed);
        boolean manifestChanged = !dependencies.equals(manifest.dependencies());
        boolean lockChanged = project.lock().map(existing -> !existing.equals(plan.lock())).orElse(true);
        if (options.frozen() && (manifestChanged || lockChanged)) {
            throw frozenRefusal(project, plan.lock(), manifestChanged);
        }
        project.requireWritable(manifestChanged, lockChanged);
        List<InstalledPackage> installed = installer().install(plan.graph(), project.lockOrEmpty(), index, leftOut);
        project.write(manifestChanged ? Optional.of(dependencies) : Optional.empty(),
                lockChanged ? Optional.of(plan.lock()) : Optional.empty());
        InstallReport.LockUpdate lock = new InstallReport.LockUpdate(lockChanged,
                LockChange.between(project.lockOrEmpty(), plan.lock()));
        SortedMap<PackageName, VersionRange> changedRanges = new TreeMap<>(saved);
        changedRanges.entrySet().removeIf(range -> range.getValue().equals(manifest.dependencies().get(range.getKey())));
        return new InstallReport(installed, changedRanges, removed, Optional.of(lock), plan.resolved(), plan.warnings(),
                repaired);
    }

    private static PrompdException frozenRefusal(Project project, LockFile wanted, boolean manifestChanged) {
        if (manifestChanged) {
            return new PrompdException(ExitCode.CONFLICT, "--frozen forbids changing prompd.json",
                    "run without --frozen to add or remove dependencies");
        }
        if (project.lock().isEmpty()) {
            return new PrompdException(ExitCode.CONFLICT, "--frozen needs a prompd.lock, and " + project.folder()
                    + " has none", "run 'prompd install' without --frozen and commit prompd.lock");
        }
        List<String> changes = LockChange.between(project.lock().get(), wanted).stream().map(LockChange::phrase).toList();
        return new PrompdException(ExitCode.CONFLICT, "prompd.lock is out of date with prompd.json and --frozen forbids"
                + " changing it: " + String.join(", ", changes),
                "run 'prompd install' without --frozen and commit the updated prompd.lock");
    }

    /** As npm refuses to: mostly a project named after the package it means to use. */
    private static void requireNotItself(Project project, List<PackageSpec> added) {
        PackageName own = project.manifest().name();
        if (added.stream().anyMatch(spec -> spec.name().equals(own))) {
            throw new PrompdException(ExitCode.USAGE, "refusing to add " + own + " as a dependency of the project " + own
                    + " itself", "a package cannot depend on itself; if the project only took the package's name, rename"
                    + " it in " + project.manifestFile().getFileName() + ", or install the package with --global");
        }
    }

    /** @param install the command that installs them, {@code --global} and all, for the hints of a refusal */
    private static List<RequestedPackage> request(List<PackageSpec> specs, RegistryIndex index, boolean saveExact,
                                                  String install) {
        // each request reads its package's index.json: fetched together, not one after another
        index.prefetch(specs.stream().map(PackageSpec::name).toList());
        return specs.stream().map(spec -> RequestedPackage.of(spec, index, saveExact, install)).toList();
    }

    /** The dependencies with the requested packages added, or their ranges replaced. */
    private static SortedMap<PackageName, VersionRange> roots(SortedMap<PackageName, VersionRange> dependencies,
                                                              List<RequestedPackage> requests) {
        SortedMap<PackageName, VersionRange> roots = new TreeMap<>(dependencies);
        requests.forEach(request -> roots.put(request.name(), request.range()));
        return roots;
    }

    private static String join(Collection<PackageName> names) {
        return String.join(", ", names.stream().map(PackageName::toString).toList());
    }
}
