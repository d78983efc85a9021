package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.generator.source.RepositoryLayout;
import java.util.Map;
import java.util.SortedSet;
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
        SortedSet<String> reservedNames = pullRequest.policy().reservedNames();
        // the first in name order of those that read alike, so that the one named is the same on every run
        Map<String, String> reservedByKey = reservedNames.stream()
                .filter(reserved -> PackageName.check(reserved).isEmpty())
                .collect(Collectors.toMap(reserved -> reservedKey(PackageName.parse(reserved)), reserved -> reserved,
                        (first, later) -> first));
        for (PackageName name : pullRequest.newPackages()) {
            String reserved = name.isScoped() ? null : reservedByKey.get(reservedKey(name));
            if (reserved == null) {
                continue;
            }
            // a name reading like a reserved one is told which, or its author is left to guess what it resembles
            String message = reservedNames.contains(name.toString()) ? "'" + name + "' is reserved by the registry"
                    : "'" + name + "' reads like '" + reserved + "', which the registry reserves";
            problems.error(RepositoryLayout.packageFolder(name), "", message, "choose another name; only maintainers"
                    + " may publish reserved names (\"policy\" → \"reservedNames\" in registry.json)");
        }
    }

    /**
     * The key a name shares with a reserved one it reads like: its {@link PackageName#lookalikeKey}, with the pairs
     * of letters that render as one letter read as that letter too, rn as m, vv as w and cl as d, as 'adrnin' reads
     * as 'admin'. Only here: between the names of two packages, whose owners chose them, the pairs would make
     * look-alikes of words that differ ('corner' and 'comer'). The pairs are of the letters as written: the key reads
     * i and 1 as l, and 'ci' does not look like a d. The name read so is text, not a name: 'corn1' reads as 'com1',
     * which no package may be named.
     */
    private static String reservedKey(PackageName name) {
        return PackageName.lookalikeKey(name.scopeWithAt(), name.name().replace("rn", "m").replace("vv", "w")
                .replace("cl", "d"));
    }
}
