package io.prompd.core.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.prompd.core.testing.SharedData;
import java.util.stream.Stream;

/** The shared corpus of real packages, as manifest tests use it. */
final class Corpus {

    private Corpus() {
    }

    static Path packages() {
        return SharedData.corpusPackages();
    }

    static List<Path> packageFolders() {
        return SharedData.corpusPackageFolders();
    }

    /** Every regular file of the package, relative to its root with '/'. */
    static Set<String> filesOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Set<String> paths = new TreeSet<>();
            files.filter(Files::isRegularFile)
                    .forEach(file -> paths.add(folder.relativize(file).toString().replace('\\', '/')));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
