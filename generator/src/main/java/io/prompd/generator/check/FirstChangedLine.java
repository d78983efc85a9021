package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.RegistryRepository;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;

/**
 * The line a problem about a whole changed file is given, for a reviewer to find the change in the diff: the first
 * line of the file as the pull request leaves it that differs from the merge base's, the same for every kind of file
 * (a manifest's field lines would point at the top, a README has none). The file is compared line by line, as bytes.
 */
final class FirstChangedLine {

    private FirstChangedLine() {
    }

    /**
     * The first changed line of the file the change leaves; 0, no line, for a file deleted, a submodule in its place,
     * or a side over the per-file limit every client applies, which is not read for it.
     */
    static int of(RegistryRepository repository, Change change) throws IOException {
        if (change.type() == ChangeType.DELETED || change.newMode() == FileMode.GITLINK) {
            return 0;
        }
        Optional<byte[]> after = repository.read(change.newBlob(), ArchiveLimits.DEFAULT);
        // a submodule's object is a commit, not the file's text
        Optional<byte[]> before = change.type() == ChangeType.ADDED || change.oldMode() == FileMode.GITLINK
                ? Optional.of(new byte[0]) : repository.read(change.oldBlob(), ArchiveLimits.DEFAULT);
        return after.isPresent() && before.isPresent() ? between(before.get(), after.get()) : 0;
    }

    /**
     * The first line of {@code after} that differs from {@code before}, counting from 1: the first new line where
     * lines were added at the end, and the last line where lines were only removed from it; 1 when the bytes are the
     * same (only the mode changed) or nothing is left.
     */
    static int between(byte[] before, byte[] after) {
        int differsAt = Arrays.mismatch(before, after);
        if (differsAt < 0) {
            return 1;
        }
        int line = 1 + newlines(after, Math.min(differsAt, after.length));
        int lines = newlines(after, after.length) + (after.length > 0 && after[after.length - 1] != '\n' ? 1 : 0);
        return Math.max(1, Math.min(line, lines));
    }

    private static int newlines(byte[] bytes, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
