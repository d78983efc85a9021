package io.prompd.generator.build;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.concurrent.Futures;
import io.prompd.core.files.RunLock;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ValidationException;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryDocument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.build.BuildState.PackageState;
import io.prompd.generator.build.BuildState.VersionState;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import io.prompd.generator.source.TakenNumbers;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Builds the static registry of one commit: every version read and packed exactly as
 * {@code prompd pack} packs it (the pull-request check validated it when it was merged), the JSON documents of
 * {@link RegistryLayout}, and what the {@link RegistryWriter}s add. Packages are built in parallel; the output is the
 * same whatever the order they finish in.
 *
 * <p>A build is all or nothing: if any version cannot be read, or meta.json names a version
 * that does not exist, the build fails with every problem and the previous output stays as it
 * was. Given the output of an earlier build, only what changed is written; with the same commit
 * and options, nothing at all is.
 */
public final class RegistryBuilder {

    /** A full build of a large registry takes minutes; longer than this, the other build is likely stuck. */
    private static final Duration PATIENCE_WITH_ANOTHER_BUILD = Duration.ofMinutes(30);

    private final List<RegistryWriter> writers;
    private final int parallelism;
    private final LongSupplier nanoTime;

    /** A builder with the root documents' writer, using every processor, timing builds by the system's ticker. */
    public RegistryBuilder() {
        this(List.of(new RootDocumentWriter()), Runtime.getRuntime().availableProcessors(), System::nanoTime);
    }

    /**
     * @param writers     what to write after the package folders, in order
     * @param parallelism how many packages to build at once
     * @param nanoTime    the ticker a build's {@linkplain BuildResult#elapsed time} is measured with, in
     *                    nanoseconds as {@link System#nanoTime} counts them
     */
    public RegistryBuilder(List<RegistryWriter> writers, int parallelism, LongSupplier nanoTime) {
        this.writers = List.copyOf(writers);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
        }
        this.parallelism = parallelism;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Builds into {@code options.out()}; another build into the same folder, in this process or
     * another, waits for this one, since the two would share the staging folder.
     *
     * @throws ValidationException with every problem, when a version or a settings file is invalid
     */
    public BuildResult build(BuildOptions options, BuildProgress progress) throws IOException {
        long start = nanoTime.getAsLong();
        // before the lock, whose file would otherwise be left beside a folder that is not ours
        OutputFolder.checkReplaceable(options.out());
        OutputModes.createFoldersAbove(options.out());
        Path lockFile = OutputFolder.lockFile(options.out());
        try (RunLock ignored = RunLock.acquire(lockFile, PATIENCE_WITH_ANOTHER_BUILD,
                () -> progress.waitingForAnotherBuild(lockFile, RunLock.holder(lockFile)))) {
            OutputFolder.recoverFromKilledBuild(options.out());
            return buildAlone(options, progress, start);
        }
    }

    private BuildResult buildAlone(BuildOptions options, BuildProgress progress, long start) throws IOException {
        Path out = options.out();
        Optional<String> baseUrl = options.baseUrl().map(URI::toString);
        Optional<BuildState.StateFile> stateFile = BuildState.readFile(out);
        try (RegistryRepository repository = RegistryRepository.open(options.repository(), options.workingFolder())) {
            ObjectId commit = repository.resolve("--rev", options.revision());
            Optional<ObjectId> head = repository.head().filter(other -> !other.equals(commit));
            // no version folder looked inside: a build's versions are, as a rule, published ones, which the check
            // keeps from changing; an author writing one runs the check, which looks inside those its branch adds
            List<BuildWarning> uncommitted = repository.uncommitted(commit, List.of()).<BuildWarning>map(
                    BuildWarning.Uncommitted::new).stream().toList();
            // a build of another commit than HEAD leaves out what HEAD takes down, which may be more than when the
            // output was built
            if (head.isEmpty() && stateFile.filter(file -> file.header().isBuildOf(commit.name(), baseUrl))
                    .isPresent()) {
                return alreadyBuilt(out, commit.name(), start, uncommitted);
            }
            // The previous build's packages (megabytes of JSON), or the documents of an output of another format,
            // are parsed while the snapshot is read, which does not need them.
            CompletableFuture<ServedOutputGuard> pendingServed = Futures.inBackground("previous-build",
                    () -> ServedOutputGuard.of(out, stateFile));
            repository.requireWholeHistory("a build");
            return repository.readingObjects("the build",
                    () -> buildCommit(repository, new Revisions(commit, head), options, progress, pendingServed,
                            start, uncommitted));
        }
    }

