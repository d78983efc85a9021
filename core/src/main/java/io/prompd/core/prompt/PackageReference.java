package io.prompd.core.prompt;

import io.prompd.core.name.PackageName;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A file of another package: {@code @scope/pkg@1.2.0/prompts/base.prmd}, {@code @scope/pkg/path}
 * (any version) or {@code pkg@^1/path}, possibly written through a {@code using} alias
 * ({@code @core/prompts/base.prmd}).
 *
 * @param written     the reference as written, alias included
 * @param packageName the package, after alias expansion
 * @param selector    the version or range after {@code @}, empty when none was given
 * @param path        the path inside the package, without leading {@code /}; empty for a bare package
 * @param alias       the {@code using} prefix the reference was written with, if any
 */
public record PackageReference(String written, PackageName packageName, String selector, String path,
                               Optional<String> alias) implements Reference {

    public PackageReference {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(alias, "alias");
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("a package path is relative to the package root: " + path);
        }
    }

    /**
     * The {@code ..} or {@code .} segment of the path, {@code ..} first, or empty when it has none: the path runs
     * from the package's root, where such a segment only makes it name another file than it reads as, or none of
     * the package's.
     */
    public Optional<String> dotSegment() {
        List<String> segments = Arrays.asList(path.split("[/\\\\]"));
        return Stream.of("..", ".").filter(segments::contains).findFirst();
    }

    /**
     * Whether the path names a file out of the package: it runs from the package's root, as a path of a package's own
     * written in a file at its root does, and leads out by the same rule ({@link LocalReference#leavesFrom}), whether
     * by {@code ..} past the root or as an absolute path ({@code C:/Windows/win.ini}, {@code \\server\share}), a
     * home path ({@code ~/.ssh/id_rsa}) or a URL, which a file system reads from no package's folder.
     */
    public boolean leaves() {
        return !path.isBlank() && new LocalReference(path).leavesFrom("");
    }

    /**
     * This reference as meant ({@link #withSlashes}) where its path names a file the package may hold, as a version's
     * files are looked up by: empty for a bare package, and for a path with {@code ..} or {@code .}, or one that
     * {@link #leaves} the package, which the validator refuses.
     */
    public Optional<PackageReference> meant() {
        return path.isBlank() || dotSegment().isPresent() || leaves() ? Optional.empty() : Optional.of(withSlashes());
    }

    /**
     * The reference as written, with {@code range} in place of its own, for a message to tell what to write.
     *
     * @throws IllegalStateException for a reference written with no range, or through an alias, which has the
     *                               alias's
     */
    public String withSelector(String range) {
        if (selector.isEmpty() || alias.isPresent()) {
            throw new IllegalStateException("'" + written + "' writes no range of its own");
        }
        // the name holds no '@' after a scope's: the first one past it starts the range
        int start = written.indexOf('@', written.startsWith("@") ? written.indexOf('/') : 0) + 1;
        return written.substring(0, start) + range + written.substring(start + selector.length());
    }

    /**
     * This reference as meant, with {@code /} for each {@code \} ({@link WrittenPaths#withSlashes}): the validator
     * reports the {@code \}, and the rules that follow check the path so meant and quote it, so that writing it as
     * told is not met by another error about the same.
     */
    public PackageReference withSlashes() {
        return path.indexOf('\\') < 0 ? this : new PackageReference(WrittenPaths.withSlashes(written), packageName,
                selector, WrittenPaths.withSlashes(path), alias);
    }

    /** This reference with {@code more} appended to its path, as an alias expands. */
    PackageReference withPath(String writtenText, String more, String prefix) {
        String joined = path.isEmpty() ? more : more.isEmpty() ? path : path + "/" + more;
        return new PackageReference(writtenText, packageName, selector, joined, Optional.of(prefix));
    }
}
