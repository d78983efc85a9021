package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds prompts that inherit, through local files, from themselves. Each prompt has at most one
 * parent, so following parents from every prompt finds every cycle; each is reported once, on
 * its first file in path order.
 */
final class InheritanceCycles {

    private InheritanceCycles() {
    }

    /**
     * Each prompt is walked once: a walk stops where an earlier one went, since what lies beyond
     * (a cycle or none) is already known, so long chains cost their length, not its square.
     */
    static void check(PromptPackage pack, LocalParents parents, Problems problems) {
        Set<String> walked = new HashSet<>();
        for (String start : pack.prompts().keySet()) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            Optional<String> current = Optional.of(start);
            while (current.isPresent() && pack.prompts().containsKey(current.get())
                    && !walked.contains(current.get())) {
                path.add(current.get());
                onPath.add(current.get());
                walked.add(current.get());
                current = parents.of(current.get());
            }
            if (current.isPresent() && onPath.contains(current.get())) {
                report(pack, CyclePaths.closedFromFirst(path.subList(path.indexOf(current.get()), path.size())),
                        problems);
            }
        }
    }

    private static void report(PromptPackage pack, List<String> cycle, Problems problems) {
        String file = cycle.get(0);
        problems.add(Problem.error(file, "/inherits", "circular inheritance: " + String.join(" → ", cycle),
                "make one of these prompts stop inheriting from the next")
                .atLine(pack.prompts().get(file).lineOf("/inherits")));
    }
}