    /**
     * The commit to build, and HEAD where it names another, whose takedowns the build applies too.
     */
    private record Revisions(ObjectId commit, Optional<ObjectId> otherHead) {
    }

    private BuildResult buildCommit(RegistryRepository repository, Revisions revisions, BuildOptions options,
                                    BuildProgress progress, CompletableFuture<ServedOutputGuard> pendingServed,
                                    long start, List<BuildWarning> uncommitted)
            throws IOException {
        Path out = options.out();
        ObjectId commit = revisions.commit();
        Optional<String> baseUrl = options.baseUrl().map(URI::toString);
        Optional<String> headBranch = repository.headBranch();
        CompletableFuture<RegistrySnapshot> pendingSnapshot = Futures.inBackground("registry-snapshot",
                () -> RegistrySnapshot.read(repository, commit));
        CompletableFuture<Optional<RegistrySnapshot>> pendingHead = Futures.inBackground("head-snapshot",
                () -> revisions.otherHead().isEmpty() ? Optional.empty()
                        : Optional.of(RegistrySnapshot.read(repository, revisions.otherHead().get())));
        ServedOutputGuard output = Futures.join(pendingServed);
        Optional<BuildState> served = output.state();
        Optional<BuildState> previous = served.filter(state -> state.sameOptions(baseUrl));
        // created before the history walk, so the last retired build is deleted meanwhile; an output of another format
        // or base URL is rebuilt in full, but its files whose bytes come out the same are kept as they are, for a sync
        // by mtime
        try (StagingArea staging = StagingArea.create(out, output.servesABuild() ? Optional.of(out)
                : Optional.empty())) {
            Optional<PublicationHistory> resumable = previous.flatMap(BuildState::resumableHistory);
            CompletableFuture<PublicationHistory> pendingHistory = Futures.inBackground("publication-history",
                    () -> resumable.isPresent()
                            ? resumable.get().update(repository, commit)
                            : PublicationHistory.compute(repository, commit));
            RegistrySnapshot snapshot = Futures.join(pendingSnapshot);
            Optional<RegistrySnapshot> atHead = Futures.join(pendingHead);
            Optional<HeadTakedowns> takenDownAtHead = atHead.flatMap(head -> HeadTakedowns.of(head, headBranch,
                    snapshot));
            Optional<BuildWarning.HeadMetaUnread> headMetaUnread = atHead.flatMap(head -> HeadTakedowns.unreadMeta(
                    head, headBranch, snapshot));
            headMetaUnread.ifPresent(unread -> requireReadUnless(unread, options));
            PublicationHistory history = Futures.join(pendingHistory);
            List<Problem> problems = new ArrayList<>(snapshot.problems().stream().filter(Problem::isError).toList());
            snapshot.packagesWithMeta().forEach(name -> snapshot.metaProblems(name).stream()
                    .filter(Problem::isError).forEach(problems::add));
            // Without registry.json there is no registry document to write; any other problem still
            // lets the packages be read, so that the build reports their problems too.
            if (snapshot.config().isEmpty()) {
                throw failure(snapshot.withLines(problems));
            }
            SortedMap<PackageName, PackageState> states = packageStates(snapshot, takenDownAtHead, history, problems);
            problems.addAll(takenNumbers(repository, snapshot, states, history));
            SortedMap<PackageVersion, Removal> reused = reusedUntaken(history, snapshot, takenDownAtHead);
            problems.addAll(unlessReused(reused, output.changedSinceServed(states, repository)));
            List<PackageVersion> leftOut = output.leftOutUnrecorded(states);
            List<BuildWarning> warnings = new ArrayList<>(uncommitted);
            warnings.addAll(output.refusedUnlessForced(states, leftOut, commit, options));
            output.republished(states).ifPresent(warnings::add);
            output.baseUrlChanged(states, baseUrl).ifPresent(warnings::add);
            SortedMap<PackageName, SortedMap<Version, Integrity>> vanished = output.vanished(states, leftOut);
            Links links = new Links(options.baseUrl());
            Built built = buildPackages(snapshot, links, states, previous, staging, progress);
            problems.addAll(built.problems());
            problems.addAll(unlessReused(reused, output.numbersReused(built.rebuilt())));
            Optional<BuildWarning.ReusedNumbersServed> servedAsNow = output.servedAsNow(reused, states,
                    built.rebuilt(), repository);
            problems.addAll(reusedNumbers(history, reused, servedAsNow.map(warning -> warning.removals().keySet())
                    .orElse(Set.of())));
            servedAsNow.ifPresent(warnings::add);
            headMetaUnread.ifPresent(warnings::add);
            if (!problems.isEmpty()) {
                throw failure(snapshot.withLines(problems));
            }
            List<BuildWarning.UnmetDependency> unmet = UnmetDependencies.of(states, judged(states, built.rebuilt(),
                    previous, staging, snapshot.policy()), snapshot.policy());
            warnings.addAll(unmet);
            BuildState state = new BuildState(BuildState.FORMAT, commit.name(), baseUrl.orElse(null), states,
                    UnmetDependencies.recorded(unmet), snapshot.policy().externalScopes(), vanished,
                    BuildState.removed(history));
            BuiltRegistry registry = new BuiltRegistry(registryDocument(snapshot, state, links),
                    new PackageList(built.summaries()), built.rebuilt());
            for (RegistryWriter writer : writers) {
                writer.write(registry, staging);
            }
            staging.write(BuildState.FILE, Json.write(state));
            staging.publish();
            if (output.leavesServedVersionsOut(states)) {
                staging.deleteRetired();
            }
            return new BuildResult(commit.name(), packageCount(states), versionCount(states), built.packed(),
                    built.reused(), false, elapsedSince(start), warnings,
                    output.documents().map(ServedDocuments::format), takenDownAtHead);
        }
    }

