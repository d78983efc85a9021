package io.prompd.generator.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.generator.build.BuildState.PackageState;
import io.prompd.generator.build.BuildState.VersionState;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.RepositoryLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What the output folder serves, and the guards a build of a new commit passes against it: lock files pin every
 * version served, so a build must not serve other files under a served number, nor leave out a served version or serve
 * again one taken down without anyone noticing. What is served is the output's build state, or, for a state of another
 * format, which this generator does not build on, its documents; neither for a new or empty folder, which has nothing
 * to compare with.
 */
final class ServedOutputGuard {

    /** How to publish other files than those of a version served once, as every refusal of them says. */
    private static final String NEW_NUMBER_HINT = "publish the change as a new version; to serve the new files under"
            + " the old number anyway, build into an empty --out (every lock file that pins the version then fails its"
            + " integrity check)";

    private final Path out;
    /** The header of the output's build state, of any format. */
    private final Optional<BuildState.Header> header;
    private final Optional<BuildState> state;
    private final Optional<ServedDocuments> documents;
    /** Every version served, by package. */
    private final SortedMap<PackageName, SortedSet<Version>> versions;

    private ServedOutputGuard(Path out, Optional<BuildState.Header> header, Optional<BuildState> state,
                              Optional<ServedDocuments> documents) {
        this.out = out;
        this.header = header;
        this.state = state;
        this.documents = documents;
        this.versions = new TreeMap<>();
        state.ifPresent(served -> served.packages().forEach((name, old) ->
                versions.put(name, Collections.unmodifiableSortedSet(new TreeSet<>(old.versions().keySet())))));
        documents.ifPresent(served -> served.versions().forEach((name, old) ->
                versions.put(name, Collections.unmodifiableSortedSet(new TreeSet<>(old.keySet())))));
    }

