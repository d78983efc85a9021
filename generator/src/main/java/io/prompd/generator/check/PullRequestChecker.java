package io.prompd.generator.check;

import io.prompd.core.archive.PackageLocation;
import io.prompd.core.concurrent.Futures;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.CommitRange;
import io.prompd.generator.source.GitTreeSource;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Checks a pull request to a registry repository against every rule of the registry and returns
 * all problems at once. The head is compared with the merge base of base and head, so changes
 * that reached the target branch after the pull request branched off are not counted as its own;
 * but names and version numbers published there since are taken all the same, since merging
 * would publish both.
 */
public final class PullRequestChecker {

    private final List<PullRequestRule> rules;

    /** @param clock the time now, which a new version's commit time should not be past */
    public PullRequestChecker(Clock clock) {
        this.rules = List.of(
                new AllowedPathsRule(),
                new LongPathRule(),
                new SettingsFilesRule(),
                new GitAttributesRule(),
                new HandWrittenTreeRule(),
                new ImmutabilityRule(),
                new TakedownRecordRule(),
                new NoVersionLeftRule(),
                new OwnershipRule(),
                new LookalikeNameRule(),
                new ReservedNameRule(),
                new ExternalScopeRule(),
                new FolderMatchesManifestRule(),
                new PackageValidityRule(),
                new AliasPrefixRule(),
                new PackedExactlyRule(),
                new CommittedSecretsRule(),
                new VersionTakenRule(),
                new NumberReusedRule(),
                new PublicationTimeRule(clock),
                new DependencyRule(),
                new DependencyCycleRule(),
                new PackageReferenceRule(),
                new MetaFileRule(),
                new PinnedLatestRule(),
                new StrandedDependentsRule(),
                new DependentReferencesRule());
    }

    /**
     * @param actor the GitHub login of the pull request's author; without it, ownership cannot be
     *              checked and that is reported as an error
     */
    public CheckReport check(RegistryRepository repository, ObjectId base, ObjectId head, Optional<String> actor)
            throws IOException {
        Objects.requireNonNull(actor, "actor");
        repository.requireWholeHistory("the check");
        return repository.readingPullRequest("the check", base, head,
                () -> checkCommits(repository, base, head, actor));
    }

    private CheckReport checkCommits(RegistryRepository repository, ObjectId base, ObjectId head,
                                     Optional<String> actor) throws IOException {
        ObjectId mergeBase = CommitRange.mergeBase(repository, base, head);
        // Listing a large registry takes a while; the listings are independent, so they overlap.
        CompletableFuture<RegistrySnapshot> baseListing = Futures.inBackground("merge-base-snapshot",
                () -> RegistrySnapshot.read(repository, mergeBase));
        CompletableFuture<RegistrySnapshot> baseTipListing = base.equals(mergeBase) ? baseListing
                : Futures.inBackground("base-snapshot", () -> RegistrySnapshot.read(repository, base));
        RegistrySnapshot headSnapshot = RegistrySnapshot.read(repository, head);
        RegistrySnapshot baseSnapshot = Futures.join(baseListing);
        RegistrySnapshot baseTipSnapshot = Futures.join(baseTipListing);
        List<PullRequest.ChangedFile> changes = CommitRange.diff(repository, mergeBase, head).stream()
                .map(PullRequest.ChangedFile::of).toList();
        PackageValidator validator = new PackageValidator(baseTipSnapshot.policy().limits(),
                PackageLocation.VERSION_FOLDER);
        PullRequest pullRequest = new PullRequest(repository, baseSnapshot, baseTipSnapshot,
                headSnapshot, changes, actor,
                newVersions(baseSnapshot, headSnapshot, changes, validator));
        Problems problems = new Problems();
        for (PullRequestRule rule : rules) {
            rule.check(pullRequest, problems);
        }
        // lines from the files as the pull request leaves them, which the reviewer sees in the diff
        return report(mergeBase, head, pullRequest, headSnapshot.withLines(problems.sorted()));
    }

