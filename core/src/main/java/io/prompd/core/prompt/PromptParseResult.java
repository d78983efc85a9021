package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What parsing one prompt file gave.
 *
 * @param prompt   the prompt, present when the file has no errors
 * @param problems every problem found, sorted
 */
public record PromptParseResult(Optional<PromptFile> prompt, List<Problem> problems) {

    public PromptParseResult {
        Objects.requireNonNull(prompt, "prompt");
        problems = problems.stream().sorted(Problem.ORDER).toList();
        if (prompt.isPresent() && problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a prompt with errors is not returned");
        }
    }
}
