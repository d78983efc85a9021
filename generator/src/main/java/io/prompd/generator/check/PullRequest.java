package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.ResolutionException;
import io.prompd.core.resolve.ResolveOptions;
import io.prompd.core.resolve.VersionResolver;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.FileMode;

/**
 * Everything the rules look at: the registry at the merge base and at the head, the paths that
 * differ, who opened the pull request, and the version folders it adds. Settings that decide
 * who may do what (maintainers, scopes, owners, policy) are taken from the tip of the base
 * branch, never from the head: a pull request cannot grant itself rights, and one opened before a
 * right was revoked or a limit lowered is held to the registry as it is when it would merge, as
 * npm and crates.io revoke a removed owner's rights at once. Names and versions taken count from
 * the merge base and the tip alike, and new versions' dependencies are judged with the base branch's
 * yanks and takedowns ({@link MergedPackages}). Made for one check; resolutions and publications are
 * remembered for the rules that share them.
 */
final class PullRequest {

    private final RegistryRepository repository;
    private final RegistrySnapshot base;
    private final RegistrySnapshot baseTip;
    private final RegistrySnapshot head;
    private final List<ChangedFile> changes;
    private final Optional<String> actor;
    private final List<NewVersion> newVersions;
    private final MergedPackages merged;
    private final SnapshotIndex index;
    private final VersionResolver resolver;
    private final Map<PackageVersion, DependencyResolution> resolutions = new HashMap<>();
    private final SortedSet<PackageVersion> touchedPublished;
    private Optional<PublicationHistory> publications = Optional.empty();
    private Optional<SortedMap<PackageVersion, ReaddedVersion>> readded = Optional.empty();

    /** A changed path with what it is in the registry's layout. */
    record ChangedFile(Change change, ChangedPath path) {

        /**
         * A submodule or a symbolic link in a version folder is a file of that version, which the rules reading its
         * files report as pack sees it; anywhere else under packages/ a submodule stands where a folder of files
         * belongs, and so does a link, but for one below a folder that does not fit, which is that folder's problem.
         */
        static ChangedFile of(Change change) {
            ChangedPath path = ChangedPath.of(change.path());
            boolean outsideVersions = path.kind() != ChangedPath.Kind.VERSION_FILE
                    && change.path().startsWith(RepositoryLayout.PACKAGES + "/");
            if (outsideVersions && change.newMode() == FileMode.GITLINK) {
                return new ChangedFile(change, ChangedPath.embeddedRepository(change.path()));
            }
            if (outsideVersions && change.newMode() == FileMode.SYMLINK
                    && (path.kind() == ChangedPath.Kind.META || path.place().equals(change.path()))) {
                return new ChangedFile(change, ChangedPath.symbolicLink(change.path()));
            }
            return new ChangedFile(change, path);
        }
    }

