package io.prompd.core.prompt;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads references as prompts write them: local paths, package references and {@code using} aliases. */
final class References {

    /** The hint for a reference that does not parse. */
    static final String HOW_TO_WRITE =
            "write ./path/file.prmd for a file of this package, or @scope/package@version/path for another package";

    /**
     * {@code pkg@selector} or {@code pkg@selector/path}: an unscoped package needs a version to tell it from a folder.
     */
    private static final Pattern UNSCOPED = Pattern.compile("^[a-z0-9][a-z0-9._-]*@[^/]*(/.*)?$");
    /**
     * A relative path without spaces ending in an extension, such as {@code contexts/a.xlsx}. The letters and digits
     * of its names are those of any script, with the combining marks of a name written decomposed (NFD, as one copied
     * from older macOS may be), so that {@code data/ölçüm.bin} and {@code contexts/日本.md} are files as
     * {@code data/olcum.bin} is, where ASCII classes took them for text to send and left them unchecked. Extensions
     * stay ASCII, as file types' are: Chinese and Japanese put no space between words, and their text with a full
     * stop or an ellipsis inside ({@code 数据以...编码存储}) is text, not a file of extension {@code 编码存储}.
     */
    private static final Pattern FILE_PATH = Pattern.compile(
            "^[\\w@.-]+(/[\\w@.-]+)*\\.[A-Za-z][A-Za-z0-9]{0,9}$", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * One word written as a file of another package: {@code @scope/name/path}, with a range after the name or not, or
     * {@code name@range/path}.
     */
    private static final Pattern PACKAGE_FILE =
            Pattern.compile("^(@[^/\\s]+/[^/@\\s]+(@[^/\\s]*)?|[a-z0-9][a-z0-9._-]*@[^/\\s]*)/\\S+$",
                    Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * A file of another package named with a range that holds spaces, {@code @scope/name@>=2.0.0 <3.0.0/path}, as
     * {@code inherits} takes one: a package name, '@', the range up to the next '/', and a path of one word.
     */
    private static final Pattern SPACED_RANGE_FILE =
            Pattern.compile("^(@[^/\\s]+/[^/@\\s]+|[a-z0-9][a-z0-9._-]*)@([^/]*\\s[^/]*)/\\S+$",
                    Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Text without whitespace, spaces of any script counting as the ASCII one does (the ideographic space U+3000 of
     * Chinese and Japanese, a no-break space), as in the patterns above: {@code ~/x　を読む} is text to send as
     * {@code ~/x read it} is, not a path outside the package.
     */
    private static final Pattern WORD = Pattern.compile("\\S+", Pattern.UNICODE_CHARACTER_CLASS);

    private References() {
    }

    /**
     * The reference {@code written} stands for, expanding a {@code using} prefix.
     *
     * @throws IllegalArgumentException when it looks like a package reference but is not a valid one
     */
    static Reference parse(String written, List<Alias> aliases) {
        for (Alias alias : aliases) {
            String prefix = alias.prefix();
            if (written.equals(prefix) || written.startsWith(prefix + "/")) {
                String rest = written.substring(Math.min(written.length(), prefix.length() + 1));
                return alias.target().withPath(written, rest, prefix);
            }
        }
        if (written.startsWith("@") || UNSCOPED.matcher(written).matches()) {
            return parsePackage(written);
        }
        return new LocalReference(written);
    }

    /** The reference, or empty when {@link #parse} would refuse it. */
    static Optional<Reference> tryParse(String written, List<Alias> aliases) {
        try {
            return Optional.of(parse(written, aliases));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /**
     * The package path of the file a template in {@code file} names, {@code {% include "./part.md" %}}; empty for a
     * file of another package or a name that is no reference.
     */
    static Optional<String> loadedFrom(String file, String written, PromptPackage pack) {
        return tryParse(written, pack.aliasesOf(file)).filter(LocalReference.class::isInstance)
                .flatMap(reference -> ((LocalReference) reference).resolveFrom(file));
    }

    /**
     * {@code @scope/pkg@selector/path}, {@code @scope/pkg/path} or {@code pkg@selector/path}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static PackageReference parsePackage(String written) {
        int nameStart = written.startsWith("@") ? written.indexOf('/') + 1 : 0;
        if (nameStart == 0 && written.startsWith("@")) {
            throw new IllegalArgumentException("'" + written + "' is not a package reference: a scoped name needs"
                    + " a '/' between scope and name, as in @scope/name");
        }
        int nameEnd = firstOf(written, nameStart, '@', '/');
        PackageName packageName = PackageName.parse(written.substring(0, nameEnd));
        String selector = "";
        int pathStart = nameEnd;
        if (nameEnd < written.length() && written.charAt(nameEnd) == '@') {
            pathStart = firstOf(written, nameEnd + 1, '/');
            selector = written.substring(nameEnd + 1, pathStart);
            if (selector.isEmpty()) {
                throw new IllegalArgumentException("'" + written + "' has an empty version after '@'");
            }
            VersionRange.parse(selector);
        }
        String path = pathStart < written.length() ? written.substring(pathStart + 1) : "";
        return new PackageReference(written, packageName, selector, path, Optional.empty());
    }

    /**
     * An entry of {@code system}, {@code context}, ...: a file when it reads as a path, text otherwise.
     * One word that starts as an absolute path, a home path or a URL does is taken for a file too, so
     * that validation can say it is outside the package rather than let it pass as the text to send; and so is one
     * word that reads as a path once its {@code \} are read as {@code /} ({@code ..\contexts\style.md}, as
     * Windows writes it), or once in {@link WrittenPaths#normalForm normal form} ({@code contexts//style.md}), so that
     * validation can say how to write it, where it went to the model as text.
     */
    static PromptPart part(String text, String pointer, List<Alias> aliases) {
        String trimmed = text.strip();
        String slashed = WrittenPaths.withSlashes(trimmed);
        boolean path = readsAsPath(trimmed, aliases) || (WORD.matcher(trimmed).matches()
                && (readsAsPath(slashed, aliases) || readsAsPath(WrittenPaths.normalForm(slashed), aliases)));
        return path && !trimmed.contains("\n")
                ? new PromptPart.FilePart(parse(trimmed, aliases), pointer)
                : new PromptPart.TextPart(text);
    }

    private static boolean readsAsPath(String text, List<Alias> aliases) {
        return text.startsWith("./") || text.startsWith("../") || FILE_PATH.matcher(text).matches()
                || (LocalReference.isElsewhere(text) && WORD.matcher(text).matches()) || isPackageFile(text, aliases);
    }

    /**
     * A file of another package, {@code @a/b@^2.0.0/contexts/x}, or of an alias, {@code @base/x}: whether its path has
     * an extension or not, and even when it does not parse, so that validation checks it as {@code inherits} and an
     * include are checked, where the file test alone took it for text to send, the more so for the range characters
     * ({@code ^}, {@code ~}, {@code >}) that no path holds.
     */
    private static boolean isPackageFile(String text, List<Alias> aliases) {
        return PACKAGE_FILE.matcher(text).matches() || (WORD.matcher(text).matches()
                && aliases.stream().anyMatch(alias -> text.startsWith(alias.prefix() + "/")))
                || isSpacedRangeFile(text);
    }

    /**
     * A file of another package whose range holds spaces, {@code @a/b@>=2.0.0 <3.0.0/contexts/x.md}, which inherits
     * and an include check: only when the whole of it parses, so that prose that starts with a mention
     * ({@code @alice/bob please review this}, {@code @alice/bob@ 2 or 3/4 of it}) stays text to send.
     */
    private static boolean isSpacedRangeFile(String text) {
        if (!SPACED_RANGE_FILE.matcher(text).matches()) {
            return false;
        }
        try {
            parsePackage(text);
            return true;
        } catch (IllegalArgumentException notAReference) {
            return false;
        }
    }

    private static int firstOf(String text, int from, char... stops) {
        for (int index = from; index < text.length(); index++) {
            for (char stop : stops) {
                if (text.charAt(index) == stop) {
                    return index;
                }
            }
        }
        return text.length();
    }
}
