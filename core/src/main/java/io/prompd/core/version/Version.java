package io.prompd.core.version;

import java.util.Objects;
import org.semver4j.Semver;

/**
 * A SemVer 2.0 version, strictly parsed: three numbers, optional pre-release and build parts,
 * no {@code v} prefix. Ordered by SemVer precedence; versions differing only in build metadata
 * are ordered by that metadata so the order stays total and consistent with {@link #equals}.
 */
public final class Version implements Comparable<Version> {

    private final Semver semver;

    private Version(Semver semver) {
        this.semver = semver;
    }

    /** @throws IllegalArgumentException with a message saying what a valid version looks like */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        Semver parsed = text.isEmpty() || !Character.isDigit(text.charAt(0)) ? null : Semver.parse(text);
        if (parsed == null || !parsed.getVersion().equals(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer 2.0 version such as 1.2.3 or 2.0.0-beta.1"
                    + (text.startsWith("v") ? " (leave out the 'v')" : ""));
        }
        return new Version(parsed);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
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

    /** The underlying semver4j value, for the range code in this package. */
    Semver semver() {
        return semver;
    }

    @Override
    public int compareTo(Version other) {
        int precedence = semver.compareTo(other.semver);
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
