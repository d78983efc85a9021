package io.prompd.generator.source;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The message of a commit of a pull request, which merging keeps in the registry's history and every host shows.
 *
 * @param commit the commit
 * @param text   its whole message, as Git stores it
 */
public record CommitMessage(ObjectId commit, String text) {

    public CommitMessage {
        commit = commit.copy();
        Objects.requireNonNull(text, "text");
    }
}