    /**
     * The versions whose dependencies the build judges ({@link UnmetDependencies}), each with them: every version of
     * the packages built, from their documents; of each package carried over, only those the previous build found
     * unmet where the build can install every version that one could ({@link UnmetDependencies#onlyGained}), the one
     * new version of a pull request as a rule; else every version, from the previous build's document.
     */
    private static SortedMap<PackageVersion, SortedMap<PackageName, VersionRange>> judged(
            SortedMap<PackageName, PackageState> states, SortedMap<PackageName, Packument> rebuilt,
            Optional<BuildState> previous, StagingArea staging, RegistryConfig.Policy policy) throws IOException {
        boolean onlyGained = previous.filter(build -> UnmetDependencies.onlyGained(build, states, policy)).isPresent();
        SortedMap<PackageVersion, SortedMap<PackageName, VersionRange>> judged = new TreeMap<>();
        for (Map.Entry<PackageName, PackageState> entry : states.entrySet()) {
            PackageName name = entry.getKey();
            Packument built = rebuilt.get(name);
            if (entry.getValue().versions().isEmpty()) {
                continue;
            }
            if (built == null && onlyGained) {
                previous.get().unmet().getOrDefault(name, Collections.emptySortedMap()).forEach((version, unmet) ->
                        judged.put(new PackageVersion(name, version), unmet));
                continue;
            }
            Packument document = built != null ? built : staging.readPrevious(RegistryLayout.packument(name),
                    Packument.class);
            document.versions().values().forEach(version -> judged.put(new PackageVersion(name, version.version()),
                    version.dependencies()));
        }
        return judged;
    }

    /**
     * Refuses, unless allowed, a build that may serve again what HEAD takes down, since HEAD's record of it does not
     * read: a takedown is as a rule a leaked secret, which a warning a CI log holds does not keep down.
     */
    private static void requireReadUnless(BuildWarning.HeadMetaUnread unread, BuildOptions options) {
        if (!options.allowUnreadHeadMeta()) {
            throw new PrompdException(ExitCode.CONFLICT, unread.missed(), "mend HEAD's meta.json (prompd-registry"
                    + " check names its problems) and build again; to build anyway once sure that none of those"
                    + " versions must stay down, add"
                    + " --allow-unread-head-meta");
        }
    }

    /** The result of a build that writes nothing, when the folder already holds this very build. */
    private BuildResult alreadyBuilt(Path out, String commit, long start, List<BuildWarning> warnings)
            throws IOException {
        RegistryDocument.Counts counts = OutputFolder.readDocument(out, RegistryLayout.REGISTRY_DOCUMENT,
                RegistryDocument.class).counts();
        return new BuildResult(commit, counts.packages(), counts.versions(), 0, counts.versions(), true,
                elapsedSince(start), warnings);
    }

