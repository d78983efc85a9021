package io.prompd.generator.source;

import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Which version folders a takedown record keeps from being published, as the check of a pull request and the build of a
 * commit both decide it. A number taken down stays taken for every publication since, as npm keeps a number once
 * unpublished: lock files pin its old content, and clients take a version differing from it in build metadata alone
 * for it ({@link RepositoryLayout#versionClash}). A folder of such a version that the branch held, with the same files,
 * when the one taken down was deleted was published before the takedown, not since: two pull requests each checked
 * without the other can bring both to the branch, which no build serves, and taking either down must mend that rather
 * than keep the other from being served as well.
 */
public final class TakenNumbers {

    private TakenNumbers() {
    }

    /**
     * Why the takedown of {@code gone} keeps {@code folder} from being published; empty when it does not.
     *
     * @param removal the deletion of {@code gone}'s folder that the branch's history holds; empty when it holds none,
     *                as for a number recorded without ever being published, which keeps every such folder
     */
    public static Optional<String> takenBy(RegistryRepository repository, VersionFolder folder, Version gone,
                                           Optional<Removal> removal) throws IOException {
        Optional<String> clash = RepositoryLayout.versionClash(folder.version(), gone);
        if (clash.isEmpty() || removal.isEmpty() || !heldWhenRemoved(repository, folder, removal.get())) {
            return clash;
        }
        return Optional.empty();
    }

    /** Whether the folder held the files it holds at the parent of the commit that made the removal. */
    private static boolean heldWhenRemoved(RegistryRepository repository, VersionFolder folder, Removal removal)
            throws IOException {
        try (ObjectReader reader = repository.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit removing = RegistryRepository.parseCommit(walk, removal.removedIn());
            // a removal diffs its commit with the first parent, which held the folder deleted
            RevCommit before = walk.parseCommit(removing.getParent(0));
            return PublicationHistory.folderTree(reader, before.getTree(), folder.id())
                    .filter(folder.treeId()::equals).isPresent();
        }
    }
}
