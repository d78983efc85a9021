package io.prompd.generator.build;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The takedowns HEAD's meta.json files record of versions that a build of another commit holds and that commit does
 * not take down: going back to an earlier state with {@code --rev}, as the README advises for a bad commit, must not
 * serve again what maintainers took down since, as a rule a leaked secret or personal data. The build leaves them out
 * as the takedown does, its record in their package's meta.json.
 *
 * @param head       the commit HEAD names
 * @param branch     the branch HEAD names, by its short name; empty when HEAD is detached
 * @param reasons    each version left out, to the reason HEAD's record gives (empty when it gives none)
 * @param unreadMeta the packages the build serves versions of whose meta.json at HEAD does not read in full: a
 *                   takedown it records may be among what does not read, and so not left out
 */
public record HeadTakedowns(String head, Optional<String> branch, SortedMap<PackageVersion, String> reasons,
                            SortedSet<PackageName> unreadMeta) {

    public HeadTakedowns {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(branch, "branch");
        reasons = SortedCopies.map(reasons);
        unreadMeta = SortedCopies.set(unreadMeta);
    }

    /**
     * Of the takedowns {@code head} records, those of a version folder {@code built} holds whose takedown it does not
     * record. Of a meta.json of HEAD's with entries that do not read, those that do count, and its package is named
     * among those whose takedowns may be missed ({@link #requireReadUnless}).
     */
    static HeadTakedowns of(RegistrySnapshot head, Optional<String> branch, RegistrySnapshot built) {
        SortedMap<PackageVersion, String> reasons = new TreeMap<>();
        SortedSet<PackageName> unreadMeta = new TreeSet<>();
        head.packagesWithMeta().forEach(name -> {
            SortedMap<Version, ?> folders = built.packages().getOrDefault(name, Collections.emptySortedMap());
            // a takedown of 1.0.0+b is one of 1.0.0, as HEAD's own build refuses the folder under either
            head.meta(name).takenDown().forEach((gone, reason) -> folders.keySet().stream()
                    .filter(version -> version.samePrecedence(gone)
                            && !built.meta(name).takenDown().containsKey(version))
                    .forEach(version -> reasons.put(new PackageVersion(name, version), reason)));
            if (!folders.isEmpty() && head.metaProblems(name).stream().anyMatch(Problem::isError)) {
                unreadMeta.add(name);
            }
        });
        // a meta.json HEAD holds as a link or a folder is no file to read
        Set<String> unreadable = head.problems().stream().filter(Problem::isError).map(Problem::file)
                .collect(Collectors.toSet());
        built.packages().keySet().stream().filter(name -> unreadable.contains(RepositoryLayout.metaFile(name)))
                .forEach(unreadMeta::add);
        return new HeadTakedowns(head.commit().name(), branch, reasons, unreadMeta);
    }

    /**
     * HEAD with its branch and commit: on a clone with a work branch checked out, the takedowns are that branch's, and
     * the name tells the reader so.
     */
    public String headNamed() {
        return "HEAD (" + branch.map(name -> "branch " + TerminalText.quoted(name) + ", ").orElse("") + "commit "
                + RegistryRepository.shortId(head) + ")";
    }

    /**
     * Why a build of {@code commit} may serve what HEAD takes down: it cannot tell what a meta.json that does not read
     * records, and a bad commit at HEAD, which a build of an earlier one goes back from, may be that very file.
     */
    public String unreadMetaMissed(String commit) {
        return headNamed() + " has a meta.json that does not read in full for " + Plural.named(unreadMeta) + ", so a"
                + " takedown it records may be missed by this build of commit " + RegistryRepository.shortId(commit)
                + ", which serves every version that commit holds of " + (unreadMeta.size() == 1 ? "that package"
                : "those packages") + " unless that commit takes it down";
    }

    /**
     * Refuses, unless forced, a build that may serve again what HEAD takes down, since HEAD's record of it does not
     * read: a takedown is as a rule a leaked secret, which a warning a CI log holds does not keep down.
     */
    void requireReadUnless(boolean forced, String commit) {
        if (!unreadMeta.isEmpty() && !forced) {
            throw new PrompdException(ExitCode.CONFLICT, unreadMetaMissed(commit), "mend HEAD's meta.json"
                    + " (prompd-registry check names its problems) and build again; to build anyway once sure that"
                    + " none of those versions must stay down, add --force");
        }
    }

    /** Whether HEAD changes nothing of the build and has nothing to warn of. */
    boolean isEmpty() {
        return reasons.isEmpty() && unreadMeta.isEmpty();
    }

    /** Whether the build leaves out the version folder. */
    boolean leavesOut(PackageName name, Version version) {
        return reasons.containsKey(new PackageVersion(name, version));
    }

    /** The package's meta.json as the commit built has it, with HEAD's takedowns of its versions. */
    PackageMeta meta(PackageName name, PackageMeta committed) {
        SortedMap<Version, String> taken = new TreeMap<>();
        reasons.forEach((version, reason) -> {
            if (version.name().equals(name)) {
                taken.put(version.version(), reason);
            }
        });
        return taken.isEmpty() ? committed : committed.takingDown(taken);
    }
}
