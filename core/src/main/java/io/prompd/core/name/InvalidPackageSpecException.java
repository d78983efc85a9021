package io.prompd.core.name;

import java.util.Optional;

/**
 * A text that names no package: why, and apart from it how a package is written, where the reason does not already say
 * how to mend it. Several refused at once share that advice, which is worth reading once rather than after each.
 */
public final class InvalidPackageSpecException extends IllegalArgumentException {

    private final String reason;
    /** Empty when the reason says how to mend the text itself. */
    private final String advice;

    InvalidPackageSpecException(String reason, String advice) {
        super(advice.isEmpty() ? reason : reason + "; " + advice);
        this.reason = reason;
        this.advice = advice;
    }

    /** What is wrong, quoting the text. */
    public String reason() {
        return reason;
    }

    /** How a package is written, when the reason leaves that out. */
    public Optional<String> advice() {
        return advice.isEmpty() ? Optional.empty() : Optional.of(advice);
    }
}
