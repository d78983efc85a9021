package io.prompd.generator.source;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A file's content that a commit of a pull request brought to a path, and that the pull request's head no longer
 * has there: merging keeps it in the registry's history all the same.
 *
 * @param commit the oldest commit of the pull request that brought it
 * @param path   path in the repository, {@code /}-separated
 * @param blob   the content
 * @param link   whether it is a symbolic link's, its target as written
 */
public record IntermediateFile(ObjectId commit, String path, ObjectId blob, boolean link) {

    public IntermediateFile {
        commit = commit.copy();
        Objects.requireNonNull(path, "path");
        blob = blob.copy();
    }
}