    private static ValidationException failure(List<Problem> problems) {
        return new ValidationException("the registry cannot be built: fix these problems in the repository",
                problems.stream().sorted(Problem.ORDER).toList());
    }

    /**
     * What every package's files depend on; a version folder without a manifest was never published and is
     * reported. A package every version of which was taken down is one while its meta.json records the takedowns. A
     * version HEAD takes down is left out, as its takedown leaves it out, its folder as the commit holds it standing
     * for the files taken down.
     */
    private static SortedMap<PackageName, PackageState> packageStates(RegistrySnapshot snapshot,
                                                                      Optional<HeadTakedowns> takenDownAtHead,
                                                                      PublicationHistory history,
                                                                      List<Problem> problems) {
        SortedMap<PackageName, PackageState> states = new TreeMap<>();
        snapshot.namesInUse().forEach(name -> {
            SortedMap<Version, VersionFolder> folders = snapshot.packages().getOrDefault(name,
                    Collections.emptySortedMap());
            problems.addAll(clashingVersions(folders));
            SortedMap<Version, VersionState> versions = new TreeMap<>();
            SortedMap<Version, String> takenDown = new TreeMap<>();
            folders.forEach((version, folder) -> {
                if (takenDownAtHead.filter(head -> head.leavesOut(name, version)).isPresent()) {
                    takenDown.put(version, folder.treeId().name());
                    return;
                }
                Optional<Publication> publication = history.publication(new PackageVersion(name, version));
                if (publication.isEmpty()) {
                    problems.add(Problem.error(folder.path() + "/prompd.json", "",
                            "the version folder has no prompd.json",
                            "add the manifest, or remove the folder"));
                    return;
                }
                versions.put(version, new VersionState(folder.treeId().name(), publication.get().commit().name(),
                        publication.get().time()));
            });
            PackageMeta meta = meta(snapshot, takenDownAtHead, name);
            if (!versions.isEmpty() || !meta.takenDown().isEmpty()) {
                meta.takenDown().keySet().forEach(version -> Optional.ofNullable(history.removed().get(
                        new PackageVersion(name, version))).ifPresent(removal -> takenDown.put(version,
                        removal.tree().name())));
                // a package with a folder has a commit that added it on the line
                states.put(name, new PackageState(versions, meta, owners(name, snapshot.scopes(), meta),
                        history.lastChanges().get(name), takenDown));
            }
        });
        return states;
    }

