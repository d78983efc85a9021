package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A changed {@code registry.json}, {@code scopes.json} or {@code meta.json} must still read: the
 * problems found reading them at the head (syntax, wrong types, invalid versions, undeclared
 * teams) are the pull request's own, and so is a meta.json over the registry's per-file limit. Problems of files
 * it does not touch are older and not its.
 * And it may not remove the last maintainer, who alone may change these files, nor the owners of a
 * scope that still has packages, nor every owner of an unscoped package that has versions or takedown records.
 */
final class SettingsFilesRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        Set<String> changedSettings = pullRequest.changes().stream()
                .filter(changed -> changed.path().kind() == ChangedPath.Kind.SETTINGS)
                .map(changed -> changed.change().path())
                .collect(Collectors.toSet());
        List<Problem> orphaned = changedSettings.contains(Scopes.FILE)
                && wholeFileReads(pullRequest.head(), Scopes.FILE) ? scopesLeftWithoutOwners(pullRequest) : List.of();
        // a scope left with no owners and no teams is told once, by the error naming its packages, not again by the
        // file's own error at the scope ("the scope @writing has no owners and no teams"); one removed is told at
        // "/scopes", where an error of the file's own is another
        Set<String> toldAtScope = orphaned.stream().map(Problem::pointer).filter(pointer -> !pointer.equals("/scopes"))
                .collect(Collectors.toSet());
        for (Problem problem : pullRequest.head().problems()) {
            if (changedSettings.contains(problem.file()) && !(problem.file().equals(Scopes.FILE)
                    && toldAtScope.contains(problem.pointer()))) {
                problems.add(problem);
            }
        }
        problems.addAll(orphaned);
        boolean maintainersLost = pullRequest.head().config().filter(config -> config.maintainers().isEmpty())
                .isPresent() && pullRequest.base().config().filter(config -> !config.maintainers().isEmpty())
                .isPresent();
        if (changedSettings.contains(RegistryConfig.FILE) && maintainersLost) {
            problems.error(RegistryConfig.FILE, "/maintainers", "the pull request removes the last maintainer, so"
                    + " nobody could change registry.json or scopes.json through a pull request again",
                    "keep at least one maintainer's GitHub login");
        }
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.META)) {
            changed.path().name().ifPresent(name -> {
                problems.addAll(pullRequest.head().metaProblems(name));
                unscopedLeftWithoutOwners(pullRequest, name, problems);
            });
            overPolicyLimit(pullRequest, changed.change(), problems);
        }
    }

    /**
     * A meta.json over the registry's per-file limit, by the size Git records for it, as a file of a version is, and
     * told as one is. The snapshot reads one up to the default limit, which published meta.json files keep for the
     * build: one over that is refused there, unread.
     */
    private static void overPolicyLimit(PullRequest pullRequest, Change change, Problems problems) throws IOException {
        ArchiveLimits limits = pullRequest.policy().limits();
        if (change.type() == ChangeType.DELETED) {
            return;
        }
        long size = pullRequest.repository().size(change.newBlob());
        if (!limits.fitsOneFile(size) && ArchiveLimits.DEFAULT.fitsOneFile(size)) {
            PackageLocation asVersionFile = PackageLocation.VERSION_FOLDER;
            problems.error(change.path(), "", "the file has " + asVersionFile.overFileLimit(size, limits),
                    asVersionFile.orRaise(PackageMeta.TOO_LARGE_HINT, limits, ArchiveLimits.Bound.FILE_BYTES));
        }
    }

    /**
     * An unscoped package whose meta.json loses every owner, by an edit or by its deletion, while
     * versions remain or its meta.json records takedowns, which keep its name taken for good: its owners are the only
     * ones besides maintainers who may publish it. Owners that do not read at the head (a syntax error, a duplicate
     * key) are unknown rather than none: their problems say why.
     */
    private static void unscopedLeftWithoutOwners(PullRequest pullRequest, PackageName name, Problems problems) {
        RegistrySnapshot head = pullRequest.head();
        boolean ownersLost = !name.isScoped() && !pullRequest.base().meta(name).owners().isEmpty()
                && head.parsedMeta(name).reads("/owners") && head.meta(name).owners().isEmpty();
        boolean hasVersions = head.packages().containsKey(name);
        if (!ownersLost || !(hasVersions || keptForGood(pullRequest, name))) {
            return;
        }
        boolean deleted = !head.packagesWithMeta().contains(name);
        String owners = "keep at least one owner's login in \"owners\"";
        problems.error(RepositoryLayout.metaFile(name), deleted ? "" : "/owners", "the pull request "
                + (deleted ? "deletes the meta.json" : "removes every owner") + " of " + name + (hasVersions
                ? ", which still has versions, so only maintainers could publish, tag or yank it"
                : ", whose every version was taken down, so only maintainers could publish it again"), hasVersions
                ? owners : owners + ": the takedown records in its meta.json keep the name taken for good, and so its"
                + " owners");
    }

    /**
     * Whether the package's meta.json records a takedown, at the base (its deletion loses none: TakedownRecordRule
     * refuses that) or at the head: takedown records are never removed, so the package, its owners and its scope stay
     * for good.
     */
    private static boolean keptForGood(PullRequest pullRequest, PackageName name) {
        return !pullRequest.base().meta(name).takenDown().isEmpty()
                || !pullRequest.head().meta(name).takenDown().isEmpty();
    }

    /**
     * A scope removed from scopes.json, or left with no login among its owners and its teams'
     * members (no owners and no teams, or only teams that are empty or undeclared), while packages
     * remain in it: nobody but maintainers could publish, tag or yank them any more. A package whose
     * every version was taken down remains while its meta.json does ({@link RegistrySnapshot#inUse}),
     * so the scope has to stay. A scope new in scopes.json counts too,
     * when its first package comes in the same pull request. One the merge base already left without a
     * login is not this pull request's doing.
     */
    private static List<Problem> scopesLeftWithoutOwners(PullRequest pullRequest) {
        List<Problem> problems = new ArrayList<>();
        Scopes base = pullRequest.base().scopes();
        RegistrySnapshot snapshot = pullRequest.head();
        Scopes head = snapshot.scopes();
        SortedSet<String> scopes = new TreeSet<>(base.scopes().keySet());
        scopes.addAll(head.scopes().keySet());
        for (String scope : scopes) {
            Scopes.ScopeOwnership ownership = head.scopes().get(scope);
            boolean alreadyWithout = base.scopes().containsKey(scope) && base.publishers(scope).isEmpty();
            if (ownership != null && (alreadyWithout || !head.publishers(scope).isEmpty())) {
                continue;
            }
            SortedSet<PackageName> packages = snapshot.namesInUse(scope);
            if (packages.isEmpty()) {
                continue;
            }
            String orphaned = "has packages (" + packages.stream().map(name -> snapshot.packages().containsKey(name)
                    ? name.toString() : name + " with only its meta.json left").collect(Collectors.joining(", "))
                    + "), so only maintainers could publish, tag or yank them";
            List<String> recorded = packages.stream().filter(name -> keptForGood(pullRequest, name))
                    .map(PackageName::toString).toList();
            // through a pull request, removing a published package is a takedown, whose records keep the scope
            String retire = recorded.isEmpty() ? "its packages cannot leave it but by a takedown, whose records keep"
                    + " the scope for good; only a registry not live yet may drop seed packages and their scope, in a"
                    + " commit on its branch before protecting it (step 3 of \"Set up your registry\" in the registry's"
                    + " README)"
                    : "the takedown records in the meta.json of " + String.join(", ", recorded)
                    + " stay for good, and so does the scope";
            if (ownership == null) {
                problems.add(Problem.error(Scopes.FILE, "/scopes", "the pull request removes the scope " + scope
                        + ", which still " + orphaned, "keep " + scope + " with its owners; " + retire));
            } else {
                problems.add(Problem.error(Scopes.FILE, Pointer.of("scopes", scope), "the pull request leaves " + scope
                        + " without a login who may publish in it (" + (ownership.teams().isEmpty()
                        ? "no owners and no teams" : "no owners, and no member in its teams "
                        + String.join(", ", ownership.teams())) + "), which " + orphaned, "list at least one login in"
                        + " \"owners\" of " + scope + " or in one of its teams; " + retire));
            }
        }
        return problems;
    }

    /** Whether the file, as the head has it, parsed as a whole (its entries may still have problems). */
    private static boolean wholeFileReads(RegistrySnapshot snapshot, String file) {
        return snapshot.problems().stream()
                .noneMatch(problem -> problem.isError() && problem.file().equals(file) && problem.pointer().isEmpty());
    }
}
