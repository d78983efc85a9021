package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds prompts whose templates include, import or extend themselves through local files, prompts
 * or other templates: Jinja would follow them without end when rendering. A cycle found is
 * reported once, on its first file in path order, at the line that loads the next file.
 */
final class IncludeCycles {

    /** A template loading a file of the package, at a line of its body, so many times there. */
    record Load(String target, int line, long times) {
    }

    private final Map<String, List<Load>> loads = new TreeMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Set<Set<String>> reported = new HashSet<>();
    private final Problems problems;

    /**
     * @param references every prompt of the package, with its {@link PromptFile#referenceSites()}, and every
     *                   {@link PromptPackage#templates() template} they load, with the sites its body names
     */
    private IncludeCycles(Map<String, List<ReferenceSite>> references, Problems problems) {
        this.problems = problems;
        references.forEach((file, sites) -> loads.put(file, loads(file, sites).stream()
                .filter(load -> references.containsKey(load.target()))
                .toList()));
    }

    /** The files of the package a file's template loads by a local path, its front matter's references left out. */
    static List<Load> loads(String file, List<ReferenceSite> sites) {
        return sites.stream()
                .filter(site -> site.inTemplate() && site.reference() instanceof LocalReference)
                .flatMap(site -> ((LocalReference) site.reference()).resolveFrom(file).stream()
                        .map(target -> new Load(target, site.line(), site.times())))
                .toList();
    }

    static void check(Map<String, List<ReferenceSite>> references, Problems problems) {
        IncludeCycles cycles = new IncludeCycles(references, problems);
        cycles.loads.keySet().forEach(start -> cycles.visit(start, new ArrayList<>()));
    }

    private void visit(String file, List<String> path) {
        int seen = path.indexOf(file);
        if (seen >= 0) {
            report(path.subList(seen, path.size()));
            return;
        }
        if (finished.contains(file)) {
            return;
        }
        path.add(file);
        loads.getOrDefault(file, List.of()).forEach(load -> visit(load.target(), path));
        path.remove(path.size() - 1);
        finished.add(file);
    }

    private void report(List<String> cycle) {
        if (!reported.add(Set.copyOf(cycle))) {
            return;
        }
        List<String> closed = CyclePaths.closedFromFirst(cycle);
        String first = closed.get(0);
        String next = closed.get(1);
        int line = loads.get(first).stream().filter(load -> load.target().equals(next)).findFirst()
                .orElseThrow().line();
        problems.add(Problem.error(first, "", "circular include: " + String.join(" → ", closed),
                "make one of these files stop including, importing or extending the next").atLine(line));
    }
}
