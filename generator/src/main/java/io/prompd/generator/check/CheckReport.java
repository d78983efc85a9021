package io.prompd.generator.check;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.generator.source.PackageVersion;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The outcome of checking a pull request.
 *
 * @param mergeBase    the commit the pull request was compared against
 * @param head         the commit checked
 * @param actor        who it was checked as, the {@code --actor}: the pull request's author, whose rights the ownership
 *                     rules weigh; empty when not given
 * @param added        the versions the pull request adds, sorted
 * @param newPackages  the packages among them new to the registry, sorted: their name in use (a version, a meta.json)
 *                     neither at the merge base nor on the base branch since, and none of their versions added back
 * @param readded      the versions among them whose number the base branch published and deleted since, restored or
 *                     reused, sorted by version
 * @param takenDown    the published versions it removes, a maintainers' takedown, sorted
 * @param deletedVersions the published versions it deletes otherwise, which the check refuses, sorted
 * @param changedVersions the published versions it adds, changes or deletes files of, keeping their folders, which the
 *                     check refuses, sorted
 * @param modeChanges  the files of published versions and the meta.json files whose executable bit alone it changes,
 *                     which the check lets pass (files are packed as 0644, and a meta.json is read whatever its
 *                     mode), sorted by path
 * @param otherChanges paths outside version folders that it adds, changes or deletes (meta.json, settings,
 *                     documentation), and each folder that does not fit the layout once, sorted
 * @param newPaths     those among them that the merge base has nothing at, sorted
 * @param deletedPaths those among them that the head has nothing at, sorted; none of them new
 * @param unreadable   the meta.json files among them that do not read in full as it leaves them, sorted: of
 *                     these, the meta changes tell only the parts that read
 * @param metaChanges  what its changes to meta.json files do (tags, yanks, deprecations, takedown records, owners),
 *                     by package
 * @param settingsChanges what its changes to registry.json and scopes.json do: to the registry's fields (its name,
 *                     URLs, privacy, policy) and to who may do what (maintainers, scopes, their owners and teams, the
 *                     teams' members)
 * @param externalDependencies the dependencies of the versions it adds on packages of the policy's external scopes,
 *                     which the check accepts unseen, sorted by the version added, then the package depended on
 * @param problems     every problem found, sorted
 */
public record CheckReport(String mergeBase, String head, Optional<Actor> actor, List<PackageVersion> added,
                          SortedSet<PackageName> newPackages, List<ReaddedVersion> readded, List<Takedown> takenDown,
                          List<PackageVersion> deletedVersions,
                          List<PackageVersion> changedVersions, List<ModeChange> modeChanges,
                          List<String> otherChanges, SortedSet<String> newPaths,
                          SortedSet<String> deletedPaths, SortedSet<String> unreadable,
                          List<MetaChange> metaChanges, List<SettingsChange> settingsChanges,
                          List<ExternalDependency> externalDependencies, List<Problem> problems) {

    public CheckReport {
        Objects.requireNonNull(mergeBase, "mergeBase");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(actor, "actor");
        added = added.stream().sorted().toList();
        newPackages = SortedCopies.set(newPackages);
        readded = readded.stream().sorted(Comparator.comparing(ReaddedVersion::version)).toList();
        if (!readded.stream().map(ReaddedVersion::version).allMatch(added::contains)) {
            throw new IllegalArgumentException("versions added back must be among the versions added: " + readded);
        }
        takenDown = takenDown.stream().sorted(Comparator.comparing(Takedown::version)).toList();
        deletedVersions = deletedVersions.stream().sorted().toList();
        changedVersions = changedVersions.stream().sorted().toList();
        modeChanges = modeChanges.stream().sorted(Comparator.comparing(ModeChange::path)).toList();
        otherChanges = otherChanges.stream().sorted().toList();
        newPaths = SortedCopies.set(newPaths);
        deletedPaths = SortedCopies.set(deletedPaths);
        if (!otherChanges.containsAll(newPaths) || !otherChanges.containsAll(deletedPaths)) {
            throw new IllegalArgumentException("new and deleted paths must be among the other changes: " + newPaths
                    + ", " + deletedPaths);
        }
        if (!Collections.disjoint(newPaths, deletedPaths)) {
            throw new IllegalArgumentException("a path cannot be both new and deleted: " + newPaths
                    + ", " + deletedPaths);
        }
        unreadable = SortedCopies.set(unreadable);
        if (!otherChanges.containsAll(unreadable)) {
            throw new IllegalArgumentException("unreadable files must be among the other changes: " + unreadable);
        }
        metaChanges = List.copyOf(metaChanges);
        settingsChanges = List.copyOf(settingsChanges);
        externalDependencies = externalDependencies.stream().sorted(ExternalDependency.ORDER).toList();
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    /**
     * The login a pull request was checked as.
     *
     * @param login        the GitHub login
     * @param isMaintainer whether registry.json at the tip of the base branch lists it among the maintainers, who may
     *                     change anything: false when that registry.json does not read
     */
    public record Actor(String login, boolean isMaintainer) {

        public Actor {
            Objects.requireNonNull(login, "login");
        }
    }

    /** The version as added back, if its number was published and deleted before. */
    public Optional<ReaddedVersion> readded(PackageVersion version) {
        return readded.stream().filter(again -> again.version().equals(version)).findFirst();
    }

    /** Whether the pull request may be merged: no errors (warnings do not block). */
    public boolean passed() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
