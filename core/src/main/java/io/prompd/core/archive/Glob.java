package io.prompd.core.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path glob over {@code /}-separated relative paths, read as gitignore and npm read theirs:
 * {@code *} and {@code ?} match within one segment, a {@code **} segment matches any number of
 * segments (also none), {@code [abc]}, {@code [a-z]} and {@code [!x]} or {@code [^x]} match one
 * character of a class or outside it, and a backslash before one of {@code * ? [ ] ! \\} makes it
 * stand for itself; every other character, braces included, stands for itself. Characters are
 * Unicode code points, so {@code ?} and {@code [é😀]} take one character however Java stores it.
 * Compiled once into segments and matched without regular expressions, because the generator
 * tests thousands of paths per package.
 */
public final class Glob {

    private static final String ANY_SEGMENTS = "**";
    /** What a backslash escapes: elsewhere it is a Windows folder separator written by mistake, and refused. */
    private static final String ESCAPABLE = "*?[]!\\";
    /** gitignore's and npm's [[:alpha:]], which this glob does not read: refused rather than read as '[', ':', ... */
    private static final Pattern NAMED_CLASS = Pattern.compile("(?<!\\\\)\\[:[a-z]+:]");

    private final String pattern;
    private final List<Segment> segments;

    private Glob(String pattern, List<Segment> segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    /** A segment of the glob: {@code **}, or the steps one segment of a path must take. */
    private record Segment(boolean anyDepth, List<Step> steps) {
    }

    /**
     * One step of a segment: a run of any characters ({@code *}), or one character {@code accepts} takes.
     */
    private record Step(boolean run, CharClass accepts) {

        static final Step RUN = new Step(true, CharClass.any());
    }

    /** The code points from {@code first} to {@code last}, both included. */
    private record Range(int first, int last) {
    }

    /** The characters one step takes: those in the ranges, or with {@code negated} everything outside them. */
    private record CharClass(List<Range> ranges, boolean negated) {

        CharClass {
            ranges = List.copyOf(ranges);
        }

        static CharClass of(int codePoint) {
            return new CharClass(List.of(new Range(codePoint, codePoint)), false);
        }

        static CharClass any() {
            return new CharClass(List.of(), true);
        }

        boolean test(int codePoint) {
            for (Range range : ranges) {
                if (codePoint >= range.first() && codePoint <= range.last()) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    /**
     * Compiles a relative glob.
     *
     * @throws InvalidPatternException if the glob is empty, absolute, has an empty segment, a backslash before
     *                                  anything but a wildcard, {@code !} or itself, a backwards range such as
     *                                  {@code [z-a]} or a named class such as {@code [[:alpha:]]}
     */
    public static Glob compile(String pattern) {
        return compile(pattern, pattern);
    }

    /**
     * Compiles a relative glob, naming it as {@code written} in its errors: as the manifest has it, before
     * the {@code !} and {@code /} that {@link PathPattern} reads.
     *
     * @throws InvalidPatternException as {@link #compile(String)} says
     */
    static Glob compile(String pattern, String written) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty() || pattern.startsWith("/") || pattern.endsWith("/") || pattern.contains("//")) {
            throw new InvalidPatternException("the pattern '" + written + "' is not a relative path of names"
                    + " between single '/'", "write the path from the package root, with one '/' between folders and"
                    + " none first or last");
        }
        List<Segment> segments = new ArrayList<>();
        for (String segment : segmentsOf(pattern)) {
            boolean anyDepth = segment.equals(ANY_SEGMENTS);
            segments.add(new Segment(anyDepth, anyDepth ? List.of() : steps(segment, written)));
        }
        return new Glob(pattern, List.copyOf(segments));
    }

    private static List<Step> steps(String segment, String written) {
        Matcher named = NAMED_CLASS.matcher(segment);
        if (named.find()) {
            throw new InvalidPatternException("the pattern '" + written + "' has the named class " + named.group()
                    + ", which prompd does not read", "list the characters or write a range, as [a-zA-Z]");
        }
        List<Step> steps = new ArrayList<>();
        int at = 0;
        while (at < segment.length()) {
            int c = segment.codePointAt(at);
            at += Character.charCount(c);
            if (c == '*') {
                if (steps.isEmpty() || !steps.get(steps.size() - 1).run()) {
                    steps.add(Step.RUN);
                }
            } else if (c == '?') {
                steps.add(new Step(false, CharClass.any()));
            } else if (c == '\\') {
                int escaped = escaped(segment, at, written);
                at += Character.charCount(escaped);
                steps.add(new Step(false, CharClass.of(escaped)));
            } else if (c == '[' && classEnd(segment, at) >= 0) {
                int end = classEnd(segment, at);
                steps.add(new Step(false, charClass(segment.substring(at, end), written)));
                at = end + 1;
            } else {
                // an unclosed '[' stands for itself, as in npm and fnmatch
                steps.add(new Step(false, CharClass.of(c)));
            }
        }
        return List.copyOf(steps);
    }

    /** The character a backslash at {@code at - 1} makes stand for itself. */
    private static int escaped(String segment, int at, String written) {
        if (at >= segment.length() || ESCAPABLE.indexOf(segment.codePointAt(at)) < 0) {
            String meant = slashed(written);
            throw new InvalidPatternException("the pattern '" + written + "' has a backslash that escapes no"
                    + " wildcard", (meant.endsWith("/") ? "" : "write '" + meant + "': ") + "use '/' between folders,"
                    + " and '\\' only before one of " + ESCAPABLE + " to match it as itself");
        }
        return segment.codePointAt(at);
    }

    /**
     * The pattern with '/' for each backslash but one escaping a backslash: one that escapes nothing is a Windows
     * user's folder separator, and so, most likely, is one before a wildcard in the same pattern ({@code a\b\*}).
     */
    private static String slashed(String written) {
        StringBuilder meant = new StringBuilder(written.length());
        int at = 0;
        while (at < written.length()) {
            if (written.startsWith("\\\\", at)) {
                meant.append("\\\\");
                at += 2;
            } else {
                meant.append(written.charAt(at) == '\\' ? '/' : written.charAt(at));
                at++;
            }
        }
        return meant.toString();
    }

    /**
     * Where the class opened by a '[' ending at {@code start} closes: a ']' right after the opening (or
     * after its '!' or '^') is one of its characters, and a backslash escapes the next; -1 when it never closes.
     */
    private static int classEnd(String segment, int start) {
        int at = start;
        if (at < segment.length() && (segment.charAt(at) == '!' || segment.charAt(at) == '^')) {
            at++;
        }
        if (at < segment.length() && segment.charAt(at) == ']') {
            at++;
        }
        while (at < segment.length()) {
            char c = segment.charAt(at);
            if (c == ']') {
                return at;
            }
            at += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    /** The class written between the brackets. */
    private static CharClass charClass(String body, String written) {
        boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        List<Integer> members = new ArrayList<>();
        int at = negated ? 1 : 0;
        while (at < body.length()) {
            int c = body.codePointAt(at);
            at += Character.charCount(c);
            if (c == '\\') {
                c = escaped(body, at, written);
                at += Character.charCount(c);
            }
            members.add(c);
        }
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            // a '-' first or last is one of the characters, as in gitignore and npm
            boolean range = i + 2 < members.size() && members.get(i + 1) == '-';
            int first = members.get(i);
            int last = range ? members.get(i + 2) : first;
            if (last < first) {
                throw new InvalidPatternException("the pattern '" + written + "' has the range "
                        + Character.toString(first) + "-" + Character.toString(last) + ", which runs backwards",
                        "write it as " + Character.toString(last) + "-" + Character.toString(first));
            }
            ranges.add(new Range(first, last));
            i += range ? 2 : 0;
        }
        return new CharClass(ranges, negated);
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
        while (globIndex < segments.size()) {
            Segment glob = segments.get(globIndex);
            if (glob.anyDepth()) {
                for (int skip = pathIndex; skip <= pathCount; skip++) {
                    if (matchFrom(globIndex + 1, path, skip, pathCount)) {
                        return true;
                    }
                }
                return false;
            }
            if (pathIndex >= pathCount || !segmentMatches(glob.steps(), path[pathIndex])) {
                return false;
            }
            globIndex++;
            pathIndex++;
        }
        return pathIndex == pathCount;
    }

    /** Wildcard match of one segment, linear with one backtrack point (the last {@code *}). */
    private static boolean segmentMatches(List<Step> glob, String name) {
        int g = 0;
        int n = 0;
        int starAt = -1;
        int nameAtStar = 0;
        while (n < name.length()) {
            int c = name.codePointAt(n);
            if (g < glob.size() && !glob.get(g).run() && glob.get(g).accepts().test(c)) {
                g++;
                n += Character.charCount(c);
            } else if (g < glob.size() && glob.get(g).run()) {
                starAt = g++;
                nameAtStar = n;
            } else if (starAt >= 0) {
                g = starAt + 1;
                nameAtStar += Character.charCount(name.codePointAt(nameAtStar));
                n = nameAtStar;
            } else {
                return false;
            }
        }
        while (g < glob.size() && glob.get(g).run()) {
            g++;
        }
        return g == glob.size();
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
