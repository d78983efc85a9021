package io.prompd.generator.check;

import io.prompd.generator.source.Change;
import java.util.Objects;

/**
 * A file of a published version or a meta.json whose executable bit alone the pull request changes: the check lets it
 * pass, since no tarball holds a mode and a meta.json is read whatever its mode, but the reviewer sees it in the
 * diff, and the summary says what it is.
 *
 * @param path the file's path in the repository
 * @param from its Git mode at the merge base, as Git writes it ({@code 100644})
 * @param to   its Git mode at the head ({@code 100755})
 */
public record ModeChange(String path, String from, String to) {

    public ModeChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The change of a file whose executable bit alone changes. */
    static ModeChange of(Change change) {
        if (!change.onlyExecutableBit()) {
            throw new IllegalArgumentException("more than the mode of " + change.path() + " changes");
        }
        return new ModeChange(change.path(), change.oldMode().toString(), change.newMode().toString());
    }
}
