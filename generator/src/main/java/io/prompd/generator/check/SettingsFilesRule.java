package io.prompd.generator.check;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.RegistryConfig;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A changed {@code registry.json}, {@code scopes.json} or {@code meta.json} must still read: the
 * problems found reading them at the head (syntax, wrong types, invalid versions, undeclared
 * teams) are the pull request's own. Problems of files it does not touch are older and not its.
 * And it may not remove the last maintainer, who alone may change these files.
 */
final class SettingsFilesRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        Set<String> changedSettings = pullRequest.changes().stream()
                .filter(changed -> changed.path().kind() == ChangedPath.Kind.SETTINGS)
                .map(changed -> changed.change().path())
                .collect(Collectors.toSet());
        for (Problem problem : pullRequest.head().problems()) {
            if (changedSettings.contains(problem.file())) {
                problems.add(problem);
            }
        }
        boolean maintainersLost = pullRequest.head().config().filter(config -> config.maintainers().isEmpty())
                .isPresent() && pullRequest.base().config().filter(config -> !config.maintainers().isEmpty()).isPresent();
        if (changedSettings.contains(RegistryConfig.FILE) && maintainersLost) {
            problems.error(RegistryConfig.FILE, "/maintainers", "the pull request removes the last maintainer, so"
                    + " nobody could change registry.json or scopes.json through a pull request again",
                    "keep at least one maintainer's GitHub login");
        }
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.META)) {
            changed.path().name().ifPresent(name -> problems.addAll(pullRequest.head().metaProblems(name)));
        }
    }
}
