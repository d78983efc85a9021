package io.prompd.core.prompt;

import java.util.Objects;

/**
 * One entry of {@code context}, {@code system}, {@code user}, {@code assistant} or {@code response}:
 * either a file to read or text to use as it is.
 */
public sealed interface PromptPart {

    /**
     * A file, named by a path such as {@code ../contexts/x.md} or a package reference.
     *
     * @param pointer where the front matter names it ({@code /context/1}), for messages
     */
    record FilePart(Reference reference, String pointer) implements PromptPart {
        public FilePart {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /** Text written inline in the front matter. */
    record TextPart(String text) implements PromptPart {
        public TextPart {
            Objects.requireNonNull(text, "text");
        }
    }
}
