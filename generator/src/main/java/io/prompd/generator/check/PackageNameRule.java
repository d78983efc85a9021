package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Names of new packages: a name that reads like an existing one (equal {@link PackageName#lookalikeKey()})
 * is refused as a likely typosquat, and so is a name the registry's policy reserves, or one that
 * reads like it, unless a maintainer claims it. Reserved names are unscoped names; a reserved
 * scope needs no rule here, since only maintainers create scopes. Only the merge base's listing
 * of names is read, never a manifest.
 */
final class PackageNameRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        SortedSet<PackageName> fresh = pullRequest.newPackages();
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> freshKeys = fresh.stream().map(PackageName::lookalikeKey).collect(Collectors.toSet());
        List<PackageName> existing = pullRequest.base().packages().keySet().stream()
                .filter(name -> freshKeys.contains(name.lookalikeKey())).toList();
        boolean maintainer = pullRequest.actor().map(pullRequest::isMaintainer).orElse(false);
        for (PackageName name : fresh) {
            String key = name.lookalikeKey();
            existing.stream().filter(other -> other.lookalikeKey().equals(key)).forEach(other ->
                    problems.error(ChangedPath.packageFolder(name), "", "'" + name + "' reads like the existing package "
                            + other + ", so it is refused as a likely typosquat", distinctHint(other)));
            fresh.stream().filter(other -> !other.equals(name) && other.lookalikeKey().equals(key)).forEach(other ->
                    problems.error(ChangedPath.packageFolder(name), "", "'" + name + "' reads like " + other
                            + ", also added in this pull request", "keep one of the two names"));
            if (!maintainer && isReserved(name, pullRequest.policy().reservedNames())) {
                problems.error(ChangedPath.packageFolder(name), "", "'" + name + "' is reserved by the registry"
                        + " (or reads like a reserved name)", "choose another name; only maintainers may publish"
                        + " reserved names (\"policy\" → \"reservedNames\" in registry.json)");
            }
        }
    }

    private static String distinctHint(PackageName other) {
        return "choose a name that differs from " + other + " by more than '-', '_', '.' or 0/o and 1/l/i";
    }

    private static boolean isReserved(PackageName name, Set<String> reservedNames) {
        return !name.isScoped() && reservedNames.stream()
                .filter(reserved -> PackageName.check(reserved).isEmpty())
                .anyMatch(reserved -> PackageName.parse(reserved).lookalikeKey().equals(name.lookalikeKey()));
    }
}
