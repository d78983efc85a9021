package io.prompd.core.resolve;

import java.util.Optional;

/**
 * A term added to the partial solution: a decision (no cause) or a derivation from an
 * incompatibility.
 *
 * @param position where it stands in the partial solution, to tell which came last
 */
record Assignment(Term term, int decisionLevel, int position, Optional<Incompatibility> cause) {

    boolean isDecision() {
        return cause.isEmpty();
    }
}
