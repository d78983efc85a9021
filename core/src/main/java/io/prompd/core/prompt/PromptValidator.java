package io.prompd.core.prompt;

import io.prompd.core.PackageSteps;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.template.TemplateScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Validates the prompts of one package together: that each has text, parameters, body variables,
 * references to files and to other packages, and inheritance and include cycles; and the other
 * files their templates load, as templates too, with the variables of those they include. Returns every problem,
 * sorted.
 */
public final class PromptValidator {

    private PromptValidator() {
    }

    /** @param steps how the hints name the package's prompd.json and the install run in its folder */
    public static List<Problem> validate(PromptPackage pack, PackageSteps steps) {
        return validate(pack, steps, DependencyParents.NONE);
    }

    /**
     * @param steps   how the hints name the package's prompd.json and the install run in its folder
     * @param outside what the prompts of other packages that the package's prompts inherit declare, where known
     */
    public static List<Problem> validate(PromptPackage pack, PackageSteps steps, DependencyParents outside) {
        Problems problems = new Problems();
        // the body is scanned once, for the template's own rules and for the files it loads
        Map<String, List<ReferenceSite>> references = new TreeMap<>();
        LocalParents parents = new LocalParents(pack, outside);
        Map<String, TemplateScan> bodies = new TreeMap<>();
        pack.prompts().forEach((file, prompt) -> {
            TemplateScan template = TemplateScan.of(prompt.body(), prompt.bodyLine());
            bodies.put(file, template);
            references.put(file, prompt.referenceSites(template));
            textless(pack, parents, file, prompt, problems);
            ParameterRules.check(prompt, problems);
            TemplateRule.check(pack, parents, file, prompt, template, problems);
            ReferenceRules.check(pack, file, prompt, references.get(file), steps, problems);
        });
        Map<String, TemplateScan> loadable = checkLoaded(pack, bodies, pack.prompts().keySet(), references, steps,
                problems);
        IncludedVariables.check(pack, parents, bodies, loadable, problems);
        InheritanceCycles.check(pack, parents, problems);
        repeatedIds(pack, problems);
        return problems.sorted();
    }

    /**
     * The rules of the files the prompts' templates load ({@link PromptPackage#templates()}), each rendered as a
     * template too: its tags, the files it names and the names imported from it; and the include cycles through them
     * and the prompts, and how much text the prompts of {@code from} expand to through them. Also for the files of a
     * dependency that a prompt of another package loads ({@link DependencyTemplates}), which are judged as if they were
     * that prompt's package's.
     *
     * @param bodies     the scan of each prompt's body
     * @param from       the files whose loads a loaded file's messages tell the way from, the package's prompts; none
     *                   for messages that tell it themselves
     * @param references the sites each prompt names, to which those of each loaded file are added
     * @return the scan of each file a template may load: the prompts' bodies and the loaded files
     */
    static Map<String, TemplateScan> checkLoaded(PromptPackage pack, Map<String, TemplateScan> bodies,
                                                 Set<String> from, Map<String, List<ReferenceSite>> references,
                                                 PackageSteps steps, Problems problems) {
        Map<String, TemplateScan> loaded = new TreeMap<>();
        pack.templates().forEach((file, text) -> {
            loaded.put(file, TemplateScan.of(text, 1));
            references.put(file, ReferenceSite.ofTemplate(loaded.get(file), List.of()));
        });
        Map<String, List<String>> through = LoadedTemplates.through(from, references);
        loaded.forEach((file, template) -> {
            TemplateRule.checkLoaded(file, template, through.getOrDefault(file, List.of()), problems);
            ReferenceRules.checkLoaded(pack, file, references.get(file), steps, problems);
        });
        Map<String, TemplateScan> loadable = new TreeMap<>(loaded);
        loadable.putAll(bodies);
        ImportedNames.check(pack, loadable, problems);
        IncludeCycles.check(references, problems);
        IncludeExpansion.check(from, references, loadable, IncludeExpansion.lengths(pack), problems);
        return loadable;
    }

