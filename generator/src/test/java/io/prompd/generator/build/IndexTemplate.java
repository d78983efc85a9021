package io.prompd.generator.build;

import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The example registry of the repository ({@code index-template/}), committed into a test repository. */
final class IndexTemplate {

    private IndexTemplate() {
    }

    /** The index-template folder, found from the module folder the tests run in. */
    static Path folder() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("index-template/registry.json"))) {
                return folder.resolve("index-template");
            }
        }
        throw new IllegalStateException("no index-template/ above " + Path.of("").toAbsolutePath());
    }

    /** A repository in {@code folder} whose one commit holds every file of index-template. */
    static TestRegistryRepo commit(Path folder) {
        TestRegistryRepo repo = TestRegistryRepo.init(folder);
        Path template = folder();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                repo.writeBytes(template.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        repo.commit("the example registry", TestRegistryRepo.MAINTAINER);
        return repo;
    }
}
