package io.prompd.core.archive;

import java.util.Objects;

/**
 * A path glob over {@code /}-separated relative paths: {@code *} and {@code ?} match within one
 * segment, a {@code **} segment matches any number of segments (also none); every other character,
 * brackets and braces included, stands for itself. Compiled once into
 * segments and matched without regular expressions, because the generator tests thousands of
 * paths per package.
 */
public final class Glob {

    private static final String ANY_SEGMENTS = "**";

    private final String pattern;
    private final String[] segments;

    private Glob(String pattern) {
        this.pattern = pattern;
        this.segments = pattern.split("/", -1);
    }

    /**
     * Compiles a relative glob.
     *
     * @throws IllegalArgumentException if the glob is empty, absolute or has an empty segment
     */
    public static Glob compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty() || pattern.startsWith("/") || pattern.endsWith("/") || pattern.contains("//")) {
            throw new IllegalArgumentException(
                    "a glob must be a relative path without empty segments: '" + pattern + "'");
        }
        return new Glob(pattern);
    }

    /** Splits a relative path into its segments, once per path, for {@link #matches(String[], int)}. */
    public static String[] segmentsOf(String path) {
        return path.split("/", -1);
    }

    public boolean matches(String path) {
        String[] parts = segmentsOf(path);
        return matches(parts, parts.length);
    }

    /** Whether the first {@code count} segments of a path (the path itself, or one of its folders) match. */
    public boolean matches(String[] pathSegments, int count) {
        return matchFrom(0, pathSegments, 0, count);
    }

    private boolean matchFrom(int globIndex, String[] path, int pathIndex, int pathCount) {
        while (globIndex < segments.length) {
            String glob = segments[globIndex];
            if (glob.equals(ANY_SEGMENTS)) {
                for (int skip = pathIndex; skip <= pathCount; skip++) {
                    if (matchFrom(globIndex + 1, path, skip, pathCount)) {
                        return true;
                    }
                }
                return false;
            }
            if (pathIndex >= pathCount || !segmentMatches(glob, path[pathIndex])) {
                return false;
            }
            globIndex++;
            pathIndex++;
        }
        return pathIndex == pathCount;
    }

    /** Wildcard match of one segment, linear with one backtrack point (the last {@code *}). */
    static boolean segmentMatches(String glob, String name) {
        int g = 0;
        int n = 0;
        int starAt = -1;
        int nameAtStar = 0;
        while (n < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                starAt = g++;
                nameAtStar = n;
            } else if (starAt >= 0) {
                g = starAt + 1;
                n = ++nameAtStar;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && pattern.equals(glob.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
