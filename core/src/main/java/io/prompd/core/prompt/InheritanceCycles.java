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

    static void check(PromptPackage pack, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (String start : pack.prompts().keySet()) {
            List<String> path = new ArrayList<>();
            Optional<String> current = Optional.of(start);
            while (current.isPresent() && pack.prompts().containsKey(current.get()) && !path.contains(current.get())) {
                path.add(current.get());
                current = pack.localParent(current.get());
            }
            if (current.isPresent() && path.contains(current.get())) {
                List<String> cycle = path.subList(path.indexOf(current.get()), path.size());
                List<String> closed = CyclePaths.closedFromFirst(cycle);
                if (reported.add(closed.get(0))) {
                    report(pack, closed, problems);
                }
            }
        }
    }

    private static void report(PromptPackage pack, List<String> cycle, Problems problems) {
        String file = cycle.get(0);
        problems.add(Problem.error(file, "/inherits", "circular inheritance: " + String.join(" → ", cycle),
                "make one of these prompts stop inheriting from the next").atLine(pack.prompts().get(file).lineOf("/inherits")));
    }
}
