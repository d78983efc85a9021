package io.prompd.core.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as written in a range: {@code 1}, {@code 1.2}, {@code 1.x}, {@code *} or a full
 * {@code 1.2.3-pre+build}, optionally prefixed by {@code v} as npm allows in ranges.
 *
 * @param precision  how many leading numbers are given (0 to 3); the rest are wildcards
 * @param major      the major number, 0 when it is a wildcard
 * @param minor      the minor number, 0 when it is a wildcard
 * @param patch      the patch number, 0 when it is a wildcard
 * @param preRelease the pre-release part without its '-', empty when absent (only on full versions)
 * @param vPrefix    whether it was written with a leading {@code v}, which changes one npm rule
 */
record PartialVersion(int precision, int major, int minor, int patch, String preRelease, boolean vPrefix) {

    private static final String PART = "0|[1-9][0-9]*|[xX*]";
    private static final Pattern SYNTAX = Pattern.compile(
            "(v?)(" + PART + ")(?:\\.(" + PART + ")(?:\\.(" + PART + ")(-[^+]*)?(\\+.*)?)?)?");

    PartialVersion {
        if (precision < 0 || precision > 3) {
            throw new IllegalArgumentException("precision must be 0 to 3: " + precision);
        }
        if (!preRelease.isEmpty() && precision < 3) {
            throw new IllegalArgumentException("only a full version has a pre-release");
        }
    }

    /** @throws InvalidRangeException naming the token and what is wrong with it */
    static PartialVersion parse(String token) {
        Matcher matcher = SYNTAX.matcher(token);
        if (!matcher.matches()) {
            throw new InvalidRangeException("'" + token + "' is not a version: expected numbers such as 1, 1.2 or"
                    + " 1.2.3, with x or * as wildcards (1.x, 1.2.*) and an optional -pre-release on a full version");
        }
        boolean vPrefix = !matcher.group(1).isEmpty();
        int precision = 0;
        int[] numbers = new int[3];
        for (int index = 0; index < 3; index++) {
            String part = matcher.group(index + 2);
            if (part == null || isWildcard(part)) {
                continue;
            }
            if (precision < index) {
                throw new InvalidRangeException("'" + token + "' has a number after a wildcard; write the numbers first"
                        + " and the wildcards after them, as in 1.x or 1.2.x");
            }
            numbers[index] = number(token, part);
            precision++;
        }
        boolean hasSuffix = matcher.group(5) != null || matcher.group(6) != null;
        if (hasSuffix && precision < 3) {
            throw new InvalidRangeException("'" + token + "' has a pre-release or build part on a version with a"
                    + " wildcard; pre-release and build parts need a full version such as 1.2.3-beta");
        }
        String preRelease = "";
        if (precision == 3) {
            String full = token.substring(vPrefix ? 1 : 0);
            Version version;
            try {
                version = Version.parse(full);
            } catch (IllegalArgumentException invalid) {
                throw new InvalidRangeException(invalid.getMessage());
            }
            preRelease = String.join(".", version.preRelease());
        }
        return new PartialVersion(precision, numbers[0], numbers[1], numbers[2], preRelease, vPrefix);
    }

    private static boolean isWildcard(String part) {
        return part.equals("x") || part.equals("X") || part.equals("*");
    }

    private static int number(String token, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidRangeException("'" + token + "' has the number " + digits + ", larger than the supported "
                    + Integer.MAX_VALUE);
        }
    }

    boolean isFull() {
        return precision == 3;
    }

    /** The full version, its pre-release included and its build metadata dropped as npm does. */
    Version version() {
        return Version.of(major, minor, patch, preRelease);
    }
}
