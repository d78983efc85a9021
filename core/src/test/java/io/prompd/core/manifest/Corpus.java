package io.prompd.core.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The shared corpus of real packages, found beside an ancestor of the module folder (CI and worktrees differ in depth). */
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
        throw new IllegalStateException("no shared/corpus beside any ancestor of " + Path.of("").toAbsolutePath());
    }

    /** The folders of the corpus that hold a prompd.json, sorted. */
    static List<Path> packageFolders() {
        try (Stream<Path> folders = Files.list(packages())) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve(ManifestReader.FILE_NAME))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file of the package, relative to its root with '/'. */
    static Set<String> filesOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Set<String> paths = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(file -> paths.add(folder.relativize(file).toString().replace('\\', '/')));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
