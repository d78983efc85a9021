package io.prompd.core.archive;

import io.prompd.core.TerminalText;
import io.prompd.core.files.DeviceNames;
import io.prompd.core.files.LongNames;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rules every path inside a package obeys, checked when packing and again when unpacking: a
 * path must mean the same file on Linux, macOS and Windows and must never leave the package folder.
 */
public final class PackagePaths {

    private static final String WINDOWS_FORBIDDEN = "<>\"|?*";
    private static final String GIT_FOLDER = ".git";
    /** The name NTFS gives {@code .git} in the 8.3 form older programs read, which Windows resolves to it. */
    private static final String GIT_FOLDER_SHORT_NAME = "git~1";
    /**
     * The longest file or folder name Linux (ext4, XFS, Btrfs) and macOS (APFS) write, counted in
     * UTF-8 bytes. Windows counts 255 UTF-16 units, never more than the UTF-8 bytes, so a name
     * within this fits all three; one of 100 CJK characters (300 bytes) fits only Windows.
     */
    public static final int MAX_NAME_BYTES = LongNames.MAX_NAME_BYTES;
    /**
     * The longest whole path inside a package, counted in UTF-8 bytes. A client writes it under
     * {@code <prompd home>/packages/@scope/name@version/}, and macOS refuses a path longer than 1,023 bytes (PATH_MAX,
     * 1,024 with the terminating NUL; Linux's is 4,096, and Java writes longer ones on Windows with the {@code \\?\}
     * prefix). The package's folder takes up to 322 bytes (a 65-byte scope, a folder name within
     * {@link #MAX_NAME_BYTES}, two separators) after {@code /packages/}, which leaves 179 bytes for the prompd home's
     * own path beside the longest names, and some 480 beside usual ones.
     */
    public static final int MAX_PATH_BYTES = 512;
    /**
     * The most folders a path inside a package may lie in. Whoever walks the installed folder (prompd, an editor,
     * {@code rm -r}, Java's {@code Files.walkFileTree}) holds one folder open per level, and macOS lets a process open
     * 256 files by default; no prompt package needs more than a few levels.
     */
    public static final int MAX_FOLDER_DEPTH = 32;

