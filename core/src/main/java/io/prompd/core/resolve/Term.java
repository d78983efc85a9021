package io.prompd.core.resolve;

import java.util.BitSet;
import java.util.Objects;

/**
 * A statement about one package: positive, it is selected at a version in the set; negative, it
 * is either not selected or selected at a version outside the set. Because the set is a subset of
 * the package's known versions, intersection, complement and inclusion are exact.
 */
final class Term {

    /** How what a partial solution knows about a package relates to a term. */
    enum Relation { SATISFIED, CONTRADICTED, INCONCLUSIVE }

    private final Domain domain;
    private final boolean positive;
    private final BitSet versions;
    /** The range text the set came from, kept for explanations; null for a computed set. */
    private final String label;

    private Term(Domain domain, boolean positive, BitSet versions, String label) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.positive = positive;
        this.versions = (BitSet) versions.clone();
        this.label = label;
    }

    static Term positive(Domain domain, BitSet versions, String label) {
        return new Term(domain, true, versions, label);
    }

    static Term negative(Domain domain, BitSet versions, String label) {
        return new Term(domain, false, versions, label);
    }

    /** The term every state satisfies: the package is anything or nothing. */
    static Term any(Domain domain) {
        return negative(domain, new BitSet(), null);
    }

    Domain domain() {
        return domain;
    }

    boolean isPositive() {
        return positive;
    }

    boolean isUniversal() {
        return !positive && versions.isEmpty();
    }

    /** Whether the set is every version, so the package can be named without a range. */
    boolean coversEveryVersion() {
        return versions.cardinality() == domain.size();
    }

    int versionCount() {
        return versions.cardinality();
    }

    /** Whether the package's {@code latest} dist-tag points below another version of the set: a rollback. */
    boolean rollsBackLatest() {
        return domain.rollsBackLatest(versions);
    }

    BitSet versions() {
        return (BitSet) versions.clone();
    }

    Term inverse() {
        return new Term(domain, !positive, versions, label);
    }

    Term intersect(Term other) {
        requireSameDomain(other);
        BitSet allowed = allowed();
        allowed.and(other.allowed());
        boolean absentAllowed = !positive && !other.positive;
        BitSet set = absentAllowed ? complement(allowed) : allowed;
        String resultLabel = set.equals(versions) ? label : set.equals(other.versions) ? other.label
                : absentAllowed ? unionLabel(other, set) : null;
        return new Term(domain, !absentAllowed, set, resultLabel);
    }

    /**
     * Two ranges as one, lower first, so that what either of two dependencies allows reads as the
     * ranges they declared ({@code ~1.0.0 || ^2.0.0}) rather than as the versions that happen to meet them.
     * Past two ranges, only while they are no more than the runs of versions they allow: versions that each
     * depend on a version of their own are ruled out one by one, and their ranges joined would name every
     * one of them where the runs say {@code >=1.1.0}.
     */
    private String unionLabel(Term other, BitSet union) {
        if (label == null || other.label == null) {
            return null;
        }
        boolean lowerFirst = versions.nextSetBit(0) <= other.versions.nextSetBit(0);
        String joined = lowerFirst ? label + " || " + other.label : other.label + " || " + label;
        int ranges = joined.split("\\|\\|", -1).length;
        return ranges <= 2 || ranges <= domain.runs(union) ? joined : null;
    }

    Term difference(Term other) {
        return intersect(other.inverse());
    }

    boolean isEmpty() {
        return positive && versions.isEmpty();
    }

    /** Whether every state this term allows, the other allows too. */
    boolean satisfies(Term other) {
        requireSameDomain(other);
        BitSet outside = allowed();
        outside.andNot(other.allowed());
        return outside.isEmpty() && (positive || !other.positive);
    }

    /** How this term, as what is known about the package, relates to the other term. */
    Relation relation(Term other) {
        if (satisfies(other)) {
            return Relation.SATISFIED;
        }
        return intersect(other).isEmpty() ? Relation.CONTRADICTED : Relation.INCONCLUSIVE;
    }

    /**
     * The package and its set as a reader would write it: {@code @a/x ^1.0.0}, {@code @a/x 1.2.0},
     * {@code @a/x} or, with {@code allowEvery}, {@code every version of @a/x}. The sign is the
     * caller's concern.
     */
    String describe(boolean allowEvery) {
        if (domain.isProject()) {
            return domain.toString();
        }
        if (label != null) {
            return domain + " " + label;
        }
        if (coversEveryVersion()) {
            return allowEvery ? "every version of " + domain : domain.toString();
        }
        return domain + " " + domain.describe(versions);
    }

    private BitSet allowed() {
        return positive ? (BitSet) versions.clone() : complement(versions);
    }

    private BitSet complement(BitSet set) {
        BitSet complement = domain.all();
        complement.andNot(set);
        return complement;
    }

    private void requireSameDomain(Term other) {
        if (other.domain != domain) {
            throw new IllegalArgumentException("terms about " + domain + " and " + other.domain
                    + " cannot be combined");
        }
    }

    @Override
    public String toString() {
        return (positive ? "" : "not ") + describe(false);
    }
}
