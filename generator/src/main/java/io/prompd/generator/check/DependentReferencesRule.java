package io.prompd.generator.check;

import io.prompd.core.Plural;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.prompt.DependencyFiles.FileUse;
import io.prompd.core.prompt.DependencyFiles.VersionFiles;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.ArrayList;
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

/**
 * A new version that lacks a file which prompts of other packages' published versions take from it, with a dependency
 * range that allows the new version, is a warning: where an install or update of theirs gets it, {@code prompd
 * validate} fails on the reference, as {@link PackageReferenceRule} would for a new version's own
 * ({@link DependencyFiles}, the same references and rule). Not an error, as with a withdrawal that strands dependents
 * ({@link StrandedDependentsRule}): the registry cannot stop a release, lock files that pin an earlier version still
 * install, and the dependents' owners may narrow their ranges. Each file lacking is one warning naming the versions
 * that take it ({@linkplain Plural#named at most ten}, then how many more); yanked dependents are left out,
 * and so are new ones, which {@link PackageReferenceRule} judges.
 *
 * <p>Only a file another version of the package has counts, since a reference to a file no version has was broken
 * before; and only a new version that lacks one has its dependents looked up ({@link SnapshotIndex#dependentsOf},
 * which reads every manifest), of which only those whose range allows it have their prompts read.
 */
final class DependentReferencesRule implements PullRequestRule {

