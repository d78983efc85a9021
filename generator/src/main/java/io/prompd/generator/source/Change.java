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
            throw new IllegalArgumentException(type + " does not fit modes " + oldMode + " -> "
                    + newMode + " of " + path);
        }
    }

    /**
     * Whether only the executable bit differs: the same blob, a regular file on both sides. A package holds no
     * mode (every entry of its tarball is 0644), so such a change makes no difference to anything served; a
     * symbolic link, a submodule or a folder in a file's place changes what the path is, whatever its object.
     */
    public boolean onlyExecutableBit() {
        return type == ChangeType.MODIFIED && oldBlob.equals(newBlob) && isFile(oldMode) && isFile(newMode);
    }

    /** What a mode makes of an entry, in the words of the other messages, not Git's numbers (40000, 120000). */
    public static String kindOf(FileMode mode) {
        if (mode == FileMode.TREE) {
            return "a folder";
        }
        if (mode == FileMode.SYMLINK) {
            return "a symbolic link";
        }
        if (mode == FileMode.GITLINK) {
            return "a submodule";
        }
        if (mode == FileMode.EXECUTABLE_FILE) {
            return "an executable file";
        }
        return mode == FileMode.REGULAR_FILE ? "a regular file" : "an entry of Git mode " + mode;
    }

    /**
     * Whether the mode is a file's, executable or not (100644, 100664, 100755): not a symbolic link, a submodule or a
     * folder. Every reading of the registry's files asks this alone, as the check and the build must agree on them and
     * an executable bit is an accident of the file system (core.fileMode on WSL's /mnt/c) that changes nothing read.
     */
    public static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
