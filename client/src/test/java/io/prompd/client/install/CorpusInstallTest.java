package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.TestRegistry;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real packages of the shared corpus, published as they are and installed from a folder registry. */
class CorpusInstallTest {

    @TempDir
    Path work;

    TestRegistry registry;
    Path home;

    /** Those a registry would accept: the corpus also holds a package whose manifest has errors. */
    @BeforeEach
    void publishTheCorpus() throws IOException {
        registry = new TestRegistry(work.resolve("registry"));
        for (Path folder : SharedData.corpusPackageFolders()) {
            if (PackageSpecs.isValid(folder)) {
                registry.publish(folder);
            }
        }
        home = work.resolve("home");
    }

    private InstallReport installGlobal(String spec) throws IOException {
        return Homes.installer(home, registry.fileUrl(), false).installGlobal(List.of(PackageSpec.parse(spec)),
                InstallOptions.defaults());
    }

    @Test
    void everyPackageWithoutDependenciesInstallsWithItsFilesIntact() throws IOException {
        for (String name : List.of("asset-extraction", "blog-writing", "core", "csv-toolkit", "demo-prompts")) {
            Path source = SharedData.corpusPackages().resolve(name);
            InstallReport report = installGlobal(PackageSpecs.nameIn(source));
            Path installed = report.packages().get(0).folder();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(installed)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertTrue(files.contains(installed.resolve("prompd.json")), name);
            for (Path file : files) {
                assertArrayEquals(Files.readAllBytes(source.resolve(installed.relativize(file))),
                        Files.readAllBytes(file),
                        name + ": " + installed.relativize(file));
            }
        }
    }

    @Test
    void aPackageDependingOnAnUnpublishedVersionIsNotFoundAndSaysWhich() {
        PrompdException missing = assertThrows(PrompdException.class, () -> installGlobal("@prompd/dog-blog-writing"));
        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
        assertTrue(missing.getMessage().contains("no version of @prompd/blog-writer matches 0.1.6"),
                missing.getMessage());
    }
}
