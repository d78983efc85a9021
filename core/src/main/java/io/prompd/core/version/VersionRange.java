package io.prompd.core.version;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.version.RangeSyntax.Intersection;
import io.prompd.core.version.RangeSyntax.RangeOperator;
import io.prompd.core.version.RangeSyntax.SimpleComparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A dependency range in npm's syntax ({@code ^1.2}, {@code ~1.2.3}, {@code >=1 <2}, {@code 1.x},
 * {@code 1 - 2}, {@code a || b}) with npm's semantics, including its rule that a pre-release
 * satisfies a range only when a comparator of the range names a pre-release of the same
 * major.minor.patch. An empty range, an empty alternative and {@code *} mean any release.
 *
 * <p>All 160 cases of the shared npm conformance table ({@code shared/conformance/semver-ranges.tsv})
 * are answered as npm answers them; none is refused. Parsing is strict: what npm rejects is
 * refused, and so are a few odd forms npm accepts only by accident of its regular expressions
 * ({@code >==1.2}, {@code ~=1}, {@code vv1}, {@code 1.x.3} in a hyphen range, a pre-release on a
 * wildcard version such as {@code 1.2.x-beta}), non-ASCII whitespace, and numbers whose next
 * version would exceed {@value Integer#MAX_VALUE}: a refused range is better than a silently
 * different answer.
 *
 * <p>Equality is by the text as written.
 */
public final class VersionRange {

    private static final String EXAMPLES = "write a range such as 1.2.3, ^1.2.3, ~1.2, 1.x, >=1.0.0 <2.0.0 or"
            + " 1.0.0 - 2.0.0, and join alternatives with ||";

    /** Immutable values, so one parse of a text serves every caller. */
    private static final ParsedValues<VersionRange> PARSED = new ParsedValues<>(VersionRange::parseUncached);

    private final String text;
    private final List<RangeSyntax> alternatives;
    private final List<ComparatorSet> comparatorSets;

    private VersionRange(String text, List<RangeSyntax> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
        this.comparatorSets = alternatives.stream().map(NpmDesugaring::desugar).toList();
    }

    /** @throws InvalidRangeException saying what is wrong and how valid ranges look */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        return PARSED.parse(text);
    }

    private static VersionRange parseUncached(String text) {
        try {
            return new VersionRange(text, RangeParser.parse(text));
        } catch (InvalidRangeException invalid) {
            // as a version's refusal keeps to its line: the text, quoted in the parser's words too, is anyone's
            throw new InvalidRangeException(TerminalText.oneLine("'" + text + "' is not a valid version range: "
                    + invalid.getMessage() + "; " + EXAMPLES));
        }
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidRangeException invalid) {
            return false;
        }
    }

    /** The range that any release satisfies, as {@code *}. */
    public static VersionRange any() {
        return parse("*");
    }

    /**
     * {@code ^major.minor.patch[-pre-release]}: the range {@code install} saves for the version it
     * picked, accepting compatible updates. Build metadata is left out, as it never counts.
     */
    public static VersionRange caret(Version version) {
        String preRelease = version.isPreRelease() ? "-" + String.join(".", version.preRelease()) : "";
        return parse("^" + version.major() + "." + version.minor() + "." + version.patch() + preRelease);
    }

    public boolean satisfiedBy(Version version) {
        Objects.requireNonNull(version, "version");
        return comparatorSets.stream().anyMatch(set -> set.satisfiedBy(version));
    }

    /**
     * Whether the range keeps the pre-release out only by npm's rule that a range must name a pre-release of its
     * major.minor.patch, its bounds allowing it: {@code *} and {@code ^1.0.0} of {@code 1.1.0-beta.1}.
     */
    public boolean leavesOutOnlyAsPreRelease(Version version) {
        Objects.requireNonNull(version, "version");
        return version.isPreRelease() && !satisfiedBy(version)
                && comparatorSets.stream().anyMatch(set -> set.withinBounds(version));
    }

    /**
     * Whether the version is lower than every version the range's bounds let through, as {@code 0.9.0} is than
     * {@code ^1.0.0}'s (and {@code ^2.0.0}'s of {@code ^1.0.0 || ^2.0.0}): where a list of versions the range does not
     * meet starts to be near it.
     */
    public boolean isAbove(Version version) {
        Objects.requireNonNull(version, "version");
        return comparatorSets.stream().allMatch(set -> set.above(version));
    }

    /** Whether the version is higher than every version the range's bounds let through, as {@link #isAbove} lower. */
    public boolean isBelow(Version version) {
        Objects.requireNonNull(version, "version");
        return comparatorSets.stream().allMatch(set -> set.below(version));
    }

    /** Whether the range allows the release and every release after it, as {@code *} and {@code >=1.0.0} do. */
    public boolean allowsEveryReleaseFrom(Version release) {
        return comparatorSets.stream().anyMatch(set -> set.unboundedAbove() && set.satisfiedBy(release));
    }

    /** The one version the range allows, when it is written as {@code 1.2.3}, {@code =1.2.3} or {@code v1.2.3}. */
    public Optional<Version> exactVersion() {
        return soleFullVersion(operator -> operator == RangeOperator.NONE || operator == RangeOperator.EQUAL);
    }

    /**
     * The version, when the range is a version with no operator: {@code 1.2.3} or {@code v1.2.3}, which npm reads
     * as a version to pick rather than a range ({@code =1.2.3} is a range its writer chose).
     */
    public Optional<Version> bareVersion() {
        return soleFullVersion(operator -> operator == RangeOperator.NONE);
    }

    private Optional<Version> soleFullVersion(Predicate<RangeOperator> operators) {
        if (alternatives.size() == 1 && alternatives.get(0) instanceof Intersection intersection
                && intersection.comparators().size() == 1) {
            SimpleComparator comparator = intersection.comparators().get(0);
            if (operators.test(comparator.operator()) && comparator.version().isFull()) {
                return Optional.of(comparator.version().version());
            }
        }
        return Optional.empty();
    }

    /** The range as written. */
    public String text() {
        return text;
    }

    /** npm's desugared form, such as {@code >=1.2.0 <2.0.0-0} for {@code ^1.2}; for messages and tests. */
    public String desugared() {
        return String.join(" || ", comparatorSets.stream().map(ComparatorSet::toString).toList());
    }

    /**
     * Whether the two ranges come to the same comparators once desugared, whatever their text: {@code ^1}, {@code 1.x},
     * {@code >=1.0.0 <2.0.0-0} and {@code >=1.0.0 <2.0.0} are one range to the resolver, where {@link #equals} compares
     * the text. A bound below a release is taken as below its pre-releases where npm's rule keeps them out anyway
     * ({@link ComparatorSet#belowPreReleases}).
     */
    public boolean desugaresAlike(VersionRange other) {
        return alikeForm().equals(other.alikeForm());
    }

    private List<ComparatorSet> alikeForm() {
        return comparatorSets.stream().map(ComparatorSet::belowPreReleases).toList();
    }

    /**
     * Whether the two give a range for the same keys, each pair desugaring alike: dependencies as the resolver takes
     * them, however each document wrote its ranges.
     */
    public static <K> boolean desugarAlike(Map<K, VersionRange> some, Map<K, VersionRange> others) {
        return some.keySet().equals(others.keySet()) && some.entrySet().stream()
                .allMatch(entry -> entry.getValue().desugaresAlike(others.get(entry.getKey())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRange range && text.equals(range.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * The range as people read it: as written, but the empty range, which any version satisfies, as {@code *}, as npm
     * shows it; printed as written it was nothing, leaving a row with a trailing blank and a sentence with a gap.
     * {@link #text} is the range to store or send (--json, prompd.json, prompd.lock).
     */
    @Override
    public String toString() {
        return shown(text);
    }

    /**
     * {@code ^1.0.0 and ^1.1.0}: the ranges as a sentence names them ({@link #toString}), in their order, each once,
     * since naming a range twice tells a reader nothing more, wherever the ranges came from.
     */
    public static String series(List<VersionRange> ranges) {
        return Plural.series(ranges.stream().map(VersionRange::toString).distinct().toList(), "and");
    }

    /** A range's text as people read it ({@link #toString}), for one held as text. */
    public static String shown(String text) {
        return text.isBlank() ? "*" : text;
    }
}
