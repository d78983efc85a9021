package io.prompd.generator.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
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
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.generator.build.BuildState.PackageState;
import io.prompd.generator.build.BuildState.VersionState;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
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
        try (RegistryRepository repository = RegistryRepository.open(options.repository())) {
            ObjectId commit = repository.resolve("--rev", options.revision());
            if (stateFile.filter(file -> file.header().isBuildOf(commit.name(), baseUrl)).isPresent()) {
                return alreadyBuilt(out, commit.name(), start);
            }
            // The previous build's packages (megabytes of JSON), or the documents of an output of another format,
            // are parsed while the snapshot is read, which does not need them.
            CompletableFuture<Served> pendingServed = Futures.inBackground("previous-build",
                    () -> Served.of(out, stateFile));
            repository.requireWholeHistory("a build");
            return repository.readingObjects("the build",
                    () -> buildCommit(repository, commit, options, progress, pendingServed, start));
        }
    }

    private BuildResult buildCommit(RegistryRepository repository, ObjectId commit, BuildOptions options,
                                    BuildProgress progress, CompletableFuture<Served> pendingServed, long start)
            throws IOException {
        Path out = options.out();
        Optional<String> baseUrl = options.baseUrl().map(URI::toString);
        CompletableFuture<RegistrySnapshot> pendingSnapshot = Futures.inBackground("registry-snapshot",
                () -> RegistrySnapshot.read(repository, commit));
        Served output = Futures.join(pendingServed);
        Optional<BuildState> served = output.state();
        Optional<BuildState> previous = served.filter(state -> state.sameOptions(baseUrl));
        // created before the history walk, so the last retired build is deleted meanwhile; an output of another format
        // is rebuilt in full, but its files whose bytes come out the same are kept as they are, for a sync by mtime
        try (StagingArea staging = StagingArea.create(out, previous.isPresent() || output.documents().isPresent()
                ? Optional.of(out) : Optional.empty())) {
            CompletableFuture<PublicationHistory> pendingHistory = Futures.inBackground("publication-history",
                    () -> previous.isPresent()
                            ? previous.get().history().update(repository, commit)
                            : PublicationHistory.compute(repository, commit));
            RegistrySnapshot snapshot = Futures.join(pendingSnapshot);
            PublicationHistory history = Futures.join(pendingHistory);
            List<Problem> problems = new ArrayList<>(snapshot.problems().stream().filter(Problem::isError).toList());
            snapshot.packagesWithMeta().forEach(name -> snapshot.metaProblems(name).stream()
                    .filter(Problem::isError).forEach(problems::add));
            // Without registry.json there is no registry document to write; any other problem still
            // lets the packages be read, so that the build reports their problems too.
            if (snapshot.config().isEmpty()) {
                throw failure(snapshot.withLines(problems));
            }
            SortedMap<PackageName, PackageState> states = packageStates(snapshot, history, problems);
            if (served.isPresent()) {
                problems.addAll(changedSinceServed(served.get(), states, repository, out));
            }
            Optional<ServedTakedowns> takedowns = output.takedowns();
            // takedowns is present whenever the output has a state, so no version left out goes unrefused
            SortedMap<PackageName, SortedSet<Version>> servedVersions = output.versions();
            List<PackageVersion> leftOut = leftOutUnrecorded(servedVersions, states);
            List<BuildWarning> warnings = new ArrayList<>(takedowns.isEmpty() ? List.of() : refusedUnlessForced(
                    servedAgain(takedowns.get(), states), leftOut, takedowns.get().commit(), commit, options));
            served.flatMap(old -> republished(old, states)).ifPresent(warnings::add);
            BuildState state = new BuildState(BuildState.FORMAT, commit.name(), baseUrl.orElse(null), states,
                    vanished(output.vanished(), states, leftOut, out), BuildState.removed(history));
            Links links = new Links(options.baseUrl());
            Built built = buildPackages(snapshot, links, state, previous, staging, progress);
            problems.addAll(built.problems());
            output.documents().ifPresent(documents -> problems.addAll(
                    servedNumbersChanged(documents.versions(), built.rebuilt(), out)));
            problems.addAll(vanishedNumbersReused(output.vanished(), built.rebuilt()));
            if (!problems.isEmpty()) {
                throw failure(snapshot.withLines(problems));
            }
            BuiltRegistry registry = new BuiltRegistry(registryDocument(snapshot, state, links),
                    new PackageList(built.summaries()), built.rebuilt());
            for (RegistryWriter writer : writers) {
                writer.write(registry, staging);
            }
            staging.write(BuildState.FILE, Json.write(state));
            staging.publish();
            if (leavesServedVersionsOut(servedVersions, states)) {
                staging.deleteRetired();
            }
            return new BuildResult(commit.name(), packageCount(states), versionCount(states), built.packed(),
                    built.reused(), false, elapsedSince(start), warnings,
                    output.documents().map(ServedDocuments::format));
        }
    }

    /** The result of a build that writes nothing, when the folder already holds this very build. */
    private BuildResult alreadyBuilt(Path out, String commit, long start) throws IOException {
        RegistryDocument.Counts counts = OutputFolder.readDocument(out, RegistryLayout.REGISTRY_DOCUMENT,
                RegistryDocument.class).counts();
        return new BuildResult(commit, counts.packages(), counts.versions(), 0, counts.versions(), true,
                elapsedSince(start), List.of());
    }

    private static ValidationException failure(List<Problem> problems) {
        return new ValidationException("the registry cannot be built: fix these problems in the repository",
                problems.stream().sorted(Problem.ORDER).toList());
    }

    /**
     * What every package's files depend on; a version folder without a manifest was never published and is
     * reported. A package every version of which was taken down is one while its meta.json records the takedowns.
     */
    private static SortedMap<PackageName, PackageState> packageStates(RegistrySnapshot snapshot,
                                                                      PublicationHistory history,
                                                                      List<Problem> problems) {
        SortedMap<PackageName, PackageState> states = new TreeMap<>();
        snapshot.namesInUse().forEach(name -> {
            SortedMap<Version, VersionFolder> folders = snapshot.packages().getOrDefault(name,
                    Collections.emptySortedMap());
            problems.addAll(clashingVersions(folders));
            SortedMap<Version, VersionState> versions = new TreeMap<>();
            folders.forEach((version, folder) -> {
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
            PackageMeta meta = snapshot.meta(name);
            if (!versions.isEmpty() || !meta.takenDown().isEmpty()) {
                SortedMap<Version, String> takenDown = new TreeMap<>();
                meta.takenDown().keySet().forEach(version -> Optional.ofNullable(history.removed().get(
                        new PackageVersion(name, version))).ifPresent(tree -> takenDown.put(version, tree.name())));
                // a package with a folder has a commit that added it on the line
                states.put(name, new PackageState(versions, meta, owners(name, snapshot.scopes(), meta),
                        history.lastChanges().get(name), takenDown));
            }
        });
        return states;
    }

    /**
     * Versions the output serves whose folder now holds other files: a published version never changes,
     * since lock files pin its tarball's integrity, so only a rewritten history (a force-push, a reset) or a
     * push that bypassed the check can do this, and the build refuses it rather than serve new bytes under
     * the old number. A version that is gone is no error: a takedown, or a build of an older commit, removes
     * it. Nor is a new tree whose files differ only in their executable bits, which no tarball holds: the
     * version is packed again, to the same bytes. Only an output built before holds this record: a build into
     * an empty folder, as a CI runner's, has nothing to compare with.
     */
    private static List<Problem> changedSinceServed(BuildState served, SortedMap<PackageName, PackageState> states,
                                                    RegistryRepository repository, Path out) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<PackageName, PackageState> state : states.entrySet()) {
            PackageName name = state.getKey();
            PackageState old = served.packages().get(name);
            for (Map.Entry<Version, VersionState> now : state.getValue().versions().entrySet()) {
                Version version = now.getKey();
                VersionState before = old == null ? null : old.versions().get(version);
                if (before != null && !before.tree().equals(now.getValue().tree()) && !CommitRange.sameFiles(
                        repository, ObjectId.fromString(before.tree()), ObjectId.fromString(now.getValue().tree()))) {
                    problems.add(Problem.error(RepositoryLayout.versionFolder(name, version), "",
                            "the version's files differ from those the output serves, published in commit "
                                    + RegistryRepository.shortId(before.commit()) + ": the branch's history was"
                                    + " rewritten, or a push bypassed the check, and lock files pin the tarball the"
                                    + " published files made",
                            "put the published files back (the served tarball, " + out.resolve(
                                    RegistryLayout.tarball(name, version)) + ", holds them) and " + NEW_NUMBER_HINT));
                }
            }
        }
        return problems;
    }

    /**
     * The versions the output serves that this commit gives another publishing commit, their files the same: a
     * rewritten history (a leaked secret purged with {@code git filter-branch}) gives every commit from the first it
     * changed a new id, though the version documents served as never changing name their commit. The build writes the
     * new commit, as a build into an empty folder would, so the output stays the one of its repository, and says so:
     * caches and mirrors keep the old documents until told.
     */
    private static Optional<BuildWarning> republished(BuildState served, SortedMap<PackageName, PackageState> states) {
        List<PackageVersion> republished = new ArrayList<>();
        boolean updatedAtKept = true;
        for (Map.Entry<PackageName, PackageState> built : states.entrySet()) {
            PackageState old = served.packages().get(built.getKey());
            for (Map.Entry<Version, VersionState> now : built.getValue().versions().entrySet()) {
                VersionState before = old == null ? null : old.versions().get(now.getKey());
                if (before != null && !before.commit().equals(now.getValue().commit())) {
                    republished.add(new PackageVersion(built.getKey(), now.getKey()));
                    updatedAtKept &= old.updatedAt().equals(built.getValue().updatedAt());
                }
            }
        }
        return republished.isEmpty() ? Optional.empty()
                : Optional.of(new BuildWarning.HistoryRewritten(served.commit(), republished, updatedAtKept));
    }

    /** How to publish other files than those of a version served once, as every refusal of them says. */
    private static final String NEW_NUMBER_HINT = "publish the change as a new version; to serve the new files under"
            + " the old number anyway, build into an empty --out (every lock file that pins the version then fails its"
            + " integrity check)";

    /**
     * Versions the output serves that this commit leaves out with no takedown record: the check refuses deleting a
     * version folder without one, so a rewritten history, a push past the check, or a build going back to an older
     * commit left them out, and lock files pin them.
     */
    private static List<PackageVersion> leftOutUnrecorded(SortedMap<PackageName, SortedSet<Version>> served,
                                                          SortedMap<PackageName, PackageState> states) {
        List<PackageVersion> leftOut = new ArrayList<>();
        served.forEach((name, versions) -> {
            PackageState now = states.get(name);
            versions.stream()
                    .filter(version -> now == null || !now.versions().containsKey(version)
                            && !now.meta().takenDown().containsKey(version))
                    .forEach(version -> leftOut.add(new PackageVersion(name, version)));
        });
        return leftOut;
    }

    /**
     * The versions served once and left out with no takedown record, to the integrity of the tarball served: those
     * the output's state kept, but the ones this commit serves again, and those it now leaves out, whose integrity
     * their served documents hold. A document deleted or damaged by hand keeps nothing.
     *
     * @param kept the numbers the output's state kept
     */
    private static SortedMap<PackageName, SortedMap<Version, Integrity>> vanished(
            SortedMap<PackageName, SortedMap<Version, Integrity>> kept, SortedMap<PackageName, PackageState> states,
            List<PackageVersion> leftOut, Path out) throws IOException {
        SortedMap<PackageName, SortedMap<Version, Integrity>> vanished = new TreeMap<>();
        kept.forEach((name, versions) -> versions.forEach((version, integrity) -> {
            PackageState now = states.get(name);
            if (now == null || !now.versions().containsKey(version)) {
                vanished.computeIfAbsent(name, any -> new TreeMap<>()).put(version, integrity);
            }
        }));
        for (PackageVersion version : leftOut) {
            Path document = out.resolve(RegistryLayout.versionDocument(version.name(), version.version()));
            try {
                Integrity integrity = Json.read(Files.readAllBytes(document), VersionDocument.class).dist().integrity();
                vanished.computeIfAbsent(version.name(), any -> new TreeMap<>()).put(version.version(), integrity);
            } catch (NoSuchFileException | JsonProcessingException | IllegalArgumentException unreadable) {
                // the output belongs to the build, and a file changed by hand is left as it is
            }
        }
        return vanished;
    }

    /**
     * Versions served once and left out with no takedown record that this commit serves again with other files:
     * the one-step change {@link #changedSinceServed} refuses, done in two builds.
     *
     * @param kept the numbers the output's state kept
     */
    private static List<Problem> vanishedNumbersReused(SortedMap<PackageName, SortedMap<Version, Integrity>> kept,
                                                       SortedMap<PackageName, Packument> rebuilt) {
        return packedOtherwise(kept, rebuilt, (version, integrity) -> Problem.error(
                RepositoryLayout.versionFolder(version.name(), version.version()), "",
                "the version's files differ from those the output served under this number (" + integrity + ") until"
                        + " a build left it out with no takedown record: the branch's history was rewritten, or a push"
                        + " bypassed the check, and lock files pin the tarball the published files made",
                "put the published files back and " + NEW_NUMBER_HINT));
    }

    /**
     * Versions an output of another format serves that this commit packs to other bytes: {@link #changedSinceServed}
     * for an output whose state tells no Git trees, told by the tarballs' integrities, since a build after the upgrade
     * packs every version again.
     *
     * @param served every version the output serves, to its tarball's integrity, as its documents give them
     */
    private static List<Problem> servedNumbersChanged(SortedMap<PackageName, SortedMap<Version, Integrity>> served,
                                                      SortedMap<PackageName, Packument> rebuilt, Path out) {
        return packedOtherwise(served, rebuilt, (version, integrity) -> Problem.error(
                RepositoryLayout.versionFolder(version.name(), version.version()), "",
                "the version's files differ from those the output serves (" + integrity + "): the branch's history"
                        + " was rewritten, or a push bypassed the check, and lock files pin the tarball the published"
                        + " files made",
                "put the published files back (the served tarball, " + out.resolve(RegistryLayout.tarball(
                        version.name(), version.version())) + ", holds them) and " + NEW_NUMBER_HINT));
    }

    /** A problem for each version this build packed to another tarball than the integrity {@code pinned} gives. */
    private static List<Problem> packedOtherwise(SortedMap<PackageName, SortedMap<Version, Integrity>> pinned,
                                                 SortedMap<PackageName, Packument> rebuilt,
                                                 BiFunction<PackageVersion, Integrity, Problem> problem) {
        List<Problem> problems = new ArrayList<>();
        pinned.forEach((name, versions) -> versions.forEach((version, integrity) -> {
            Optional<Integrity> now = Optional.ofNullable(rebuilt.get(name))
                    .map(packument -> packument.versions().get(version)).map(summary -> summary.dist().integrity());
            if (now.isPresent() && !now.get().equals(integrity)) {
                problems.add(problem.apply(new PackageVersion(name, version), integrity));
            }
        }));
        return problems;
    }

    /**
     * The versions the output's build took down that this commit would serve again: the check refuses a folder for a
     * number taken down, so only a build of an older commit (going back with {@code --rev}) or a rewritten history
     * brings one back, and a takedown is as a rule a leaked secret or content that must go, which an operator going
     * back to an older state for another reason does not mean to serve again. A version comes back under its number or
     * one clients take for it ({@link RepositoryLayout#versionClash}); one whose takedown the commit still records is
     * a problem of the commit ({@link PackageDocuments#checkMeta}), which no --force builds.
     */
    private static SortedMap<PackageVersion, String> servedAgain(ServedTakedowns served,
                                                                SortedMap<PackageName, PackageState> states) {
        SortedMap<PackageVersion, String> again = new TreeMap<>();
        served.reasons().forEach((taken, reason) -> {
            PackageState now = states.get(taken.name());
            if (now != null && !now.meta().takenDown().containsKey(taken.version()) && now.versions().keySet().stream()
                    .anyMatch(version -> version.equals(taken.version())
                            || RepositoryLayout.versionClash(version, taken.version()).isPresent())) {
                again.put(taken, reason);
            }
        });
        return again;
    }

    /**
     * Refuses a build that would serve again versions the output's build took down, or leave out versions it serves
     * with no takedown record, unless forced, naming both kinds together before --force is offered for them, and
     * otherwise gives the warnings of what the forced build does: neither must happen without anyone noticing.
     *
     * @param outputCommit the commit the output was built from
     */
    private static List<BuildWarning> refusedUnlessForced(SortedMap<PackageVersion, String> again,
                                                          List<PackageVersion> leftOut, String outputCommit,
                                                          ObjectId commit, BuildOptions options) {
        List<BuildWarning> warnings = new ArrayList<>();
        if (!again.isEmpty()) {
            warnings.add(new BuildWarning.TakenDownServedAgain(outputCommit, again));
        }
        if (!leftOut.isEmpty()) {
            warnings.add(new BuildWarning.ServedVersionsLeftOut(outputCommit, leftOut));
        }
        if (warnings.isEmpty() || options.force()) {
            return warnings;
        }
        String servedCommit = RegistryRepository.shortId(outputCommit);
        String build = "the build " + options.out() + " holds, of commit " + servedCommit;
        List<String> refusals = new ArrayList<>();
        if (!again.isEmpty()) {
            refusals.add("would serve again " + Plural.count(again.size(), "version") + " that " + build
                    + ", took down (" + Takedowns.withReasons(again) + ")");
        }
        if (!leftOut.isEmpty()) {
            refusals.add("leaves out " + Plural.count(leftOut.size(), "version") + " that "
                    + (again.isEmpty() ? build + "," : "it") + " serves, with no takedown record ("
                    + PackageVersion.named(leftOut) + "): the branch's history was rewritten, a push bypassed the"
                    + " check, or the commit is older than the output's, and lock files pin them");
        }
        String hint;
        if (leftOut.isEmpty()) {
            hint = "build commit " + servedCommit + " or a later one, which keeps them down; to serve them again"
                    + " anyway, add --force";
        } else if (again.isEmpty()) {
            hint = "put their folders back, or take each down with a takenDown record in its meta.json (see \"Take a"
                    + " version down\" in the registry's README); to leave them out anyway, add --force (their numbers"
                    + " stay kept for the tarballs served)";
        } else {
            hint = "build commit " + servedCommit + " or a later one, which keeps the ones taken down down and serves"
                    + " the others; to serve the ones taken down again and leave the others out anyway, add --force"
                    + " (the numbers left out stay kept for the tarballs served)";
        }
        throw new PrompdException(ExitCode.CONFLICT, "commit " + RegistryRepository.shortId(commit.name()) + " "
                + String.join(", and ", refusals), hint);
    }

    /**
     * Whether the output served a version that this build leaves out, as a rule one taken down for a leaked
     * secret: the retired output still holds its tarball, and when the output's folder is inside a web root,
     * so is the retired one beside it, serving the tarball until the next build deleted it.
     */
    private static boolean leavesServedVersionsOut(SortedMap<PackageName, SortedSet<Version>> served,
                                                   SortedMap<PackageName, PackageState> states) {
        return served.entrySet().stream().anyMatch(old -> !states.containsKey(old.getKey())
                || !states.get(old.getKey()).versions().keySet().containsAll(old.getValue()));
    }

    /**
     * What the output serves, as the guards against leaving out, changing and serving again its versions need it:
     * its build state, or, for a state of another format, which this generator does not build on, its documents;
     * neither for a new or empty folder.
     */
    private record Served(Optional<BuildState> state, Optional<ServedDocuments> documents) {

        static Served of(Path out, Optional<BuildState.StateFile> file) throws IOException {
            if (file.isEmpty()) {
                return new Served(Optional.empty(), Optional.empty());
            }
            Optional<BuildState> state = file.get().state();
            return new Served(state, state.isPresent() ? Optional.empty()
                    : Optional.of(ServedDocuments.read(out, file.get())));
        }

        /** Present whenever the output has a build state. */
        Optional<ServedTakedowns> takedowns() {
            return state.map(ServedTakedowns::of).or(() -> documents.map(ServedDocuments::takedowns));
        }

        /** Every version served, by package. */
        SortedMap<PackageName, SortedSet<Version>> versions() {
            SortedMap<PackageName, SortedSet<Version>> versions = new TreeMap<>();
            state.ifPresent(served -> served.packages().forEach((name, old) ->
                    versions.put(name, new TreeSet<>(old.versions().keySet()))));
            documents.ifPresent(served -> served.versions().forEach((name, old) ->
                    versions.put(name, new TreeSet<>(old.keySet()))));
            return versions;
        }

        /** The numbers kept for tarballs served once and left out with no takedown record. */
        SortedMap<PackageName, SortedMap<Version, Integrity>> vanished() {
            return state.map(BuildState::vanished).or(() -> documents.map(ServedDocuments::vanished))
                    .orElse(Collections.emptySortedMap());
        }
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
                                + " (see \"Take a version down\" in the registry's README)")))));
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

    private Built buildPackages(RegistrySnapshot snapshot, Links links, BuildState state,
                                Optional<BuildState> previous, StagingArea staging, BuildProgress progress)
            throws IOException {
        // the limits every client applies, not the policy's: a policy lowered later holds for new versions, which
        // the check judges, and published ones stay served
        PackageBuilder builder = new PackageBuilder(new VersionPacker(snapshot,
                new PackageValidator(ArchiveLimits.DEFAULT, PackageLocation.VERSION_FOLDER), links), staging);
        Map<PackageName, PackageSummary> previousSummaries = previous.isPresent()
                ? previousSummaries(staging) : Map.of();
        AtomicInteger done = new AtomicInteger();
        int total = state.packages().size();
        List<PackageResult> results = inParallel(state.packages().keySet().stream().toList(), name -> {
            PackageResult result = buildPackage(builder, snapshot, name, state.packages().get(name),
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
