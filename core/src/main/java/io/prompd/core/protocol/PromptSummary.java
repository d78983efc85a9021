package io.prompd.core.protocol;

import io.prompd.core.prompt.PromptFile;
import java.util.List;
import java.util.Objects;

/**
 * A prompt file of a version, from its front matter: what it is and what it asks for.
 *
 * @param id          the front matter's {@code id}, or null
 * @param name        the front matter's {@code name}, or null
 * @param description the front matter's {@code description}, or null
 * @param parameters  the declared parameters, in file order
 */
public record PromptSummary(String id, String name, String description, List<ParameterSummary> parameters) {

    public PromptSummary {
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    public static PromptSummary of(PromptFile prompt) {
        return new PromptSummary(prompt.id().orElse(null), prompt.name().orElse(null),
                prompt.description().orElse(null), prompt.parameters().stream().map(ParameterSummary::of).toList());
    }
}
