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

    @Override
    public String toString() {
        return operator.symbol() + bound;
    }
}