    /** What the output {@code out}, whose state file is {@code file}, serves. */
    static ServedOutputGuard of(Path out, Optional<BuildState.StateFile> file) throws IOException {
        if (file.isEmpty()) {
            return new ServedOutputGuard(out, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<BuildState> state = file.get().state();
        Optional<ServedDocuments> documents = state.isPresent() ? Optional.empty()
                : Optional.of(ServedDocuments.read(out, file.get()));
        return new ServedOutputGuard(out, Optional.of(file.get().header()), state, documents);
    }

    /** The output's build state, when it has one of this generator's format. */
    Optional<BuildState> state() {
        return state;
    }

    /** The output's documents, when its build state is of another format. */
    Optional<ServedDocuments> documents() {
        return documents;
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
    List<Problem> changedSinceServed(SortedMap<PackageName, PackageState> states, RegistryRepository repository)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (StillServed version : stillServed(states)) {
            if (!sameFiles(version.before(), version.now(), repository)) {
                problems.add(filesDiffer(version.version(), "serves, published in commit "
                        + RegistryRepository.shortId(version.before().commit()), true));
            }
        }
        return problems;
    }

    private static boolean sameFiles(VersionState before, VersionState now, RegistryRepository repository)
            throws IOException {
        return before.tree().equals(now.tree()) || CommitRange.sameFiles(repository, ObjectId.fromString(before.tree()),
                ObjectId.fromString(now.tree()));
    }

    /**
     * Of the numbers {@linkplain PublicationHistory#reused reused}, those the output serves with the very files this
     * commit holds under them, as a build of a generator from before builds refused a reused number served them: by
     * their tree for an output of this generator's format, by the integrity of the tarball this build packed for one
     * of another, whose state tells no trees, and which this build packs whole. Lock files made since pin those files.
     */
    Optional<BuildWarning.ReusedNumbersServed> servedAsNow(SortedMap<PackageVersion, Removal> reused,
                                                           SortedMap<PackageName, PackageState> states,
                                                           SortedMap<PackageName, Packument> rebuilt,
                                                           RegistryRepository repository) throws IOException {
        SortedMap<PackageVersion, Removal> served = new TreeMap<>();
        for (Map.Entry<PackageVersion, Removal> number : reused.entrySet()) {
            PackageVersion version = number.getKey();
            Optional<VersionState> before = state.map(output -> output.packages().get(version.name()))
                    .map(old -> old.versions().get(version.version()));
            Optional<VersionState> now = Optional.ofNullable(states.get(version.name()))
                    .map(built -> built.versions().get(version.version()));
            Optional<Integrity> integrity = documents.map(ServedDocuments::versions)
                    .map(versions -> versions.get(version.name())).map(versions -> versions.get(version.version()));
            if (state.isPresent() ? before.isPresent() && now.isPresent()
                    && sameFiles(before.get(), now.get(), repository)
                    : integrity.isPresent() && integrity.equals(packed(rebuilt, version))) {
                served.put(version, number.getValue());
            }
        }
        return served.isEmpty() ? Optional.empty()
                : Optional.of(new BuildWarning.ReusedNumbersServed(header.orElseThrow().commit(), served));
    }

    /**
     * The versions the output serves that this commit gives another publishing commit, their files the same: a
     * rewritten history (a leaked secret purged with {@code git filter-branch}) gives every commit from the first it
     * changed a new id, though the version documents served as never changing name their commit. The build writes the
     * new commit, as a build into an empty folder would, so the output stays the one of its repository, and says so:
     * caches and mirrors keep the old documents until told.
     */
    Optional<BuildWarning> republished(SortedMap<PackageName, PackageState> states) {
        List<PackageVersion> republished = new ArrayList<>();
        boolean updatedAtKept = true;
        for (StillServed version : stillServed(states)) {
            if (!version.before().commit().equals(version.now().commit())) {
                republished.add(version.version());
                updatedAtKept &= version.oldPackage().updatedAt().equals(version.newPackage().updatedAt());
            }
        }
        return republished.isEmpty() ? Optional.empty()
                : Optional.of(new BuildWarning.HistoryRewritten(state.orElseThrow().commit(), republished,
                        updatedAtKept));
    }

    /**
     * Whether the output serves a build, of this generator's format or another: its files whose bytes a build writes
     * again are kept as they are, inode and mtime, for a sync by mtime.
     */
    boolean servesABuild() {
        return header.isPresent();
    }

    /**
     * The version documents this build writes with another base URL than the output's build did: each names its
     * tarball's URL, so every one served and still served changed, though served as never changing.
     *
     * @param baseUrl this build's, empty for relative URLs
     */
    Optional<BuildWarning> baseUrlChanged(SortedMap<PackageName, PackageState> states, Optional<String> baseUrl) {
        Optional<String> previous = header.flatMap(served -> Optional.ofNullable(served.baseUrl()));
        int documents = (int) states.entrySet().stream().mapToLong(now -> now.getValue().versions().keySet().stream()
                .filter(versions.getOrDefault(now.getKey(), Collections.emptySortedSet())::contains).count()).sum();
        return previous.equals(baseUrl) || documents == 0 ? Optional.empty()
                : Optional.of(new BuildWarning.BaseUrlChanged(header.orElseThrow().commit(), previous, baseUrl,
                        documents));
    }

    /**
     * A version this commit serves that the output's state serves too, with its package's and its own state in
     * either.
     */
    private record StillServed(PackageVersion version, PackageState oldPackage, VersionState before,
                               PackageState newPackage, VersionState now) {
    }

    /** Every version this commit serves that the output's state serves too; none without a state. */
    private List<StillServed> stillServed(SortedMap<PackageName, PackageState> states) {
        List<StillServed> still = new ArrayList<>();
        state.ifPresent(served -> states.forEach((name, built) -> {
            PackageState old = served.packages().get(name);
            built.versions().forEach((version, now) -> {
                VersionState before = old == null ? null : old.versions().get(version);
                if (before != null) {
                    still.add(new StillServed(new PackageVersion(name, version), old, before, built, now));
                }
            });
        }));
        return still;
    }

    /**
     * The problem of a version whose files differ from those served under its number, as every refusal of one words
     * it.
     *
     * @param served        how the output serves, or served, the version: "serves (integrity)"
     * @param tarballServed whether the output still holds the tarball of the published files
     */
    private Problem filesDiffer(PackageVersion version, String served, boolean tarballServed) {
        return Problem.error(RepositoryLayout.versionFolder(version.name(), version.version()), "",
                "the version's files differ from those the output " + served + ": the branch's history was"
                        + " rewritten, or a push bypassed the check, and lock files pin the tarball the published"
                        + " files made",
                "put the published files back" + (tarballServed ? " (the served tarball, " + out.resolve(
                        RegistryLayout.tarball(version.name(), version.version())) + ", holds them)" : "") + " and "
                        + NEW_NUMBER_HINT);
    }

    /**
     * Versions the output serves that this commit leaves out with no takedown record: the check refuses deleting a
     * version folder without one, so a rewritten history, a push past the check, or a build going back to an older
     * commit left them out, and lock files pin them.
     */
    List<PackageVersion> leftOutUnrecorded(SortedMap<PackageName, PackageState> states) {
        List<PackageVersion> leftOut = new ArrayList<>();
        versions.forEach((name, served) -> {
            PackageState now = states.get(name);
            served.stream()
                    .filter(version -> now == null || !now.versions().containsKey(version)
                            && !now.meta().takenDown().containsKey(version))
                    .forEach(version -> leftOut.add(new PackageVersion(name, version)));
        });
        return leftOut;
    }

    /**
     * The versions served once and left out with no takedown record, to the integrity of the tarball served: those
     * the output's state kept, but the ones this commit serves again, and those it now leaves out, whose integrity
     * their served documents hold.
     *
     * @param leftOut what {@link #leftOutUnrecorded} gives
     * @throws PrompdException when the document of a version left out is damaged
     */
    SortedMap<PackageName, SortedMap<Version, Integrity>> vanished(SortedMap<PackageName, PackageState> states,
                                                                   List<PackageVersion> leftOut) throws IOException {
        SortedMap<PackageName, SortedMap<Version, Integrity>> vanished = new TreeMap<>();
        kept().forEach((name, versions) -> versions.forEach((version, integrity) -> {
            PackageState now = states.get(name);
            if (now == null || !now.versions().containsKey(version)) {
                vanished.computeIfAbsent(name, any -> new TreeMap<>()).put(version, integrity);
            }
        }));
        for (PackageVersion version : leftOut) {
            vanished.computeIfAbsent(version.name(), any -> new TreeMap<>()).put(version.version(),
                    servedIntegrity(version));
        }
        return vanished;
    }

    /**
     * The integrity of the tarball served under the number of a version left out, from the version's served document.
     * Every version the output serves has one, and a takedown, which removes it, leaves no version out; one that is
     * missing, no file, or does not read is refused as damaged, as a damaged state is: a build that kept nothing for
     * the number would let a later one serve other files under it, unrefused. So is one whose integrity the tarball
     * served beside it, which lock files pinned, does not have, edited by hand or beside a tarball replaced or
     * deleted: a build that kept it would refuse the published files served again, and let other files through.
     */
    private Integrity servedIntegrity(PackageVersion version) throws IOException {
        String path = RegistryLayout.versionDocument(version.name(), version.version());
        Path file = out.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw leftOutDamaged(version, path, Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "it is no file"
                    : "it is missing", Optional.empty());
        }
        byte[] text = Files.readAllBytes(file);
        VersionDocument document;
        try {
            document = Json.read(text, VersionDocument.class);
        } catch (JsonProcessingException unreadable) {
            throw leftOutDamaged(version, path, JsonSyntaxError.of(unreadable, text).placeAndReason(),
                    Optional.empty());
        }
        if (!document.name().equals(version.name()) || !document.version().equals(version.version())) {
            throw leftOutDamaged(version, path, "it describes " + document.name() + "@" + document.version(),
                    Optional.empty());
        }
        Integrity integrity = document.dist().integrity();
        Path tarball = out.resolve(RegistryLayout.tarball(version.name(), version.version()));
        if (!Files.isRegularFile(tarball)) {
            throw leftOutDamaged(version, path, "the tarball served beside it, " + tarball + ", is "
                    + (Files.exists(tarball, LinkOption.NOFOLLOW_LINKS) ? "no file" : "missing"),
                    Optional.of("put the tarball served back, and build again"));
        }
        Integrity hashed = Integrity.of(integrity.algorithm(), tarball);
        if (!hashed.equals(integrity)) {
            throw leftOutDamaged(version, path, "its dist.integrity is " + integrity + ", but the tarball served beside"
                    + " it, " + tarball + ", hashes to " + hashed, Optional.of("if the document was edited by hand,"
                    + " set its dist.integrity back to the tarball's, " + hashed + ", and build again; if the"
                    + " tarball was replaced, put the one served back"));
        }
        return integrity;
    }

    /** @param repair a repair of the output in place, where one is known */
    private PrompdException leftOutDamaged(PackageVersion version, String path, String why, Optional<String> repair) {
        return OutputFolder.damaged(out, path, why, "the build leaves out " + version + " with no takedown record"
                + " and keeps the integrity of the tarball served under its number from it, so that no later build"
                + " serves other files under that number", repair);
    }

    /** The numbers the output's state kept for tarballs served once and left out with no takedown record. */
    private SortedMap<PackageName, SortedMap<Version, Integrity>> kept() {
        return state.map(BuildState::vanished).or(() -> documents.map(ServedDocuments::vanished))
                .orElse(Collections.emptySortedMap());
    }

    /**
     * Versions this build packed to other bytes than the output serves or served under their numbers: for an output
     * of another format, whose state tells no Git trees, {@link #changedSinceServed} told by the tarballs'
     * integrities, since a build after the upgrade packs every version again; and versions served once and left out
     * with no takedown record that this commit serves again with other files, the one-step change
     * {@link #changedSinceServed} refuses, done in two builds.
     */
    List<Problem> numbersReused(SortedMap<PackageName, Packument> rebuilt) {
        List<Problem> problems = new ArrayList<>();
        documents.ifPresent(served -> problems.addAll(packedOtherwise(served.versions(), rebuilt,
                (version, integrity) -> filesDiffer(version, "serves (" + integrity + ")", true))));
        problems.addAll(packedOtherwise(kept(), rebuilt, (version, integrity) -> filesDiffer(version,
                "served under this number (" + integrity + ") until a build left it out with no takedown record",
                false)));
        return problems;
    }

    /** A problem for each version this build packed to another tarball than the integrity {@code pinned} gives. */
    private static List<Problem> packedOtherwise(SortedMap<PackageName, SortedMap<Version, Integrity>> pinned,
                                                 SortedMap<PackageName, Packument> rebuilt,
                                                 BiFunction<PackageVersion, Integrity, Problem> problem) {
        List<Problem> problems = new ArrayList<>();
        pinned.forEach((name, versions) -> versions.forEach((version, integrity) -> {
            PackageVersion pinnedVersion = new PackageVersion(name, version);
            Optional<Integrity> now = packed(rebuilt, pinnedVersion);
            if (now.isPresent() && !now.get().equals(integrity)) {
                problems.add(problem.apply(pinnedVersion, integrity));
            }
        }));
        return problems;
    }

    /** The integrity of the tarball this build packed for the version; none when it did not pack it. */
    private static Optional<Integrity> packed(SortedMap<PackageName, Packument> rebuilt, PackageVersion version) {
        return Optional.ofNullable(rebuilt.get(version.name()))
                .map(packument -> packument.versions().get(version.version()))
                .map(summary -> summary.dist().integrity());
    }

    /**
     * Refuses a build that would serve again versions the output's build took down, or leave out versions it serves
     * with no takedown record, unless forced, naming both kinds together before --force is offered for them, and
     * otherwise gives the warnings of what the forced build does: neither must happen without anyone noticing. An
     * output with neither a state nor documents serves nothing, so leaves nothing out.
     *
     * @param leftOut what {@link #leftOutUnrecorded} gives
     * @param commit  the commit built
     */
    List<BuildWarning> refusedUnlessForced(SortedMap<PackageName, PackageState> states, List<PackageVersion> leftOut,
                                           ObjectId commit, BuildOptions options) {
        Optional<ServedTakedowns> takedowns = state.map(ServedTakedowns::of)
                .or(() -> documents.map(ServedDocuments::takedowns));
        if (takedowns.isEmpty()) {
            return List.of();
        }
        String outputCommit = takedowns.get().commit();
        SortedMap<PackageVersion, String> again = servedAgain(takedowns.get(), states, versions);
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
        String build = "the build in " + options.out() + " (of commit " + servedCommit + ")";
        List<String> refusals = new ArrayList<>();
        if (!again.isEmpty()) {
            refusals.add("would serve again " + Plural.count(again.size(), "version") + " that " + build
                    + " took down (" + Takedowns.withReasons(again) + ")");
        }
        if (!leftOut.isEmpty()) {
            refusals.add("leaves out " + Plural.count(leftOut.size(), "version") + " that "
                    + (again.isEmpty() ? build : "it") + " serves, with no takedown record ("
                    + Plural.named(leftOut) + "): the branch's history was rewritten, a push bypassed the"
                    + " check, or the commit is older than the output's, and lock files pin them");
        }
        // a local preview's output (index-template's README) is no registry anyone installed from: --force would keep
        // its numbers for good, so a fresh folder is the way out offered first
        String preview = "if " + options.out() + " was only a preview that nobody installed from, delete it and"
                + " build into it afresh; ";
        String hint;
        if (leftOut.isEmpty()) {
            hint = "build commit " + servedCommit + " or a later one, which keeps them down; to serve them again"
                    + " anyway, add --force";
        } else if (again.isEmpty()) {
            hint = preview + "otherwise put their folders back, or take each down with a takenDown record in its"
                    + " meta.json (see " + RepositoryLayout.TAKEDOWN_SECTION + "); to leave them out anyway, add"
                    + " --force (their numbers stay kept for the tarballs served)";
        } else {
            hint = preview + "otherwise build commit " + servedCommit + " or a later one, which keeps the ones taken"
                    + " down down and serves the others; to serve the ones taken down again and leave the others out"
                    + " anyway, add --force (the numbers left out stay kept for the tarballs served)";
        }
        throw new PrompdException(ExitCode.CONFLICT, "commit " + RegistryRepository.shortId(commit.name()) + " "
                + String.join(", and ", refusals), hint);
    }

    /**
     * The versions the output's build took down that this commit would serve again: the check refuses a folder for a
     * number taken down, so only a build of an older commit (going back with {@code --rev}) or a rewritten history
     * brings one back, and a takedown is as a rule a leaked secret or content that must go, which an operator going
     * back to an older state for another reason does not mean to serve again. A version comes back under its number or
     * one clients take for it ({@link RepositoryLayout#versionClash}), but for one the output served beside the
     * takedown, published before it ({@link io.prompd.generator.source.TakenNumbers}); one whose takedown the commit
     * still records is a problem of the commit, which no --force builds.
     */
    private static SortedMap<PackageVersion, String> servedAgain(ServedTakedowns served,
                                                                SortedMap<PackageName, PackageState> states,
                                                                SortedMap<PackageName, SortedSet<Version>> beside) {
        SortedMap<PackageVersion, String> again = new TreeMap<>();
        served.reasons().forEach((taken, reason) -> {
            PackageState now = states.get(taken.name());
            SortedSet<Version> servedBeside = beside.getOrDefault(taken.name(), Collections.emptySortedSet());
            if (now != null && !now.meta().takenDown().containsKey(taken.version()) && now.versions().keySet().stream()
                    .anyMatch(version -> version.equals(taken.version()) || !servedBeside.contains(version)
                            && RepositoryLayout.versionClash(version, taken.version()).isPresent())) {
                again.put(taken, reason);
            }
        });
        return again;
    }

    /**
     * Whether the output served a version that this build leaves out, as a rule one taken down for a leaked
     * secret: the retired output still holds its tarball, and when the output's folder is inside a web root,
     * so is the retired one beside it, serving the tarball until the next build deleted it.
     */
    boolean leavesServedVersionsOut(SortedMap<PackageName, PackageState> states) {
        return versions.entrySet().stream().anyMatch(old -> !states.containsKey(old.getKey())
                || !states.get(old.getKey()).versions().keySet().containsAll(old.getValue()));
    }
}
