package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.AliasPrefixes;
import io.prompd.generator.source.RegistrySnapshot;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@code using} prefix of a new version's prompt that is a scope of this registry, or reads like one, is refused
 * ({@link AliasPrefixes#registryScopes}): {@code inherits: "@common/base-prompts/prompts/reviewer-base.prmd"} under the
 * prefix {@code @common} reads as a file of the registry's {@code @common/base-prompts}, and is one of whatever package
 * the alias names. {@code prompd validate} refuses it only for a scope of a package the prompt or prompd.json names, as
 * it knows no registry. The scopes are those of scopes.json and of the packages in use at the merge base, the base
 * branch's tip and the head, and the policy's external scopes, whose packages clients take from another registry under
 * those names. A prefix validate refused already is told once, by validate's error.
 */
final class AliasPrefixRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        if (pullRequest.newVersions().isEmpty()) {
            return;
        }
        SortedSet<String> scopes = new TreeSet<>(pullRequest.policy().externalScopes());
        for (RegistrySnapshot snapshot : List.of(pullRequest.base(), pullRequest.baseTip(), pullRequest.head())) {
            scopes.addAll(snapshot.scopes().scopes().keySet());
            snapshot.namesInUse().stream().filter(PackageName::isScoped).map(PackageName::scopeWithAt)
                    .forEach(scopes::add);
        }
        for (NewVersion version : pullRequest.newVersions()) {
            Set<String> refused = version.report().problems().stream().filter(Problem::isError)
                    .map(problem -> problem.file() + problem.pointer()).collect(Collectors.toSet());
            problems.addAll(version.inRepository(AliasPrefixes.registryScopes(version.report().prompts(), scopes)
                    .stream().filter(problem -> !refused.contains(problem.file() + problem.pointer())).toList()));
        }
    }
}
