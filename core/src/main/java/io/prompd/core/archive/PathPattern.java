package io.prompd.core.archive;

import java.text.Normalizer;
import java.util.Objects;

/**
 * One entry of a manifest's {@code files} or {@code ignore} list. A pattern matches a file when it
 * matches the file's path or one of its folders, so {@code docs}, {@code docs/} and {@code docs/**}
 * all take in every file under {@code docs}. Patterns and paths are compared in Unicode NFC: an entry
 * typed or pasted in NFD (as macOS hands out names) looks the same as the file's name, and means it.
 *
 * @param glob       the compiled glob, anchored at the package root
 * @param folderOnly whether it matches folders only (written with a trailing {@code /})
 * @param negated    whether it takes back what an earlier pattern of its list left out ({@code !keep.log} in
 *                   {@code ignore}) or named ({@code !drafts} in {@code files})
 */
public record PathPattern(Glob glob, boolean folderOnly, boolean negated) {

    public PathPattern {
        Objects.requireNonNull(glob, "glob");
    }

    /**
     * Reads a gitignore-like pattern: a leading {@code /} anchors it at the root, a pattern with no
     * other {@code /} matches a name at any depth, a trailing {@code /} matches folders only, a
     * leading {@code !} negates.
     *
     * @throws InvalidPatternException if the pattern is empty or has {@code ..}, {@code .} or an empty
     *                                  segment, or is no {@link Glob}
     */
    public static PathPattern ignoreRule(String pattern) {
        String rest = nfc(Objects.requireNonNull(pattern, "pattern")).strip();
        boolean negated = rest.startsWith("!");
        if (negated) {
            rest = rest.substring(1);
        }
        boolean folderOnly = rest.endsWith("/");
        if (folderOnly) {
            rest = rest.substring(0, rest.length() - 1);
        }
        boolean anchored = rest.startsWith("/") || rest.indexOf('/') >= 0;
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        } else if (rest.startsWith("./")) {
            // written as files entries may be: the root's x, which gitignore would write /x
            rest = rest.substring(2);
        }
        checkSegments(pattern, rest);
        return new PathPattern(Glob.compile(anchored ? rest : "**/" + rest, pattern), folderOnly, negated);
    }

    /**
     * Reads a {@code files} entry: an exact path, a folder or a glob, always relative to the root
     * ({@code ./} and a leading or trailing {@code /} are tolerated, as npm tolerates them); a leading
     * {@code !} takes back what earlier entries named, as in npm.
     */
    public static PathPattern filesEntry(String entry) {
        String written = nfc(Objects.requireNonNull(entry, "entry")).strip();
        boolean negated = written.startsWith("!");
        return new PathPattern(Glob.compile(filesEntryPath(negated ? written.substring(1) : written), entry), false,
                negated);
    }

    /**
     * The path or glob a {@code files} entry names, relative to the package root, without the
     * tolerated {@code ./} and leading or trailing {@code /}.
     *
     * @throws InvalidPatternException why the entry cannot name files of the package
     */
    private static String filesEntryPath(String entry) {
        String rest = Objects.requireNonNull(entry, "entry").strip();
        if (rest.startsWith("./")) {
            rest = rest.substring(2);
        } else if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        checkSegments(entry, rest);
        return rest;
    }

    private static void checkSegments(String original, String glob) {
        if (glob.isEmpty()) {
            throw new InvalidPatternException("the pattern '" + original + "' names no file",
                    "name a file, a folder or a glob, or remove the entry");
        }
        for (String segment : Glob.segmentsOf(glob)) {
            if (segment.equals("..")) {
                throw new InvalidPatternException("the pattern '" + original + "' leads outside the package",
                        "patterns are relative to the package root: write the path from there, without '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new InvalidPatternException("the pattern '" + original + "' has an empty or '.' segment",
                        "patterns are relative to the package root: write one '/' between folders, and no '.' for"
                                + " a folder");
            }
        }
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The segments of a package path as patterns match them, for {@link #matches(String[])}. */
    public static String[] segmentsOf(String path) {
        return Glob.segmentsOf(nfc(path));
    }

    /** Whether the pattern matches the file with these {@linkplain #segmentsOf segments}, or one of its folders. */
    public boolean matches(String[] pathSegments) {
        int start = folderOnly ? pathSegments.length - 1 : pathSegments.length;
        for (int count = start; count >= 1; count--) {
            if (glob.matches(pathSegments, count)) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(String path) {
        return matches(segmentsOf(path));
    }
}