    /**
     * The violation of a path with an empty, {@code .} or {@code ..} segment, which the unpacker says too of one
     * right after {@code package/}, where the path below it starts with {@code /} without being absolute.
     */
    static final String DOT_OR_EMPTY_SEGMENT = "the path has an empty, '.' or '..' segment";

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
        if (path.chars().anyMatch(c -> WINDOWS_FORBIDDEN.indexOf(c) >= 0)) {
            found.add("the path contains one of " + WINDOWS_FORBIDDEN + ", which Windows does not allow in file names");
        }
        Arrays.stream(Glob.segmentsOf(path)).filter(PackagePaths::isTakenForGitFolder).findFirst().ifPresent(name ->
                found.add("a name in the path, '" + name + "', is one Windows or macOS may take for Git's own folder,"
                        + " .git (its short name git~1, .git or git~1 followed by dots or spaces, or .git holding"
                        + " characters macOS ignores), so Git refuses to check the file out and a clone of a"
                        + " repository holding it fails"));
        if (hasWindowsOnlyTrouble(path)) {
            found.add("a name in the path is reserved on Windows (CON, NUL, COM1..., with an extension too, or spaces"
                    + " before it: con.md, CON .md) or ends in a dot or space");
        }
        int longestName = longestNameBytes(path);
        if (longestName > MAX_NAME_BYTES) {
            found.add("a name in the path has " + longestName + " bytes in UTF-8, more than the " + MAX_NAME_BYTES
                    + " Linux and macOS allow in a file or folder name");
        }
        int pathBytes = nameBytes(path);
        if (pathBytes > MAX_PATH_BYTES) {
            found.add("the path has " + pathBytes + " bytes in UTF-8, more than the " + MAX_PATH_BYTES
                    + " a path inside a package may have, so that it fits the 1,024 bytes macOS allows a whole"
                    + " path once installed");
        }
        int folders = Glob.segmentsOf(path).length - 1;
        if (folders > MAX_FOLDER_DEPTH) {
            found.add("the path lies " + folders + " folders deep, more than the " + MAX_FOLDER_DEPTH + " a path inside"
                    + " a package may go down");
        }
        if (path.indexOf('\uFFFD') >= 0) {
            // Git and the file system hand such a name over with its undecodable bytes replaced by
            // U+FFFD: the tarball would hold a name that is nowhere on disk or in the repository
            found.add("the path is not valid UTF-8 (shown with \uFFFD where its bytes do not decode)");
        }
        TerminalText.holds(path, Character::isISOControl, "control character")
                .ifPresent(what -> found.add("the path " + what));
        TerminalText.holds(path, TerminalText::isInvisible, "invisible Unicode character").ifPresent(what -> found.add(
                // a right-to-left override (U+202E) shows notes[U+202E]dm.exe as notesexe.md; zero-width ones make
                // twins of names
                "the path " + what + " (a bidi control, a zero-width character or a blank filler), which makes a name"
                        + " read as another"));
        if (hasDotOrEmptySegment(path)) {
            found.add(DOT_OR_EMPTY_SEGMENT);
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            found.add("the path is not in Unicode NFC, so macOS and Linux would name the file differently");
        }
        return found;
    }

    /**
     * Whether Windows or macOS may take the name for Git's own folder, so that Git, which guards that folder
     * ({@code core.protectNTFS}, on by default everywhere since Git 2.24, and {@code core.protectHFS}, on by default on
     * macOS), refuses to check out a tree holding it, and a clone of the registry fails: {@code git~1}, the short name
     * NTFS gives {@code .git}; either followed by dots and spaces, which Windows drops; and {@code .git} holding
     * characters HFS+ leaves out when comparing names. In any letter case, folded as {@link #caseFoldKey} folds, wider
     * than Git's ASCII, as the file systems fold. {@code .git} itself is none: pack leaves it out, and the unpacker
     * refuses it as a folder pack never packs ({@link PackSelector}). The short names of {@code .gitmodules} and the
     * other rule files Git guards only as symbolic links, which no package holds.
     */
    static boolean isTakenForGitFolder(String name) {
        if (name.toLowerCase(Locale.ROOT).equals(GIT_FOLDER)) {
            return false;
        }
        String seen = name.codePoints().filter(c -> !isIgnoredByHfs(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int end = seen.length();
        while (end > 0 && (seen.charAt(end - 1) == '.' || seen.charAt(end - 1) == ' ')) {
            end--;
        }
        String folded = caseFoldKey(seen.substring(0, end));
        return folded.equals(GIT_FOLDER) || folded.equals(GIT_FOLDER_SHORT_NAME);
    }

    /**
     * The characters HFS+ leaves out of a name when it compares names, as Git lists them: the zero-width joiners and
     * direction marks, the embeddings and overrides, the deprecated format characters and the byte order mark.
     */
    private static boolean isIgnoredByHfs(int codePoint) {
        return codePoint >= 0x200C && codePoint <= 0x200F || codePoint >= 0x202A && codePoint <= 0x202E
                || codePoint >= 0x206A && codePoint <= 0x206F || codePoint == 0xFEFF;
    }

    /**
     * Device names Windows reserves in every folder, with or without an extension, and names ending in a dot or
     * space. A name Git takes for its own folder, {@code git~1.}, is told as that alone.
     */
    private static boolean hasWindowsOnlyTrouble(String path) {
        for (String segment : Glob.segmentsOf(path)) {
            if (isTakenForGitFolder(segment)) {
                continue;
            }
            if (segment.endsWith(" ") || (segment.endsWith(".") && !segment.equals(".") && !segment.equals(".."))) {
                return true;
            }
            if (DeviceNames.isReserved(segment)) {
                return true;
            }
        }
        return false;
    }

    /** The UTF-8 length of the path's longest file or folder name. */
    private static int longestNameBytes(String path) {
        return Arrays.stream(Glob.segmentsOf(path)).mapToInt(PackagePaths::nameBytes).max().orElse(0);
    }

    /** The length of a file or folder name as {@link #MAX_NAME_BYTES} counts it. */
    public static int nameBytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
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
     * The key under which two paths clash on a case-insensitive file system (Windows, macOS): Unicode's full case
     * folding, near enough, without ICU. Lower case alone keeps apart letters whose capital is one ({@code σ} and
     * {@code ς}, the micro sign {@code µ} and {@code μ}, the long {@code ſ} and {@code s}), and upper case alone
     * {@code ẞ} and {@code ß}; lower, then upper, then lower again joins both kinds. It also joins what only full folding
     * does ({@code ß} and {@code ss}, {@code ﬁ} and {@code fi}), one name on a disk folding so but two on NTFS, which
     * folds one character to one: the rule holds to the stricter, as a package is to mean one set of files on all.
     */
    public static String caseFoldKey(String path) {
        return path.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
