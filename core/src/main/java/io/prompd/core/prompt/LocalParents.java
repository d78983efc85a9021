package io.prompd.core.prompt;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local parent of every prompt of a package, resolved once: the rules that follow inheritance
 * chains walk them from every prompt, and resolving each step again made a package of long chains
 * take seconds. With them, what the parents in other packages that the chains end in declare, where known.
 */
final class LocalParents {

    private final Map<String, String> parents = new HashMap<>();
    private final DependencyParents outside;

    LocalParents(PromptPackage pack) {
        this(pack, DependencyParents.NONE);
    }

    LocalParents(PromptPackage pack, DependencyParents outside) {
        this.outside = outside;
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

    /** What the prompt of another package a local chain ends in declares, when its version was at hand. */
    Optional<DependencyParents.Declared> declaredOutside(Reference parent) {
        return outside.of(parent);
    }
}
