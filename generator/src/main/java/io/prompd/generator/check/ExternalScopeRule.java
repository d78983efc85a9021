package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RepositoryLayout;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * No package of this registry is in one of the policy's external scopes, whose packages live in another registry: a
 * name both here and there is two packages under one name, which is the confusion the setting exists to avoid, and a
 * dependency on it would go unchecked here. So a version in such a scope is refused, a maintainer's too, and so is a
 * change of registry.json that makes a scope external while this registry has packages in it (a package whose every
 * version was taken down among them: its meta.json keeps the name).
 */
final class ExternalScopeRule implements PullRequestRule {

    private static final String FIELD = "policy." + RegistryConfig.EXTERNAL_SCOPES;

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        RegistryConfig.Policy policy = pullRequest.policy();
        SortedSet<PackageName> inExternalScopes = pullRequest.newVersions().stream()
                .map(version -> version.folder().name()).filter(policy::isExternal)
                .collect(Collectors.toCollection(TreeSet::new));
        for (PackageName name : inExternalScopes) {
            String scope = name.scopeWithAt();
            problems.error(RepositoryLayout.packageFolder(name), "", name + " is in " + scope + ", which " + FIELD
                    + " of registry.json names as another registry's: its packages live there, and one here under the"
                    + " same name would be another package that clients routing " + scope + " there never see",
                    "publish it to the registry that holds " + scope + "; or, if " + scope + "'s packages are to live"
                            + " here, a maintainer removes " + scope + " from " + FIELD + " first");
        }
        boolean registryJsonChanged = pullRequest.changes(ChangedPath.Kind.SETTINGS).stream()
                .anyMatch(changed -> changed.change().path().equals(RegistryConfig.FILE));
        if (registryJsonChanged) {
            madeExternalWithPackages(pullRequest, problems);
        }
    }

    /** A scope the pull request makes external that has packages here, at its head or on the base branch. */
    private static void madeExternalWithPackages(PullRequest pullRequest, Problems problems) {
        SortedSet<String> before = pullRequest.base().policy().externalScopes();
        for (String scope : pullRequest.head().policy().externalScopes()) {
            if (before.contains(scope)) {
                continue;
            }
            SortedSet<PackageName> packages = new TreeSet<>(pullRequest.head().namesInUse(scope));
            packages.addAll(pullRequest.baseTip().namesInUse(scope));
            if (packages.isEmpty()) {
                continue;
            }
            problems.error(RegistryConfig.FILE, Pointer.of("policy", RegistryConfig.EXTERNAL_SCOPES), "the pull"
                    + " request makes " + scope + " external, another registry's, but this registry has packages in it"
                    + " (" + packages.stream().map(PackageName::toString).collect(Collectors.joining(", ")) + "):"
                    + " each would be a second package under its name, and a dependency on it would go unchecked",
                    "leave " + scope + " out of " + FIELD + " while this registry has packages in it");
        }
    }
}
