package io.prompd.core.problem;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a value a user typed is refused and, apart from that, how such a value is written: several refused at once share
 * that advice, which is worth reading once rather than after each reason.
 *
 * @param reason what is wrong, quoting the value
 * @param advice how such a value is written; empty when the reason already says how to mend it
 */
public record Refusal(String reason, Optional<String> advice) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(advice, "advice");
    }

    /** A refusal told by its reason alone, as one that already says how to mend the value is. */
    public static Refusal withoutAdvice(String reason) {
        return new Refusal(reason, Optional.empty());
    }

    /** The reason with its advice, for a value refused alone. */
    public String message() {
        return advice.map(words -> reason + "; " + words).orElse(reason);
    }
}
