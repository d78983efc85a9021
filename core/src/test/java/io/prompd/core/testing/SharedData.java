package io.prompd.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The read-only {@code shared/} folder (corpus of real packages, conformance tables) that lies
 * beside the repository clone; found from whichever folder the tests run in, since CI clones,
 * worktrees and IDEs put the module folder at different depths. Missing data fails the test:
 * it is never a reason to skip one.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path folder(String relative) {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/" + relative + " beside any folder above " + Path.of("")
                .toAbsolutePath());
    }

    /** A folder of this repository (such as {@code index-template}), found from wherever the tests run. */
    public static Path repositoryFolder(String relative) {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw")) && Files.exists(folder.resolve(relative))) {
                return folder.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " in the repository above " + Path.of("").toAbsolutePath());
    }

    /** {@code shared/corpus/prompds/@prompd}: the real packages. */
    public static Path corpusPackages() {
        return folder("corpus/prompds/@prompd");
    }

    /** The corpus folders that hold a prompd.json, sorted. */
    public static List<Path> corpusPackageFolders() {
        try (Stream<Path> folders = Files.list(corpusPackages())) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("prompd.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
