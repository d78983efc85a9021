package io.prompd.core.version;

/** The operators of npm's primitive comparators, which every range desugars to. */
enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** Whether a version comparing to the bound as {@code precedence} (negative, 0, positive) passes. */
    boolean accepts(int precedence) {
        return switch (this) {
            case LESS -> precedence < 0;
            case LESS_OR_EQUAL -> precedence <= 0;
            case GREATER -> precedence > 0;
            case GREATER_OR_EQUAL -> precedence >= 0;
            case EQUAL -> precedence == 0;
        };
    }

    String symbol() {
        return symbol;
    }
}
