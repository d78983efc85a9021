package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.MisnamedPackageFolders;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Files outside version folders: a pull request may change only {@code registry.json},
 * {@code scopes.json}, {@code packages/<name>/meta.json} and the repository's own documentation
 * and CI files. Anything else, in particular any other path under {@code packages/}, is refused.
 * Who may change the allowed ones is {@link OwnershipRule}'s business. A folder that does not fit
 * is one problem, however many files it holds. Deleting a path that does not fit is no such problem: it is how a
 * stray file the build refuses leaves the registry, which only maintainers may do ({@link OwnershipRule}).
 * A package folder whose name is no package name is offered the name it means only when that name is free
 * ({@link MisnamedPackageFolders}): not a package's at the merge base, the base branch's tip or the head, nor a
 * look-alike of one ({@link LookalikeNameRule}), nor the name another such folder of the pull request means.
 */
final class AllowedPathsRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        Map<String, ChangedPath> pathByPlace = new TreeMap<>();
        pullRequest.changes(ChangedPath.Kind.OTHER).stream()
                .filter(changed -> changed.change().type() != ChangeType.DELETED)
                .forEach(changed -> pathByPlace.putIfAbsent(changed.path().place(), changed.path()));
        Map<String, Problem> problemByPlace = new TreeMap<>();
        pathByPlace.forEach((place, path) -> problemByPlace.put(place, path.misfit().orElseThrow()));
        List<String> misnamed = pathByPlace.values().stream()
                .flatMap(path -> path.misnamedPackage().stream()).toList();
        SortedSet<PackageName> existing = pullRequest.takenNames();
        SortedSet<PackageName> added = pullRequest.head().namesInUse();
        added.removeAll(existing);
        MisnamedPackageFolders.misfits(misnamed, existing, added)
                .forEach(misfit -> problemByPlace.put(misfit.file(), misfit));
        problemByPlace.values().forEach(problems::add);
    }
}
