package io.prompd.core.version;

import java.util.List;
import java.util.Objects;

/** One alternative of a range between {@code ||}, as written, before npm's desugaring. */
sealed interface RangeSyntax {

    /** {@code from - to}, inclusive, with wildcards allowed on either side. */
    record Hyphen(PartialVersion from, PartialVersion to) implements RangeSyntax {
        public Hyphen {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Space-separated comparators that must all hold; empty for an empty alternative, which npm reads as any. */
    record Intersection(List<SimpleComparator> comparators) implements RangeSyntax {
        public Intersection {
            comparators = List.copyOf(comparators);
        }
    }

    /** An operator (possibly none) applied to a partial version, such as {@code ^1.2} or {@code <=2.x}. */
    record SimpleComparator(RangeOperator operator, PartialVersion version) {
        public SimpleComparator {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The operators a user may write before a version; {@code ~>} is npm's other spelling of {@code ~}. */
    enum RangeOperator {
        NONE(""), EQUAL("="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
        TILDE("~"), TILDE_GREATER("~>"), CARET("^");

        private final String symbol;

        RangeOperator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }
}