    /**
     * What the pull request changes, as the summary tells it, with the problems found; the report sorts each part, the
     * problems included.
     */
    private static CheckReport report(ObjectId mergeBase, ObjectId head, PullRequest pullRequest,
                                      List<Problem> problems) throws IOException {
        RegistrySnapshot baseSnapshot = pullRequest.base();
        RegistrySnapshot headSnapshot = pullRequest.head();
        List<PullRequest.ChangedFile> outsideVersions = pullRequest.changes().stream()
                .filter(changed -> changed.path().kind() != ChangedPath.Kind.VERSION_FILE).toList();
        List<String> otherChanges = outsideVersions.stream().map(changed -> changed.path().place()).distinct().toList();
        // a folder that does not fit may hold files the pull request leaves alone, so the commits are asked
        SortedSet<String> newPaths = new TreeSet<>();
        SortedSet<String> deletedPaths = new TreeSet<>();
        for (String place : otherChanges) {
            if (!baseSnapshot.has(place)) {
                newPaths.add(place);
            } else if (!headSnapshot.has(place)) {
                deletedPaths.add(place);
            }
        }
        List<PackageName> metaChanged = pullRequest.changes(ChangedPath.Kind.META).stream()
                .map(changed -> changed.path().name().orElseThrow()).distinct().sorted().toList();
        SortedSet<String> unreadable = metaChanged.stream().filter(name -> headSnapshot.parsedMeta(name).hasErrors())
                .map(RepositoryLayout::metaFile).collect(Collectors.toCollection(TreeSet::new));
        List<MetaChange> metaChanges = metaChanged.stream().flatMap(name -> MetaChange.between(name,
                baseSnapshot.parsedMeta(name), baseSnapshot.packages().getOrDefault(name, Collections.emptySortedMap())
                        .keySet(), headSnapshot.parsedMeta(name), headSnapshot.packages()
                        .getOrDefault(name, Collections.emptySortedMap()).keySet()).stream()).toList();
        List<Takedown> takenDown = new ArrayList<>();
        for (PackageVersion version : pullRequest.takedowns()) {
            takenDown.add(new Takedown(version, pullRequest.publications().publishedOnce(version)));
        }
        SortedSet<PackageVersion> deleted = pullRequest.deletedVersions();
        // a deletion that is no takedown, and any other change to a published version, is refused but still told
        List<PackageVersion> deletedVersions = deleted.stream()
                .filter(version -> !pullRequest.takedowns().contains(version)).toList();
        List<PackageVersion> changedVersions = pullRequest.touchedPublishedVersions().stream()
                .filter(version -> !deleted.contains(version)).toList();
        // a published file or a meta.json made executable or not passes, and would otherwise be a diff the summary
        // does not tell, or one it tells as a meta.json changed
        List<ModeChange> modeChanges = pullRequest.changes().stream()
                .filter(changed -> changed.change().onlyExecutableBit())
                .filter(changed -> changed.path().kind() == ChangedPath.Kind.META
                        || changed.path().kind() == ChangedPath.Kind.VERSION_FILE && changed.path().packageVersion()
                        .flatMap(id -> baseSnapshot.folder(id.name(), id.version())).isPresent())
                .map(changed -> ModeChange.of(changed.change())).toList();
        SortedMap<PackageVersion, ReaddedVersion> readded = pullRequest.readded();
        // a name the base branch took since branching, or one whose version comes back, is no new package to a reader
        SortedSet<PackageName> newPackages = pullRequest.newPackages().stream()
                .filter(name -> !pullRequest.isTaken(name) && readded.keySet().stream()
                        .noneMatch(version -> version.name().equals(name)))
                .collect(Collectors.toCollection(TreeSet::new));
        Optional<CheckReport.Actor> actor = pullRequest.actor()
                .map(login -> new CheckReport.Actor(login, pullRequest.isMaintainer(login)));
        return new CheckReport(mergeBase.name(), head.name(), actor,
                pullRequest.newVersions().stream().map(NewVersion::id).toList(), newPackages,
                List.copyOf(readded.values()), takenDown,
                deletedVersions, changedVersions, modeChanges, otherChanges, newPaths, deletedPaths, unreadable,
                metaChanges,
                SettingsChange.between(baseSnapshot, headSnapshot), externalDependencies(pullRequest), problems);
    }


    /**
     * The dependencies of the new versions on packages of the policy's external scopes, each with how many references
     * of the version's prompts take a file of it, which the check leaves unchecked as it leaves the package.
     */
    private static List<ExternalDependency> externalDependencies(PullRequest pullRequest) {
        List<ExternalDependency> external = new ArrayList<>();
        for (NewVersion version : pullRequest.newVersions()) {
            SortedMap<PackageName, VersionRange> dependencies = pullRequest.externalDependencies(version);
            if (dependencies.isEmpty()) {
                continue;
            }
            Map<PackageName, Long> references = DependencyFiles.uses(version.report().prompts().values()).stream()
                    .collect(Collectors.groupingBy(use -> use.reference().packageName(), Collectors.counting()));
            dependencies.forEach((name, range) -> external.add(new ExternalDependency(version.id(), name,
                    range.text(), references.getOrDefault(name, 0L).intValue())));
        }
        return external;
    }

    /** The version folders present at the head but not at the merge base, each read and validated once. */
    private static List<NewVersion> newVersions(RegistrySnapshot base, RegistrySnapshot head,
                                                List<PullRequest.ChangedFile> changes, PackageValidator validator)
            throws IOException {
        SortedSet<PackageVersion> added = new TreeSet<>();
        changes.forEach(changed -> changed.path().packageVersion()
                .filter(id -> base.folder(id.name(), id.version()).isEmpty())
                .filter(id -> head.folder(id.name(), id.version()).isPresent())
                .ifPresent(added::add));
        List<NewVersion> versions = new ArrayList<>();
        for (PackageVersion id : added) {
            VersionFolder folder = head.folder(id.name(), id.version()).orElseThrow();
            GitTreeSource source = head.source(folder);
            versions.add(new NewVersion(folder, source, validator.validate(source)));
        }
        return versions;
    }
}
