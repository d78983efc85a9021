package io.prompd.core.prompt;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file of the same package, relative to the folder of the file that refers to it
 * ({@code ./base-prompt.prmd}, {@code ../contexts/x.md}, {@code contexts/a.xlsx}).
 *
 * @param written the path as written
 */
public record LocalReference(String written) implements Reference {

    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");
    /** An absolute path, a home folder ({@code ~/x}) or a URL: places no package holds, wherever it is unpacked. */
    private static final Pattern ELSEWHERE = Pattern.compile(
            "[/\\\\]|[A-Za-z]:[/\\\\]|~[^/]*/|[A-Za-z][A-Za-z0-9+.-]*://|file:");

    public LocalReference {
        Objects.requireNonNull(written, "written");
        if (written.isBlank()) {
            throw new IllegalArgumentException("a local reference needs a path");
        }
    }

    /**
     * The package-relative, normalised path this reference names when written in
     * {@code referringFile} (itself package-relative), or empty when it leaves the package:
     * too many {@code ..}, an absolute or home path, or a URL. A path written otherwise than in
     * {@link WrittenPaths} (with {@code \}, or {@code nothere/..}) resolves to the file it means, which the validator
     * reports how to write.
     */
    public Optional<String> resolveFrom(String referringFile) {
        return normalFrom(referringFile).filter(resolved -> !resolved.isEmpty() && !WrittenPaths.climbs(resolved));
    }

    /**
     * Whether the path, written in {@code referringFile}, names a file out of the package: one {@link #resolveFrom}
     * leaves empty but for the package's root folder, which holds no file and is no way out.
     */
    public boolean leavesFrom(String referringFile) {
        return resolveFrom(referringFile).isEmpty() && !namesRoot(referringFile);
    }

    /**
     * Whether the path names the package's root folder, as {@code ../} does from {@code prompts/}: no file, which
     * {@link #resolveFrom} leaves empty as it does a path out of the package.
     */
    private boolean namesRoot(String referringFile) {
        return normalFrom(referringFile).filter(String::isEmpty).isPresent();
    }

    /** The path from the package root in normal form, {@code ..} first where it climbs out; empty when elsewhere. */
    private Optional<String> normalFrom(String referringFile) {
        if (isElsewhere(written) || DRIVE.matcher(written).lookingAt()) {
            return Optional.empty();
        }
        int folderEnd = referringFile.lastIndexOf('/');
        String folder = folderEnd < 0 ? "" : referringFile.substring(0, folderEnd);
        return Optional.of(WrittenPaths.normalForm(folder + "/" + WrittenPaths.withSlashes(written)));
    }

    /**
     * How a prompt at {@code referringFile} writes the package path {@code target} in the manner of this reference:
     * from the prompt's folder, with {@code ../} steps where it must climb, and {@code ./} first where this one has it
     * and there is none.
     */
    public String writtenFor(String referringFile, String target) {
        List<String> folder = Arrays.asList(referringFile.split("/"));
        folder = folder.subList(0, folder.size() - 1);
        List<String> names = Arrays.asList(target.split("/"));
        int shared = 0;
        while (shared < folder.size() && shared < names.size() - 1 && folder.get(shared).equals(names.get(shared))) {
            shared++;
        }
        String path = "../".repeat(folder.size() - shared) + String.join("/", names.subList(shared, names.size()));
        return written.startsWith("./") && !path.startsWith("../") ? "./" + path : path;
    }

    /** Whether the text starts as an absolute path, a home path ({@code ~/x}) or a URL does. */
    static boolean isElsewhere(String text) {
        return ELSEWHERE.matcher(text).lookingAt();
    }
}
