package io.prompd.core.version;

import io.prompd.core.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * A SemVer 2.0 version, strictly parsed: three numbers, optional pre-release and build parts,
 * no {@code v} prefix, no leading zeros in numbers or numeric pre-release identifiers, no empty
 * identifiers, ASCII only.
 *
 * <p>Ordered by SemVer precedence (see {@link #comparePrecedence}); versions differing only in
 * build metadata have the same precedence, and are then ordered by that metadata as text so the
 * order stays total and consistent with {@link #equals}: {@code 1.0.0+a} and {@code 1.0.0+b} are
 * different, unequal versions of equal precedence.
 *
 * <p>Limits beyond SemVer, because precedence is computed with semver4j: major, minor and patch
 * are at most {@value Integer#MAX_VALUE}, numeric pre-release identifiers at most {@value Long#MAX_VALUE}.
 */
public final class Version implements Comparable<Version> {

    private static final String NUMBER = "0|[1-9][0-9]*";
    private static final String PRE_RELEASE_IDENTIFIER = NUMBER + "|[0-9]*[A-Za-z-][0-9A-Za-z-]*";
    private static final String BUILD_IDENTIFIER = "[0-9A-Za-z-]+";

    /** The grammar of SemVer 2.0, section "Backus–Naur Form Grammar for Valid SemVer Versions". */
    private static final Pattern SEMVER = Pattern.compile(
            "(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
                    + "(?:-((?:" + PRE_RELEASE_IDENTIFIER + ")(?:\\.(?:" + PRE_RELEASE_IDENTIFIER + "))*))?"
                    + "(?:\\+(" + BUILD_IDENTIFIER + "(?:\\." + BUILD_IDENTIFIER + ")*))?");

    private static final Pattern NUMERIC = Pattern.compile(NUMBER);
    private static final Pattern PRE_RELEASE_PART = Pattern.compile(PRE_RELEASE_IDENTIFIER);
    private static final Pattern BUILD_PART = Pattern.compile(BUILD_IDENTIFIER);

    /** Immutable values, so one parse of a text serves every caller. */
    private static final ParsedValues<Version> PARSED = new ParsedValues<>(Version::parseUncached);

    private final Semver semver;

    private Version(Semver semver) {
        this.semver = semver;
    }

    /**
     * @throws IllegalArgumentException with a message saying every rule the text breaks and what a valid version looks
     *                                  like
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        return PARSED.parse(text);
    }

    private static Version parseUncached(String text) {
        List<String> problems = check(text);
        if (!problems.isEmpty()) {
            // the text, quoted here and in the problems, is anyone's (a manifest's, a lock's): a line break of its
            // own would start a line of prompd's, a hint's
            throw new IllegalArgumentException(TerminalText.oneLine("'" + text + "' is not a SemVer 2.0 version: "
                    + String.join("; ", problems) + "; write it as MAJOR.MINOR.PATCH with optional -PRERELEASE and"
                    + " +BUILD, such as 1.2.3 or 2.0.0-beta.1"));
        }
        return new Version(new Semver(text));
    }

    /** The version with these parts; {@code preRelease} is dot-separated without its '-', empty for a release. */
    static Version of(int major, int minor, int patch, String preRelease) {
        return parse(major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease));
    }

    public static boolean isValid(String text) {
        return text != null && check(text).isEmpty();
    }

    /** Every rule the text breaks as a strict SemVer 2.0 version; empty when it is valid. */
    public static List<String> check(String text) {
        Objects.requireNonNull(text, "text");
        List<String> problems = new ArrayList<>();
        if (text.isEmpty()) {
            problems.add("it is empty");
            return problems;
        }
        if (text.startsWith("v") || text.startsWith("V")) {
            problems.add("it starts with '" + text.charAt(0) + "' (leave it out)");
            return problems;
        }
        if (!text.chars().allMatch(c -> c < 0x80)) {
            problems.add("it holds characters outside ASCII");
            return problems;
        }
        Matcher matcher = SEMVER.matcher(text);
        if (!matcher.matches()) {
            problems.addAll(describeMismatch(text));
            return problems;
        }
        for (int group = 1; group <= 3; group++) {
            if (!fitsIn(matcher.group(group), Integer.MAX_VALUE)) {
                problems.add("the number " + matcher.group(group) + " is larger than " + Integer.MAX_VALUE);
            }
        }
        if (matcher.group(4) != null) {
            for (String identifier : matcher.group(4).split("\\.")) {
                if (NUMERIC.matcher(identifier).matches() && !fitsIn(identifier, Long.MAX_VALUE)) {
                    problems.add("the pre-release number " + identifier + " is larger than " + Long.MAX_VALUE);
                }
            }
        }
        return problems;
    }

    /** Names the part that breaks the grammar, so the message says where the text goes wrong. */
    private static List<String> describeMismatch(String text) {
        int plus = text.indexOf('+');
        String beforeBuild = plus < 0 ? text : text.substring(0, plus);
        int dash = beforeBuild.indexOf('-');
        String core = dash < 0 ? beforeBuild : beforeBuild.substring(0, dash);
        List<String> problems = new ArrayList<>();
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            problems.add("'" + core + "' should be exactly three numbers separated by '.'");
        } else {
            for (String number : numbers) {
                if (!NUMERIC.matcher(number).matches()) {
                    problems.add("'" + number + "' is not a number without leading zeros");
                }
            }
        }
        if (dash >= 0) {
            describeIdentifiers("pre-release", beforeBuild.substring(dash + 1), PRE_RELEASE_PART,
                    " (letters, digits and '-'; numbers without leading zeros)", problems);
        }
        if (plus >= 0) {
            describeIdentifiers("build", text.substring(plus + 1), BUILD_PART, " (letters, digits and '-')", problems);
        }
        if (problems.isEmpty()) {
            problems.add("it does not follow the SemVer grammar");
        }
        return problems;
    }

    private static void describeIdentifiers(String what, String identifiers, Pattern identifier, String allowed,
            List<String> problems) {
        for (String part : identifiers.split("\\.", -1)) {
            if (part.isEmpty()) {
                problems.add("the " + what + " part '" + identifiers + "' has an empty identifier");
            } else if (!identifier.matcher(part).matches()) {
                problems.add("the " + what + " identifier '" + part + "' is not valid" + allowed);
            }
        }
    }

    private static boolean fitsIn(String digits, long max) {
        String limit = Long.toString(max);
        return digits.length() < limit.length()
                || digits.length() == limit.length() && digits.compareTo(limit) <= 0;
    }

    public int major() {
        return semver.getMajor();
    }

    public int minor() {
        return semver.getMinor();
    }

    public int patch() {
        return semver.getPatch();
    }

    public boolean isPreRelease() {
        return !semver.getPreRelease().isEmpty();
    }

    /** The pre-release identifiers, empty for a release. */
    public List<String> preRelease() {
        return List.copyOf(semver.getPreRelease());
    }

    /** The build metadata identifiers, empty when there are none. */
    public List<String> build() {
        return List.copyOf(semver.getBuild());
    }

    /**
     * This version without its build metadata: of the versions of its precedence, the first in {@link #compareTo}'s
     * order, from which a sorted collection reaches the others.
     */
    public Version withoutBuild() {
        String text = toString();
        int plus = text.indexOf('+');
        return plus < 0 ? this : parse(text.substring(0, plus));
    }

    /**
     * The lowest release the caret range of this version ({@code ^1.2.3}) does not allow, as npm reads it: the next
     * major version, but below 1.0.0 the next minor one ({@code ^0.2.0} leaves 0.3.0 out) and below 0.1.0 the next
     * patch ({@code ^0.0.3} leaves 0.0.4 out), since there each of those may break what the one before did; empty when
     * that number would be over the largest a version has.
     */
    public Optional<Version> nextBreaking() {
        if (major() > 0) {
            return major() == Integer.MAX_VALUE ? Optional.empty() : Optional.of(of(major() + 1, 0, 0, ""));
        }
        if (minor() > 0) {
            return minor() == Integer.MAX_VALUE ? Optional.empty() : Optional.of(of(0, minor() + 1, 0, ""));
        }
        return patch() == Integer.MAX_VALUE ? Optional.empty() : Optional.of(of(0, 0, patch() + 1, ""));
    }

    /** Whether both have the same major, minor and patch, whatever their pre-release and build. */
    public boolean sameMajorMinorPatch(Version other) {
        return major() == other.major() && minor() == other.minor() && patch() == other.patch();
    }

    /** SemVer precedence: build metadata is ignored, so {@code 1.0.0+a} and {@code 1.0.0+b} compare as 0. */
    public int comparePrecedence(Version other) {
        return semver.compareTo(other.semver);
    }

    /**
     * Whether the two are one version to SemVer, and so to a resolver and a lock file: the same, or differing in build
     * metadata alone ({@code 1.0.0}, {@code 1.0.0+x}), since build metadata does not make another version.
     */
    public boolean samePrecedence(Version other) {
        return comparePrecedence(other) == 0;
    }

    @Override
    public int compareTo(Version other) {
        int precedence = comparePrecedence(other);
        if (precedence != 0) {
            return precedence;
        }
        return String.join(".", semver.getBuild()).compareTo(String.join(".", other.semver.getBuild()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version version && semver.getVersion().equals(version.semver.getVersion());
    }

    @Override
    public int hashCode() {
        return semver.getVersion().hashCode();
    }

    @Override
    public String toString() {
        return semver.getVersion();
    }
}
