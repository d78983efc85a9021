package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import java.util.List;

/**
 * Validates the prompts of one package together: parameters, body variables, references to
 * files and to other packages, and inheritance cycles. Returns every problem, sorted.
 */
public final class PromptValidator {

    private PromptValidator() {
    }

    public static List<Problem> validate(PromptPackage pack) {
        Problems problems = new Problems();
        pack.prompts().forEach((file, prompt) -> {
            ParameterRules.check(prompt, problems);
            TemplateRule.check(pack, file, prompt, problems);
            ReferenceRules.check(pack, file, prompt, problems);
        });
        InheritanceCycles.check(pack, problems);
        IncludeCycles.check(pack, problems);
        return problems.sorted();
    }
}
