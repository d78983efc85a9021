package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways to read a little of a large registry: publications of a few versions, one file of a folder. */
class FewPublicationsAndFilesTest {

    @TempDir
    Path folder;

    private static PackageVersion version(String name, String version) {
        return new PackageVersion(PackageName.parse(name), Version.parse(version));
    }

    @Test
    void historyOfFewVersionsEqualsTheirPartOfTheWholeHistory() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/a", "1.0.0");
        repo.commit("publish a");
        repo.publish("@common/b", "1.0.0");
        repo.commit("publish b");
        repo.delete("packages/@common/a/1.0.0");
        repo.commit("withdraw a");
        repo.publish("@common/a", "1.0.0");
        ObjectId head = repo.commit("publish a again");

        try (RegistryRepository registry = repo.open()) {
            PublicationHistory whole = PublicationHistory.compute(registry, head);
            PublicationHistory few = PublicationHistory.compute(registry, head, Set.of(version("@common/a", "1.0.0")));

            assertEquals(List.of(version("@common/a", "1.0.0")), List.copyOf(few.publications().keySet()));
            assertEquals(whole.publication(version("@common/a", "1.0.0")),
                    few.publication(version("@common/a", "1.0.0")));
            assertTrue(PublicationHistory.compute(registry, head, Set.of()).publications().isEmpty());
        }
    }

    @Test
    void oneFileOfAFolderIsReadWithoutListingIt() throws IOException {
        TestRegistryRepo repo = TestRegistryRepo.initRegistry(folder);
        String path = repo.publish("@common/a", "1.0.0");
        repo.symlink(path + "/link.md", "README.md");
        ObjectId head = repo.commit("publish a");

        try (RegistryRepository registry = repo.open()) {
            RegistrySnapshot snapshot = RegistrySnapshot.read(registry, head);
            VersionFolder a = snapshot.folder(PackageName.parse("@common/a"), Version.parse("1.0.0")).orElseThrow();

            assertArrayEquals("MIT License\n".getBytes(StandardCharsets.UTF_8),
                    snapshot.file(a, "LICENSE").orElseThrow());
            assertTrue(snapshot.file(a, "prompts/x.prmd").isPresent());
            assertTrue(snapshot.file(a, "missing.md").isEmpty());
            assertTrue(snapshot.file(a, "prompts").isEmpty(), "a folder is no file");
            assertTrue(snapshot.file(a, "link.md").isEmpty(), "a link is not followed");
        }
    }
}
