package io.prompd.generator.source;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A branch's first-parent line, oldest commit first. On that line the state after each commit is
 * exactly what the branch held then, and a folder merged from a pull request branch arrives with
 * the merge commit: the moment it reached the registry's branch. A {@link #replay} diffs each
 * commit with its first parent, reading only the subtrees the filter reaches and that changed,
 * so it costs one pass over history.
 */
final class FirstParentLine {

    /** One commit of the line, as a publication (the commit and its time), and its changes under the filter. */
    interface Step {
        void apply(Publication commit, List<Change> changes);
    }

    private final List<RevCommit> commits;
    private final boolean resumed;

    private FirstParentLine(List<RevCommit> commits, boolean resumed) {
        this.commits = List.copyOf(commits);
        this.resumed = resumed;
    }

    /**
     * The line from the root, or from after {@code stop} when it is on the line, up to {@code head};
     * parsed with the walk, which the replay must still have open.
     */
    static FirstParentLine of(RevWalk walk, ObjectId head, Optional<ObjectId> stop) throws IOException {
        Deque<RevCommit> line = new ArrayDeque<>();
        RevCommit current = RegistryRepository.parseCommit(walk, head);
        while (current != null && !stop.map(current::equals).orElse(false)) {
            line.push(current);
            current = current.getParentCount() == 0 ? null : walk.parseCommit(current.getParent(0));
        }
        return new FirstParentLine(List.copyOf(line), current != null);
    }

    /** Whether the line starts after the stop commit rather than at the root. */
    boolean resumed() {
        return resumed;
    }

    void replay(ObjectReader reader, TreeFilter filter, Step step) throws IOException {
        for (RevCommit commit : commits) {
            // the walk parsed every parent on the line (the stop commit too) while building it
            Optional<ObjectId> parentTree = commit.getParentCount() == 0 ? Optional.empty()
                    : Optional.of(commit.getParent(0).getTree());
            step.apply(new Publication(commit, Instant.ofEpochSecond(commit.getCommitTime())),
                    TreeDiff.between(reader, parentTree, commit.getTree(), filter));
        }
    }
}
