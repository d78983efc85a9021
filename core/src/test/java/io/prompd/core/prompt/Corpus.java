package io.prompd.core.prompt;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus of real packages, found beside an ancestor of the working folder. */
final class Corpus {

    private Corpus() {
    }

    static Path packages() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared/corpus/prompds/@prompd");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/corpus beside any folder above " + Path.of("").toAbsolutePath());
    }
}
