package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file a prompt includes renders with the prompt's variables, so the variables it reads are checked against that
 * prompt as the prompt's own body is: a name neither the prompt (nor a parent of it in the package) declares, nor an
 * including template binds where it includes the file (a {@code for} around the include, a {@code set} before it),
 * renders empty, a warning at the included file's line naming the prompt. A file included by several prompts is
 * checked against each; one imported, extended, or included {@code without context} sees none of the includer's
 * names and is left alone.
 */
final class IncludedVariables {

    /** A file reached from the prompt by includes, the files including it on the way, and the names they bind. */
    private record Reached(String file, List<String> through, Set<String> bound) {
    }

    private IncludedVariables() {
    }

    /**
     * @param prompts   the scan of each prompt's body
     * @param templates the scan of each file the prompts' templates load ({@link PromptPackage#templates()})
     */
    static void check(PromptPackage pack, LocalParents parents, Map<String, TemplateScan> prompts,
                      Map<String, TemplateScan> templates, Problems problems) {
        prompts.forEach((prompt, scan) -> {
            Set<String> declared = TemplateRule.declaredThroughLocalParents(pack, parents, prompt);
            String hint = TemplateRule.declareHint(pack, parents, prompt, " of " + prompt);
            Set<Map.Entry<String, String>> warned = new HashSet<>();
            // breadth first, so that a warning names the fewest includes from the prompt to the file
            Deque<Reached> pending = new ArrayDeque<>(included(pack, prompt, scan, List.of(), Set.of(), templates));
            // a file reached again seeing the same names says nothing new, and a cycle of includes ends there
            Set<Map.Entry<String, Set<String>>> seen = new HashSet<>();
            while (!pending.isEmpty()) {
                Reached reached = pending.removeFirst();
                if (!seen.add(Map.entry(reached.file(), reached.bound()))) {
                    continue;
                }
                TemplateScan template = templates.get(reached.file());
                for (VariableUse use : template.freeVariables()) {
                    if (!declared.contains(use.name()) && !reached.bound().contains(use.name())
                            && warned.add(Map.entry(reached.file(), use.name()))) {
                        problems.add(Problem.warning(reached.file(), "", "the variable '" + use.name() + "' is used"
                                + " but not declared as a parameter of " + prompt + ", which includes this file"
                                + through(reached.through()), hint).atLine(use.line()));
                    }
                }
                pending.addAll(included(pack, reached.file(), template, reached.through(), reached.bound(), templates));
            }
        });
    }

    /** The templates a file includes with its context, each seeing what the file binds there beside {@code bound}. */
    private static List<Reached> included(PromptPackage pack, String file, TemplateScan scan, List<String> through,
                                          Set<String> bound, Map<String, TemplateScan> templates) {
        List<Alias> aliases = pack.prompts().containsKey(file) ? pack.prompts().get(file).using() : List.of();
        List<String> nowThrough = new ArrayList<>(through);
        nowThrough.add(file);
        List<Reached> reached = new ArrayList<>();
        for (TemplateScan.Inclusion inclusion : scan.inclusions()) {
            Set<String> visible = new HashSet<>(bound);
            visible.addAll(inclusion.bound());
            References.tryParse(inclusion.file().written(), aliases)
                    .filter(LocalReference.class::isInstance)
                    .flatMap(reference -> ((LocalReference) reference).resolveFrom(file))
                    .filter(templates::containsKey)
                    .ifPresent(target -> reached.add(new Reached(target, List.copyOf(nowThrough), Set.copyOf(visible))));
        }
        return reached;
    }

    /** {@code  through prompts/parts/a.md} for a file the prompt includes through others; nothing when it does itself. */
    private static String through(List<String> includers) {
        return includers.size() == 1 ? "" : " through " + String.join(" → ", includers.subList(1, includers.size()));
    }
}
