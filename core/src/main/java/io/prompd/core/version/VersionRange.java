package io.prompd.core.version;

import java.util.Objects;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * A dependency range in npm's syntax ({@code ^1.2}, {@code ~1.2.3}, {@code >=1 <2}, {@code 1.x},
 * {@code 1 - 2}, {@code a || b}) with npm's semantics, including its rule that a pre-release
 * satisfies a range only when a comparator of the range names a pre-release of the same
 * major.minor.patch.
 */
public final class VersionRange {

    private final String text;
    private final RangeList ranges;

    private VersionRange(String text, RangeList ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    /** @throws InvalidRangeException when the text is not a range prompd can evaluate exactly as npm */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        RangeList parsed;
        try {
            parsed = RangeListFactory.create(text);
        } catch (RuntimeException invalid) {
            throw new InvalidRangeException("'" + text + "' is not a valid version range: " + invalid.getMessage());
        }
        return new VersionRange(text, parsed);
    }

    /** The range that any release satisfies, as {@code *}. */
    public static VersionRange any() {
        return parse("*");
    }

    public boolean satisfiedBy(Version version) {
        return ranges.isSatisfiedBy(version.semver());
    }

    /** The range as written. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRange range && text.equals(range.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
