package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Validates the prompts of one package together: that each has text, parameters, body variables,
 * references to files and to other packages, and inheritance and include cycles. Returns every
 * problem, sorted.
 */
public final class PromptValidator {

    private PromptValidator() {
    }

    public static List<Problem> validate(PromptPackage pack) {
        Problems problems = new Problems();
        // the body is scanned once, for the template's own rules and for the files it loads
        Map<String, List<ReferenceSite>> references = new TreeMap<>();
        LocalParents parents = new LocalParents(pack);
        pack.prompts().forEach((file, prompt) -> {
            TemplateScan template = TemplateScan.of(prompt);
            references.put(file, prompt.referenceSites(template));
            textless(file, prompt, problems);
            ParameterRules.check(prompt, problems);
            TemplateRule.check(pack, parents, file, prompt, template, problems);
            ReferenceRules.check(pack, file, prompt, references.get(file), problems);
        });
        InheritanceCycles.check(pack, parents, problems);
        IncludeCycles.check(references, problems);
        return problems.sorted();
    }

    /**
     * A prompt with nothing after its front matter renders as no text at all, unless its front matter gives the text
     * ({@code system}, {@code user}, {@code assistant}, {@code context}) or it inherits a prompt that has some: such a
     * child, only setting parameters, is a preset of its parent. A warning, since a base prompt may declare parameters
     * alone for the prompts that inherit it.
     */
    private static void textless(String file, PromptFile prompt, Problems problems) {
        boolean frontMatterText = Stream.of(prompt.contexts(), prompt.system(), prompt.user(), prompt.assistant())
                .anyMatch(parts -> !parts.isEmpty());
        if (prompt.body().isBlank() && prompt.inherits().isEmpty() && !frontMatterText) {
            problems.add(Problem.warning(file, "", "the prompt has no text after its front matter",
                    "write the prompt's text after the closing '---', give it in 'system' or 'user', or take it from"
                            + " another prompt with 'inherits'").atLine(prompt.bodyLine() - 1));
        }
    }
}
