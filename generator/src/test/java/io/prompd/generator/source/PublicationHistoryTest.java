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

    /** A revert of a takedown restores the version as it was: its documents, cached forever, stay the same. */
    @Test
    void deletedVersionsDropOutAndOnesAddedBackWithTheSameFilesKeepTheirFirstPublication() throws IOException {
        String folder1 = repo.publish("tools", "1.0.0");
        repo.publish("tools", "1.1.0");
        ObjectId published = repo.commit("publish", "alice", DAY_1);
        repo.delete(folder1);
        repo.delete("packages/tools/1.1.0");
        repo.commit("remove", "alice", DAY_2);
        repo.publish("tools", "1.0.0");
        repo.executable(folder1 + "/LICENSE");
        ObjectId readded = repo.commit("publish again, a file made executable, which no tarball holds", "alice",
                DAY_3);

        PublicationHistory history = compute(readded);

        assertEquals(Map.of(version("tools", "1.0.0"), new Publication(published, DAY_1)), history.publications());
        assertEquals(Map.of(), history.reused());
    }

    /**
     * A number deleted, then added back with other files (pushed past the check), is reused and counts from the
     * commit that brought them; once its first files are put back in place, it is the first publication again.
     */
    @Test
    void aNumberAddedBackWithOtherFilesIsReusedUntilItsFirstFilesArePutBack() throws IOException {
        String folder = repo.publish("tools", "1.0.0");
        ObjectId published = repo.commit("publish", "alice", DAY_1);
        repo.delete(folder);
        ObjectId removed = repo.commit("revert", "alice", DAY_2);
        repo.publish("tools", "1.0.0");
        repo.write(folder + "/README.md", "other files\n");
        ObjectId other = repo.commit("publish again, other files", "alice", DAY_3);
        PublicationHistory reused = compute(other);
        repo.publish("tools", "1.0.0");
        ObjectId restored = repo.commit("put the first README back in place", "alice", DAY_4);

        PublicationHistory history = compute(restored);

        Removal removal = reused.removed().get(version("tools", "1.0.0"));
        assertEquals(new Publication(published, DAY_1), removal.publication());
        assertEquals(removed, removal.removedIn());
        assertEquals(Map.of(version("tools", "1.0.0"), removal), reused.reused());
        assertEquals(new Publication(other, DAY_3), reused.publication(version("tools", "1.0.0")).orElseThrow());
        assertEquals(Map.of(version("tools", "1.0.0"), new Publication(published, DAY_1)), history.publications(),
                "the folder's first files, though its manifest is the one the reused number added");
        assertEquals(Map.of(), history.reused());
        try (RegistryRepository registry = repo.open()) {
            assertEquals(reused, compute(removed).update(registry, other), "a resumed walk finds it too");
            assertEquals(history, reused.update(registry, restored));
        }
    }

    /**
     * A version's folder deleted (a takedown) leaves the tree the line last held, the tarball a lock pinned, which a
     * version added back keeps too.
     */
    @Test
    void aDeletedVersionLeavesTheTreeOfItsFolderAsTheLineLastHeldIt() throws IOException {
        String takenDown = repo.publish("tools", "1.0.0");
        String readded = repo.publish("tools", "1.1.0");
        ObjectId published = repo.commit("publish", "alice", DAY_1);
        repo.delete(takenDown);
        repo.delete(readded);
        ObjectId removed = repo.commit("remove", "alice", DAY_2);
        repo.publish("tools", "1.1.0");
        ObjectId head = repo.commit("publish 1.1.0 again", "alice", DAY_3);

        PublicationHistory history = compute(head);

        try (RegistryRepository registry = repo.open()) {
            RegistrySnapshot snapshot = RegistrySnapshot.read(registry, published);
            Publication publication = new Publication(published, DAY_1);
            assertEquals(Map.of(version("tools", "1.0.0"), new Removal(snapshot.folder(PackageName.parse("tools"),
                            Version.parse("1.0.0")).orElseThrow().treeId(), publication, removed),
                    version("tools", "1.1.0"), new Removal(snapshot.folder(PackageName.parse("tools"),
                            Version.parse("1.1.0")).orElseThrow().treeId(), publication, removed)),
                    history.removed());
            assertEquals(history, compute(published).update(registry, head), "a resumed walk keeps it too");
        }
    }

    @Test
    void aMergedVersionKeepsThePublicationOfTheBranchCommitThatAddedIt() throws IOException {
        repo.branch("pr").checkout("pr");
        repo.publish("tools", "1.0.0");
        ObjectId published = repo.commit("publish on branch", "bob", DAY_1);
        repo.write("packages/tools/1.0.0/README.md", "edited on the branch\n");
        repo.commit("edit on branch", "bob", DAY_2);
        repo.checkout("main");
        repo.write("README.md", "main moved\n");
        ObjectId main = repo.commit("main", "alice", DAY_2);
        ObjectId merge = repo.merge("pr", "Merge pull request #1", TestRegistryRepo.MAINTAINER);

        PublicationHistory history = compute(merge);

        assertEquals(new Publication(published, DAY_1), history.publication(version("tools", "1.0.0")).orElseThrow(),
                "the first parent never had it; the second parent's history gives its publication");
        try (RegistryRepository registry = repo.open()) {
            assertEquals(history, compute(main).update(registry, merge));
        }
    }

    @Test
    void aVersionComingThroughSeveralMergesKeepsThePublicationOfTheCommitThatAddedIt() throws IOException {
        repo.branch("a").branch("b").checkout("a");
        repo.publish("tools", "1.0.0");
        ObjectId published = repo.commit("publish on a", "bob", DAY_1);
        repo.checkout("b");
        repo.write("README.md", "b moved\n");
        repo.commit("b", "alice", DAY_2);
        repo.merge("a", "merge a into b", "alice");
        repo.checkout("main");
        repo.write("CONTRIBUTING.md", "main moved\n");
        repo.commit("main", "alice", DAY_3);
        ObjectId merge = repo.merge("b", "Merge pull request #2", TestRegistryRepo.MAINTAINER);

        assertEquals(new Publication(published, DAY_1), compute(merge).publication(version("tools", "1.0.0"))
                .orElseThrow());
    }

    @Test
    void aVersionAMergeAddsThatNoParentHoldsIsPublishedByTheMerge() throws IOException {
        repo.branch("pr").checkout("pr");
        repo.publish("tools", "1.0.0");
        ObjectId published = repo.commit("publish on branch", "bob", DAY_1);
        repo.checkout("main");
        repo.write("README.md", "main moved\n");
        repo.commit("main", "alice", DAY_2);
        repo.startMerge("pr").publish("tools", "1.1.0");
        ObjectId merge = repo.commit("merge, publishing 1.1.0 in the merge commit", TestRegistryRepo.MAINTAINER, DAY_3);

        PublicationHistory history = compute(merge);

        assertEquals(Map.of(version("tools", "1.0.0"), new Publication(published, DAY_1),
                version("tools", "1.1.0"), new Publication(merge, DAY_3)), history.publications());
    }

    /**
     * A maintainer's {@code git pull} on a branch that lacks main's latest version, then a push fast-forwarding main:
     * the version is no longer on main's first-parent line, yet its publication stays.
     */
    @Test
    void aFastForwardOntoABranchThatMergedMainInMovesNoPublication() throws IOException {
        repo.branch("feat");
        repo.publish("tools", "1.1.0");
        ObjectId published = repo.commit("publish on main", "alice", DAY_1);
        PublicationHistory before = compute(published);
        repo.checkout("feat");
        repo.write("CONTRIBUTING.md", "docs\n");
        repo.commit("docs", "alice", DAY_2);
        repo.merge("main", "merge main into feat", TestRegistryRepo.MAINTAINER);
        ObjectId head = repo.checkout("main").fastForward("feat");

        PublicationHistory after = compute(head);

        assertEquals(before.publications(), after.publications());
        assertEquals(Map.of(version("tools", "1.1.0"), new Publication(published, DAY_1)), after.publications());
        try (RegistryRepository registry = repo.open()) {
            assertEquals(after, before.update(registry, head));
        }
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
