package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.RepositoryLayout;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A new unscoped package may not take a name the registry's policy reserves, nor one that reads
 * like it, unless a maintainer publishes it. A reserved scope needs no rule here: only
 * maintainers create scopes.
 */
final class ReservedNameRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        // with no author the ownership rule's one error says who may make the changes cannot be checked: whether a
        // reserved name is refused turns on who publishes it, as every other verdict of that kind does
        if (pullRequest.actor().map(pullRequest::isMaintainer).orElse(true)) {
            return;
        }
        Set<String> reservedKeys = pullRequest.policy().reservedNames().stream()
                .filter(reserved -> PackageName.check(reserved).isEmpty())
                .map(reserved -> PackageName.parse(reserved).lookalikeKey())
                .collect(Collectors.toSet());
        for (PackageName name : pullRequest.newPackages()) {
            if (!name.isScoped() && reservedKeys.contains(name.lookalikeKey())) {
                problems.error(RepositoryLayout.packageFolder(name), "", "'" + name + "' is reserved by the registry"
                        + " (or reads like a reserved name)", "choose another name; only maintainers may publish"
                        + " reserved names (\"policy\" → \"reservedNames\" in registry.json)");
            }
        }
    }
}
