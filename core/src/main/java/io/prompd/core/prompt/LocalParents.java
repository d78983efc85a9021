package io.prompd.core.prompt;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local parent of every prompt of a package, resolved once: the rules that follow inheritance
 * chains walk them from every prompt, and resolving each step again made a package of long chains
 * take seconds.
 */
final class LocalParents {

    private final Map<String, String> parents = new HashMap<>();

    LocalParents(PromptPackage pack) {
        pack.prompts().forEach((file, prompt) -> {
            if (prompt.inherits().orElse(null) instanceof LocalReference parent) {
                parent.resolveFrom(file).ifPresent(path -> parents.put(file, path));
            }
        });
    }

    /** Whether a prompt of the package inherits the prompt at {@code file}. */
    boolean isInherited(String file) {
        return parents.containsValue(file);
    }

    /** The package path of the prompt that {@code file} inherits from, when it is a file of this package. */
    Optional<String> of(String file) {
        return Optional.ofNullable(parents.get(file));
    }
}
