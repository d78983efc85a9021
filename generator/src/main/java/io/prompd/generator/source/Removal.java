package io.prompd.generator.source;

import io.prompd.core.version.Version;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A published version whose folder a commit of the branch's line deleted: the files its number was published with,
 * which lock files pin, so that the number is never served with other files, and a folder added back with the very
 * same files keeps its first publication.
 *
 * @param tree        the Git tree of its folder just before the deletion: a published version folder never changes,
 *                    so the files the registry served under the number
 * @param publication where the version was published
 * @param removedIn   the commit that deleted it
 */
public record Removal(ObjectId tree, Publication publication, ObjectId removedIn) {

    public Removal {
        tree = tree.copy();
        Objects.requireNonNull(publication, "publication");
        removedIn = removedIn.copy();
    }

    /** {@code published in commit abc1234 (2026-03-01) and deleted in commit def5678}, for messages. */
    public String describe() {
        return "published in commit " + publication.describe() + " and deleted in commit "
                + RegistryRepository.shortId(removedIn);
    }

    /**
     * {@code version 1.3.0 was published in commit … and deleted in commit …, and the folder holds other files: …}, the
     * error of a folder that holds other files than those the number was published with, as the check and the build
     * both word it; a folder named with other build metadata ({@code 1.3.0+x}) says it is the number all the same.
     */
    public String reusedMessage(Version published, Version folder) {
        return "version " + published + " was " + describe() + ", and the folder" + (published.equals(folder) ? ""
                : " " + folder + ", the same version since build metadata does not make another,")
                + " holds other files: a number once published is never reused, since lock files pin the tarball its"
                + " files made";
    }

    /**
     * {@code put back exactly the files published (git rm … && git checkout …)}, the fix every such error offers:
     * the folder is replaced with the one published, which has another name when its build metadata differs.
     */
    public String restoreHint(String folder, String publishedFolder) {
        return "put back exactly the files published (" + restoreCommand(folder, publishedFolder) + ")";
    }

    /**
     * The commands that put back exactly the files published, none of those added since. They come from
     * the first parent of the removing commit, whose folder is {@link #tree}, not from the publishing commit: a version
     * merged from a branch counts from the branch's commit that added it, whose files later commits of the branch may
     * have changed. {@code ~1}, not {@code ^}, which Windows' cmd takes for an escape.
     */
    private String restoreCommand(String folder, String publishedFolder) {
        return "git rm -r -q " + folder + " && git checkout " + RegistryRepository.shortId(removedIn) + "~1 -- "
                + publishedFolder;
    }
}
