package io.prompd.core.template;

import java.util.Objects;

/**
 * A variable a template reads without defining it, at its first use.
 *
 * @param name the root name: {@code workflow} for {@code workflow.topic}
 * @param line the 1-based file line of the first use
 */
public record VariableUse(String name, int line) {

    public VariableUse {
        Objects.requireNonNull(name, "name");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
    }
}
