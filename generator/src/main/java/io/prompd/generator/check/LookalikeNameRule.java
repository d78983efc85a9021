package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A new package name that reads like an existing one (equal {@link PackageName#lookalikeKey()}),
 * or like another name added in the same pull request, is refused as a likely typosquat. Existing
 * names are those {@linkplain PullRequest#takenNames taken} at the merge base and at the base
 * branch's tip, a package whose every version was taken down among them: it keeps its meta.json,
 * its owners and its name. Only their listings are read, never a manifest.
 * So is a scope new in scopes.json that reads like one declared at the merge base or the base
 * branch's tip, or holding a taken name ({@link PackageName#scopeLookalikeKey}): every package of
 * {@code @c0mmon} would read like one of {@code @common}, whoever owns it.
 */
final class LookalikeNameRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        checkScopes(pullRequest, problems);
        SortedSet<PackageName> fresh = pullRequest.newPackages();
        if (fresh.isEmpty()) {
            return;
        }
        // each name's key once: a pull request adding thousands of packages compared each with every other
        Map<String, List<PackageName>> freshByKey = byLookalikeKey(fresh);
        Map<String, List<PackageName>> existingByKey = byLookalikeKey(pullRequest.takenNames());
        for (PackageName name : fresh) {
            String key = name.lookalikeKey();
            existingByKey.getOrDefault(key, List.of())
                    .forEach(other -> taken(pullRequest, name, other).ifPresent(problems::add));
            freshByKey.get(key).stream().filter(other -> !other.equals(name)).forEach(other ->
                    problems.error(RepositoryLayout.packageFolder(name), "", "'" + name + "' reads like " + other
                            + ", also added in this pull request", "keep one of the two names"));
        }
    }

    /** The names by their {@link PackageName#lookalikeKey}, in their order. */
    private static Map<String, List<PackageName>> byLookalikeKey(Collection<PackageName> names) {
        return names.stream().collect(Collectors.groupingBy(PackageName::lookalikeKey, HashMap::new,
                Collectors.toList()));
    }

    private static void checkScopes(PullRequest pullRequest, Problems problems) {
        SortedSet<String> existing = new TreeSet<>(pullRequest.base().scopes().scopes().keySet());
        existing.addAll(pullRequest.baseTip().scopes().scopes().keySet());
        pullRequest.takenNames().stream().filter(PackageName::isScoped).map(PackageName::scopeWithAt)
                .forEach(existing::add);
        SortedSet<String> fresh = new TreeSet<>(pullRequest.head().scopes().scopes().keySet());
        fresh.removeAll(existing);
        for (String scope : fresh) {
            String key = PackageName.scopeLookalikeKey(scope);
            String pointer = Pointer.of("scopes", scope);
            existing.stream().filter(other -> PackageName.scopeLookalikeKey(other).equals(key)).forEach(other ->
                    problems.error(Scopes.FILE, pointer, "the scope " + scope + " reads like the existing scope "
                            + other + ", so it is refused as a likely typosquat: its packages would read like those of "
                            + other,
                            differ("scope", other)));
            fresh.stream().filter(other -> !other.equals(scope) && PackageName.scopeLookalikeKey(other).equals(key))
                    .forEach(other -> problems.error(Scopes.FILE, pointer, "the scope " + scope + " reads like "
                            + other + ", also added in this pull request", "keep one of the two scopes"));
        }
    }

    /**
     * A name can equal a taken one only when the base branch took it after the pull request
     * branched off. It is then the same package: whether the author may publish in it is
     * {@link OwnershipRule}'s, by the owners on the base branch.
     */
    private static Optional<Problem> taken(PullRequest pullRequest, PackageName name, PackageName other) {
        if (name.equals(other)) {
            return Optional.empty();
        }
        String folder = RepositoryLayout.packageFolder(name);
        return Optional.of(Problem.error(folder, "", "'" + name + "' reads like "
                + (pullRequest.takenSinceBranching(other)
                ? "the package " + other + ", published on the base branch after this pull request branched off"
                : "the existing package " + other) + ", so it is refused as a likely typosquat",
                differ("name", other)));
    }

    private static String differ(String what, Object other) {
        return "choose a " + what + " that differs from " + other + " by more than '-', '_', '.' or 0/o and 1/l/i";
    }
}
