package io.prompd.client.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names a symbolic link that leads to nothing: the system calls it missing, and a command that says there is no folder,
 * or that the path already exists, sends its user to look for the wrong thing.
 */
public final class DanglingLinks {

    private DanglingLinks() {
    }

    /**
     * {@code "/work/dl is a link to nothere, which does not exist"} when the path is such a link, the target as the
     * link gives it, which is what its owner wrote; empty for anything else.
     */
    public static Optional<String> described(Path path) {
        if (!Files.isSymbolicLink(path) || Files.exists(path)) {
            return Optional.empty();
        }
        String target;
        try {
            target = Files.readSymbolicLink(path).toString();
        } catch (IOException unreadable) {
            target = "a path it does not tell";
        }
        return Optional.of(path.toAbsolutePath() + " is a link to " + target + ", which does not exist");
    }
}
