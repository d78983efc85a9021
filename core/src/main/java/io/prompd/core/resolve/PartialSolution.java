package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The decisions and derivations made so far, in order, with what they imply per package. */
final class PartialSolution {

    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<Domain, Term> known = new HashMap<>();
    private final Map<Domain, Integer> decisions = new LinkedHashMap<>();
    private int decisionLevel;

    int decisionLevel() {
        return decisionLevel;
    }

    void decide(Domain domain, int version) {
        decisionLevel++;
        BitSet chosen = new BitSet();
        chosen.set(version);
        add(Term.positive(domain, chosen, null), Optional.empty());
        decisions.put(domain, version);
    }

    void derive(Term term, Incompatibility cause) {
        add(term, Optional.of(cause));
    }

    private void add(Term term, Optional<Incompatibility> cause) {
        assignments.add(new Assignment(term, decisionLevel, assignments.size(), cause));
        known.merge(term.domain(), term, Term::intersect);
    }

    Term.Relation relation(Term term) {
        return known.getOrDefault(term.domain(), Term.any(term.domain())).relation(term);
    }

    boolean satisfies(Term term) {
        return relation(term) == Term.Relation.SATISFIED;
    }

    /** The assignment after which the partial solution first satisfied the term. */
    Assignment satisfier(Term term) {
        Term accumulated = Term.any(term.domain());
        for (Assignment assignment : assignments) {
            if (assignment.term().domain() == term.domain()) {
                accumulated = accumulated.intersect(assignment.term());
                if (accumulated.satisfies(term)) {
                    return assignment;
                }
            }
        }
        throw new IllegalStateException("the partial solution does not satisfy " + term);
    }

    /** Undoes every assignment made after the given decision level. */
    void backtrack(int level) {
        while (!assignments.isEmpty() && assignments.get(assignments.size() - 1).decisionLevel() > level) {
            Assignment removed = assignments.remove(assignments.size() - 1);
            if (removed.isDecision()) {
                decisions.remove(removed.term().domain());
            }
        }
        decisionLevel = level;
        known.clear();
        for (Assignment assignment : assignments) {
            known.merge(assignment.term().domain(), assignment.term(), Term::intersect);
        }
    }

    /**
     * The next package to decide: one that must be selected but has no version yet, those named in {@code first}
     * before the others, then the one with the fewest allowed versions first, since it is the likeliest to fail early.
     */
    Optional<Term> nextUndecided(Set<PackageName> first) {
        return known.values().stream()
                .filter(term -> term.isPositive() && !decisions.containsKey(term.domain()))
                .min(Comparator.comparing((Term term) -> !term.domain().isNamedIn(first))
                        .thenComparingInt(Term::versionCount).thenComparing(Term::domain, Domain.byName()));
    }

    Map<Domain, Integer> decisions() {
        return Map.copyOf(decisions);
    }
}
