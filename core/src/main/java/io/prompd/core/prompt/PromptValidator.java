package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates the prompts of one package together: parameters, body variables, references to
 * files and to other packages, and inheritance and include cycles. Returns every problem, sorted.
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
            ParameterRules.check(prompt, problems);
            TemplateRule.check(pack, parents, file, prompt, template, problems);
            ReferenceRules.check(pack, file, prompt, references.get(file), problems);
        });
        InheritanceCycles.check(pack, parents, problems);
        IncludeCycles.check(references, problems);
        return problems.sorted();
    }
}
