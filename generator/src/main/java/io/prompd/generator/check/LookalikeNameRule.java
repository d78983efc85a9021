package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.RepositoryLayout;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * A new package name that reads like an existing one (equal {@link PackageName#lookalikeKey()}),
 * or like another name added in the same pull request, is refused as a likely typosquat. Only
 * the merge base's listing of names is read, never a manifest.
 */
final class LookalikeNameRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        SortedSet<PackageName> fresh = pullRequest.newPackages();
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> freshKeys = fresh.stream().map(PackageName::lookalikeKey).collect(Collectors.toSet());
        List<PackageName> existing = pullRequest.base().packages().keySet().stream()
                .filter(name -> freshKeys.contains(name.lookalikeKey())).toList();
        for (PackageName name : fresh) {
            String key = name.lookalikeKey();
            existing.stream().filter(other -> other.lookalikeKey().equals(key)).forEach(other ->
                    problems.error(RepositoryLayout.packageFolder(name), "", "'" + name + "' reads like the existing package "
                            + other + ", so it is refused as a likely typosquat", "choose a name that differs from "
                            + other + " by more than '-', '_', '.' or 0/o and 1/l/i"));
            fresh.stream().filter(other -> !other.equals(name) && other.lookalikeKey().equals(key)).forEach(other ->
                    problems.error(RepositoryLayout.packageFolder(name), "", "'" + name + "' reads like " + other
                            + ", also added in this pull request", "keep one of the two names"));
        }
    }
}
