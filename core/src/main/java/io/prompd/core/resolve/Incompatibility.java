package io.prompd.core.resolve;

import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Terms that must not all hold at once, and why. Compared by identity. */
final class Incompatibility {

    private final List<Term> terms;
    private final Cause cause;

    /**
     * Terms about the same package are merged into their intersection, terms every state satisfies
     * are dropped, and a learned incompatibility leaves out the project, which is always selected.
     */
    Incompatibility(List<Term> terms, Cause cause) {
        Map<Domain, Term> merged = new LinkedHashMap<>();
        for (Term term : terms) {
            merged.merge(term.domain(), term, Term::intersect);
        }
        List<Term> kept = new ArrayList<>();
        for (Term term : merged.values()) {
            boolean alwaysSelectedProject = cause instanceof Cause.Conflict && merged.size() > 1
                    && term.isPositive() && term.domain().isProject();
            if (!term.isUniversal() && !alwaysSelectedProject) {
                kept.add(term);
            }
        }
        this.terms = List.copyOf(kept);
        this.cause = cause;
    }

    static Incompatibility dependency(Term depender, Term target, VersionRange range) {
        return new Incompatibility(List.of(depender, target.inverse()), new Cause.Dependency(depender, target, range));
    }

    List<Term> terms() {
        return terms;
    }

    Cause cause() {
        return cause;
    }

    /** Whether it says that the project itself cannot be selected: version solving failed. */
    boolean isFailure() {
        return terms.isEmpty() || terms.size() == 1 && terms.get(0).isPositive() && terms.get(0).domain().isProject();
    }

    boolean isDerived() {
        return cause instanceof Cause.Conflict;
    }

    boolean isDependency() {
        return cause instanceof Cause.Dependency;
    }

    Optional<Term> onlyTerm(boolean positive) {
        List<Term> matching = terms.stream().filter(term -> term.isPositive() == positive).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    List<Term> termsOfSign(boolean positive) {
        return terms.stream().filter(term -> term.isPositive() == positive).toList();
    }

    @Override
    public String toString() {
        return Explanation.describe(this);
    }
}
