package io.prompd.core.prompt;

import io.prompd.core.problem.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What parsing one prompt file gave.
 *
 * @param draft    every field and entry of the front matter that read, without those that did not,
 *                 so that the rest of the file can still be validated; present when the file has a front matter,
 *                 closed; of one that is no map of keys, or that is not read for the characters it holds as written
 *                 ({@link io.prompd.core.problem.SuspectCharacters#FRONT_MATTER_UNREAD}), its body alone
 *                 ({@link PromptFile#frontMatterRead()})
 * @param problems every problem found, sorted
 */
public record PromptParseResult(Optional<PromptFile> draft, List<Problem> problems) {

    public PromptParseResult {
        Objects.requireNonNull(draft, "draft");
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    /** The prompt, present when the file has no errors. */
    public Optional<PromptFile> prompt() {
        return problems.stream().anyMatch(Problem::isError) ? Optional.empty() : draft;
    }
}
