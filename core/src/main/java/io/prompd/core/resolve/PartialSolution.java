package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The decisions and derivations made so far, in order, with what they imply per package. */
final class PartialSolution {

    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<Domain, Term> known = new HashMap<>();
    private final Map<Domain, Integer> decisions = new LinkedHashMap<>();
    /**
     * The terms of {@link #known} that select a package not decided yet, in the order {@link #nextUndecided} takes
     * them, kept as they change: a look through every package known at each decision would take a solution of
     * thousands of packages (a long chain of them) millions of steps.
     */
    private final NavigableSet<Term> undecided;
    private int decisionLevel;

    /**
     * @param first          the packages to decide before the others
     * @param rollbacksFirst whether a package whose {@code latest} dist-tag rolls back is decided before the rest, so
     *                       that its tag holds whatever the ranges allowing it: decided later, after a dependant at its
     *                       highest version, it may only be left the version rolled back from
     */
    PartialSolution(Set<PackageName> first, boolean rollbacksFirst) {
        // by name last: the project is decided alone, before any package is known, so it is never among others here
        undecided = new TreeSet<>(Comparator.comparing((Term term) -> !term.domain().isNamedIn(first))
                .thenComparing(term -> !(rollbacksFirst && term.rollsBackLatest()))
                .thenComparingInt(Term::versionCount).thenComparing(term -> term.domain().toString()));
    }

    void decide(Domain domain, int version) {
        decisionLevel++;
        BitSet chosen = new BitSet();
        chosen.set(version);
        decisions.put(domain, version);
        add(Term.positive(domain, chosen, null), Optional.empty());
    }

    void derive(Term term, Incompatibility cause) {
        add(term, Optional.of(cause));
    }

    private void add(Term term, Optional<Incompatibility> cause) {
        assignments.add(new Assignment(term, decisionLevel, assignments.size(), cause));
        know(term);
    }

    private void know(Term term) {
        Term before = known.get(term.domain());
        Term now = known.merge(term.domain(), term, Term::intersect);
        if (before != null) {
            undecided.remove(before);
        }
        if (now.isPositive() && !decisions.containsKey(now.domain())) {
            undecided.add(now);
        }
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
        undecided.clear();
        for (Assignment assignment : assignments) {
            know(assignment.term());
        }
    }

    /**
     * The next package to decide: one that must be selected but has no version yet, those named in the constructor's
     * {@code first} before the others, then those rolling back {@code latest} if asked, then the one with the fewest
     * allowed versions first, since it is the likeliest to fail early.
     */
    Optional<Term> nextUndecided() {
        return undecided.isEmpty() ? Optional.empty() : Optional.of(undecided.first());
    }

    Map<Domain, Integer> decisions() {
        return Map.copyOf(decisions);
    }
}
