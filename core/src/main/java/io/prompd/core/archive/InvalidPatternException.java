package io.prompd.core.archive;

/**
 * A {@code files} or {@code ignore} pattern that prompd cannot read, or that can name no file of the package: each
 * is wrong its own way, so each carries its own way to write it, rather than one hint for all.
 */
public final class InvalidPatternException extends IllegalArgumentException {

    private final String hint;

    InvalidPatternException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** How to write the pattern so that it reads. */
    public String hint() {
        return hint;
    }
}
