package io.prompd.core.archive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules every path inside a package obeys, checked when packing and again when unpacking: a
 * path must mean the same file on Linux, macOS and Windows and must never leave the package folder.
 */
public final class PackagePaths {

    private PackagePaths() {
    }

    /** What is wrong with a relative package path, one sentence each; empty when it is fine. */
    public static List<String> violations(String path) {
        List<String> found = new ArrayList<>(0);
        if (path.isEmpty()) {
            found.add("the path is empty");
            return found;
        }
        if (path.startsWith("/")) {
            found.add("the path is absolute");
        }
        if (path.indexOf('\\') >= 0) {
            found.add("the path contains a backslash, which Windows reads as a folder separator");
        }
        if (path.indexOf(':') >= 0) {
            found.add("the path contains ':', which Windows does not allow in file names");
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            found.add("the path contains a control character");
        }
        if (hasDotOrEmptySegment(path)) {
            found.add("the path has an empty, '.' or '..' segment");
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            found.add("the path is not in Unicode NFC, so macOS and Linux would name the file differently");
        }
        return found;
    }

    private static boolean hasDotOrEmptySegment(String path) {
        for (String segment : Glob.segmentsOf(path.startsWith("/") ? path.substring(1) : path)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key under which two paths clash on a case-insensitive file system (Windows, macOS).
     * Full Unicode case folding would be closer still, but lower-casing in the root locale catches
     * the clashes people actually make ({@code README.md} and {@code readme.md}).
     */
    public static String caseFoldKey(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
