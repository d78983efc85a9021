package io.prompd.core.version;

import io.prompd.core.version.RangeSyntax.Hyphen;
import io.prompd.core.version.RangeSyntax.Intersection;
import io.prompd.core.version.RangeSyntax.RangeOperator;
import io.prompd.core.version.RangeSyntax.SimpleComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns written ranges into primitive comparators exactly as node-semver does (its
 * {@code hyphenReplace}, {@code replaceCaret}, {@code replaceTilde}, {@code replaceXRange} and
 * {@code replaceGTE0}, without the loose and include-prerelease options). The upper bounds end
 * in {@code -0} so that no pre-release of the next version slips in; {@code >=0.0.0} becomes
 * "any", which matters for pre-releases of 0.0.0.
 */
final class NpmDesugaring {

    private static final String LOWEST_PRE_RELEASE = "0";

    private final List<Comparison> comparisons = new ArrayList<>();

    private NpmDesugaring() {
    }

    static ComparatorSet desugar(RangeSyntax alternative) {
        NpmDesugaring desugaring = new NpmDesugaring();
        if (alternative instanceof Hyphen hyphen) {
            desugaring.hyphen(hyphen.from(), hyphen.to());
        } else if (alternative instanceof Intersection intersection) {
            intersection.comparators().forEach(desugaring::comparator);
        }
        return new ComparatorSet(desugaring.comparisons);
    }

    private void hyphen(PartialVersion from, PartialVersion to) {
        switch (from.precision()) {
            case 0 -> { }
            case 1 -> atLeast(from.major(), 0, 0);
            case 2 -> atLeast(from.major(), from.minor(), 0);
            default -> written(Operator.GREATER_OR_EQUAL, from);
        }
        switch (to.precision()) {
            case 0 -> { }
            case 1 -> below(next(to.major()), 0, 0);
            case 2 -> below(to.major(), next(to.minor()), 0);
            default -> written(Operator.LESS_OR_EQUAL, to);
        }
    }

    private void comparator(SimpleComparator comparator) {
        PartialVersion version = comparator.version();
        switch (comparator.operator()) {
            case CARET -> caret(version);
            case TILDE, TILDE_GREATER -> tilde(version);
            default -> xRange(comparator.operator(), version);
        }
    }

    private void caret(PartialVersion version) {
        int major = version.major();
        int minor = version.minor();
        switch (version.precision()) {
            case 0 -> { }
            case 1 -> {
                atLeast(major, 0, 0);
                below(next(major), 0, 0);
            }
            case 2 -> {
                atLeast(major, minor, 0);
                if (major == 0) {
                    below(0, next(minor), 0);
                } else {
                    below(next(major), 0, 0);
                }
            }
            default -> {
                atLeast(major, minor, version.patch(), version.preRelease());
                if (major == 0 && minor == 0) {
                    below(0, 0, next(version.patch()));
                } else if (major == 0) {
                    below(0, next(minor), 0);
                } else {
                    below(next(major), 0, 0);
                }
            }
        }
    }

    private void tilde(PartialVersion version) {
        int major = version.major();
        switch (version.precision()) {
            case 0 -> { }
            case 1 -> {
                atLeast(major, 0, 0);
                below(next(major), 0, 0);
            }
            case 2 -> {
                atLeast(major, version.minor(), 0);
                below(major, next(version.minor()), 0);
            }
            default -> {
                atLeast(major, version.minor(), version.patch(), version.preRelease());
                below(major, next(version.minor()), 0);
            }
        }
    }

    private void xRange(RangeOperator operator, PartialVersion version) {
        if (version.isFull()) {
            written(primitive(operator), version);
            return;
        }
        if (version.precision() == 0) {
            if (operator == RangeOperator.LESS || operator == RangeOperator.GREATER) {
                below(0, 0, 0);
            }
            return;
        }
        int major = version.major();
        int minor = version.precision() == 1 ? 0 : version.minor();
        switch (operator) {
            case NONE, EQUAL -> {
                atLeast(major, minor, 0);
                if (version.precision() == 1) {
                    below(next(major), 0, 0);
                } else {
                    below(major, next(minor), 0);
                }
            }
            case GREATER -> {
                if (version.precision() == 1) {
                    atLeast(next(major), 0, 0);
                } else {
                    atLeast(major, next(minor), 0);
                }
            }
            case GREATER_OR_EQUAL -> atLeast(major, minor, 0);
            case LESS -> below(major, minor, 0);
            case LESS_OR_EQUAL -> {
                if (version.precision() == 1) {
                    below(next(major), 0, 0);
                } else {
                    below(major, next(minor), 0);
                }
            }
            default -> throw new IllegalStateException("not an x-range operator: " + operator);
        }
    }

    private static Operator primitive(RangeOperator operator) {
        return switch (operator) {
            case NONE, EQUAL -> Operator.EQUAL;
            case LESS -> Operator.LESS;
            case LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
            default -> throw new IllegalStateException("not a primitive operator: " + operator);
        };
    }

    /**
     * A full version kept as written. npm only turns the literal text {@code >=0.0.0} into "any",
     * so a {@code v0.0.0} bound stays a real comparator.
     */
    private void written(Operator operator, PartialVersion version) {
        Version bound = version.version();
        if (operator == Operator.GREATER_OR_EQUAL && !version.vPrefix() && isZero(bound)) {
            return;
        }
        comparisons.add(new Comparison(operator, bound));
    }

    private void atLeast(int major, int minor, int patch) {
        atLeast(major, minor, patch, "");
    }

    private void atLeast(int major, int minor, int patch, String preRelease) {
        Comparison comparison = Comparison.of(Operator.GREATER_OR_EQUAL, major, minor, patch, preRelease);
        if (!isZero(comparison.bound())) {
            comparisons.add(comparison);
        }
    }

    /** Below the version and all its pre-releases. */
    private void below(int major, int minor, int patch) {
        comparisons.add(Comparison.of(Operator.LESS, major, minor, patch, LOWEST_PRE_RELEASE));
    }

    private static boolean isZero(Version version) {
        return version.major() == 0 && version.minor() == 0 && version.patch() == 0 && !version.isPreRelease();
    }

    private static int next(int number) {
        if (number == Integer.MAX_VALUE) {
            throw new InvalidRangeException("the number " + number + " is too large to have a next version");
        }
        return number + 1;
    }
}