    private static final String CHOSEN_BY = "a version their range allows";

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        Map<NewVersion, SortedSet<String>> lacking = new LinkedHashMap<>();
        for (NewVersion version : pullRequest.newVersions()) {
            SortedSet<String> lost = filesLost(pullRequest.merged(), version);
            if (!lost.isEmpty()) {
                lacking.put(version, lost);
            }
        }
        if (lacking.isEmpty()) {
            return;
        }
        List<Candidate> dependents = pullRequest.index().dependentsOf(lacking.keySet().stream()
                        .map(version -> version.id().name()).collect(Collectors.toSet())).stream()
                .filter(dependent -> !dependent.yanked()
                        && pullRequest.base().folder(dependent.name(), dependent.version()).isPresent())
                .toList();
        PublishedUses published = new PublishedUses(pullRequest);
        for (Map.Entry<NewVersion, SortedSet<String>> lacks : lacking.entrySet()) {
            NewVersion version = lacks.getKey();
            SortedMap<String, SortedSet<PackageVersion>> broken = new TreeMap<>();
            Map<PackageVersion, VersionRange> ranges = new HashMap<>();
            for (Candidate dependent : dependents) {
                VersionRange range = dependent.dependencies().get(version.id().name());
                if (range != null && range.satisfiedBy(version.id().version())
                        && !dependent.name().equals(version.id().name())) {
                    PackageVersion id = new PackageVersion(dependent.name(), dependent.version());
                    ranges.put(id, range);
                    brokenPaths(published.of(id), version, lacks.getValue()).forEach(path -> broken
                            .computeIfAbsent(path, unseen -> new TreeSet<>()).add(id));
                }
            }
            broken.forEach((path, versions) -> problems.warning(version.folder().path(), "", version.id().name() + " "
                    + version.id().version() + " does not have " + path + ", which published versions of other"
                    + " packages take from it with a range that allows " + version.id().version() + ", so their"
                    + " installs that get this version fail validation: " + Plural.named(versions),
                    hint(path, version.id().version(), freeBreaking(pullRequest, version.id()),
                            versions.stream().map(ranges::get).toList())));
        }
    }

    /**
     * Keeping the file mends it, and so does the next breaking version, as a caret range reads it (a new major version,
     * but below 1.0.0 a new minor one, below 0.1.0 a new patch), the first that is free, named with every one
     * taken before it, unless the ranges allow that too ({@code *}, {@code >=1.0.0}): then only their owners can
     * narrow them.
     */
    private static String hint(String path, Version version, Optional<FreeBreaking> breaking,
                               List<VersionRange> ranges) {
        String keep = "keep " + path + " in this version" + (PromptFile.hasPromptExtension(path) ? " (a prompt may"
                + " inherit the file's new place)" : "");
        String pinned = "; lock files that pin an earlier version still install";
        if (breaking.isEmpty()) {
            return keep + pinned;
        }
        String part = version.major() > 0 ? "major" : version.minor() > 0 ? "minor" : "patch";
        String kind = "a new " + part + " version";
        String why = version.major() > 0 ? "" : " (below " + (part.equals("minor") ? "1.0.0" : "0.1.0") + ", a caret"
                + " range takes " + kind + " as breaking)";
        Version free = breaking.get().version();
        List<String> passedOver = breaking.get().passedOver().stream().map(Version::toString).toList();
        String taken = passedOver.isEmpty() ? "" : " (" + Plural.series(passedOver, "and")
                + (passedOver.size() == 1 ? " is" : " are") + " taken)";
        return ranges.stream().anyMatch(range -> range.satisfiedBy(free)) ? keep + ": those ranges allow " + kind
                + " too, so publishing the change as " + free + " would not keep it from them" + pinned
                : keep + ", or publish the change as " + kind + ", " + free + taken
                + ", which those ranges do not allow" + why + pinned;
    }

    /**
     * The first of the next breaking versions ({@link Version#nextBreaking}, then its own, and so on) whose number is
     * free: a hint offering one the package has, had or gets in this pull request offers a number the check refuses.
     */
    private static Optional<FreeBreaking> freeBreaking(PullRequest pullRequest, PackageVersion id) {
        SortedSet<Version> taken = new TreeSet<>(pullRequest.takenVersions(id.name()));
        taken.addAll(pullRequest.takenDown(id.name()).keySet());
        pullRequest.newVersions().stream().filter(other -> other.id().name().equals(id.name()))
                .forEach(other -> taken.add(other.id().version()));
        List<Version> passedOver = new ArrayList<>();
        Optional<Version> breaking = id.version().nextBreaking();
        while (breaking.isPresent() && isTaken(taken, breaking.get())) {
            passedOver.add(breaking.get());
            breaking = breaking.get().nextBreaking();
        }
        return breaking.map(free -> new FreeBreaking(free, passedOver));
    }

    /** Whether one of the versions is the release, or differs from it in build metadata alone. */
    private static boolean isTaken(SortedSet<Version> taken, Version release) {
        return taken.stream().anyMatch(version -> version.samePrecedence(release));
    }

    /**
     * A breaking version whose number is free, and the breaking versions before it whose numbers are taken, which
     * a hint names all, lest one that names only the first leave the user to find the others taken.
     */
    private record FreeBreaking(Version version, List<Version> passedOver) {

        FreeBreaking {
            Objects.requireNonNull(version, "version");
            passedOver = List.copyOf(passedOver);
        }
    }

    /** The regular files other versions of the new version's package have and it lacks; none when it is yanked. */
    private static SortedSet<String> filesLost(MergedPackages merged, NewVersion version) throws IOException {
        PackageVersion id = version.id();
        SortedSet<String> lost = new TreeSet<>();
        if (merged.meta(id.name()).isYanked(id.version())) {
            return lost;
        }
        VersionFiles files = files(version);
        for (VersionFolder other : merged.versions(id.name()).values()) {
            if (!other.version().equals(id.version())) {
                for (SourceEntry entry : merged.source(other).entries()) {
                    if (entry.isFile() && !files.has(entry.path())) {
                        lost.add(entry.path());
                    }
                }
            }
        }
        return lost;
    }

    /**
     * The paths among {@code lost} that a dependent's prompts need of the new version's package, by the rule that
     * checks a new version's own references against the version it gets.
     */
    private static SortedSet<String> brokenPaths(List<FileUse> uses, NewVersion version, SortedSet<String> lost)
            throws IOException {
        PackageName name = version.id().name();
        Map<String, List<FileUse>> byPath = uses.stream()
                .filter(use -> use.reference().packageName().equals(name) && lost.contains(use.reference().path()))
                .collect(Collectors.groupingBy(use -> use.reference().path()));
        VersionFiles files = files(version);
        SortedSet<String> broken = new TreeSet<>();
        for (Map.Entry<String, List<FileUse>> path : byPath.entrySet()) {
            // another package a site offers as an alternative is not asked about: taken as there, it never blames
            // this version for a file the site does not need
            if (!DependencyFiles.check(path.getValue(), other -> other.equals(name) ? Optional.of(files)
                    : Optional.empty(), CHOSEN_BY).problems().isEmpty()) {
                broken.add(path.getKey());
            }
        }
        return broken;
    }

    private static VersionFiles files(NewVersion version) {
        return new VersionFiles(version.id().version(), version.source());
    }

    /** The references to other packages' files in published versions' packed prompts, each version read once. */
    private static final class PublishedUses {

        private final MergedPackages merged;
        private final PackageValidator reader;
        private final Map<PackageVersion, List<FileUse>> read = new HashMap<>();

        PublishedUses(PullRequest pullRequest) {
            this.merged = pullRequest.merged();
            this.reader = new PackageValidator(pullRequest.policy().limits(), PackageLocation.VERSION_FOLDER);
        }

        List<FileUse> of(PackageVersion id) throws IOException {
            List<FileUse> uses = read.get(id);
            if (uses == null) {
                VersionFolder folder = merged.folder(id.name(), id.version()).orElseThrow();
                uses = DependencyFiles.uses(reader.readAccepted(merged.source(folder)).prompts().values());
                read.put(id, uses);
            }
            return uses;
        }
    }
}
