package io.prompd.core.version;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Primitive comparators that must all hold: one alternative of a range between {@code ||}.
 * Empty means any release.
 */
record ComparatorSet(List<Comparison> comparisons) {

    ComparatorSet {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * npm's test: every comparator holds and, for a pre-release, some comparator names a
     * pre-release of the same major.minor.patch, so that {@code ^1.2.3} never selects an
     * unstable {@code 1.3.0-beta} nobody asked for.
     */
    boolean satisfiedBy(Version version) {
        if (!withinBounds(version)) {
            return false;
        }
        return !version.isPreRelease() || comparisons.stream()
                .map(Comparison::bound)
                .anyMatch(bound -> bound.isPreRelease() && bound.sameMajorMinorPatch(version));
    }

    /** Whether every comparator lets the version through, npm's rule on pre-releases aside. */
    boolean withinBounds(Version version) {
        return comparisons.stream().allMatch(comparison -> comparison.test(version));
    }

    /** Whether the version is lower than every version the set's bounds let through. */
    boolean above(Version version) {
        return comparisons.stream().anyMatch(comparison -> comparison.refusesAsLower(version));
    }

    /** Whether the version is higher than every version the set's bounds let through. */
    boolean below(Version version) {
        return comparisons.stream().anyMatch(comparison -> comparison.refusesAsHigher(version));
    }

    /** Whether no comparator caps the versions: every version above one allowed is allowed too, pre-releases aside. */
    boolean unboundedAbove() {
        return comparisons.stream().map(Comparison::operator)
                .allMatch(operator -> operator == Operator.GREATER || operator == Operator.GREATER_OR_EQUAL);
    }

    /**
     * The set with each {@code <X.Y.Z} of a release written {@code <X.Y.Z-0} where no comparator names a pre-release of
     * X.Y.Z: npm's rule in {@link #satisfiedBy} keeps a pre-release of X.Y.Z out of the one, and the bound out of the
     * other, and the two hold alike for every other version, so {@code >=2.0.0 <3.0.0} selects what {@code ^2.0.0}
     * does. Where one names such a pre-release ({@code >=3.0.0-a <3.0.0}), the one lets in {@code 3.0.0-b}.
     */
    ComparatorSet belowPreReleases() {
        return new ComparatorSet(comparisons.stream().map(this::belowPreReleases).toList());
    }

    private Comparison belowPreReleases(Comparison comparison) {
        Version bound = comparison.bound();
        if (comparison.operator() != Operator.LESS || bound.isPreRelease() || comparisons.stream()
                .map(Comparison::bound).anyMatch(named -> named.isPreRelease() && named.sameMajorMinorPatch(bound))) {
            return comparison;
        }
        return Comparison.of(Operator.LESS, bound.major(), bound.minor(), bound.patch(), "0");
    }

    @Override
    public String toString() {
        return comparisons.isEmpty() ? "*" : comparisons.stream().map(Comparison::toString)
                .collect(Collectors.joining(" "));
    }
}