    /**
     * The version folders served that a takedown record of another version of theirs keeps from being published
     * ({@link TakenNumbers}), as the check refuses them: pushed past it, or one it let in before its takedown rule.
     */
    private static List<Problem> takenNumbers(RegistryRepository repository, RegistrySnapshot snapshot,
                                              SortedMap<PackageName, PackageState> states, PublicationHistory history)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<PackageName, PackageState> entry : states.entrySet()) {
            PackageName name = entry.getKey();
            for (Version version : entry.getValue().versions().keySet()) {
                VersionFolder folder = snapshot.packages().get(name).get(version);
                for (Map.Entry<Version, String> gone : entry.getValue().meta().takenDown().entrySet()) {
                    Optional<Removal> removal = Optional.ofNullable(history.removed().get(new PackageVersion(name,
                            gone.getKey())));
                    TakenNumbers.takenBy(repository, folder, gone.getKey(), removal).ifPresent(why -> problems.add(
                            Problem.error(folder.path(), "", "version " + version + " is taken: " + gone.getKey() + " "
                                    + RepositoryLayout.takenDown(name, gone.getValue()) + ", and " + why,
                                    "a maintainer takes " + version + " down as well (see "
                                            + RepositoryLayout.TAKEDOWN_SECTION + "): "
                                            + RepositoryLayout.NUMBER_STAYS_TAKEN)));
                }
            }
        }
        return problems;
    }

    /** The package's meta.json as the commit has it, with the takedowns HEAD records of its versions there. */
    private static PackageMeta meta(RegistrySnapshot snapshot, Optional<HeadTakedowns> takenDownAtHead,
                                    PackageName name) {
        return takenDownAtHead.map(head -> head.meta(name, snapshot.meta(name))).orElse(snapshot.meta(name));
    }

    /**
     * The numbers {@linkplain PublicationHistory#reused reused} but those whose takedown record the commit keeps, or
     * HEAD for a build of another commit, as the check leaves them to its takedown rule: a folder back under a number
     * taken down is refused as taken, or left out, once.
     */
    private static SortedMap<PackageVersion, Removal> reusedUntaken(PublicationHistory history,
                                                                    RegistrySnapshot snapshot,
                                                                    Optional<HeadTakedowns> takenDownAtHead) {
        SortedMap<PackageVersion, Removal> reused = new TreeMap<>(history.reused());
        reused.keySet().removeIf(version -> meta(snapshot, takenDownAtHead, version.name()).takenDown().keySet()
                .stream().anyMatch(gone -> gone.samePrecedence(version.version())));
        return Collections.unmodifiableSortedMap(reused);
    }

    /**
     * Versions whose folder, deleted once, holds other files than those published under the number: pushed past the
     * check, which refuses them, and served by no build, whether or not its output served the first ones, since lock
     * files pin their tarball; but those the output serves as they are, which a generator from before builds refused
     * them served, and which lock files made since pin too, so that serving either files breaks some lock file. A
     * folder under other build metadata than the number was published with is told so, and its restore puts back
     * the folder published.
     */
    private static List<Problem> reusedNumbers(PublicationHistory history, SortedMap<PackageVersion, Removal> reused,
                                               Set<PackageVersion> servedAsNow) {
        List<Problem> problems = new ArrayList<>();
        reused.forEach((version, removal) -> {
            if (servedAsNow.contains(version)) {
                return;
            }
            String folder = RepositoryLayout.versionFolder(version.name(), version.version());
            Version published = history.removedAlike(version).orElseThrow().getKey().version();
            problems.add(Problem.error(folder, "", removal.reusedMessage(published, version.version()),
                    removal.restoreHint(folder, RepositoryLayout.versionFolder(version.name(), published))
                    + ", or have a maintainer take the version down (see "
                    + RepositoryLayout.TAKEDOWN_SECTION + "), and publish the change as a new version"));
        });
        return problems;
    }

    /**
     * Those of {@code more} about another folder than every reused number's: a version whose files differ from those
     * its number was published with is told so once, as the history tells it, which holds for a build into an empty
     * folder too, rather than as the output's guard does; one the output serves as it is is no problem of the guard's.
     */
    private static List<Problem> unlessReused(SortedMap<PackageVersion, Removal> reused, List<Problem> more) {
        Set<String> folders = reused.keySet().stream()
                .map(version -> RepositoryLayout.versionFolder(version.name(), version.version()))
                .collect(Collectors.toSet());
        return more.stream().filter(problem -> !folders.contains(problem.file())).toList();
    }

    /**
     * Folders that cannot both be published ({@link RepositoryLayout#versionClash}): one version to
     * clients, which cannot have two tarballs, or one folder on macOS and Windows. The check refuses
     * a pull request adding one, but two pull requests checked against an older base, or a push,
     * can still bring both to the branch; only a maintainer's pull request can then delete one.
     */
    private static List<Problem> clashingVersions(SortedMap<Version, VersionFolder> folders) {
        List<Problem> problems = new ArrayList<>();
        folders.values().forEach(folder -> folders.keySet().forEach(other ->
                RepositoryLayout.versionClash(folder.version(), other).ifPresent(why -> problems.add(Problem.error(
                        folder.path(), "", "version " + folder.version() + " is also published as " + other + ", and "
                                + why, "a maintainer deletes the one published later, in a pull request of their own"
                                + " (see " + RepositoryLayout.TAKEDOWN_SECTION + ")")))));
        return problems;
    }

    private static Owners owners(PackageName name, Scopes scopes, PackageMeta meta) {
        if (!name.isScoped()) {
            return new Owners(meta.owners(), Owners.NONE.teams());
        }
        Scopes.ScopeOwnership ownership = scopes.scopes().get(name.scopeWithAt());
        return ownership == null ? Owners.NONE : new Owners(ownership.owners(), ownership.teams());
    }

    /** The packages' part of a build. */
    private record Built(List<PackageSummary> summaries, SortedMap<PackageName, Packument> rebuilt, int packed,
                         int reused, List<Problem> problems) {
    }

    private Built buildPackages(RegistrySnapshot snapshot, Links links, SortedMap<PackageName, PackageState> states,
                                Optional<BuildState> previous, StagingArea staging, BuildProgress progress)
            throws IOException {
        // the limits every client applies, not the policy's: a policy lowered later holds for new versions, which
        // the check judges, and published ones stay served
        PackageBuilder builder = new PackageBuilder(new VersionPacker(snapshot,
                new PackageValidator(ArchiveLimits.DEFAULT, PackageLocation.VERSION_FOLDER), links), staging);
        Map<PackageName, PackageSummary> previousSummaries = previous.isPresent()
                ? previousSummaries(staging) : Map.of();
        AtomicInteger done = new AtomicInteger();
        int total = states.size();
        List<PackageResult> results = inParallel(states.keySet().stream().toList(), name -> {
            PackageResult result = buildPackage(builder, snapshot, name, states.get(name),
                    previous.map(build -> build.packages().get(name)), previousSummaries);
            progress.packageBuilt(done.incrementAndGet(), total);
            return result;
        });
        SortedMap<PackageName, Packument> rebuilt = new TreeMap<>();
        List<PackageSummary> summaries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int packed = 0;
        int reused = 0;
        for (PackageResult result : results) {
            result.packument().ifPresent(packument -> rebuilt.put(packument.name(), packument));
            result.summary().ifPresent(summaries::add);
            problems.addAll(result.problems());
            packed += result.packed();
            reused += result.reused();
        }
        return new Built(summaries, rebuilt, packed, reused, problems);
    }

    /**
     * Carries the package's folder over when nothing it depends on changed since the previous
     * build, else builds it (still reusing its unchanged versions).
     */
    private static PackageResult buildPackage(PackageBuilder builder, RegistrySnapshot snapshot, PackageName name,
                                              PackageState state, Optional<PackageState> old,
                                              Map<PackageName, PackageSummary> previousSummaries) {
        try {
            // A package without a version has no line in packages.json to carry over, so it is built again: its
            // index.json alone, which the staging area keeps as the previous file when the bytes are the same.
            if (old.filter(state::equals).isPresent() && previousSummaries.containsKey(name)) {
                return new PackageResult(Optional.of(previousSummaries.get(name)), Optional.empty(), 0,
                        builder.carryOver(name, state), List.of());
            }
            PackageBuilder.Outcome outcome = builder.build(name, snapshot.packages().getOrDefault(name,
                    Collections.emptySortedMap()), state, old);
            return new PackageResult(outcome.packument().flatMap(PackageDocuments::summary), outcome.packument(),
                    outcome.packed(), outcome.reused(), outcome.problems());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** One package's part of a build; without a summary when the package has problems. */
    private record PackageResult(Optional<PackageSummary> summary, Optional<Packument> packument,
                                 int packed, int reused,
                                 List<Problem> problems) {
    }

    private static Map<PackageName, PackageSummary> previousSummaries(StagingArea staging) throws IOException {
        if (!staging.hasPrevious(RegistryLayout.PACKAGE_LIST)) {
            return Map.of();
        }
        return staging.readPrevious(RegistryLayout.PACKAGE_LIST, PackageList.class).packages().stream()
                .collect(Collectors.toMap(PackageSummary::name, Function.identity()));
    }

    /** Runs the task over every item on this builder's pool, keeping the items' order in the results. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> task) throws IOException {
        return ParallelTasks.map(items, parallelism, task);
    }

    private static RegistryDocument registryDocument(RegistrySnapshot snapshot, BuildState state, Links links) {
        RegistryConfig config = snapshot.config().orElseThrow();
        return new RegistryDocument(RegistryLayout.PROTOCOL_VERSION, config.name(), config.git().toString(),
                config.isPrivate(), state.commit(), snapshot.commitTime(), links.templates(),
                new RegistryDocument.Counts(packageCount(state.packages()), versionCount(state.packages())));
    }

    /** The packages with a version, as packages.json lists them: one whose every version was taken down is none. */
    private static int packageCount(Map<PackageName, PackageState> packages) {
        return (int) packages.values().stream().filter(state -> !state.versions().isEmpty()).count();
    }

    private static int versionCount(Map<PackageName, PackageState> packages) {
        return packages.values().stream().mapToInt(state -> state.versions().size()).sum();
    }

    private Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }
}
