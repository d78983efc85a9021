package io.prompd.generator.source;

import java.util.Objects;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One path that differs between two commits. A side where the path does not exist has the zero
 * id and {@link FileMode#MISSING}.
 *
 * @param type    added, modified (content or mode) or deleted
 * @param path    path in the repository, {@code /}-separated
 * @param oldBlob object at the base commit
 * @param newBlob object at the head commit
 * @param oldMode mode at the base commit
 * @param newMode mode at the head commit
 */
public record Change(ChangeType type, String path, ObjectId oldBlob, ObjectId newBlob, FileMode oldMode,
                     FileMode newMode) {

    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        oldBlob = oldBlob.copy();
        newBlob = newBlob.copy();
        Objects.requireNonNull(oldMode, "oldMode");
        Objects.requireNonNull(newMode, "newMode");
        if ((type == ChangeType.ADDED) != (oldMode == FileMode.MISSING)
                || (type == ChangeType.DELETED) != (newMode == FileMode.MISSING)) {
            throw new IllegalArgumentException(type + " does not fit modes " + oldMode + " -> " + newMode + " of " + path);
        }
    }
}
