package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationHistoryTest {

    private static final Instant DAY_1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant DAY_4 = Instant.parse("2026-03-04T10:00:00Z");

    @TempDir
    Path folder;

    private TestRegistryRepo repo;

    @BeforeEach
    void createRegistry() {
        repo = TestRegistryRepo.initRegistry(folder);
    }

    private static PackageVersion version(String name, String version) {
        return new PackageVersion(PackageName.parse(name), Version.parse(version));
    }

    private PublicationHistory compute(ObjectId commit) throws IOException {
        try (RegistryRepository registry = repo.open()) {
            return PublicationHistory.compute(registry, commit);
        }
    }

    @Test
    void eachVersionIsPublishedByTheCommitThatAddedItsManifest() throws IOException {
        repo.publish("@common/base", "1.0.0");
        ObjectId commit1 = repo.commit("publish base 1.0.0", "alice", DAY_1);
        repo.write("README.md", "registry\n");
        repo.commit("unrelated", "alice", DAY_2);
        repo.publish("tools", "2.0.0");
        ObjectId commit3 = repo.commit("publish tools 2.0.0", "bob", DAY_3);
        repo.write("packages/@common/base/1.0.0/README.md", "edited\n");
        ObjectId commit4 = repo.commit("edit base", "alice", DAY_4);

        PublicationHistory history = compute(commit4);

        assertEquals(Map.of(
                version("@common/base", "1.0.0"), new Publication(commit1, DAY_1),
                version("tools", "2.0.0"), new Publication(commit3, DAY_3)), history.publications());
        assertEquals(commit4, history.commit());
        assertEquals(Map.of(PackageName.parse("@common/base"), DAY_4, PackageName.parse("tools"), DAY_3),
                history.lastChanges(), "an edit of a version's file changes its package; the root README none");
        assertEquals(commit1.abbreviate(7).name() + " (2026-03-01)",
                history.publication(version("@common/base", "1.0.0")).orElseThrow().describe());
    }

    @Test
    void deletedVersionsDropOutAndReAddedOnesCountFromTheirLastAddition() throws IOException {
        String folder1 = repo.publish("tools", "1.0.0");
        repo.publish("tools", "1.1.0");
        repo.commit("publish", "alice", DAY_1);
        repo.delete(folder1);
        repo.delete("packages/tools/1.1.0");
        repo.commit("remove", "alice", DAY_2);
        repo.publish("tools", "1.0.0");
        ObjectId readded = repo.commit("publish again", "alice", DAY_3);

        PublicationHistory history = compute(readded);

        assertEquals(Map.of(version("tools", "1.0.0"), new Publication(readded, DAY_3)), history.publications());
    }

    @Test
    void aMergedVersionIsPublishedByTheMergeCommit() throws IOException {
        repo.branch("pr").checkout("pr");
        repo.publish("tools", "1.0.0");
        repo.commit("publish on branch", "bob", DAY_1);
        repo.checkout("main");
        repo.write("README.md", "main moved\n");
        repo.commit("main", "alice", DAY_2);
        ObjectId merge = repo.merge("pr", "Merge pull request #1", TestRegistryRepo.MAINTAINER);

        PublicationHistory history = compute(merge);

        assertEquals(merge, history.publication(version("tools", "1.0.0")).orElseThrow().commit());
    }

    @Test
    void foldersThatAreNoVersionAreIgnored() throws IOException {
        repo.publish("tools", "v1");
        repo.publish("Bad_Name", "1.0.0");
        repo.write("packages/tools/1.0.0/nested/prompd.json", "{}");
        ObjectId head = repo.commit("bad folders");

        assertEquals(Map.of(), compute(head).publications());
    }

    @Test
    void updateWalksOnFromThePreviousCommitAndEqualsAFullWalk() throws IOException {
        repo.publish("@common/base", "1.0.0");
        ObjectId commit1 = repo.commit("one", "alice", DAY_1);
        PublicationHistory previous = compute(commit1);
        repo.publish("@common/base", "1.1.0");
        repo.commit("two", "alice", DAY_2);
        repo.delete("packages/@common/base/1.0.0");
        repo.publish("tools", "1.0.0");
        ObjectId commit3 = repo.commit("three", "alice", DAY_3);

        try (RegistryRepository registry = repo.open()) {
            PublicationHistory updated = previous.update(registry, commit3);

            assertEquals(PublicationHistory.compute(registry, commit3), updated);
            assertEquals(Set.of(version("@common/base", "1.1.0"), version("tools", "1.0.0")),
                    updated.publications().keySet());
        }
    }

    @Test
    void updateFromACommitOffTheLineFallsBackToAFullWalk() throws IOException {
        repo.publish("tools", "1.0.0");
        repo.commit("one", "alice", DAY_1);
        repo.branch("abandoned").checkout("abandoned");
        repo.publish("ghost", "1.0.0");
        ObjectId abandoned = repo.commit("never merged", "alice", DAY_2);
        PublicationHistory stale = compute(abandoned);
        repo.checkout("main");
        repo.publish("tools", "1.1.0");
        ObjectId head = repo.commit("two", "alice", DAY_3);

        try (RegistryRepository registry = repo.open()) {
            PublicationHistory updated = stale.update(registry, head);

            assertEquals(PublicationHistory.compute(registry, head), updated);
            assertTrue(updated.publication(version("ghost", "1.0.0")).isEmpty());
        }
    }

    @Test
    void updateAtTheSameCommitChangesNothing() throws IOException {
        repo.publish("tools", "1.0.0");
        ObjectId head = repo.commit("one", "alice", DAY_1);
        PublicationHistory history = compute(head);

        try (RegistryRepository registry = repo.open()) {
            assertEquals(history, history.update(registry, head));
        }
    }
}
