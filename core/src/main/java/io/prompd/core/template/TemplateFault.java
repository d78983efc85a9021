package io.prompd.core.template;

import java.util.Objects;

/**
 * A place where a template's tags do not fit together, so that Jinja would refuse to render it.
 *
 * @param line the 1-based file line of the tag at fault
 */
public record TemplateFault(int line, String message, String hint) {

    public TemplateFault {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
    }
}
