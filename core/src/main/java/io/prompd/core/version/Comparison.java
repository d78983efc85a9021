package io.prompd.core.version;

import java.util.Objects;

/** One primitive comparator such as {@code >=1.2.3} or {@code <2.0.0-0}; build metadata never counts. */
record Comparison(Operator operator, Version bound) {

    Comparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(bound, "bound");
    }

    static Comparison of(Operator operator, int major, int minor, int patch, String preRelease) {
        return new Comparison(operator, Version.of(major, minor, patch, preRelease));
    }

    boolean test(Version version) {
        return operator.accepts(version.comparePrecedence(bound));
    }

    /**
     * Whether the comparator keeps the version out as too low: {@code >=1.2.0} does {@code 1.1.0}, and {@code >1.2.0}
     * the bound itself.
     */
    boolean refusesAsLower(Version version) {
        int precedence = version.comparePrecedence(bound);
        return !operator.accepts(precedence) && (precedence < 0 || operator == Operator.GREATER);
    }

    /** Whether the comparator keeps the version out as too high: {@code <2.0.0-0} does {@code 2.0.0}. */
    boolean refusesAsHigher(Version version) {
        int precedence = version.comparePrecedence(bound);
        return !operator.accepts(precedence) && (precedence > 0 || operator == Operator.LESS);
    }

    @Override
    public String toString() {
        return operator.symbol() + bound;
    }
}
