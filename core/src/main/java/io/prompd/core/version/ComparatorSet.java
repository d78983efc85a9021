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
        if (!comparisons.stream().allMatch(comparison -> comparison.test(version))) {
            return false;
        }
        return !version.isPreRelease() || comparisons.stream()
                .map(Comparison::bound)
                .anyMatch(bound -> bound.isPreRelease() && bound.sameMajorMinorPatch(version));
    }

    /** Whether no comparator caps the versions: every version above one allowed is allowed too, pre-releases aside. */
    boolean unboundedAbove() {
        return comparisons.stream().map(Comparison::operator)
                .allMatch(operator -> operator == Operator.GREATER || operator == Operator.GREATER_OR_EQUAL);
    }

    @Override
    public String toString() {
        return comparisons.isEmpty() ? "*" : comparisons.stream().map(Comparison::toString)
                .collect(Collectors.joining(" "));
    }
}
