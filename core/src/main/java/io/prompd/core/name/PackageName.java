package io.prompd.core.name;

import io.prompd.core.TerminalText;
import io.prompd.core.files.DeviceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A package name: {@code @scope/name} or {@code name}.
 *
 * <p>Each part (scope and name) is 1 to {@value #MAX_PART_LENGTH} characters of lowercase ASCII
 * letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit. Because a
 * package becomes a folder, a part must also work as a Windows file name: it must not end with
 * {@code .} (Windows drops it) and its stem before the first {@code .} must not be a device name
 * ({@code con}, {@code nul}, {@code com1}, ...), since Windows reserves {@code con.txt} as much as
 * {@code con}. The name is neither {@code node_modules} nor {@code favicon.ico}, which npm refuses.
 *
 * @param scope the scope without its {@code @}, or empty for an unscoped package
 * @param name  the name within the scope
 */
public record PackageName(String scope, String name) implements Comparable<PackageName> {

    public static final int MAX_PART_LENGTH = 64;

    /**
     * Names npm refuses, with why. npm refuses them unscoped only, but a scoped package named so is a folder named so
     * too, in a registry's repository and wherever it is copied.
     */
    private static final Map<String, String> SPECIAL_NAMES = Map.of(
            "node_modules", "a folder name tools treat specially: npm installs into it, and Git ignore rules, editors"
                    + " and prompd pack skip it",
            "favicon.ico", "the file browsers request at a site's root, which npm refuses as a package name");

    public PackageName {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        List<String> problems = new ArrayList<>();
        if (!scope.isEmpty()) {
            checkPart("scope", scope, problems);
        }
        checkName(name, problems);
        if (!problems.isEmpty()) {
            String written = scope.isEmpty() ? name : "@" + scope + "/" + name;
            throw new IllegalArgumentException(invalid(written, problems));
        }
    }

    /** Parses {@code @scope/name} or {@code name}; the message of the exception says every rule broken. */
    public static PackageName parse(String text) {
        List<String> problems = check(text);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(invalid(text, problems));
        }
        if (text.startsWith("@")) {
            int slash = text.indexOf('/');
            return new PackageName(text.substring(1, slash), text.substring(slash + 1));
        }
        return new PackageName("", text);
    }

    private static String invalid(String text, List<String> problems) {
        return TerminalText.oneLine("invalid package name '" + text + "': " + String.join("; ", problems));
    }

    /**
     * Every rule the text breaks as a package name, each with how to fix it; empty when it is a valid name. Each is
     * one line ({@link TerminalText#oneLine}): it quotes the text, which a command line or a file may give with a line
     * break in it.
     */
    public static List<String> check(String text) {
        List<String> problems = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            problems.add("a package name must not be empty; write @scope/name or name");
            return problems;
        }
        if (text.startsWith("@")) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                problems.add("a scoped name needs a '/' between scope and name, as in "
                        + (text.length() > 1 ? text : "@scope") + "/name");
                return problems;
            }
            checkPart("scope", text.substring(1, slash), problems);
            checkName(text.substring(slash + 1), problems);
        } else if (text.contains("/")) {
            problems.add("an unscoped name cannot contain '/'; a scoped name starts with '@', as in @" + text);
        } else {
            checkName(text, problems);
        }
        return problems.stream().map(TerminalText::oneLine).toList();
    }

    /** The rules of a part, and that the name is none npm refuses (its validate-npm-package-name's blocklist). */
    private static void checkName(String name, List<String> problems) {
        checkPart("name", name, problems);
        String why = SPECIAL_NAMES.get(name);
        if (why != null) {
            problems.add("the name '" + name + "' is " + why + "; choose another name");
        }
    }

    private static void checkPart(String what, String part, List<String> problems) {
        if (part.isEmpty()) {
            problems.add("the " + what + " must not be empty");
            return;
        }
        if (part.length() > MAX_PART_LENGTH) {
            problems.add("the " + what + " '" + part + "' is " + part.length()
                    + " characters long; shorten it to at most " + MAX_PART_LENGTH);
        }
        if (!hasAllowedCharacters(part)) {
            problems.add("the " + what + " '" + part + "' " + firstOffence(part) + "; use only lowercase letters a-z,"
                    + " digits, '.', '_' and '-', starting with a letter or digit");
        }
        if (part.endsWith(".")) {
            // no "remove the '.'": the name left may be another package's, and a fix offered says which is free
            problems.add("the " + what + " '" + part + "' ends with '.', which Windows drops from folder names");
        }
        if (DeviceNames.isReserved(part)) {
            String stem = part.contains(".") ? part.substring(0, part.indexOf('.')) : part;
            // Windows reserves COM¹ too, whose '¹' no name may hold: a suggestion keeping it would be refused
            problems.add("the " + what + " '" + part + "' " + (part.equals(stem) ? "is" : "starts with '" + stem
                    + "', which Windows takes for the device with any extension:") + " a reserved device name on"
                    + " Windows; choose another" + (hasAllowedCharacters(stem) ? ", such as '" + stem + "-prompts'"
                    : ""));
        }
    }

    /**
     * Lowercase letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or
     * digit. A loop rather than a regular expression: registries parse hundreds of thousands of names.
     */
    private static boolean hasAllowedCharacters(String part) {
        if (!isLetterOrDigit(part.charAt(0))) {
            return false;
        }
        for (int index = 1; index < part.length(); index++) {
            if (!isAllowed(part.charAt(index))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAllowed(char c) {
        return isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    /**
     * Where the part breaks the character rules, so the user sees which character to change: its position counted in
     * characters as people see them, an emoji one, not two as Java counts.
     */
    private static String firstOffence(String part) {
        int[] codePoints = part.codePoints().toArray();
        for (int index = 0; index < codePoints.length; index++) {
            if (codePoints[index] > Character.MAX_VALUE || !isAllowed((char) codePoints[index])) {
                return "holds " + described(codePoints[index]) + " at position " + (index + 1);
            }
        }
        return "starts with '" + part.charAt(0) + "'";
    }

    /**
     * A character as the refusal names it. Beyond ASCII by its code point too, as one may look just like a letter
     * allowed (Cyrillic 'а' (U+0430) as Latin 'a'), and by that alone where it shows as nothing of its own: quoted, a
     * combining mark (U+0301, an accent) would sit on the quote mark, and a space, a control or an invisible one would
     * show as nothing.
     */
    private static String described(int codePoint) {
        if (codePoint < 0x80) {
            return "'" + (char) codePoint + "'";
        }
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        return showsAlone(codePoint) ? "'" + Character.toString(codePoint) + "' (" + code + ")" : code;
    }

    private static boolean showsAlone(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED -> false;
            default -> !TerminalText.isInvisible(codePoint);
        };
    }

    public boolean isScoped() {
        return !scope.isEmpty();
    }

    /** {@code @scope}, or empty for an unscoped package. */
    public String scopeWithAt() {
        return scope.isEmpty() ? "" : "@" + scope;
    }

    /**
     * The key two names share when a reader could mistake one for the other: without
     * {@code - _ .}, with {@code 0} read as {@code o} and {@code 1}, {@code l}, {@code i} read alike.
     * Names are lowercase already, so case never tells two names apart.
     */
    public String lookalikeKey() {
        return lookalikeKey(scopeWithAt(), name);
    }

    /**
     * {@link #lookalikeKey()} of a scope, written with its {@code @} (empty for none), and a name taken as text: one
     * read with letters standing for others need not be a valid name ({@code corn1} reads as {@code com1}, a Windows
     * device name).
     */
    public static String lookalikeKey(String scopeWithAt, String name) {
        return scopeLookalikeKey(scopeWithAt) + "/" + fold(name);
    }

    /**
     * The part of {@link #lookalikeKey()} of a scope, written with its {@code @}: scopes with equal keys read alike.
     */
    public static String scopeLookalikeKey(String scopeWithAt) {
        return fold(scopeWithAt);
    }

    private static String fold(String part) {
        StringBuilder folded = new StringBuilder(part.length());
        for (char c : part.toCharArray()) {
            switch (c) {
                case '-', '_', '.' -> { }
                case '0' -> folded.append('o');
                case '1', 'l', 'i' -> folded.append('l');
                default -> folded.append(c);
            }
        }
        return folded.toString();
    }

    /**
     * The order of {@link #toString()}, computed without building the strings: registries keep
     * tens of thousands of names in sorted maps, and each insertion compares a dozen times.
     */
    @Override
    public int compareTo(PackageName other) {
        if (scope.equals(other.scope)) {
            // the same prefix before the names, and most names in a registry share their scope
            return name.compareTo(other.name);
        }
        // Scopes apart, the texts part before either name: within '@scope/' (a scope holds neither '/' nor '@'), or
        // at an unscoped name's first character, a letter or digit, against '@'.
        for (int index = 0; ; index++) {
            char mine = prefixAt(index);
            char theirs = other.prefixAt(index);
            if (mine != theirs) {
                return mine - theirs;
            }
        }
    }

    /** The character at the index of {@link #toString()}, within its scope's {@code @scope/} when it has a scope. */
    private char prefixAt(int index) {
        if (scope.isEmpty()) {
            return name.charAt(index);
        }
        if (index == 0) {
            return '@';
        }
        return index <= scope.length() ? scope.charAt(index - 1) : '/';
    }

    /*
     * equals and hashCode are written out because a record's generated ones link method handles
     * on their first call: tens of milliseconds of every command's start-up, for the type that
     * keys nearly every map. The same goes for the few other records compared on start-up paths.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PackageName that && scope.equals(that.scope) && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return 31 * scope.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return scope.isEmpty() ? name : "@" + scope + "/" + name;
    }
}