    /**
     * @param base    the registry at the merge base
     * @param baseTip the registry at the tip of the base branch (the merge base itself when it has not moved)
     */
    PullRequest(RegistryRepository repository, RegistrySnapshot base, RegistrySnapshot baseTip, RegistrySnapshot head,
                List<ChangedFile> changes, Optional<String> actor, List<NewVersion> newVersions) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.base = Objects.requireNonNull(base, "base");
        this.baseTip = Objects.requireNonNull(baseTip, "baseTip");
        this.head = Objects.requireNonNull(head, "head");
        this.changes = List.copyOf(changes);
        this.actor = Objects.requireNonNull(actor, "actor");
        this.newVersions = List.copyOf(newVersions);
        this.merged = new MergedPackages(base, baseTip, head, changes(ChangedPath.Kind.META).stream()
                .map(changed -> changed.path().name().orElseThrow()).collect(Collectors.toSet()));
        this.index = new SnapshotIndex(merged, this.newVersions.size() > 1, baseTip.policy());
        this.resolver = new VersionResolver(index, ResolveOptions.defaults());
        this.touchedPublished = Collections.unmodifiableSortedSet(changes(ChangedPath.Kind.VERSION_FILE).stream()
                .filter(changed -> !changed.change().onlyExecutableBit())
                .map(changed -> changed.path().packageVersion().orElseThrow())
                .filter(id -> base.folder(id.name(), id.version()).isPresent())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The repository, for the objects of the commits compared. */
    RegistryRepository repository() {
        return repository;
    }

    /** The registry at the merge base: what the pull request starts from. */
    RegistrySnapshot base() {
        return base;
    }

    /**
     * The registry at the tip of the base branch, whose settings say who may do what: the pull
     * request would merge into it.
     */
    RegistrySnapshot baseTip() {
        return baseTip;
    }

    RegistrySnapshot head() {
        return head;
    }

    /**
     * Every package name taken: {@linkplain RegistrySnapshot#inUse in use} at the merge base or,
     * since the pull request branched off, on the base branch; a name whose every version was taken
     * down stays taken by its meta.json. Git merges a folder added there and a look-alike or a
     * version of the same number added here without a conflict, and the build would publish both.
     */
    SortedSet<PackageName> takenNames() {
        SortedSet<PackageName> names = base.namesInUse();
        names.addAll(baseTip.namesInUse());
        return names;
    }

    /** The versions of a package taken, as {@link #takenNames} are. */
    SortedSet<Version> takenVersions(PackageName name) {
        SortedSet<Version> versions = new TreeSet<>(base.packages().getOrDefault(name,
                Collections.emptySortedMap()).keySet());
        versions.addAll(baseTip.packages().getOrDefault(name, Collections.emptySortedMap()).keySet());
        return versions;
    }

    /** Whether the name is one of the {@linkplain #takenNames taken names}, without listing them all. */
    boolean isTaken(PackageName name) {
        return base.inUse(name) || baseTip.inUse(name);
    }

    /** Whether a taken name was taken on the base branch after the pull request branched off. */
    boolean takenSinceBranching(PackageName name) {
        return !base.inUse(name);
    }

    /** Whether a taken version was published on the base branch after the pull request branched off. */
    boolean takenSinceBranching(PackageName name, Version version) {
        return base.folder(name, version).isEmpty();
    }

    /**
     * The versions of a package taken down, to the reason, by the records of the merge base and of
     * the tip of the base branch: one may be taken down there after the pull request branched off.
     */
    SortedMap<Version, String> takenDown(PackageName name) {
        SortedMap<Version, String> records = new TreeMap<>(base.meta(name).takenDown());
        records.putAll(baseTip.meta(name).takenDown());
        return records;
    }

    /**
     * The versions published at the merge base that the pull request adds, changes or deletes files of; a file
     * whose executable bit alone changes is none of these, since a package holds no mode.
     */
    SortedSet<PackageVersion> touchedPublishedVersions() {
        return touchedPublished;
    }

    /** Those of {@link #touchedPublishedVersions} whose folder is gone at the head: deleted whole, or renamed. */
    SortedSet<PackageVersion> deletedVersions() {
        return touchedPublished.stream().filter(id -> head.folder(id.name(), id.version()).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The versions this pull request takes down: the whole folders it deletes when its author is
     * a maintainer, who alone may remove a published version (leaked secrets, illegal content). With the author
     * unknown (no actor) they are taken for a takedown all the same, and held to its rules: the ownership rule fails
     * the check for the unknown author alone, as for any change only a maintainer may make, and a check with the
     * author tells whether they may. With registry.json not reading at the base tip there is none: the deletions are
     * told as such, beside the ownership rule's one error on why no author can be judged.
     */
    SortedSet<PackageVersion> takedowns() {
        return maintainersKnown() && actor.map(this::isMaintainer).orElse(true) ? deletedVersions()
                : Collections.emptySortedSet();
    }

    /**
     * The versions this pull request yanks: published at the merge base and not yanked there, yanked by the
     * {@code meta.json} of their package at the head.
     */
    SortedSet<PackageVersion> yanks() {
        SortedSet<PackageVersion> yanks = new TreeSet<>();
        for (ChangedFile changed : changes(ChangedPath.Kind.META)) {
            PackageName name = changed.path().name().orElseThrow();
            head.meta(name).yanked().keySet().stream()
                    .filter(version -> !base.meta(name).isYanked(version) && base.folder(name, version).isPresent())
                    .forEach(version -> yanks.add(new PackageVersion(name, version)));
        }
        return Collections.unmodifiableSortedSet(yanks);
    }

    /**
     * Where each of the {@link #touchedPublishedVersions} was published, and which of the numbers of the
     * {@link #newVersions} the base branch published and deleted since: its history, from its tip, is walked once when
     * first asked for, and only for those versions' folders.
     */
    PublicationHistory publications() throws IOException {
        if (publications.isEmpty()) {
            SortedSet<PackageVersion> versions = new TreeSet<>(touchedPublished);
            newVersions.forEach(version -> versions.add(version.id()));
            publications = Optional.of(PublicationHistory.compute(repository, baseTip.commit(), versions));
        }
        return publications.get();
    }

    /**
     * The {@link #newVersions} whose number the base branch published and deleted since, build metadata aside, each
     * with whether its folder holds the files published: read from the {@link #publications}, once, and only when
     * there are new versions.
     */
    SortedMap<PackageVersion, ReaddedVersion> readded() throws IOException {
        if (readded.isEmpty()) {
            SortedMap<PackageVersion, ReaddedVersion> found = new TreeMap<>();
            for (NewVersion version : newVersions) {
                Optional<Map.Entry<PackageVersion, Removal>> removed = publications().removedAlike(version.id());
                if (removed.isPresent()) {
                    Removal removal = removed.get().getValue();
                    found.put(version.id(), new ReaddedVersion(version.id(), removed.get().getKey().version(),
                            removal, CommitRange.sameFiles(repository, removal.tree(), version.folder().treeId())));
                }
            }
            readded = Optional.of(Collections.unmodifiableSortedMap(found));
        }
        return readded.get();
    }

    List<ChangedFile> changes() {
        return changes;
    }

    List<ChangedFile> changes(ChangedPath.Kind kind) {
        return changes.stream().filter(changed -> changed.path().kind() == kind).toList();
    }

    Optional<String> actor() {
        return actor;
    }

    List<NewVersion> newVersions() {
        return newVersions;
    }

    /**
     * Names not in use at the merge base that get a version in this pull request: a package whose
     * every version was taken down keeps its name, and its owners publish there again.
     */
    SortedSet<PackageName> newPackages() {
        SortedSet<PackageName> names = new TreeSet<>();
        newVersions.stream().map(version -> version.folder().name())
                .filter(name -> !base.inUse(name)).forEach(names::add);
        return names;
    }

    /** The policy of the tip of the base branch: the limits a version merged now is published under. */
    RegistryConfig.Policy policy() {
        return baseTip.policy();
    }

    boolean isMaintainer(String login) {
        return baseTip.config().map(config -> config.isMaintainer(login)).orElse(false);
    }

    /**
     * Whether registry.json reads at the tip of the base branch: without it nobody is a {@link #isMaintainer}, which is
     * no verdict on anyone, and {@link #policy} is the default.
     */
    boolean maintainersKnown() {
        return baseTip.config().isPresent();
    }

    /**
     * The packages that new versions' dependencies are judged against: the head's, with the base branch's withdrawals.
     */
    MergedPackages merged() {
        return merged;
    }

    /** The resolver's view of {@link #merged}. */
    SnapshotIndex index() {
        return index;
    }

    /**
     * The dependencies of a new version on packages of this registry: all but those in the policy's external scopes,
     * which live in another registry, that the check cannot read.
     *
     * <p>Neither these nor the external ones hold a dependency on the manifest's own name: the manifest's error says
     * the package depends on itself, which the graph would say again as a cycle, or, in a folder of another name, as
     * a package the registry lacks, though the pull request adds it.
     */
    SortedMap<PackageName, VersionRange> dependenciesHere(NewVersion version) {
        return dependencies(version, false);
    }

    /** The dependencies of a new version on packages of the policy's external scopes, in another registry. */
    SortedMap<PackageName, VersionRange> externalDependencies(NewVersion version) {
        return dependencies(version, true);
    }

    private SortedMap<PackageName, VersionRange> dependencies(NewVersion version, boolean external) {
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        Optional<PackageName> self = version.manifest().draft().name();
        version.manifest().draft().dependencies().forEach((name, range) -> {
            if (policy().isExternal(name) == external && !self.equals(Optional.of(name))) {
                dependencies.put(name, range);
            }
        });
        return Collections.unmodifiableSortedMap(dependencies);
    }

    /**
     * The {@linkplain #dependenciesHere dependencies here} of a new version resolved over {@link #merged}, with the
     * new version standing for its whole package, so that any dependency back on the package must accept this
     * version. A package of an external scope is outside the graph, and so are its own dependencies: the version
     * another registry holds, and what that depends on, are for clients to resolve there.
     */
    DependencyResolution resolution(NewVersion version) {
        if (resolutions.isEmpty()) {
            // each new version needed by others after those: its graph then lies within theirs, read from it
            neededLast().forEach(next -> resolutions.put(next.id(), resolve(next)));
        }
        return resolutions.computeIfAbsent(version.id(), id -> resolve(version));
    }

    private DependencyResolution resolve(NewVersion version) {
        PackageVersion id = version.id();
        try {
            return DependencyResolution.of(resolver.resolve(Candidate.of(id.name(), id.version(),
                    dependenciesHere(version))));
        } catch (ResolutionException unsatisfiable) {
            return DependencyResolution.failed(unsatisfiable);
        }
    }

    /**
     * The new versions, each before the new versions its dependencies here allow, as far as they do not need each
     * other round a cycle; otherwise in their order.
     */
    private List<NewVersion> neededLast() {
        Map<PackageName, List<NewVersion>> byName = newVersions.stream()
                .collect(Collectors.groupingBy(version -> version.id().name()));
        Map<PackageVersion, List<NewVersion>> needs = new HashMap<>();
        Map<PackageVersion, Integer> neededBy = new HashMap<>();
        newVersions.forEach(version -> neededBy.put(version.id(), 0));
        for (NewVersion version : newVersions) {
            List<NewVersion> needed = new ArrayList<>();
            dependenciesHere(version).forEach((name, range) -> byName.getOrDefault(name, List.of()).stream()
                    .filter(other -> other != version && range.satisfiedBy(other.id().version()))
                    .forEach(needed::add));
            needs.put(version.id(), needed);
            needed.forEach(other -> neededBy.merge(other.id(), 1, Integer::sum));
        }
        Deque<NewVersion> free = newVersions.stream().filter(version -> neededBy.get(version.id()) == 0)
                .collect(Collectors.toCollection(ArrayDeque::new));
        Map<PackageVersion, NewVersion> order = new LinkedHashMap<>();
        while (!free.isEmpty()) {
            NewVersion next = free.removeFirst();
            order.put(next.id(), next);
            for (NewVersion needed : needs.get(next.id())) {
                if (neededBy.merge(needed.id(), -1, Integer::sum) == 0) {
                    free.addLast(needed);
                }
            }
        }
        newVersions.forEach(version -> order.putIfAbsent(version.id(), version));
        return List.copyOf(order.values());
    }
}
