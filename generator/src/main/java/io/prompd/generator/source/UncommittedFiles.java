package io.prompd.generator.source;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import java.util.List;
import java.util.Objects;

/**
 * Files under {@code packages/} of a repository's working tree that the commit checked out does not hold as they are
 * (untracked, changed or deleted, staged or not), while a command reads that commit: an author who unpacked a version
 * and ran the check or the build before committing it would otherwise see a result about files they never meant.
 *
 * @param commit the commit read, the one HEAD names
 * @param paths  each file, by its path in the repository, sorted
 */
public record UncommittedFiles(String commit, List<String> paths) {

    public UncommittedFiles {
        Objects.requireNonNull(commit, "commit");
        paths = paths.stream().sorted().toList();
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no file is uncommitted");
        }
    }

    /**
     * The warning, naming a few of the files: {@code reader} (as in "the check") reads only commits.
     */
    public String message(String reader) {
        return "the working tree has " + Plural.count(paths.size(), "file") + " under " + RepositoryLayout.PACKAGES
                + "/ that commit " + RegistryRepository.shortId(commit) + " (HEAD), which " + reader + " reads, does"
                + " not hold as " + (paths.size() == 1 ? "it is" : "they are") + " ("
                + TerminalText.line(Plural.named(paths)) + "): " + reader + " reads only commits, never the working"
                + " tree; commit " + Plural.itOrThem(paths.size()) + " (git add --force FOLDER, then git commit) and"
                + " run it again";
    }
}
