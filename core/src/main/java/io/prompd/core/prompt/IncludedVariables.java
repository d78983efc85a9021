package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.template.TemplateScan;
import io.prompd.core.template.VariableUse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A file a prompt includes, extends, or imports {@code with context}, renders with the prompt's variables, so the
 * variables it reads are checked against that prompt as the prompt's own body is: a name neither the prompt (nor a
 * parent of it in the package) declares, nor a loading template binds where it includes the file (a {@code for} around
 * the include, a {@code set} before it; for a file extended, any {@code set} of the extending template outside its
 * blocks), renders empty, a warning at the loaded file's line naming the prompt. A file included
 * {@code without context}, or imported without it as Jinja imports by default, sees none of the prompt's names, so any
 * name it does not bind itself (a macro's own arguments among them) renders empty there, declared or not. A file
 * loaded by several prompts is checked against each, and a file one prompt loads both with its context and without is
 * told of each way a name renders empty there, since mending one leaves the other. A prompt file loaded so is such a
 * file too: the parameters its own front matter declares are not the loading prompt's, which are all it sees.
 */
final class IncludedVariables {

    /**
     * A file reached from the prompt by includes, imports and extends, the files loading it on the way, and the names
     * they bind.
     *
     * @param load how the last of the files on the way loads it
     * @param cut the file on the way that was loaded without context, and how; empty when the file sees the prompt's
     *            variables
     */
    private record Reached(String file, List<String> through, Set<String> bound, TemplateScan.Load load,
                           Optional<Cut> cut) {
    }

    /** A file loaded without context, which sees none of the prompt's variables, nor do the files it loads. */
    private record Cut(String file, TemplateScan.Load load) {
    }

    /**
     * A name of a file warned of for the prompt, once along the fewest loads that let the file see the prompt's
     * variables and once along the fewest that do not.
     */
    private record Warned(String file, String name, boolean promptSeen) {
    }

    /** What a reached file sees: a file seeing the same again says nothing new, and a cycle of includes ends there. */
    private record Sight(String file, Set<String> bound, boolean promptSeen) {
    }

    private IncludedVariables() {
    }

    /**
     * @param prompts  the scan of each prompt's body
     * @param loadable the scan of each file a template may load: the prompts, which Jinja renders with the including
     *                 prompt's variables, not those the file declares, and the files the prompts' templates load
     *                 ({@link PromptPackage#templates()})
     */
    static void check(PromptPackage pack, LocalParents parents, Map<String, TemplateScan> prompts,
                      Map<String, TemplateScan> loadable, Problems problems) {
        prompts.forEach((prompt, scan) -> walk(pack, parents, prompt, loaded(pack, start(prompt), scan, loadable),
                pack, loadable, problems));
    }

    /**
     * The variables of a file of another package that the prompt loads by the inclusion, and of the files it loads in
     * turn within that package: they render with the prompt's variables as the files of the prompt's own package do.
     * The problems are at the lines of those files.
     *
     * @param within   that package
     * @param target   the file's path in it
     * @param loadable the scan of each file of {@code within} a template may load
     */
    static void check(PromptPackage pack, LocalParents parents, String prompt, TemplateScan.Inclusion inclusion,
                      PromptPackage within, String target, Map<String, TemplateScan> loadable, Problems problems) {
        walk(pack, parents, prompt, List.of(reached(start(prompt), inclusion, target)), within, loadable, problems);
    }

    private static Reached start(String prompt) {
        return new Reached(prompt, List.of(), Set.of(), TemplateScan.Load.INCLUDE, Optional.empty());
    }

    /**
     * Follows the files the prompt loads, from those it loads itself, through the files of {@code within}.
     *
     * @param loadable the scan of each file of {@code within} a template may load
     */
    private static void walk(PromptPackage pack, LocalParents parents, String prompt, List<Reached> loads,
                             PromptPackage within, Map<String, TemplateScan> loadable, Problems problems) {
        Set<String> declared = TemplateRule.declaredThroughLocalParents(pack, parents, prompt);
        boolean inFull = TemplateRule.declaredInFull(pack, parents, prompt);
        String hint = TemplateRule.declareHint(pack, parents, prompt, " of " + prompt);
        Set<Warned> warned = new HashSet<>();
        // breadth first, so that a warning names the fewest includes from the prompt to the file
        Deque<Reached> pending = new ArrayDeque<>(loads);
        Set<Sight> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Reached reached = pending.removeFirst();
            if (!seen.add(new Sight(reached.file(), reached.bound(), reached.cut().isEmpty()))) {
                continue;
            }
            TemplateScan template = loadable.get(reached.file());
            for (VariableUse use : template.freeVariables()) {
                // with a parameter left out for a refused value, told already, any name may be the prompt's
                boolean seenThere = reached.bound().contains(use.name())
                        || reached.cut().isEmpty() && (declared.contains(use.name()) || !inFull);
                if (!seenThere && warned.add(new Warned(reached.file(), use.name(), reached.cut().isEmpty()))) {
                    problems.add(reached.cut()
                            .map(cut -> unseen(prompt, reached, cut, use.name()))
                            .orElseGet(() -> undeclared(prompt, reached, use.name(), seen(declared, reached), hint))
                            .atLine(use.line()));
                }
            }
            pending.addAll(loaded(within, reached, template, loadable));
        }
    }

    /**
     * A variable of a file that sees the prompt's, which the prompt does not declare.
     *
     * @param known       the names the file sees
     * @param declareHint how to declare it
     */
    private static Problem undeclared(String prompt, Reached reached, String name, Set<String> known,
                                      String declareHint) {
        return Problem.warning(reached.file(), "", "the variable '" + name + "' is used but not declared as a parameter"
                + " of " + prompt + ", which " + reached.load().verb + " this file" + through(reached.through())
                + TemplateRule.decomposed(name, known), TemplateRule.undeclaredHint(name, known, declareHint));
    }

    /** The names a file that sees the prompt's variables sees: the prompt's and those bound where it is loaded. */
    private static Set<String> seen(Set<String> declared, Reached reached) {
        Set<String> seen = new HashSet<>(declared);
        seen.addAll(reached.bound());
        return seen;
    }

    /**
     * A variable of a file that sees none of the prompt's, the file itself or one loading it loaded without context.
     */
    private static Problem unseen(String prompt, Reached reached, Cut cut, String name) {
        boolean itself = cut.file().equals(reached.file());
        String loaded = itself ? "this file" : cut.file();
        boolean imported = cut.load() == TemplateScan.Load.IMPORT;
        String message = "the variable '" + name + "' is used but " + prompt + " " + cut.load().verb + " "
                + loaded + " without context" + (imported ? " (Jinja's default for an import)" : "")
                + (itself ? "" : ", and this file") + through(reached.through()) + ", so the file sees none of the"
                + " prompt's parameters and '" + name + "' renders empty";
        String hint = imported
                ? "import " + loaded + " with context (add 'with context' to the import), or pass the value to the"
                        + " macro as an argument"
                : "include " + loaded + " with context (drop 'without context'), or set the variable in the file";
        return Problem.warning(reached.file(), "", message, hint);
    }

    /**
     * The templates a reached file includes, imports or extends.
     *
     * @param loadable the scan of each file of the package a template may load, prompts included
     */
    private static List<Reached> loaded(PromptPackage pack, Reached from, TemplateScan scan,
                                        Map<String, TemplateScan> loadable) {
        List<Reached> reached = new ArrayList<>();
        for (TemplateScan.Inclusion inclusion : scan.inclusions()) {
            References.loadedFrom(from.file(), inclusion.file().written(), pack)
                    .filter(loadable::containsKey)
                    .ifPresent(target -> reached.add(reached(from, inclusion, target)));
        }
        return reached;
    }

    /**
     * The file a reached file loads by the inclusion, seeing what the file binds there beside what the file sees, if
     * with its context; else nothing, with the cut there.
     */
    private static Reached reached(Reached from, TemplateScan.Inclusion inclusion, String target) {
        List<String> through = new ArrayList<>(from.through());
        through.add(from.file());
        Set<String> visible = new HashSet<>(inclusion.withContext() ? from.bound() : Set.of());
        visible.addAll(inclusion.bound());
        return new Reached(target, List.copyOf(through), Set.copyOf(visible), inclusion.load(),
                inclusion.withContext() ? from.cut() : Optional.of(new Cut(target, inclusion.load())));
    }

    /**
     * {@code  through prompts/parts/a.md} for a file the prompt includes through others; nothing when it does itself.
     */
    private static String through(List<String> includers) {
        return includers.size() == 1 ? "" : " through " + String.join(" → ", includers.subList(1, includers.size()));
    }
}
