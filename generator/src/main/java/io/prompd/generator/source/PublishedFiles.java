package io.prompd.generator.source;

import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The files a version present was published with, which lock files pin, and whether its folder holds them still.
 *
 * @param tree      the Git tree of its folder when the version reached the branch's line: the merge or push that
 *                  brought it, which may hold other files than the commit it counts from, a pull request's commit
 *                  changed later in that pull request
 * @param changedIn the commit of the line from which on the folder's tree has been another, a push past the check
 *                  as a rule (a file's executable bit alone makes another tree, but no other tarball); empty while it
 *                  is this one, which a commit putting back the files published makes it again
 */
public record PublishedFiles(ObjectId tree, Optional<ObjectId> changedIn) {

    /**
     * How a published version's files came to differ from those served under its number, and why that is wrong, as
     * every refusal of such a version says it.
     */
    public static final String CHANGED_UNCHECKED = "the branch's history was rewritten, or a push bypassed the check,"
            + " and lock files pin the tarball the published files made";

    public PublishedFiles {
        tree = tree.copy();
        changedIn = changedIn.map(ObjectId::copy);
    }

    /** The files of a folder as it reached the line. */
    public static PublishedFiles of(ObjectId tree) {
        return new PublishedFiles(tree, Optional.empty());
    }

    /** The files published, the folder now holding {@code now}, as the commit {@code commit} made it. */
    PublishedFiles changedTo(ObjectId now, ObjectId commit) {
        if (now.equals(tree)) {
            return of(tree);
        }
        return changedIn.isPresent() ? this : new PublishedFiles(tree, Optional.of(commit));
    }

    /**
     * {@code the version's files differ from those it was published with in commit abc1234 (2026-03-01), first changed
     * in commit def5678: …}, the error of a version whose folder no longer holds the files published.
     */
    public String changedMessage(Publication publication) {
        return "the version's files differ from those it was published with in commit " + publication.describe()
                + ", first changed in commit " + RegistryRepository.shortId(changedIn.orElseThrow()) + ": "
                + CHANGED_UNCHECKED;
    }

    /**
     * {@code put back exactly the files published (git rm … && git checkout …)}: they come from the first parent of
     * the commit that first changed them, on the line, not from the publishing commit, as {@link Removal#restoreHint}
     * tells.
     */
    public String restoreHint(String folder) {
        return Removal.restoreHint(changedIn.orElseThrow(), folder, folder);
    }
}