    /**
     * The references of the prompts, and of the files their templates load, to other packages that
     * {@code "dependencies"} do not back as written, by validate's rule, in file and line order: for a command that
     * changes {@code "dependencies"} to tell which references now want writing anew.
     */
    public static List<DependencyMismatch> dependencyMismatches(PromptPackage pack) {
        List<DependencyMismatch> found = new ArrayList<>();
        pack.prompts().forEach((file, prompt) -> found.addAll(ReferenceRules.mismatches(pack, file,
                prompt.referenceSites(), site -> site.lineIn(prompt))));
        pack.templates().forEach((file, text) -> found.addAll(ReferenceRules.mismatches(pack, file,
                LoadedTemplates.referenceSites(text), ReferenceSite::line)));
        found.sort(Comparator.comparing(DependencyMismatch::file).thenComparingInt(DependencyMismatch::line));
        return List.copyOf(found);
    }

    /**
     * Prompts reference each other by path, never by id, so two prompts of one package with one id both still work;
     * but a tool or a person choosing a prompt by its id, as {@code prompd info} lists them, cannot tell the two apart.
     * A warning at each id given again, naming the file that gave it first.
     */
    private static void repeatedIds(PromptPackage pack, Problems problems) {
        Map<String, String> first = new HashMap<>();
        pack.prompts().forEach((file, prompt) -> prompt.id().filter(id -> !id.isBlank()).ifPresent(id -> {
            String earlier = first.putIfAbsent(id, file);
            if (earlier != null) {
                String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
                problems.add(Problem.warning(file, "/id", "the id '" + id + "' is also the id of " + earlier,
                        "give each prompt of the package an id of its own" + (stem.equals(id) ? ""
                                : ", such as its file's name: id: " + stem))
                        .atLine(prompt.fieldLines().lineOf("/id")));
            }
        }));
    }

    /**
     * A prompt with nothing after its front matter renders as no text at all, unless its front matter gives the text
     * ({@code system}, {@code user}, {@code assistant}, {@code context}) or it inherits a prompt that has some: such a
     * child, only setting parameters, is a preset of its parent. A warning, since a base prompt may declare parameters
     * alone for the prompts that inherit it; a prompt another prompt of the package inherits is such a base, and is not
     * warned of: a warning no edit could silence would fail every {@code validate --strict} of the package, and the
     * prompts inheriting it are warned of when their whole chain has no text, once each, naming the chain. A child is
     * warned of only when its whole chain is known to have no text: a parent in another package, or one that is
     * missing, does not parse, has a front matter that does not read or closes a cycle (each with its own problem),
     * may have some.
     */
    private static void textless(PromptPackage pack, LocalParents parents, String file, PromptFile prompt,
                                 Problems problems) {
        if (parents.isInherited(file)) {
            return;
        }
        List<String> inherited = new ArrayList<>();
        Set<String> visited = new HashSet<>(Set.of(file));
        String current = file;
        while (!hasText(pack.prompts().get(current))) {
            if (pack.prompts().get(current).inherits().isEmpty()) {
                problems.add(Problem.warning(file, "", "the prompt has no text after its front matter"
                        + textlessParents(inherited), inherited.isEmpty() ? "write the prompt's text after the closing"
                        + " '---', give it in 'system' or 'user', or take it from another prompt with 'inherits'"
                        : "write the text after the closing '---' of one of them, or give it in 'system' or 'user'")
                        .atLine(prompt.bodyLine() - 1));
                return;
            }
            Optional<String> parent = parents.of(current);
            if (parent.isEmpty() || !pack.prompts().containsKey(parent.get()) || !visited.add(parent.get())) {
                return;
            }
            inherited.add(parent.get());
            current = parent.get();
        }
    }

    /** Whether the prompt has text of its own, or may have: a front matter that did not read may give it. */
    private static boolean hasText(PromptFile prompt) {
        return !prompt.body().isBlank() || !prompt.frontMatterRead() || Stream.of(prompt.contexts(), prompt.system(),
                prompt.user(), prompt.assistant())
                .anyMatch(parts -> !parts.isEmpty());
    }

    /** {@code , nor has the prompt it inherits, prompts/base.prmd}; nothing for a prompt that inherits none. */
    private static String textlessParents(List<String> inherited) {
        if (inherited.isEmpty()) {
            return "";
        }
        return inherited.size() == 1 ? ", nor has the prompt it inherits, " + inherited.get(0)
                : ", nor have the prompts it inherits, " + String.join(" → ", inherited);
    }
}
